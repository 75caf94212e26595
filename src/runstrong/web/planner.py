"""Re-plans made in a planner process beside the request worker, not in it.

Reading a profile (pydantic's validation), making its plan (the engine: 30-80 ms of CPU and
several MB of short-lived objects) and reading the stored plan back once, for the input cache,
are the heaviest things a request can ask for. In a request worker they hold the GIL while
every other request of that worker waits, and they leave the worker's memory larger for good
(pydantic alone is about 9 MB). So each worker process starts one planner process
(`python -m runstrong.web.planner_process CONFIG_JSON`) the first time it is asked to re-plan,
and hands it calls: a function of the services and its arguments, where `LIBRARY` stands for the
exercise library, which the planner loads once from the same folders. The answer, or the error
the function raised, comes back; errors keep their class and fields, so a route answers a 422 as
it would have in process.

The two processes speak over the planner's standard input and output: each message a 4-byte
length and a pickle (both ends are this code: nothing else writes to those pipes). Calls from
one worker are taken one at a time. A planner that died is started again by the next call; the
call it died in fails with PlannerError. The planner ends when its worker does (its standard
input closes).
"""

from __future__ import annotations

import dataclasses
import io
import pickle
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, ParamSpec, TypeVar

from runstrong.web.config import WebConfig

P = ParamSpec("P")
R = TypeVar("R")

_LENGTH = struct.Struct(">I")
MAX_MESSAGE_BYTES = 256 * 1024 * 1024  # a pickle longer than this is a broken pipe, not a call
# A planner process given no call for this long ends (its memory back to the machine); the next
# re-plan starts another, about a second. Our own heuristic: a club's evening of profile edits
# keeps one, a quiet night does not.
PLANNER_IDLE_S = 600.0
IDLE_EXIT_CODE = 75  # how a planner that ended for want of calls exits: it ran no call since


class LibraryHere:
    """Stands for the exercise library in a call's arguments: the planner puts its own there."""

    def __reduce__(self) -> str:
        return "LIBRARY"  # pickled by name: the one LIBRARY of this module, at both ends

    def __repr__(self) -> str:
        return "LIBRARY"


LIBRARY: Any = LibraryHere()


class PlannerError(RuntimeError):
    """The planner process failed (it died, or raised what cannot be sent back)."""


class _IdleEndError(Exception):
    pass


def write_message(stream: IO[bytes], value: object) -> None:
    buffer = io.BytesIO()
    _ErrorPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    body = buffer.getvalue()
    stream.write(_LENGTH.pack(len(body)) + body)
    stream.flush()


def read_message(stream: IO[bytes]) -> Any:
    """The next message, or EOFError when the other end has closed."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (size,) = _LENGTH.unpack(head)
    if size > MAX_MESSAGE_BYTES:
        raise EOFError
    body = stream.read(size)
    if len(body) < size:
        raise EOFError
    return pickle.loads(body)


class _ErrorPickler(pickle.Pickler):
    """Exceptions pickled by class, args and state, never by calling their __init__ again
    (runstrong's errors take other arguments than the args they keep); dataclasses by their
    fields, made again by their __init__ (the compiled engine's frozen records cannot take a
    state after they are made)."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, BaseException):
            return rebuilt_error, (type(obj), obj.args, obj.__getstate__())
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            given = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj) if f.init}
            return rebuilt_record, (type(obj), given)
        return NotImplemented


def rebuilt_error(kind: type[BaseException], args: tuple[Any, ...], state: Any) -> Any:
    error = kind.__new__(kind, *args)
    error.args = args
    if state is not None:
        error.__setstate__(state)  # BaseException's (the __dict__), or the compiled class's own
    return error


def rebuilt_record(kind: type[Any], given: dict[str, Any]) -> Any:
    return kind(**given)


