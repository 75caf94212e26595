"""The exercise library for the terminal: a table of exercises, or one exercise in full."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text

from runstrong.domain.exercise import Equipment, Exercise
from runstrong.render.exercise_json import exercise_to_dict

# Below this many columns the table leaves out the name (the slug says it too) and the dose.
NARROW_COLUMNS = 110


def exercises_table(chosen: list[Exercise], title: str, width: int = NARROW_COLUMNS) -> Table:
    table = Table(title=title, show_lines=False)
    columns: tuple[str, ...] = ("slug", "name", "patterns", "equipment", "level", "dose")
    if width < NARROW_COLUMNS:
        columns = ("slug", "patterns", "equipment", "level")
    for col in columns:
        # a slug is typed back into commands and a level is one short word: never cut them
        table.add_column(col, overflow="fold", no_wrap=col in ("slug", "level"))
    for ex in chosen:
        cells = {  # spaces for underscores, so that long words wrap between words
            "slug": ex.slug,
            "name": ex.name,
            "patterns": ", ".join(p.replace("_", " ") for p in ex.patterns),
            "equipment": equipment_text(ex).replace("_", " "),
            "level": str(ex.level),
            "dose": ex.load_type.replace("_", " "),
        }
        table.add_row(*(cells[col] for col in columns))
    return table


def equipment_text(ex: Exercise) -> str:
    """What an exercise needs: "bench + (dumbbells or kettlebell)"; "body weight" if nothing."""
    parts = [str(e) for e in sorted(ex.equipment - {Equipment.BODYWEIGHT})]
    options = [str(e) for e in sorted(ex.equipment_any)]
    if len(options) == 1:
        parts.append(options[0])
    elif options:
        either = " or ".join(options)
        parts.append(f"({either})" if parts else either)
    return " + ".join(parts) or "body weight"


def exercise_details(ex: Exercise, citations: Mapping[str, str]) -> Table:
    table = Table(title=ex.name, show_header=False, show_lines=True)
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold")
    data = exercise_to_dict(ex)
    data["equipment"] = equipment_text(ex)
    del data["equipment_any"]
    data["muscles"] = ", ".join(f"{m} {w:g}" for m, w in ex.muscles)
    fit = ex.fit
    data["fit"] = f"{fit.category} ({fit.category_id})" + (
        f" / {fit.name} ({fit.name_id})" if fit.name is not None else ""
    )
    if ex.plyometric is not None:
        per_rep = ex.plyometric.contacts_per_rep
        data["plyometric"] = (
            f"{per_rep} ground contact{'s' if per_rep != 1 else ''} per rep, "
            f"{ex.plyometric.intensity} intensity"
        )
    del data["why"]
    data["tolerated_with"] = (
        ", ".join(
            f"{site} {'never' if worst == 'none' else 'up to ' + worst}"
            for site, worst in data["tolerated_with"].items()
        )
        or "-"
    )  # loads no niggle site
    for key, value in data.items():
        if key == "tolerated_with":  # the why, its benefits and sources go just before
            table.add_row("why", ex.why.text)
            table.add_row("benefits", ", ".join(ex.why.benefits) or "-")
            table.add_row("citations", _citations(ex.why.citations, citations))
        table.add_row(key, _text(key, value))
    return table


def _text(key: str, value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ("\n" if key == "cues" else ", ").join(map(str, value)) or "-"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _citations(keys: tuple[str, ...], citations: Mapping[str, str]) -> Text:
    """One source a line: its key, then the reference."""
    text = Text()
    for i, key in enumerate(keys):
        text.append(("\n" if i else "") + key, style="bold")
        if key in citations:
            text.append(f": {citations[key]}")
    return text or Text("-")
