"""The pure core of runstrong: standard library only (tests/domain/test_purity.py enforces it)."""
