"""The lexer of the language: one regex built from the grammar's terminals, keywords told by context."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

KEYWORDS = {
    "men": "MEN",
    "women": "WOMEN",
    "per": "PER",
    "source": "SOURCE",
    "note": "NOTE",
    "complete": "COMPLETE",
}
# Terminals matched by the NAME pattern too: they are told apart by what the parser accepts.
_CONTEXTUAL = ("UNIT", *KEYWORDS.values())


def make_lexer_class() -> type:
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
    keywords = KEYWORDS
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
