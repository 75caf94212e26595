"""Quicker construction of the plan's frozen, slotted dataclasses, in pure Python.

A frozen dataclass's generated `__init__` sets each field with `object.__setattr__(self, name,
value)` (its own `__setattr__` refuses): on Python 3.11 that is about 1,500 CPU instructions a
field (callgrind), so a `Prescription` (13 fields) cost about 19,000 to make and, through
keywords, 36,000 to copy with one field changed. `quick_init` gives such a class an `__init__`
of the same signature that sets each field through its slot's own descriptor (`member.__set__`),
about half the cost; the class stays frozen, compares, hashes, prints and pickles as before.

A class compiled by mypyc (the wheel's build) has a native `__init__`, already quick: it is left
as it is.
"""

from __future__ import annotations

import dataclasses
from types import FunctionType
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """`cls` (a frozen, slotted dataclass without default factories or `__post_init__`) with an
    `__init__` that sets its slots directly; a compiled class as it is."""
    if not isinstance(cls.__dict__.get("__init__"), FunctionType):
        return cls  # mypyc's native class
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: __post_init__ is not supported")
    space: dict[str, Any] = {}
    params: list[str] = []
    body: list[str] = []
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: default factories are not supported")
        space[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is not dataclasses.MISSING:
            space[f"_default_{f.name}"] = f.default
        if not f.init:
            body.append(f"    _set_{f.name}(self, _default_{f.name})")
            continue
        has_default = f.default is not dataclasses.MISSING
        params.append(f"{f.name}=_default_{f.name}" if has_default else f.name)
        body.append(f"    _set_{f.name}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(source, space)  # as dataclasses makes its own __init__
    init = space["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    setattr(cls, "__init__", init)  # noqa: B010 (a class, not an instance)
    return cls
