"""The canonical text of a description (``c102 fmt``) and its YAML/JSON dict form.

Canonical form: blocks and fields in the order of the model's dataclasses, two-space indent, one
blank line between top-level blocks, numbers grouped with ``_`` (``1_600_000``), ``source`` and
``note`` after the value, separated by two spaces. Comments are not part of the model but every
one is kept: the scan in ``comments`` finds them by line and the printer re-attaches them through
the positions the model carries (above the field or block that follows them, at the end of the
field's line, before a closing brace, or at the end of the file).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, Union, get_args, get_origin

from c102.language.comments import Attacher, header_lines, scan
from c102.language.conversion import NONE
from c102.language.fields import BLOCK, BLOCKS, FACT, FACTS, LABEL, LINES, specs
from c102.language.load import DICT_EXTENSIONS
from c102.model.description import Description
from c102.model.values import Count, Duration, Fact, Money, Percent, SexSplit

INDENT = "  "
_BARE = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*|\d+[A-Za-z]?(\([0-9A-Za-z]+\))+|\d+(_\d+)*")
_RESERVED = {"men", "women"}  # read as keywords where a value starts
_CODE = re.compile(r"[A-Z]+[0-9]+")  # instrument codes such as C121
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def group(number: Decimal | int) -> str:
    """``1600000`` -> ``1_600_000``; decimals keep the digits they were written with."""
    text = format(number, "f") if isinstance(number, Decimal) else str(number)
    sign = "-" if text.startswith("-") else ""
    whole, dot, fraction = text.lstrip("-").partition(".")
    if len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = "_".join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])
    return f"{sign}{whole}{dot}{fraction}"


def quote(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 32 or ch in "\u2028\u2029\x85":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def word_or_quoted(text: str) -> str:
    return text if _BARE.fullmatch(text) and text not in _RESERVED else quote(text)


def format_value(tp: Any, value: Any) -> str:
    """A value in the language's syntax, as the field's type reads it back."""
    if get_origin(tp) is list:
        element = get_args(tp)[0]
        return ", ".join(format_value(element, v) for v in value) if value else NONE
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Count):
        if value.men is not None and value.women is not None:
            return f"{group(value.total)} (men {group(value.men)}, women {group(value.women)})"
        return group(value.total)
    if isinstance(value, Money):
        return f"{group(value.amount)} per {value.per}" if value.per else group(value.amount)
    if isinstance(value, Percent):
        if value.share or isinstance(value.value, Fraction):
            return str(value)  # as the law writes it: 1/60, 4/3%
        return f"{group(value.value)}%"
    if isinstance(value, Duration):
        return f"{group(value.amount)} {value.unit}"
    if isinstance(value, SexSplit):
        if value.men == value.women:
            return group(value.men)
        return f"men {group(value.men)}, women {group(value.women)}"
    if isinstance(value, Decimal | int):
        return group(value)
    if isinstance(value, list):  # a list in ``choices``/``answers``
        return ", ".join(format_value(Any, v) for v in value)
    return word_or_quoted(str(value))


def format_label(tp: Any, value: Any) -> str:
    if tp is str:
        return value if _CODE.fullmatch(value) and value not in _RESERVED else quote(value)
    if tp is int:
        return str(value)
    return format_value(tp, value)


def _fact_line(key: str, tp: Any, fact: Fact[Any], depth: int) -> str:
    line = f"{INDENT * depth}{key}: {format_value(tp, fact.value)}"
    if fact.complete and fact.value:
        line += "  complete"
    if fact.source is not None:
        line += f"  source {quote(fact.source)}"
    if fact.note is not None:
        line += f"  note {quote(fact.note)}"
    return line


class _Printer:
    """Prints blocks and fields, with the source's comments where it has them (``comments``)."""

    def __init__(self, attacher: Attacher | None) -> None:
        self.comments = attacher

    def leading(self, line: int | None, depth: int, out: list[str]) -> None:
        """The full-line comments above an item: paragraph breaks kept only at the top level."""
        group = self.comments.before(line) if self.comments else None
        if group is None:
            return
        if depth == 0:
            out.extend(group.lines)
            if group.blank_after:
                out.append("")
        else:
            out.extend(INDENT * depth + text for text in group.texts())

    def trailing(self, line: int | None, kind: str, column: int = 0) -> list[str]:
        return self.comments.trailing(line, kind, column) if self.comments else []

    def fact(self, key: str, tp: Any, fact: Fact[Any], depth: int, out: list[str]) -> None:
        line = fact.position.line if fact.position is not None else None
        self.leading(line, depth, out)
        text = _fact_line(key, tp, fact, depth)
        trailing = self.trailing(line, "fact")
        if trailing:
            # Comments ending continuation lines go above the field: one line has one comment.
            out.extend(INDENT * depth + extra for extra in trailing[1:])
            text += "  " + trailing[0]
        out.append(text)

    def open(self, head: str, line: int | None, column: int, depth: int, out: list[str]) -> None:
        self.leading(line, depth, out)
        trailing = self.trailing(line, "open", column)
        out.append(f"{head} {{" + (f"  {trailing[0]}" if trailing else ""))

    def close(self, anchor: tuple[int, int] | None, depth: int, out: list[str]) -> None:
        line = self.comments.close_line(anchor) if self.comments else None
        self.leading(line, depth + 1, out)  # comments after the last item, before the brace
        trailing = self.trailing(line, "close")
        out.append(f"{INDENT * depth}}}" + (f"  {trailing[0]}" if trailing else ""))

    def block(self, keyword: str, obj: Any, depth: int, out: list[str]) -> None:
        fields = specs(type(obj))
        head = f"{INDENT * depth}{keyword}"
        for spec in fields.values():
            if spec.kind == LABEL and getattr(obj, spec.name) is not None:
                head += " " + format_label(spec.type, getattr(obj, spec.name))
        position = getattr(obj, "position", None)
        anchor = (position.line, position.column) if position is not None else None
        self.open(head, anchor[0] if anchor else None, anchor[1] if anchor else 0, depth, out)
        for name, spec in fields.items():
            value = getattr(obj, name)
            if spec.kind == FACT and value is not None:
                self.fact(name, spec.type, value, depth + 1, out)
            elif spec.kind == BLOCK and value is not None:
                self.block(name, value, depth + 1, out)
            elif spec.kind == BLOCKS:
                for element in value:
                    self.block(name, element, depth + 1, out)
            elif spec.kind == LINES:
                for fact in value:
                    self.fact(name, spec.type, fact, depth + 1, out)
        self.close(anchor, depth, out)

    def facts_block(self, keyword: str, facts: dict[str, Fact[Any]], out: list[str]) -> None:
        anchor = self.comments.top_block(keyword) if self.comments else None
        self.open(keyword, anchor[0] if anchor else None, anchor[1] if anchor else 0, 0, out)
        for key, fact in facts.items():
            self.fact(key if _KEY.fullmatch(key) else quote(key), Any, fact, 1, out)
        self.close(anchor, 0, out)


