"""Renderers: domain objects -> str or bytes. Pure and deterministic."""
