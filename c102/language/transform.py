"""What the parser builds at each reduction: generic nodes and atoms, and the written values in them.

A number keeps its spelling and becomes an exact ``Decimal`` (a ratio its two parts); a quoted text
has its escapes resolved. Spellings are interned: the same ones recur on many lines.
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from c102.language.nodes import Atom, BlockNode, FieldNode

if TYPE_CHECKING:
    from lark import Token

_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
_ESCAPE_RE = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)")


def unquote(token_text: str) -> str:
    """The text of a quoted string, escapes resolved (\\" \\\\ \\n \\t \\r \\uXXXX).

    Interned: the same source or note is written on many lines, and the model keeps each one.
    """
    body = token_text[1:-1]
    if "\\" not in body:
        return sys.intern(body)

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u") and len(code) == 5:
            return chr(int(code[1:], 16))
        return _ESCAPES.get(code, code)

    return sys.intern(_ESCAPE_RE.sub(one, body))


@lru_cache(maxsize=4096)
def number(text: str) -> Decimal:
    """A written number; the same spelling gives the same (immutable) Decimal, shared by the model."""
    return Decimal(text.replace("_", ""))


def number_or_ratio(text: str) -> Decimal | tuple[Decimal, Decimal]:
    """``40`` as a Decimal; ``4/3`` as its (numerator, denominator), checked and made exact by
    the model builder (a zero denominator is an error placed at the value)."""
    top, slash, bottom = text.partition("/")
    return (number(top), number(bottom)) if slash else number(top)


def _atom(kind: str, value: Any, first: Token, text: str | None = None) -> Atom:
    """An atom; its spelling interned (the same ``1_000`` or ``15 years`` recurs on many lines)."""
    spelling = sys.intern(str(first) if text is None else text)
    return Atom(kind, value, spelling, first.line or 0, first.column or 0)


def make_transformer() -> Any:
    from lark import Transformer

    class ToNodes(Transformer[Any, Any]):
        """Callbacks run at each LALR reduction: generic nodes come straight out of the parser."""

        def start(self, children: list[Any]) -> list[Any]:
            return children[-1]  # type: ignore[no-any-return]

        def value_only(self, children: list[Any]) -> list[Atom]:
            return children[0]  # type: ignore[no-any-return]

        def body(self, children: list[Any]) -> list[Any]:
            if not children:
                return []
            items: list[Any] = children[0]
            items.append(children[1])
            return items

        def block(self, children: list[Any]) -> BlockNode:
            name = children[0]
            label = children[1] if len(children) == 3 else None
            return BlockNode(sys.intern(str(name)), name.line, name.column, label, children[-1])

        def label(self, children: list[Any]) -> Atom:
            tok = children[0]
            kind = {"STRING": "text", "NAME": "word", "CITATION": "cite"}.get(tok.type, "num")
            if kind == "text":
                return _atom(kind, unquote(str(tok)), tok)
            if kind == "num":
                return _atom(kind, number(str(tok)), tok)
            return _atom(kind, sys.intern(str(tok)), tok)

        def field(self, children: list[Any]) -> FieldNode:
            key = children[0]
            name = str(key)[:-1].rstrip()  # the KEY token holds the name and its colon
            quoted = name.startswith('"')
            node = FieldNode(unquote(name) if quoted else sys.intern(name), key.line, key.column, children[1])
            node.quoted_key = quoted
            for kind, text in children[2:]:
                if kind == "source":
                    node.source = text
                elif kind == "complete":
                    node.complete = text
                else:
                    node.note = text
            return node

        def values(self, children: list[Any]) -> list[Atom]:
            if len(children) == 1:
                return children
            atoms: list[Atom] = children[0]
            atoms.append(children[1])
            return atoms

        def complete(self, children: list[Any]) -> tuple[str, tuple[int, int]]:
            tok = children[0]
            return ("complete", (tok.line or 0, tok.column or 0))

        def source(self, children: list[Any]) -> tuple[str, str]:
            return ("source", unquote(str(children[-1])))

        def note(self, children: list[Any]) -> tuple[str, str]:
            return ("note", unquote(str(children[-1])))

        def num(self, c: list[Any]) -> Atom:
            return _atom("num", number(str(c[0])), c[0])

        def pct(self, c: list[Any]) -> Atom:
            return _atom("pct", number_or_ratio(str(c[0])[:-1]), c[0])

        def frac(self, c: list[Any]) -> Atom:
            return _atom("frac", number_or_ratio(str(c[0])), c[0])

        def money(self, c: list[Any]) -> Atom:
            unit = str(c[1])
            return _atom("money", (number(str(c[0])), unit), c[0], f"{c[0]} per {unit}")

        def duration(self, c: list[Any]) -> Atom:
            unit = str(c[1])
            return _atom("duration", (number(str(c[0])), unit), c[0], f"{c[0]} {unit}")

        def count(self, c: list[Any]) -> Atom:
            total, men, women = number(str(c[0])), number(str(c[2])), number(str(c[4]))
            return _atom("count", (total, men, women), c[0], f"{c[0]} (men {c[2]}, women {c[4]})")

        def sexsplit(self, c: list[Any]) -> Atom:
            return _atom(
                "sexsplit", (number(str(c[1])), number(str(c[3]))), c[0], f"men {c[1]}, women {c[3]}"
            )

        def date(self, c: list[Any]) -> Atom:
            return _atom("date", sys.intern(str(c[0])), c[0])

        def word(self, c: list[Any]) -> Atom:
            return _atom("word", sys.intern(str(c[0])), c[0])

        def cite(self, c: list[Any]) -> Atom:
            return _atom("cite", sys.intern(str(c[0])), c[0])

        def text(self, c: list[Any]) -> Atom:
            return _atom("text", unquote(str(c[0])), c[0])

    return ToNodes()
