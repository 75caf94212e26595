"""Exercise data files -> ExerciseLibrary, validating every file and every link between files.

Every problem becomes one `InputError` naming the file and the field; all problems found are
reported together (`InputErrors`) so that a coach fixing a folder sees every mistake at once.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
import types
import typing
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError, InputErrors
from runstrong.domain.exercise import Exercise, FitExercise, Plyometric, Why
from runstrong.library.cache import cached
from runstrong.library.fit_profile import fit_profile

if TYPE_CHECKING:
    from runstrong.library.schema import ExerciseFile

BUILTIN_DIR = Path(str(files("runstrong.library").joinpath("data/exercises")))
CITATIONS_FILE = Path(str(files("runstrong.library").joinpath("data/citations.toml")))
# Setting: extra exercise folders, separated like PATH (docs/formats.md, "Your own exercises").
EXTRA_DIRS_ENV = "RUNSTRONG_EXERCISES"


def extra_dirs_from_env(environ: dict[str, str] | None = None) -> list[Path]:
    value = (os.environ if environ is None else environ).get(EXTRA_DIRS_ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


def load_library(extra_dirs: Sequence[Path] = (), *, builtin: bool = True) -> ExerciseLibrary:
    """The built-in exercises plus `extra_dirs`; a later folder's slug replaces an earlier one.

    Validated libraries are cached (runstrong.library.cache): only changed files are slow."""
    folders = ([BUILTIN_DIR] if builtin else []) + list(extra_dirs)
    data_files = [CITATIONS_FILE, BUILTIN_DIR.parent / "fit_exercises.tsv"]
    return cached(folders, data_files, lambda: _load(folders))


def _load(folders: list[Path]) -> ExerciseLibrary:
    citations = load_citations()
    errors: list[InputError] = []
    parsed: dict[str, tuple[Path, ExerciseFile]] = {}
    for folder in folders:
        if not folder.is_dir():
            errors.append(InputError(str(folder), "", "is not a folder of exercise files"))
            continue
        seen_here: dict[str, Path] = {}
        for path in sorted(folder.glob("*.toml")):
            data = _parse_file(path, errors)
            if data is None:
                continue
            if data.slug in seen_here:
                errors.append(
                    InputError(
                        str(path), "slug", f"'{data.slug}' is also used by {seen_here[data.slug]}"
                    )
                )
                continue
            seen_here[data.slug] = path
            parsed[data.slug] = (path, data)
    exercises = {
        slug: ex
        for slug, (path, data) in sorted(parsed.items())
        if (ex := _to_domain(path, data, parsed, citations, errors)) is not None
    }
    if errors:
        raise InputErrors(errors)
    return ExerciseLibrary(exercises, citations)


def load_citations(path: Path = CITATIONS_FILE) -> dict[str, str]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return {key: str(entry["ref"]) for key, entry in data.items()}


def _parse_file(path: Path, errors: list[InputError]) -> ExerciseFile | None:
    # The file schema is only needed when files are read: a cached library skips building it.
    from runstrong.library.schema import ExerciseFile

    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        errors.append(InputError(str(path), "", f"is not valid TOML ({exc})"))
        return None
    except OSError as exc:
        errors.append(InputError(str(path), "", f"cannot be read ({exc.strerror})"))
        return None
    try:
        data = ExerciseFile.model_validate(raw)
    except ValidationError as exc:
        errors.extend(validation_errors(str(path), exc, ExerciseFile))
        return None
    if data.slug != path.stem:
        errors.append(InputError(str(path), "slug", f"'{data.slug}' must match the file name"))
        return None
    return data


def validation_errors(
    where: str, exc: ValidationError, model: type[BaseModel] | None = None
) -> list[InputError]:
    """One InputError per pydantic error, with the field path and the offending value.

    A misspelled key is one line, "strength_dayz: unknown key; did you mean 'strength_days'?",
    not two (the unknown key and the missing one): the suggestion comes from the missing fields
    next to it, else from `model`'s fields at that place.
    """
    errors = [(_path(err["loc"]), err) for err in exc.errors(include_url=False)]
    missing = {path: err for path, err in errors if err["type"] == "missing"}
    used: set[tuple[str | int, ...]] = set()
    out: list[tuple[tuple[str | int, ...], InputError]] = []
    for path, err in errors:
        field = ".".join(map(str, path)) or "(file)"
        if err["type"] == "extra_forbidden" and path:
            parent, key = path[:-1], str(path[-1])
            nearby = [str(p[-1]) for p in missing if p[:-1] == parent and p not in used]
            guess = _close(key, nearby) or _close(key, _field_names(model, parent))
            if guess is not None and (*parent, guess) in missing:
                used.add((*parent, guess))
            hint = f"; did you mean '{guess}'?" if guess else ""
            out.append((path, InputError(where, field, f"unknown key{hint}")))
        else:
            out.append((path, InputError(where, field, _message(err))))
    return [error for path, error in out if path not in used]


def _path(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """pydantic's location without its validator and dict-key markers: running.week.1.day."""
    return tuple(p for p in loc if not str(p).startswith("function-") and p != "[key]")


