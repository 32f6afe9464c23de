"""The lark LALR parser of the language, building generic nodes while it parses (no tree).

The grammar lives in ``grammars/scheme.lark``; it is loaded on first use and the parser is built
once per process (lark's ``cache=True`` would write into the system temp folder, which a user
running ``c102 check`` would not expect).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from c102.language.nodes import Atom, BlockNode, FieldNode

if TYPE_CHECKING:
    from lark import Lark, Token

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


def _make_transformer() -> Any:
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


_KEYWORDS = {
    "men": "MEN",
    "women": "WOMEN",
    "per": "PER",
    "source": "SOURCE",
    "note": "NOTE",
    "complete": "COMPLETE",
}
# Terminals matched by the NAME pattern too: they are told apart by what the parser accepts.
_CONTEXTUAL = ("UNIT", *_KEYWORDS.values())


def _make_lexer_class() -> type:
    """A lexer for lark's LALR parser: one compiled regex built from the grammar's own terminals.

    It decides keywords the way lark's contextual lexer does (a word is ``per`` or ``source`` only
    where the parser state accepts that keyword) but scans with a single regex and no per-state
    lexers, which makes the whole parse about twice as fast.
    """
    from lark.lexer import Lexer, Token

    class DescriptionLexer(Lexer):
        __future_interface__ = 2

        def __init__(self, lexer_conf: Any) -> None:
            ignore = set(lexer_conf.ignore)
            terminals = sorted(
                (t for t in lexer_conf.terminals if t.name not in _CONTEXTUAL),
                key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
            )
            self.ignore = ignore
            alternatives = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
            self.scanner = re.compile(alternatives)
            # The fast path skips ignored text (spaces, comments) inside the same match.
            skip = "|".join(t.pattern.to_regexp() for t in lexer_conf.terminals if t.name in ignore)
            self.skip = re.compile(f"(?:{skip})*")
            self.spaced = re.compile(f"(?:{skip})*(?:{alternatives})")
            unit = next(t for t in lexer_conf.terminals if t.name == "UNIT")
            self.unit = re.compile(unit.pattern.to_regexp())

        def lex(self, lexer_state: Any, parser_state: Any) -> Any:
            text = lexer_state.text
            text = getattr(text, "text", text)
            return scan(
                self, text, parser_state.parse_conf.states, parser_state.state_stack, Token, parser_state
            )

    return DescriptionLexer


def scan(
    lexer: Any, text: str, states: Any, stack: list[Any], make: Any, parser_state: Any = None
) -> Iterator[Any]:
    """Tokens for lark's own parser (used to explain errors; ``fast_parse`` inlines the same loop).

    Keywords and units are told from words by what the parser state accepts.
    """
    from lark.exceptions import UnexpectedCharacters

    match = lexer.scanner.match
    ignore = lexer.ignore
    keywords = _KEYWORDS
    unit = lexer.unit.fullmatch
    pos, line, line_start, end = 0, 1, 0, len(text)
    while pos < end:
        m = match(text, pos)
        if m is None:
            raise UnexpectedCharacters(  # type: ignore[no-untyped-call]
                text, pos, line, pos - line_start + 1, state=parser_state, token_history=None
            )
        kind = m.lastgroup or ""
        start = pos
        pos = m.end()
        if kind in ignore:
            continue
        value = m.group()
        if kind == "NAME":
            accepts = states[stack[-1]]
            keyword = keywords.get(value)
            if keyword is not None and keyword in accepts:
                kind = keyword
            elif "UNIT" in accepts and unit(value):
                kind = "UNIT"
        yield make(kind, value, start, line, start - line_start + 1)
        if kind == "_NL" or kind == "_CONT":
            line += value.count("\n")
            line_start = value.rfind("\n") + start + 1


class _Tok:
    """A light token for the fast path: what the node callbacks read of lark's ``Token``."""

    __slots__ = ("column", "line", "type", "value")

    def __init__(self, type: str, value: str, start: int, line: int, column: int) -> None:
        self.type, self.value, self.line, self.column = type, value, line, column

    def __str__(self) -> str:
        return self.value


_FAILED = object()


