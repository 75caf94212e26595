"""The FIT profile's exercise ids, read from the table generated from fit-tool's enums."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple


class FitProfile(NamedTuple):
    category_ids: dict[str, int]
    name_ids: dict[tuple[str, str], int]


@cache
def fit_profile() -> FitProfile:
    table = (Path(__file__).resolve().parent / "data" / "fit_exercises.tsv").read_text("utf-8")
    categories: dict[str, int] = {}
    names: dict[tuple[str, str], int] = {}
    for line in table.splitlines():
        if not line or line.startswith("#"):
            continue
        cat_id, cat, name_id, name = line.split("\t")
        categories[cat] = int(cat_id)
        if name:
            names[(cat, name)] = int(name_id)
    return FitProfile(categories, names)
