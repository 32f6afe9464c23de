"""Parsing the language: a whole file into generic nodes, or one value into atoms.

The work is split by job: ``fastparse`` runs the parse, ``grammar`` builds lark's parser (run again
only to explain an error), ``lexer`` the tokens and ``transform`` the nodes made at each reduction.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from c102.language.fastparse import FAILED, fast_parse
from c102.language.grammar import parser
from c102.language.lexer import KEYWORDS
from c102.language.nodes import Atom, BlockNode, FieldNode
from c102.language.transform import number, number_or_ratio

__all__ = [
    "parse_items",
    "parse_value",
]


def parse_items(text: str) -> list[FieldNode | BlockNode]:
    """Parse a whole file; lark errors propagate (``errors.explain`` turns them into messages)."""
    if not text.endswith("\n"):
        text += "\n"
    result = fast_parse(text, "start")
    if result is not FAILED:
        return result  # type: ignore[no-any-return]
    items: list[FieldNode | BlockNode] = parser().parse(text, start="start")  # type: ignore[assignment]
    return items


_SINGLE_KINDS = {
    "DATE": "date",
    "PERCENT": "pct",
    "FRACTION": "frac",
    "NUMBER": "num",
    "NAME": "word",
    "CITATION": "cite",
}


@cache
def _single_token() -> list[tuple[re.Pattern[str], str]]:
    """The grammar's own patterns for values that are one token, in the lexer's priority order."""
    terminals = {t.name: t for t in parser().terminals}
    ordered = sorted(_SINGLE_KINDS, key=lambda name: -terminals[name].priority)
    return [(re.compile(terminals[name].pattern.to_regexp()), name) for name in ordered]


def parse_value(text: str) -> list[Atom]:
    """Parse one value in the language's syntax (a YAML/JSON string such as ``"15 years"``).

    A value that is a single token (a number, a word, a date...) is read without starting the
    parser, which makes the YAML form several times faster; anything else goes through lark.
    """
    stripped = text.strip()
    for pattern, name in _single_token():
        if pattern.fullmatch(stripped) and stripped not in KEYWORDS:
            kind = _SINGLE_KINDS[name]
            column = text.index(stripped[:1]) + 1 if stripped else 1
            value: Any = stripped
            if kind == "num":
                value = number(stripped)
            elif kind == "pct":
                value = number_or_ratio(stripped[:-1])
            elif kind == "frac":
                value = number_or_ratio(stripped)
            return [Atom(kind, value, stripped, 1, column)]
    result = fast_parse(text + "\n", "value_only")
    if result is FAILED:
        result = parser().parse(text + "\n", start="value_only")
    atoms: list[Atom] = result
    return atoms
