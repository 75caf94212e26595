"""Files -> domain: saved plans (and, later, activities). Validate everything, never half-load."""
