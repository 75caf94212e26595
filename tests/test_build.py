"""Which build of the planning engine the tests run against: the pure Python of the editable
install (`make pytest`), or the wheel's mypyc-compiled runstrong.domain (`make pytest-compiled`
sets RUNSTRONG_EXPECT_BUILD=compiled). A stray compiled module in src/ would shadow its source
in the editable install; a module the wheel failed to compile would run as Python unnoticed."""

from __future__ import annotations

import importlib
import os
import pkgutil

import runstrong.domain
from runstrong import cache

EXPECTED = os.environ.get("RUNSTRONG_EXPECT_BUILD", "pure")


def test_every_domain_module_is_of_the_build_under_test() -> None:
    kinds = {}
    for module in pkgutil.iter_modules(runstrong.domain.__path__, "runstrong.domain."):
        path = importlib.import_module(module.name).__file__ or ""
        kinds[module.name] = "pure" if path.endswith(".py") else "compiled"
    assert len(kinds) >= 20
    assert {name: kind for name, kind in kinds.items() if kind != EXPECTED} == {}


def test_the_cache_keys_name_the_build() -> None:
    assert cache.build() == EXPECTED
