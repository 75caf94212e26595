"""Exercise data files -> ExerciseLibrary, validating every file and every link between files.

Every problem becomes one `InputError` naming the file and the field; all problems found are
reported together (`InputErrors`) so that a coach fixing a folder sees every mistake at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from runstrong.domain.catalogue import ExerciseLibrary
from runstrong.domain.errors import InputError, InputErrors
from runstrong.domain.exercise import Exercise, FitExercise, Plyometric, Why
from runstrong.library.cache import cached
from runstrong.library.fit_profile import fit_profile

if TYPE_CHECKING:
    from runstrong.library.schema import ExerciseFile

# The package's own data files, beside this module (importlib.resources would cost 4 ms of
# every command's start; runstrong is never run from a zip).
DATA_DIR = Path(__file__).resolve().parent / "data"
BUILTIN_DIR = DATA_DIR / "exercises"
CITATIONS_FILE = DATA_DIR / "citations.toml"


def load_library(
    extra_dirs: Sequence[Path] = (), *, builtin: bool = True, cache_dir: Path | None = None
) -> ExerciseLibrary:
    """The built-in exercises plus `extra_dirs`; a later folder's slug replaces an earlier one.

    With a `cache_dir`, validated libraries are cached there (runstrong.library.cache): only
    changed files are slow."""
    folders = ([BUILTIN_DIR] if builtin else []) + list(extra_dirs)
    data_files = [CITATIONS_FILE, BUILTIN_DIR.parent / "fit_exercises.tsv"]
    return cached(folders, data_files, lambda: _load(folders), cache_dir)


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
    import tomllib  # only when files are read: a cached library never needs it

    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return {key: str(entry["ref"]) for key, entry in data.items()}


def _parse_file(path: Path, errors: list[InputError]) -> ExerciseFile | None:
    # pydantic and the file schema are only needed when files are read: a cached library skips
    # importing and building them.
    from pydantic import ValidationError

    from runstrong.input_files import PROFILE_MAX_BYTES, parse_toml, read_input
    from runstrong.library.schema import ExerciseFile
    from runstrong.validation import validation_errors

    try:
        raw = parse_toml(read_input(path, PROFILE_MAX_BYTES), str(path))
    except InputError as exc:  # not a regular file, too large, unreadable, not TOML
        errors.append(exc)
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
        tolerated_with=data.tolerances(),
        seconds_per_rep=data.seconds_per_rep,
        max_reps=data.max_reps,
        ballistic=data.ballistic,
        tempo=data.tempo,
        weights_held=data.weights_held,
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


def validate_folder(folder: Path, *, cache_dir: Path | None = None) -> int:
    """Validate a coach's folder against the built-in library; returns how many files it holds."""
    load_library([folder], cache_dir=cache_dir)
    return sum(1 for _ in folder.glob("*.toml"))
