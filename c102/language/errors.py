"""Syntax errors as a reader would want them: where, what was expected in plain words, what to do.

lark reports token names; the messages here are chosen with ``UnexpectedInput.match_examples``
against small broken snippets, one list per message. After an error the offending line is blanked
and the file parsed again, so one run reports every line that is wrong, not only the first.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from c102.errors import Diagnostic, Position
from c102.i18n import N_, _
from c102.language.nodes import BlockNode, FieldNode

if TYPE_CHECKING:
    from lark.exceptions import UnexpectedInput

MAX_SYNTAX_ERRORS = 20

_VALUES = (
    "1",
    "1.5",
    "5%",
    "1 per month",
    "2 years",
    "1 (men 1, women 0)",
    "men 1, women 2",
    "2020-01-01",
    "w",
    "12(2)",
    '"t"',
)
_AFTER = ('source "s"', 'note "n"', 'source "s" note "n"')

# message -> (hint, snippets that fail at the same parser state)
EXAMPLES: dict[str, tuple[str | None, list[str]]] = {
    N_("expected a value after ':' (a number, a date, yes/no, a word or a quoted text)"): (
        N_("write the value on the same line as its field name"),
        ["a:\n", "a: }\n", "a: ,\n", "a: {\n", "a: :\n", "a: )\n", "a: (\n", "x {\n a:\n}\n"],
    ),
    N_("expected a value after ','"): (
        N_("remove the trailing comma or add the missing value"),
        ["a: b,\n", "a: b, }\n", "a: 1, ,\n", "a: 1,\n"],
    ),
    N_("expected the end of the line, a unit (days, weeks, months, years) or 'per' and a period after the number"): (
        N_("one field per line; write durations as '15 years' and amounts as '1_000 per month'"),
        [
            "a: 1 2\n",
            "a: 1 b\n",
            "a: 1.5 2\n",
            "a: 1.5 b\n",
            "a: 1 {\n",
            "a: 1 :\n",
            "a: 1 }\n",
            'a: 1 "x"\n',
        ],
    ),
    N_("expected the end of the line after the value"): (
        N_('one field per line; only source "..." and note "..." may follow a value'),
        [f"a: {v} {extra}\n" for v in _VALUES[2:] for extra in ("2", "x", "{", ":", "}", '"x"', "5%")]
        + [
            f"a: {v} {after} {extra}\n"
            for v in _VALUES
            for after in _AFTER
            for extra in ("2", "x", '"x"', "}")
        ],
    ),
    N_("expected a period after 'per': day, week, month or year"): (
        N_("e.g. 1_000 per month"),
        ["a: 1 per\n", "a: 1 per 2\n", "a: 1 per x\n", "a: 1.5 per\n", "a: 1.5 per x\n", 'a: 1 per "x"\n'],
    ),
    N_("expected a quoted text after 'source' or 'note'"): (
        N_('e.g. source "Social Security Act 2010, s. 42"'),
        [f"a: {v} {kw} {extra}\n" for v in _VALUES for kw in ("source", "note") for extra in ("", "x", "2")]
        + [f'a: {v} source "s" note {extra}\n' for v in _VALUES for extra in ("", "x", "2")],
    ),
    N_("expected ':' after the field name, or '{' to open a block"): (
        N_("fields are written 'name: value', blocks 'name [label] {' with '}' on a line of its own"),
        [
            "a\n",
            "a }\n",
            "a ,\n",
            "a )\n",
            "x {\n a\n}\n",
            "x {\n a }\n}\n",
            "a 5%\n",
            "a b\n",
            'a "x"\n',
            "a b c\n",
            "a 1\n",
            "a 1 2\n",
            'a "x" y\n',
            "a b :\n",
            "a 12(2)\n",
            "a 1.5\n",
        ],
    ),
    N_("expected a line break after '}'"): (
        N_("a block closes with '}' on a line of its own"),
        ["a {\n} b\n", "a {\n} }\n", "x {\n a {\n } b\n}\n"],
    ),
    N_("expected a line break after '{'"): (
        N_("write each field of the block on its own line"),
        ["a { :\n", "a { 1\n}\n", "a {,\n"],
    ),
    N_("expected a field 'name: value', a block, or '}'"): (
        None,
        ["x {\n 1\n}\n", "x {\n :\n}\n", "x {\n 5%\n}\n", "x {\n ,\n}\n", "x {\n a {\n 1\n }\n}\n"],
    ),
    N_("expected a field or a block at the start of the line"): (
        N_("'}' closes a block only where one is open"),
        ["}\n", "1\n", ":\n", "5%\n", "a: 1\n}\n", ",\n", '"x"\n', "x {\n}\n}\n"],
    ),
    N_("expected a split by sex: 'men 62, women 60' or '1_600 (men 900, women 700)'"): (
        None,
        [
            "a: men\n",
            "a: men x\n",
            "a: men 1\n",
            "a: men 1,\n",
            "a: men 1, x\n",
            "a: men 1, women\n",
            "a: men 1, women x\n",
            "a: 1 (\n",
            "a: 1 (men\n",
            "a: 1 (men 2\n",
            "a: 1 (men 2,\n",
            "a: 1 (men 2, women\n",
            "a: 1 (men 2, women 3\n",
            "a: 1 (x\n",
            "a: 1 (men 2, x\n",
        ],
    ),
}

FRIENDLY = {
    "_NL": N_("the end of the line"),
    "$END": N_("the end of the file"),
    "NAME": N_("a word"),
    "STRING": N_("a quoted text"),
    "NUMBER": N_("a number"),
    "PERCENT": N_("a percentage"),
    "FRACTION": N_("a fraction, e.g. 1/60"),
    "COMPLETE": N_("'complete'"),
    "DATE": N_("a date"),
    "CITATION": N_("an article reference"),
    "UNIT": N_("a unit (days, weeks, months, years)"),
    "LBRACE": N_("'{'"),
    "RBRACE": N_("'}'"),
    "COLON": N_("':'"),
    "KEY": N_("a field name and ':'"),
    "COMMA": N_("','"),
    "LPAR": N_("'('"),
    "RPAR": N_("')'"),
    "SOURCE": N_("'source'"),
    "NOTE": N_("'note'"),
    "PER": N_("'per'"),
    "MEN": N_("'men'"),
    "WOMEN": N_("'women'"),
    "_CONT": N_("a continuation line"),
}


def _parse_start(text: str) -> Any:
    from c102.language.grammar import parser

    return parser().parse(text, start="start")


@cache
def _example_index() -> dict[tuple[Any, str | None], str]:
    """LALR state (and token type) -> message, learnt by parsing the broken snippets once.

    This is ``UnexpectedInput.match_examples`` keyed on the parser state alone: lark's version
    also compares the depth of the parser stack, which differs with how deeply blocks are nested,
    so a snippet at the top level would never match the same mistake inside a block.
    """
    from lark.exceptions import UnexpectedToken

    index: dict[tuple[Any, str | None], str] = {}
    for label, (_hint, snippets) in EXAMPLES.items():
        for snippet in snippets:
            try:
                _parse_start(snippet)
            except UnexpectedToken as error:
                index.setdefault((error.state.position, error.token.type), label)
                index.setdefault((error.state.position, None), label)
            except Exception:
                continue
    return index


def match_example(error: Any) -> str | None:
    index = _example_index()
    position = error.state.position if error.state is not None else None
    return index.get((position, error.token.type)) or index.get((position, None))


def describe_token(token: Any) -> str:
    if token.type == "$END":
        return _("the end of the file")
    if token.type in ("_NL", "_CONT"):
        return _("the end of the line")
    return f"'{token}'" if token.type != "STRING" else _("the text {text}", text=token)


def explain(error: UnexpectedInput, text: str, file: str) -> Diagnostic:
    """One syntax error as a diagnostic with a curated message."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedToken

    lines = text.splitlines()
    line, column = error.line, error.column
    hint: str | None = None
    if isinstance(error, UnexpectedCharacters):
        at = error.pos_in_stream or 0
        char = text[at] if at < len(text) else ""
        if char == '"':
            message = _("this quoted text is not closed on its line")
            hint = _('end it with " (write \\" for a quote inside the text)')
        elif char in "“”‘’":
            message = _('unexpected curly quote {char}', char=char)
            hint = _('use straight quotes "..." around texts')
        else:
            message = _('unexpected character {char!r}', char=char)
            hint = _('quote texts that contain punctuation: "..."')
    elif isinstance(error, UnexpectedToken) and error.token.type == "$END":
        message = _("the file ends inside a block: a '}' is missing")
        opened = unclosed_block_line(text)
        hint = _("the block opened at line {line} is not closed", line=opened) if opened else None
        if opened:
            line, column = opened, len(lines[opened - 1]) - len(lines[opened - 1].lstrip()) + 1
    elif isinstance(error, UnexpectedToken):
        label = match_example(error)
        found = describe_token(error.token)
        if label is not None:
            curated_hint = EXAMPLES[label][0]
            message = _("{expected}, found {found}", expected=_(label), found=found)
            hint = _(curated_hint) if curated_hint else None
        else:
            wanted = sorted({_(FRIENDLY[t]) if t in FRIENDLY else t for t in error.expected if not t.startswith("__")})
            message = _('unexpected {found}; expected {join}', found=found, join=', '.join(wanted))
    else:  # pragma: no cover - lark raises only the two kinds above for LALR
        message = str(error).splitlines()[0]
    source = lines[line - 1] if 0 < line <= len(lines) else None
    return Diagnostic(Position(file, line, column), message, "error", source, hint, "syntax")


