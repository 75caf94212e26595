"""Exporters: a plan -> file bytes (FIT, iCalendar, CSV, JSON, PDF). Pure and deterministic."""
