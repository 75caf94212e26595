"""runstrong.domain imports nothing outside the standard library and itself (design.md)."""

from __future__ import annotations

import ast
import sys

from builders import ROOT

DOMAIN = ROOT / "src" / "runstrong" / "domain"


def outside_imports(source: str) -> set[str]:
    """Top-level modules imported by `source` that are neither stdlib nor runstrong.domain."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if name.startswith("runstrong.domain") or top in sys.stdlib_module_names:
                continue
            found.add(name)
    return found


def test_the_domain_imports_only_the_standard_library_and_itself() -> None:
    offenders = {
        path.name: outside_imports(path.read_text("utf-8")) for path in sorted(DOMAIN.rglob("*.py"))
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_the_purity_check_catches_a_third_party_import() -> None:
    assert outside_imports("import pydantic\nfrom rich.table import Table\n") == {
        "pydantic",
        "rich.table",
    }


def test_the_purity_check_catches_a_reach_into_other_runstrong_layers() -> None:
    assert outside_imports("from runstrong.library.loader import load_library") == {
        "runstrong.library.loader"
    }


def test_the_purity_check_allows_stdlib_and_domain_imports() -> None:
    assert outside_imports("import json\nfrom runstrong.domain.plan import Plan\n") == set()