def _message(err: ErrorDetails) -> str:
    kind, value = err["type"], err["input"]
    if kind == "missing":
        return "missing"
    if kind in {"model_type", "dict_type"}:
        return f"should be a table (an object in JSON), not {value!r}"
    message = err["msg"].removeprefix("Value error, ")
    expected = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
    guess = _close(str(value), expected) if kind in {"enum", "literal_error"} else None
    hint = f"did you mean '{guess}'?" if guess else ""
    if "[key]" in err["loc"]:
        return "unknown key; " + (hint or message.replace("Input should be", "should be", 1))
    if isinstance(value, dict):
        return message
    return f"{message} (got {value!r}{'; ' + hint if hint else ''})"


def _close(word: str, candidates: Sequence[str]) -> str | None:
    same = [c for c in candidates if c.casefold() == word.casefold()]
    matches = same or difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _field_names(model: type[BaseModel] | None, path: tuple[str | int, ...]) -> list[str]:
    """The keys `model` allows at `path` (a nested model's fields), or [] when unknown."""
    kind: Any = model
    for part in path:
        kind = _child(kind, part)
    found = _models(kind)
    return list(found[0].model_fields) if found else []


def _child(kind: Any, part: str | int) -> Any:
    for model in _models(kind):
        if isinstance(part, str) and part in model.model_fields:
            return model.model_fields[part].annotation
    for option in _options(kind):
        args = typing.get_args(option)
        if typing.get_origin(option) in (list, tuple, set, frozenset) and args:
            return args[0]
        if typing.get_origin(option) is dict and len(args) == 2:
            return args[1]
    return None


def _options(kind: Any) -> list[Any]:
    """`kind` without Annotated, split into the members of a union (X | None)."""
    if typing.get_origin(kind) is typing.Annotated:
        return _options(typing.get_args(kind)[0])
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        return [o for arg in typing.get_args(kind) for o in _options(arg)]
    return [kind]


def _models(kind: Any) -> list[type[BaseModel]]:
    return [o for o in _options(kind) if isinstance(o, type) and issubclass(o, BaseModel)]


def _to_domain(
    path: Path,
    data: ExerciseFile,
    parsed: dict[str, tuple[Path, ExerciseFile]],
    citations: dict[str, str],
    errors: list[InputError],
) -> Exercise | None:
    where = str(path)
    before = len(errors)
    for field, slugs in (
        ("progression", [data.progression]),
        ("regression", [data.regression]),
        ("substitutes", data.substitutes),
    ):
        for slug in slugs:
            if slug is not None and slug not in parsed:
                errors.append(InputError(where, field, f"no exercise has the slug '{slug}'"))
    for key in data.why.citations:
        if key not in citations:
            errors.append(InputError(where, "why.citations", f"unknown citation key '{key}'"))
    fit = _fit_ids(where, data, errors)
    if len(errors) > before or fit is None:
        return None
    return Exercise(
        slug=data.slug,
        name=data.name,
        aliases=tuple(data.aliases),
        patterns=tuple(data.patterns),
        equipment=frozenset(data.equipment),
        equipment_any=frozenset(data.equipment_any),
        level=data.level,
        laterality=data.laterality,
        load_type=data.load_type,
        percent_1rm=data.percent_1rm,
        muscles=tuple(sorted(data.muscles.items(), key=lambda kv: (-kv[1], kv[0]))),
        plyometric=Plyometric(data.plyometric.contacts_per_rep, data.plyometric.intensity)
        if data.plyometric
        else None,
        progression=data.progression,
        regression=data.regression,
        substitutes=tuple(data.substitutes),
        fit=fit,
        cues=tuple(data.cues),
        why=Why(data.why.text, tuple(data.why.benefits), tuple(data.why.citations)),
        avoid_with=frozenset(data.avoid_with),
        seconds_per_rep=data.seconds_per_rep,
        max_reps=data.max_reps,
        ballistic=data.ballistic,
        tempo=data.tempo,
        source=where,
    )


def _fit_ids(where: str, data: ExerciseFile, errors: list[InputError]) -> FitExercise | None:
    profile = fit_profile()
    category_id = profile.category_ids.get(data.fit.category)
    if category_id is None:
        errors.append(
            InputError(
                where, "fit.category", f"the FIT profile has no category '{data.fit.category}'"
            )
        )
        return None
    if data.fit.name is None:
        return FitExercise(category_id, data.fit.category)
    name_id = profile.name_ids.get((data.fit.category, data.fit.name))
    if name_id is None:
        errors.append(
            InputError(
                where,
                "fit.name",
                f"the FIT profile has no '{data.fit.name}' in category '{data.fit.category}'",
            )
        )
        return None
    return FitExercise(category_id, data.fit.category, name_id, data.fit.name)


def validate_folder(folder: Path) -> int:
    """Validate a coach's folder against the built-in library; returns how many files it holds."""
    load_library([folder])
    return sum(1 for _ in folder.glob("*.toml"))
