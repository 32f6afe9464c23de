"""The lark LALR parser of the language, building generic nodes while it parses (no tree).

The grammar lives in ``grammars/scheme.lark``; it is loaded on first use and the parser is built
once per process (lark's ``cache=True`` would write into the system temp folder, which a user
running ``c102 check`` would not expect). ``fastparse`` drives its table directly; this parser
itself runs only to explain an error.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from c102.language.lexer import make_lexer_class
from c102.language.transform import make_transformer

if TYPE_CHECKING:
    from lark import Lark


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
        lexer=make_lexer_class(),
        start=["start", "value_only"],
        transformer=make_transformer(),
        maybe_placeholders=False,
    )
