"""The language view of the model's dataclasses: which field is a line, a block, a list of them.

The dataclasses say everything: a field typed ``Fact[X]`` is a line ``key: value``, a nested
dataclass a block, ``list[Dataclass]`` a block that may repeat, ``dict[str, Fact[Any]]`` a block
of free keys (``choices``, ``answers``), field metadata ``label=True`` the text after a block's
keyword. Adding a field to the model adds it to the language, the YAML form, ``fmt`` and the
JSON Schema with no change here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from c102.model.values import Fact

LABEL, FACT, BLOCK, BLOCKS, FACTS = "label", "fact", "block", "blocks", "facts"
LINES = "lines"  # ``list[Fact[X]]``: a field line that may repeat, each line its own fact


@dataclass(frozen=True)
class FieldSpec:
    """How one dataclass field is written in the language."""

    name: str
    kind: str  # label | fact | block | blocks | facts | lines
    type: Any  # the value type (inside Fact[...]) or the dataclass of a block
    required: bool
    doc: str


def _strip_optional(tp: Any) -> tuple[Any, bool]:
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) < len(get_args(tp)):
            return (args[0] if len(args) == 1 else Union[tuple(args)]), True  # noqa: UP007
    return tp, False


_SPECS: dict[type, dict[str, FieldSpec]] = {}


def specs(cls: type) -> dict[str, FieldSpec]:
    """The language view of a model dataclass, in field order (which is also ``fmt``'s order)."""
    known = _SPECS.get(cls)
    if known is None:
        known = _SPECS[cls] = _specs(cls)
    return known


def _specs(cls: type) -> dict[str, FieldSpec]:
    hints = typing.get_type_hints(cls)
    out: dict[str, FieldSpec] = {}
    for f in dataclasses.fields(cls):
        if f.name == "position" or f.metadata.get("internal"):
            continue
        tp, _ = _strip_optional(hints[f.name])
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        doc = str(f.metadata.get("doc", ""))
        if f.metadata.get("label"):
            kind = LABEL
        elif get_origin(tp) is Fact:
            kind, tp = FACT, get_args(tp)[0]
        elif dataclasses.is_dataclass(tp):
            kind = BLOCK
        elif get_origin(tp) is list and dataclasses.is_dataclass(get_args(tp)[0]):
            kind, tp = BLOCKS, get_args(tp)[0]
        elif get_origin(tp) is list and get_origin(get_args(tp)[0]) is Fact:
            kind, tp = LINES, get_args(get_args(tp)[0])[0]
        elif get_origin(tp) is dict:
            kind, tp = FACTS, get_args(get_args(tp)[1])[0]
        else:
            raise TypeError(f"{cls.__name__}.{f.name}: type {tp!r} has no form in the language")
        out[f.name] = FieldSpec(f.name, kind, tp, required, doc)
    return out


_BLOCK_INFO: dict[type, tuple[FieldSpec | None, list[FieldSpec], bool]] = {}


def block_info(cls: type) -> tuple[FieldSpec | None, list[FieldSpec], bool]:
    """Label, required fields (other than the label), and whether it records its position."""
    info = _BLOCK_INFO.get(cls)
    if info is None:
        required = [s for s in specs(cls).values() if s.required and s.kind != LABEL]
        positioned = "position" in {f.name for f in dataclasses.fields(cls)}
        info = _BLOCK_INFO[cls] = (label_spec(cls), required, positioned)
    return info


def label_spec(cls: type) -> FieldSpec | None:
    return next((s for s in specs(cls).values() if s.kind == LABEL), None)
