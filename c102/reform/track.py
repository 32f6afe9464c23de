"""Record which fields of the description each graph node reads.

A what-if must re-evaluate every node whose result could change, and no other. Rule kinds read
the description in many ways (through ``Context.read``, or directly: ``group.basis.value``,
``scheme.benefit``), and the legal rules keep changing, so the dependencies are not declared: they
are recorded. A tracked copy of the description is made of subclasses of the model's dataclasses
whose fields are properties; each read of a field while a node is computed adds (block key, field)
to that node's dependencies. Block keys are fixed when the copy is made and survive the
copy-on-write changes of ``paths.with_fact``, so a changed field names the nodes that read it.
Fresh assessments never see these classes: only the what-if workbench uses them.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from typing import Any

KEY = "_c102_block"

Dependency = tuple[int, str]
# The dependency set of the node being computed, or None when nothing is recorded.
ACTIVE: list[set[Dependency] | None] = [None]

_TRACKED: dict[type, type] = {}
_BASE: dict[type, type] = {}


def _getter(name: str) -> Callable[[Any], Any]:
    def get(self: Any) -> Any:
        record = ACTIVE[0]
        state = self.__dict__
        if record is not None:
            record.add((state[KEY], name))
        return state[name]

    return get


def _eq(self: Any, other: Any) -> bool:
    base = _BASE[type(self)]
    if not isinstance(other, base):
        return NotImplemented  # type: ignore[no-any-return]
    return all(
        self.__dict__[f.name] == getattr(other, f.name) for f in dataclasses.fields(base) if f.compare
    )


def tracked_class(cls: type) -> type:
    """The recording subclass of a model dataclass (made once per class)."""
    known = _TRACKED.get(cls)
    if known is None:
        namespace: dict[str, Any] = {
            f.name: property(_getter(f.name)) for f in dataclasses.fields(cls) if f.name != "position"
        }
        namespace["__eq__"] = _eq
        namespace["__hash__"] = None
        known = _TRACKED[cls] = type(cls.__name__, (cls,), namespace)
        known.__qualname__ = cls.__qualname__
        _BASE[known] = cls
    return known


def track(obj: Any, counter: itertools.count[int] | None = None) -> Any:
    """A copy of a description whose blocks record their reads; facts and values are shared."""
    counter = counter if counter is not None else itertools.count()
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type) or _is_value(obj):
        return obj
    copy: Any = object.__new__(tracked_class(type(obj)))
    state = copy.__dict__
    state.update(obj.__dict__)
    state[KEY] = next(counter)
    for f in dataclasses.fields(obj):
        value = state[f.name]
        if isinstance(value, list) and value and dataclasses.is_dataclass(value[0]) and not _is_value(value[0]):
            state[f.name] = [track(v, counter) for v in value]
        elif dataclasses.is_dataclass(value) and not _is_value(value):
            state[f.name] = track(value, counter)
    return copy


def _is_value(obj: Any) -> bool:
    """Facts and value types (Percent, Money...) are leaves: shared, never tracked."""
    return type(obj).__module__ == "c102.model.values" or type(obj).__module__ == "c102.errors"


def block_key(obj: Any) -> int:
    return int(obj.__dict__[KEY])


def untrack(obj: Any) -> Any:
    """A plain-model copy of a tracked description (for equality with a fresh one, or export)."""
    cls = _BASE.get(type(obj))
    if cls is None:
        return obj
    plain: Any = object.__new__(cls)
    state = {k: v for k, v in obj.__dict__.items() if k != KEY}
    for name, value in state.items():
        if isinstance(value, list):
            state[name] = [untrack(v) for v in value]
        else:
            state[name] = untrack(value)
    plain.__dict__.update(state)
    return plain