@cache
def _tables() -> tuple[Any, dict[str, Any], dict[str, Any], frozenset[str], Any]:
    """lark's LALR table, each reduce action unpacked to (size, rule name, builder, kept children).

    lark wraps a rule's callback in a filter that drops punctuation children; the filter's
    indices are read here once so the driver can pick the children itself, one call fewer.
    """
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders
    from lark.parsers.lalr_analysis import Shift

    def unpack(rule: Any) -> tuple[int, str, Any, tuple[int, ...] | None]:
        callback = callbacks[rule]
        size = len(rule.expansion)
        if isinstance(callback, ChildFilterLALR_NoPlaceholders) and not any(
            e for _, e in callback.to_include
        ):
            return (
                size,
                str(rule.origin.name),
                callback.node_builder,
                tuple(i for i, _ in callback.to_include),
            )
        if type(callback).__name__ == "ExpandSingleChild" and size == 1:
            return size, str(rule.origin.name), None, (0,)  # an inlined ``?rule`` with one child
        return size, str(rule.origin.name), callback, None

    lalr = parser().parser.parser
    table = lalr._parse_table
    callbacks = lalr.parser.callbacks
    states: dict[Any, dict[str, tuple[bool, Any]]] = {}
    for state, actions in table.states.items():
        states[state] = {
            # plain str keys: lark's Token keys would make every lookup call Token.__eq__
            str(token): (True, arg) if action is Shift else (False, unpack(arg))
            for token, (action, arg) in actions.items()
        }
    # Terminals no rule keeps (punctuation, line breaks): the driver pushes None for them.
    seen: set[str] = set()
    kept: set[str] = set()
    for rule in callbacks:
        keep = unpack(rule)[3]
        for i, symbol in enumerate(rule.expansion):
            if symbol.is_term:
                seen.add(str(symbol.name))
                if keep is None or i in keep:
                    kept.add(str(symbol.name))
    dropped = frozenset(seen - kept)
    return states, table.start_states, table.end_states, dropped, _make_lexer_class()(parser().lexer_conf)


def fast_parse(text: str, start: str) -> Any:
    """Drive lark's LALR table directly with light tokens: the same parse, about twice as fast.

    The scanning is ``scan`` inlined; tokens the rules drop (punctuation, line breaks) are pushed
    as None rather than built. Returns ``_FAILED`` at the first error; the caller then parses
    again through lark itself, which raises the ``UnexpectedInput`` the error messages explain.
    """
    states, start_states, end_states, dropped, lexer = _tables()
    stack: list[Any] = [start_states[start]]
    values: list[Any] = []
    push_state, push_value = stack.append, values.append
    end_state = end_states[start]
    match, unit, keywords = lexer.spaced.match, lexer.unit.fullmatch, _KEYWORDS
    pos, line, line_start, end = 0, 1, 0, len(text)
    while pos < end:
        m = match(text, pos)
        if m is None:
            if lexer.skip.fullmatch(text, pos):
                break  # only spaces or a comment remain
            return _FAILED
        kind = m.lastgroup
        value = m.group(kind)
        start_pos = m.start(kind)
        pos = m.end()
        actions = states[stack[-1]]
        if kind == "NAME":
            keyword = keywords.get(value)
            if keyword is not None and keyword in actions:
                kind = keyword
            elif "UNIT" in actions and unit(value):
                kind = "UNIT"
        token = None if kind in dropped else _Tok(kind, value, start_pos, line, start_pos - line_start + 1)
        if kind == "_NL" or kind == "_CONT":
            line += value.count("\n")
            line_start = value.rfind("\n") + start_pos + 1
        while True:
            action = actions.get(kind)
            if action is None:
                return _FAILED
            if action[0]:
                push_state(action[1])
                push_value(token)
                break
            size, name, builder, keep = action[1]
            if size:
                children = values[-size:]
                del stack[-size:]
                del values[-size:]
            else:
                children = []
            if keep is not None:
                children = [children[i] for i in keep]
            push_value(builder(children) if builder is not None else children[0])
            push_state(states[stack[-1]][name][1])
            actions = states[stack[-1]]
    while True:
        action = states[stack[-1]].get("$END")
        if action is None or action[0]:
            return _FAILED
        size, name, builder, keep = action[1]
        children = values[-size:] if size else []
        if size:
            del stack[-size:]
            del values[-size:]
        if keep is not None:
            children = [children[i] for i in keep]
        push_value(builder(children) if builder is not None else children[0])
        push_state(states[stack[-1]][name][1])
        if stack[-1] == end_state:
            return values[-1]


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
    """Parse a whole file; lark errors propagate (``errors.explain`` turns them into messages)."""
    if not text.endswith("\n"):
        text += "\n"
    result = fast_parse(text, "start")
    if result is not _FAILED:
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
        if pattern.fullmatch(stripped) and stripped not in _KEYWORDS:
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
    if result is _FAILED:
        result = parser().parse(text + "\n", start="value_only")
    atoms: list[Atom] = result
    return atoms
