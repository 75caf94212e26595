"""runstrong benchmarks: `make bench` (python -m bench). Medians and ratios from one run."""
