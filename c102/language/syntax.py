"""The lark LALR parser of the language, building generic nodes while it parses (no tree).

The grammar lives in ``grammars/scheme.lark``; it is loaded on first use and the parser is built
once per process (lark's ``cache=True`` would write into the system temp folder, which a user
running ``c102 check`` would not expect).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from c102.language.nodes import Atom, BlockNode, FieldNode

if TYPE_CHECKING:
    from lark import Lark, Token

_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
_ESCAPE_RE = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)")


def unquote(token_text: str) -> str:
    """The text of a quoted string, escapes resolved (\\" \\\\ \\n \\t \\r \\uXXXX)."""
    body = token_text[1:-1]
    if "\\" not in body:
        return body

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u") and len(code) == 5:
            return chr(int(code[1:], 16))
        return _ESCAPES.get(code, code)

    return _ESCAPE_RE.sub(one, body)


def number(text: str) -> Decimal:
    return Decimal(text.replace("_", ""))


def _atom(kind: str, value: Any, first: Token, text: str | None = None) -> Atom:
    return Atom(kind, value, str(first) if text is None else text, first.line, first.column)


def _make_transformer() -> Any:
    from lark import Transformer

    class ToNodes(Transformer):  # type: ignore[misc]
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
            return BlockNode(str(name), name.line, name.column, label, children[-1])

        def label(self, children: list[Any]) -> Atom:
            tok = children[0]
            kind = {"STRING": "text", "NAME": "word", "CITATION": "cite"}.get(tok.type, "num")
            if kind == "text":
                return _atom(kind, unquote(str(tok)), tok)
            if kind == "num":
                return _atom(kind, number(str(tok)), tok)
            return _atom(kind, str(tok), tok)

        def field(self, children: list[Any]) -> FieldNode:
            key = children[0]
            quoted = key.type == "STRING"
            node = FieldNode(unquote(str(key)) if quoted else str(key), key.line, key.column, children[1])
            node.quoted_key = quoted
            for kind, text in children[2:]:
                if kind == "source":
                    node.source = text
                else:
                    node.note = text
            return node

        def values(self, children: list[Any]) -> list[Atom]:
            if len(children) == 1:
                return children
            atoms: list[Atom] = children[0]
            atoms.append(children[1])
            return atoms

        def source(self, children: list[Any]) -> tuple[str, str]:
            return ("source", unquote(str(children[-1])))

        def note(self, children: list[Any]) -> tuple[str, str]:
            return ("note", unquote(str(children[-1])))

        def num(self, c: list[Any]) -> Atom:
            return _atom("num", number(str(c[0])), c[0])

        def pct(self, c: list[Any]) -> Atom:
            return _atom("pct", number(str(c[0])[:-1]), c[0])

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
            return _atom("sexsplit", (number(str(c[1])), number(str(c[3]))), c[0], f"men {c[1]}, women {c[3]}")

        def date(self, c: list[Any]) -> Atom:
            return _atom("date", str(c[0]), c[0])

        def word(self, c: list[Any]) -> Atom:
            return _atom("word", str(c[0]), c[0])

        def cite(self, c: list[Any]) -> Atom:
            return _atom("cite", str(c[0]), c[0])

        def text(self, c: list[Any]) -> Atom:
            return _atom("text", unquote(str(c[0])), c[0])

    return ToNodes()


_KEYWORDS = {"men": "MEN", "women": "WOMEN", "per": "PER", "source": "SOURCE", "note": "NOTE"}
# Terminals matched by the NAME pattern too: they are told apart by what the parser accepts.
_CONTEXTUAL = ("UNIT", *_KEYWORDS.values())


def _make_lexer_class() -> type:
    """A lexer for lark's LALR parser: one compiled regex built from the grammar's own terminals.

    It decides keywords the way lark's contextual lexer does (a word is ``per`` or ``source`` only
    where the parser state accepts that keyword) but scans with a single regex and no per-state
    lexers, which makes the whole parse about twice as fast.
    """
    from lark.exceptions import UnexpectedCharacters
    from lark.lexer import Lexer, Token

    class DescriptionLexer(Lexer):  # type: ignore[misc]
        __future_interface__ = 2

        def __init__(self, lexer_conf: Any) -> None:
            ignore = set(lexer_conf.ignore)
            terminals = sorted(
                (t for t in lexer_conf.terminals if t.name not in _CONTEXTUAL),
                key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
            )
            self.ignore = ignore
            self.scanner = re.compile(
                "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
            )
            unit = next(t for t in lexer_conf.terminals if t.name == "UNIT")
            self.unit = re.compile(unit.pattern.to_regexp())

        def lex(self, lexer_state: Any, parser_state: Any) -> Any:
            text = lexer_state.text
            text = getattr(text, "text", text)
            match = self.scanner.match
            ignore = self.ignore
            keywords = _KEYWORDS
            unit = self.unit.fullmatch
            states = parser_state.parse_conf.states
            stack = parser_state.state_stack
            pos, line, line_start, end = 0, 1, 0, len(text)
            while pos < end:
                m = match(text, pos)
                if m is None:
                    raise UnexpectedCharacters(
                        text, pos, line, pos - line_start + 1, state=parser_state, token_history=None
                    )
                kind = m.lastgroup
                value = m.group()
                start = pos
                pos = m.end()
                if kind in ignore:
                    continue
                if kind == "NAME":
                    accepts = states[stack[-1]]
                    keyword = keywords.get(value)
                    if keyword is not None and keyword in accepts:
                        kind = keyword
                    elif "UNIT" in accepts and unit(value):
                        kind = "UNIT"
                tok = Token(kind, value, start, line, start - line_start + 1)
                if kind == "_NL" or kind == "_CONT":
                    line += value.count("\n")
                    line_start = value.rfind("\n") + start + 1
                yield tok

    return DescriptionLexer


def grammar_text() -> str:
    from c102.resources import data_path

    return (data_path("grammars") / "scheme.lark").read_text(encoding="utf-8")


@cache
def parser() -> Lark:
    """The LALR parser with the node-building callbacks (tree-less: fastest lark mode)."""
    from lark import Lark

    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=_make_lexer_class(),
        start=["start", "value_only"],
        transformer=_make_transformer(),
        maybe_placeholders=False,
    )


def parse_items(text: str) -> list[FieldNode | BlockNode]:
    """Parse a whole file; lark errors propagate (``errors.syntax_diagnostics`` explains them)."""
    if not text.endswith("\n"):
        text += "\n"
    return parser().parse(text, start="start")  # type: ignore[no-any-return]


def parse_value(text: str) -> list[Atom]:
    """Parse one value in the language's syntax (a YAML/JSON string such as ``"15 years"``)."""
    return parser().parse(text + "\n", start="value_only")  # type: ignore[no-any-return]