class Planner:
    """One worker process's planner process, started on its first call."""

    def __init__(self, config: WebConfig) -> None:
        self._config = config
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None

    def call(self, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """`function(*args, **kwargs)` in the planner process, LIBRARY its library."""
        with self._lock:
            try:
                ok, value = self._exchange((function, args, kwargs))
            except _IdleEndError:  # it ended, idle, as the call was sent: the call never ran
                ok, value = self._exchange((function, args, kwargs))
        if ok:
            result: R = value
            return result
        raise value

    def _exchange(self, call: tuple[Any, ...]) -> tuple[bool, Any]:
        if self._process is not None and self._process.poll() is not None:
            self._stop()  # it ended between calls (idle, or killed): this call starts another
        process = self._process or self._start()
        assert process.stdin is not None
        assert process.stdout is not None
        try:
            write_message(process.stdin, call)
            answer: tuple[bool, Any] = read_message(process.stdout)
        except (OSError, EOFError, pickle.UnpicklingError) as err:
            code = self._stop()
            if code == IDLE_EXIT_CODE:
                raise _IdleEndError from None
            raise PlannerError(f"the planner process stopped ({err!r}, exit {code})") from None
        return answer

    @property
    def pid(self) -> int | None:
        """The planner process's id, while it runs."""
        return None if self._process is None else self._process.pid

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _start(self) -> subprocess.Popen[bytes]:
        self._process = subprocess.Popen(  # this interpreter and environment: this code
            [sys.executable, "-m", "runstrong.web.planner_process", self._config.to_json()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        return self._process

    def _stop(self) -> int | None:
        """Close the planner's pipes and wait for it to end: its exit code."""
        process, self._process = self._process, None
        if process is None:
            return None
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
        try:
            return process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()


def serve_calls(library: object, calls: IO[bytes], answers: IO[bytes]) -> None:
    """A planner process's loop: each call read from `calls` run and its answer written to
    `answers`, until `calls` closes."""
    from runstrong.storage.database import close_databases_but

    while True:
        if not _called_within(calls, PLANNER_IDLE_S):
            sys.exit(IDLE_EXIT_CODE)
        try:
            function, args, kwargs = read_message(calls)
        except EOFError:
            return
        args = tuple(library if a is LIBRARY else a for a in args)
        kwargs = {k: library if v is LIBRARY else v for k, v in kwargs.items()}
        try:
            answer: tuple[bool, Any] = (True, function(*args, **kwargs))
        except Exception as err:
            answer = (False, err)
        try:
            write_message(answers, answer)
        except BrokenPipeError:  # the worker ended meanwhile: so does its planner
            return
        except (pickle.PicklingError, TypeError, AttributeError) as err:
            import traceback

            traceback.print_exception(answer[1] if not answer[0] else err, file=sys.stderr)
            write_message(answers, (False, PlannerError(f"the planner's answer: {err}")))
        close_databases_but(_databases_of(args, kwargs))


def _called_within(calls: IO[bytes], seconds: float) -> bool:
    """Whether a call (or the end of `calls`) comes within `seconds` (always, where pipes
    cannot be waited on: Windows)."""
    if sys.platform == "win32":
        return True
    import select

    ready, _, _ = select.select([calls.fileno()], [], [], seconds)
    return bool(ready)


def _databases_of(args: tuple[Any, ...], kwargs: dict[str, Any]) -> set[str]:
    """The database URLs of the Settings among a call's arguments: kept open for the next."""
    from runstrong.settings import Settings
    from runstrong.storage.database import database_url

    found = [*args, *kwargs.values()]
    return {database_url(v) for v in found if isinstance(v, Settings)}


_planners: dict[tuple[Path, ...], Planner] = {}
_planners_lock = threading.Lock()


def planner_for(config: WebConfig) -> Planner:
    """This process's planner for `config`'s library (its exercise folders): one, whatever the
    database and the input cache (each call names its own, in its Settings)."""
    key = config.exercise_dirs
    with _planners_lock:
        found = _planners.get(key)
        if found is None:
            if not _planners:
                import atexit

                atexit.register(close_planners)  # each ended, and waited for, before exit
            found = _planners[key] = Planner(config)
        return found


def close_planners() -> None:
    """Stop this process's planner processes (a worker's shutdown)."""
    with _planners_lock:
        planners = list(_planners.values())
        _planners.clear()
    for planner in planners:
        planner.close()