def unclosed_block_line(text: str) -> int | None:
    """The line of the innermost block that is still open at the end of the file."""
    stack: list[int] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = _strip_strings_and_comments(raw)
        for ch in line:
            if ch == "{":
                stack.append(number)
            elif ch == "}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _strip_strings_and_comments(line: str) -> str:
    out, quoted, escaped = [], False, False
    for ch in line:
        if quoted:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                quoted = False
            continue
        if ch == '"':
            quoted = True
        elif ch == "#":
            break
        else:
            out.append(ch)
    return "".join(out)


def parse_with_recovery(
    text: str, file: str
) -> tuple[list[FieldNode | BlockNode] | None, list[Diagnostic], set[int]]:
    """Parse a file; on errors, report each wrong line (up to ``MAX_SYNTAX_ERRORS``).

    Returns the items of the text with the wrong lines blanked (None if even that fails), the
    syntax diagnostics and the numbers of the blanked lines.
    """
    from lark.exceptions import UnexpectedInput, UnexpectedToken

    from c102.language.syntax import parse_items

    try:
        return parse_items(text), [], set()  # the common case: no error, no copy of the text
    except UnexpectedInput:
        pass
    diagnostics: list[Diagnostic] = []
    work = text.split("\n")
    done: set[tuple[int, int]] = set()
    while len(diagnostics) < MAX_SYNTAX_ERRORS:
        try:
            items = parse_items("\n".join(work))
        except UnexpectedInput as error:
            where = (error.line, error.column)
            if where in done:
                break
            done.add(where)
            diagnostics.append(explain(error, text, file))
            if isinstance(error, UnexpectedToken) and error.token.type == "$END":
                break
            index = error.line - 1
            if not 0 <= index < len(work):
                break
            # Blank the wrong line, keeping an opened block open so later lines still make sense.
            opens = _strip_strings_and_comments(work[index]).count("{")
            closes = _strip_strings_and_comments(work[index]).count("}")
            work[index] = "_ {" if opens > closes else ""
            continue
        return items, diagnostics, {line for line, _ in done}
    return None, diagnostics, {line for line, _ in done}
