"""Exporters: a plan -> file bytes (FIT, iCalendar, CSV, JSON, HTML, PDF). Pure and deterministic."""
