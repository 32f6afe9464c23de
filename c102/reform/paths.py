"""Fact paths: naming one fact of a description the way ``c102 fmt --to json`` shows it.

``scheme."Pension fund".benefit.old_age.accrual_rate`` walks the blocks by keyword; a block that
repeats is picked by its label (a scheme's name, a benefit's branch, a Convention's name) or by its
position, ``protected[1]`` (counted from 0). ``choices.NAME`` and ``answers.RULE`` name the free
keys of those blocks. Values are read with the language's own value syntax (``1.5%``,
``1_200 per month``, ``26 weeks``), so a what-if value is checked exactly as a file's value is.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from c102.errors import Diagnostic, Position, UsageError
from c102.language.conversion import BadValue, convert, expected
from c102.language.fields import BLOCK, BLOCKS, FACT, FACTS, LABEL, specs
from c102.language.nodes import Raw
from c102.model.description import Description
from c102.model.values import Fact

_SEGMENT = re.compile(r'\s*(?:"((?:[^"\\]|\\.)*)"|([^".\[\]=\s]+))(?:\[(\d+)\])?\s*')


@dataclass(frozen=True)
class Step:
    """One move down the description: a field, and for a repeated block which one."""

    field: str
    index: int | None = None  # the element of a repeated block
    key: str | None = None  # the key of ``choices`` or ``answers``


@dataclass(frozen=True)
class FactPath:
    """A resolved path: the steps from the description to the fact, and the fact's value type."""

    text: str  # the canonical spelling, as ``fact_paths`` lists it
    steps: tuple[Step, ...]
    type: Any


class PathError(UsageError):
    """A path or value the description cannot take; the message lists nearby valid paths."""


def _quote(label: str) -> str:
    return label if re.fullmatch(r"[A-Za-z0-9_-]+", label) else '"' + label.replace('"', '\\"') + '"'


def split_path(text: str) -> list[tuple[str, int | None, int]]:
    """The segments of a path: (name, index, column where it starts); raises ValueError at a bad one."""
    out: list[tuple[str, int | None, int]] = []
    at = 0
    while True:
        match = _SEGMENT.match(text, at)
        if match is None or match.end() == at:
            raise ValueError(at)
        name = match.group(1).replace('\\"', '"') if match.group(1) is not None else match.group(2)
        index = int(match.group(3)) if match.group(3) is not None else None
        out.append((name, index, at))
        at = match.end()
        if at == len(text):
            return out
        if text[at] != ".":
            raise ValueError(at)
        at += 1


def _label_of(obj: Any) -> str | None:
    for spec in specs(type(obj)).values():
        if spec.kind == LABEL:
            value = getattr(obj, spec.name)
            return None if value is None else str(value)
    return None


def fact_paths(description: Description) -> list[str]:
    """Every fact path the description can take, stated or not (blocks it has, fields they allow)."""
    return [text for text, _ in _walk(description, "", ())]


def fact_steps(description: Description) -> list[tuple[str, tuple[Step, ...]]]:
    """Every fact path with its steps, as ``resolve`` would give them (without resolving each)."""
    return list(_walk(description, "", ()))


def _walk(obj: Any, prefix: str, steps: tuple[Step, ...]) -> Iterator[tuple[str, tuple[Step, ...]]]:
    for name, spec in specs(type(obj)).items():
        here = f"{prefix}{name}"
        value = getattr(obj, name)
        if spec.kind == FACT:
            yield here, (*steps, Step(name))
        elif spec.kind == BLOCK and value is not None:
            yield from _walk(value, here + ".", (*steps, Step(name)))
        elif spec.kind == BLOCKS:
            labels = [_label_of(element) for element in value]
            for i, element in enumerate(value):
                label = labels[i]
                unique = label is not None and labels.count(label) == 1
                where = f"{here}.{_quote(label)}" if unique and label is not None else f"{here}[{i}]"
                yield from _walk(element, where + ".", (*steps, Step(name, i)))
        elif spec.kind == FACTS:
            for key in value:
                yield f"{here}.{_quote(key)}", (*steps, Step(name, key=key))


