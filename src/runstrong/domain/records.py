"""Quicker construction of the plan's frozen, slotted dataclasses, in pure Python.

A frozen dataclass's generated `__init__` sets each field with `object.__setattr__(self, name,
value)` (its own `__setattr__` refuses): on Python 3.11 that is about 1,500 CPU instructions a
field (callgrind), so a `Prescription` (13 fields) cost about 19,000 to make and, through
keywords, 36,000 to copy with one field changed. `quick_init` gives such a class an `__init__`
of the same signature that sets each field through its slot's own descriptor (`member.__set__`),
about half the cost; the class stays frozen, compares, hashes, prints and pickles as before.

Making that `__init__` (exec and compile, as dataclasses does) costs about 0.7-1.3M instructions
at import, the saving about 8,500 an instance: worth it for a class a plan makes hundreds of
(`Prescription`), not for those it makes a few dozen of (`Session`, `Week`, `Reason`: all of
them quickened, the command line's `runstrong plan` took 2M more instructions, not fewer).

The wheel's mypyc-compiled classes get their `__init__` from dataclasses too, in Python: quickened
the same way (19,000 -> 10,700 instructions a `Prescription` there). A class whose `__init__` is
not a Python function is left as it is.
"""

from __future__ import annotations

import dataclasses
from types import FunctionType
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """`cls` (a frozen, slotted dataclass without default factories or `__post_init__`) with an
    `__init__` that sets its slots directly; a class whose `__init__` is not a Python function as
    it is."""
    if not isinstance(cls.__dict__.get("__init__"), FunctionType):
        return cls
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
