"""Generic syntax nodes shared by the .c102 parser and the YAML/JSON reader.

Both readers produce blocks, fields and atoms; ``build`` turns them into the typed model. Keeping
this layer generic is what lets the vocabulary live only in the dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Atom:
    """One written value, before its field's type is known.

    ``kind`` is one of: num, pct, money, duration, count, sexsplit, date, word, cite, text.
    ``value`` depends on the kind (a Decimal, a tuple, a str); ``text`` is the source spelling.
    """

    kind: str
    value: Any
    text: str
    line: int
    column: int


@dataclass(slots=True)
class Raw:
    """A YAML/JSON scalar not yet read: parsed with the value grammar once its type is known."""

    text: str
    tag: str  # "str", "int", "float", "bool", "null", "timestamp"
    line: int
    column: int
    quoted: bool = False


@dataclass(slots=True)
class FieldNode:
    """``key: value[, value...] [source "..."] [note "..."]``."""

    key: str
    line: int
    column: int
    atoms: list[Atom] | None = None
    raw: Raw | list[Raw] | None = None  # dict form only
    source: str | None = None
    note: str | None = None
    quoted_key: bool = False
    complete: tuple[int, int] | None = None  # where `complete` marks the list whole (line, column)


@dataclass(slots=True)
class BlockNode:
    """``keyword [label] { items }``."""

    keyword: str
    line: int
    column: int
    label: Atom | Raw | None = None
    items: list[FieldNode | BlockNode] = field(default_factory=list)