def resolve(description: Description, text: str, argument: str | None = None) -> FactPath:
    """The fact a path names, or a PathError saying where it goes wrong and what exists there."""
    argument = argument if argument is not None else text
    try:
        segments = split_path(text)
    except ValueError as bad:
        raise _error(argument, text, int(str(bad.args[0])), "cannot read this path", description) from None
    obj: Any = description
    steps: list[Step] = []
    canonical: list[str] = []
    i = 0
    while i < len(segments):
        name, index, column = segments[i]
        fields = specs(type(obj))
        spec = fields.get(name)
        if spec is None or spec.kind == LABEL:
            what = "a label; change it in the file" if spec is not None else "not a field here"
            here = [n for n, f in fields.items() if f.kind != LABEL]
            raise _error(argument, text, column, f"'{name}' is {what}", description, here)
        canonical.append(name)
        value = getattr(obj, name)
        last = i == len(segments) - 1
        if spec.kind == FACT:
            if not last or index is not None:
                raise _error(argument, text, column, f"'{name}' is a fact, not a block", description)
            steps.append(Step(name))
            return FactPath(".".join(canonical), tuple(steps), spec.type)
        if spec.kind == FACTS:
            if last:
                raise _error(argument, text, column, f"'{name}' needs a key after it", description, list(value))
            key = segments[i + 1][0]
            if i + 1 != len(segments) - 1:
                raise _error(argument, text, segments[i + 2][2], "nothing follows a key of " + name, description)
            steps.append(Step(name, key=key))
            canonical.append(_quote(key))
            return FactPath(".".join(canonical), tuple(steps), spec.type)
        if spec.kind == BLOCK:
            if value is None:
                raise _error(
                    argument, text, column, f"the description has no '{name}' block here; add it to the file first", description
                )
            steps.append(Step(name))
            obj = value
        else:  # BLOCKS: pick the element by label or position
            position, consumed, shown = _pick(value, index, segments[i + 1] if not last else None)
            if position is None:
                labels = [label for element in value if (label := _label_of(element)) is not None]
                raise _error(
                    argument,
                    text,
                    segments[i + 1][2] if not last and consumed else column,
                    f"'{name}' repeats: name one by its label or [position]"
                    if not consumed
                    else f"no '{name}' '{segments[i + 1][0]}' in the description",
                    description,
                    labels,
                )
            steps.append(Step(name, position))
            canonical[-1] = f"{name}{shown}"
            obj = value[position]
            i += consumed
        i += 1
    raise _error(argument, text, len(text), "the path stops at a block; name one of its facts", description, list(specs(type(obj))))


def _pick(
    elements: list[Any], index: int | None, nxt: tuple[str, int | None, int] | None
) -> tuple[int | None, int, str]:
    """Which element of a repeated block: by ``[n]``, or by the next segment's label (and ``[n]``)."""
    if index is not None:
        return (index if index < len(elements) else None), 0, f"[{index}]"
    if nxt is None:
        return None, 0, ""
    label, nth, _ = nxt
    matches = [i for i, element in enumerate(elements) if _label_of(element) == label]
    if not matches and label.isdigit() and int(label) < len(elements):
        return int(label), 1, f"[{label}]"
    if not matches:
        return None, 1, ""
    if nth is None and len(matches) > 1:
        return None, 0, ""
    pick = nth or 0
    if pick >= len(matches):
        return None, 1, ""
    shown = f".{_quote(label)}" + (f"[{pick}]" if len(matches) > 1 else "")
    return matches[pick], 1, shown


def _error(
    argument: str,
    path: str,
    column: int,
    message: str,
    description: Description,
    here: list[str] | None = None,
) -> PathError:
    offset = argument.find(path) if path in argument else 0
    nearby = difflib.get_close_matches(path, fact_paths(description), n=5, cutoff=0.5)
    hint_parts = []
    if here:
        hint_parts.append("here: " + ", ".join(_quote(h) for h in here[:12]) + (" ..." if len(here) > 12 else ""))
    if nearby:
        hint_parts.append("nearby paths: " + "; ".join(nearby))
    hint_parts.append("list them all with: c102 whatif FILE --paths")
    diagnostic = Diagnostic(
        Position("--set", 1, offset + column + 1), message, "error", argument, "\n  ".join(hint_parts), "path"
    )
    return PathError(message, [diagnostic])


def parse_value(path: FactPath, text: str, argument: str | None = None) -> Any:
    """A value in the language's syntax, checked against the fact's type like a value in a file."""
    from c102.language.dictform import read_raw

    argument = argument if argument is not None else text
    offset = argument.rfind(text) if text in argument else 0
    try:
        return convert(path.type, read_raw(path.type, Raw(text, "str", 1, 1)))
    except BadValue as bad:
        column = offset + (bad.where.column if bad.where is not None else 1)
        raise PathError(
            bad.message,
            [
                Diagnostic(
                    Position("--set", 1, column),
                    f"{path.text}: {bad.message}",
                    "error",
                    argument,
                    bad.hint or f"write {expected(path.type)}",
                    "value",
                )
            ],
        ) from None


def get_fact(description: Description, path: FactPath) -> Fact[Any] | None:
    """The fact at a path (None where the description does not state it)."""
    obj: Any = description
    for step in path.steps:
        value = getattr(obj, step.field)
        if step.key is not None:
            return value.get(step.key)  # type: ignore[no-any-return]
        obj = value[step.index] if step.index is not None else value
    return obj  # type: ignore[no-any-return]


def with_fact(description: Description, path: FactPath, fact: Fact[Any]) -> tuple[Description, Any, str]:
    """A new description with the fact replaced, sharing every block the change does not touch.

    Returns the new description, the block that holds the fact (in the new description) and the
    field name: together they say what changed, for re-evaluating only what reads it.
    """
    root = _shallow(description)
    obj: Any = root
    for step in path.steps:
        value = obj.__dict__[step.field]
        if step.key is not None:
            new_dict = dict(value)
            new_dict[step.key] = fact
            obj.__dict__[step.field] = new_dict
            return root, obj, step.field
        if step.index is None and step is path.steps[-1]:
            obj.__dict__[step.field] = fact
            return root, obj, step.field
        if step.index is not None:
            new_list = list(value)
            new_list[step.index] = child = _shallow(value[step.index])
            obj.__dict__[step.field] = new_list
        else:
            obj.__dict__[step.field] = child = _shallow(value)
        obj = child
    raise AssertionError("a fact path ends at a fact")


def _shallow(obj: Any) -> Any:
    """A shallow copy of a model block (its class kept, ``copy.copy`` is slower)."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    return new