def header_comments(text: str) -> str:
    """The comment lines at the top of a file (one blank line kept between paragraphs)."""
    return "\n".join(header_lines(text))


def _attacher(description: Description) -> Attacher | None:
    """The comments of a .c102 source; a YAML/JSON source's line numbers name other lines."""
    if not description.text or description.path.lower().endswith(DICT_EXTENSIONS):
        return None
    layout = scan(description.text)
    return Attacher(layout) if layout.comments else None


def format_description(description: Description, header: str | None = None) -> str:
    """The canonical text, with every comment of a .c102 source kept next to what it annotates.

    ``header`` replaces the header comment block (the comments above the first line of code);
    by default it is the source's own. A YAML source keeps its header comments only.
    """
    attacher = _attacher(description)
    if header is None:
        header = "\n".join(attacher.header() if attacher else header_lines(description.text))
    printer = _Printer(attacher)
    chunks: list[str] = [header] if header else []
    for name, spec in specs(Description).items():
        value = getattr(description, name)
        out: list[str] = []
        if spec.kind == BLOCK and value is not None:
            printer.block(name, value, 0, out)
        elif spec.kind == BLOCKS:
            for element in value:
                out = []
                printer.block(name, element, 0, out)
                chunks.append("\n".join(out))
            continue
        elif spec.kind == FACTS and value:
            printer.facts_block(name, value, out)
        elif spec.kind == LINES:
            for fact in value:
                printer.fact(name, spec.type, fact, 0, out)
        if out:
            chunks.append("\n".join(out))
    if attacher is not None:
        rest = attacher.rest()
        if rest:
            chunks.append("\n".join(rest))
    return "\n\n".join(chunks) + "\n"


# ---------------------------------------------------------------- the dict (YAML/JSON) form


def _plain(tp: Any, value: Any) -> Any:
    """A value as YAML/JSON data: native where YAML has the type, else the language's spelling."""
    if get_origin(tp) is list:
        return [_plain(get_args(tp)[0], v) for v in value] if value else NONE
    if isinstance(value, list):
        return [_plain(Any, v) for v in value]
    if isinstance(value, bool) or (tp is str and isinstance(value, str)):
        return value
    if get_origin(tp) is Literal or (get_origin(tp) in (Union,) and isinstance(value, str)):
        return value
    if isinstance(value, Count) and value.men is None:
        return value.total
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return value
    return format_value(tp, value)


def _fact_dict(tp: Any, fact: Fact[Any]) -> Any:
    value = _plain(tp, fact.value)
    complete = fact.complete and isinstance(fact.value, list) and bool(fact.value)
    if fact.source is None and fact.note is None and not complete:
        return value
    out: dict[str, Any] = {"value": value}
    if complete:
        out["complete"] = True
    if fact.source is not None:
        out["source"] = fact.source
    if fact.note is not None:
        out["note"] = fact.note
    return out


def block_dict(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, spec in specs(type(obj)).items():
        value = getattr(obj, name)
        if spec.kind == LABEL and value is not None:
            out[name] = value
        elif spec.kind == FACT and value is not None:
            out[name] = _fact_dict(spec.type, value)
        elif spec.kind == BLOCK and value is not None:
            out[name] = block_dict(value)
        elif spec.kind == BLOCKS and value:
            out[name] = [block_dict(v) for v in value]
        elif spec.kind == FACTS and value:
            out[name] = {k: _fact_dict(Any, f) for k, f in value.items()}
        elif spec.kind == LINES and value:
            out[name] = [_fact_dict(spec.type, f) for f in value]
    return out


def to_dict(description: Description) -> dict[str, Any]:
    """The YAML/JSON form of a description, which reads back into an equal model."""
    return block_dict(description)
