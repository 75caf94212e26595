"""The docs say what is true now: every rule, command, vocabulary and citation key is documented."""

from __future__ import annotations

import re
import tomllib

import click
import pytest

from builders import ROOT
from runstrong.cli.app import app
from runstrong.domain.exercise import Benefit, Equipment, NiggleSite, Pattern
from runstrong.domain.muscles import Muscle
from runstrong.domain.rules import Rules

DOCS = ROOT / "docs"


def test_every_rule_is_documented_with_its_default_in_science_md() -> None:
    text = (DOCS / "science.md").read_text("utf-8")
    for rule in Rules.describe():
        rows = (line for line in text.splitlines() if line.startswith(f"| `{rule['name']}` |"))
        row = next(rows, None)
        assert row is not None, rule["name"]
        default = rule["default"]
        shown = ("on" if default else "off") if isinstance(default, bool) else str(default)
        assert f"| {shown} |" in row, (rule["name"], row)


def test_every_citation_key_resolves_in_science_md() -> None:
    keys = tomllib.loads((ROOT / "src/runstrong/library/data/citations.toml").read_text("utf-8"))
    text = (DOCS / "science.md").read_text("utf-8")
    assert [k for k in keys if f"[{k}]" not in text] == []


def test_every_rule_cites_a_known_key() -> None:
    keys = tomllib.loads((ROOT / "src/runstrong/library/data/citations.toml").read_text("utf-8"))
    assert [r["name"] for r in Rules.describe() if r["cite"] not in keys] == []


@pytest.mark.parametrize("vocabulary", [Pattern, Equipment, Muscle, NiggleSite, Benefit])
def test_every_vocabulary_value_is_in_formats_md(vocabulary: type) -> None:
    text = (DOCS / "formats.md").read_text("utf-8")
    assert [v.value for v in vocabulary if f"`{v.value}`" not in text] == []


def leaf_commands() -> dict[str, click.Command]:
    """Every command that runs something, by its full name ("plan", "export json", ...)."""
    leaves: dict[str, click.Command] = {}
    ctx = click.Context(app)
    for name in app.list_commands(ctx):
        cmd = app.get_command(ctx, name)
        assert cmd is not None, name
        if isinstance(cmd, click.Group):
            leaves |= {f"{name} {sub_name}": sub for sub_name, sub in cmd.commands.items()}
        else:
            leaves[name] = cmd
    return leaves


def commands() -> list[str]:
    return sorted(leaf_commands())


def test_every_command_is_documented_in_cli_md() -> None:
    text = (DOCS / "cli.md").read_text("utf-8")
    assert [c for c in commands() if f"runstrong {c}" not in text] == []


def test_every_command_help_has_an_example() -> None:
    missing = [
        name
        for name, cmd in leaf_commands().items()
        if not re.search(r"Example: runstrong ", cmd.help or "")
    ]
    assert missing == []


def test_the_csv_columns_are_documented_in_order() -> None:
    from runstrong.export.plan_csv import COLUMNS

    text = (DOCS / "formats.md").read_text("utf-8")
    section = text.split("## CSV", 1)[1]
    found = re.findall(r"`([a-z_0-9]+)`", section)
    documented = [c for c in found if c in COLUMNS]
    assert list(dict.fromkeys(documented)) == list(COLUMNS)
