"""The canonical text of a description (``c102 fmt``) and its YAML/JSON dict form.

Canonical form: blocks and fields in the order of the model's dataclasses, two-space indent, one
blank line between top-level blocks, numbers grouped with ``_`` (``1_600_000``), ``source`` and
``note`` after the value, separated by two spaces. The file's header comment block (the comment
lines before the first block) is kept; other comments are not part of the model and are dropped.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Literal, Union, get_args, get_origin

from c102.language.build import BLOCK, BLOCKS, FACT, FACTS, LABEL, specs
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
        return ", ".join(format_value(element, v) for v in value)
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
    if fact.source is not None:
        line += f"  source {quote(fact.source)}"
    if fact.note is not None:
        line += f"  note {quote(fact.note)}"
    return line


def _block(keyword: str, obj: Any, depth: int, out: list[str]) -> None:
    fields = specs(type(obj))
    head = f"{INDENT * depth}{keyword}"
    for spec in fields.values():
        if spec.kind == LABEL and getattr(obj, spec.name) is not None:
            head += " " + format_label(spec.type, getattr(obj, spec.name))
    out.append(head + " {")
    for name, spec in fields.items():
        value = getattr(obj, name)
        if spec.kind == FACT and value is not None:
            out.append(_fact_line(name, spec.type, value, depth + 1))
        elif spec.kind == BLOCK and value is not None:
            _block(name, value, depth + 1, out)
        elif spec.kind == BLOCKS:
            for element in value:
                _block(name, element, depth + 1, out)
    out.append(f"{INDENT * depth}}}")


def _facts_block(keyword: str, facts: dict[str, Fact[Any]], out: list[str]) -> None:
    out.append(f"{keyword} {{")
    for key, fact in facts.items():
        out.append(_fact_line(key if _KEY.fullmatch(key) else quote(key), Any, fact, 1))
    out.append("}")


def header_comments(text: str) -> str:
    """The comment lines at the top of a file (blank lines between them kept), without trailing blanks."""
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        lines.append(line.rstrip())
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def format_description(description: Description, header: str | None = None) -> str:
    """The canonical text; ``header`` defaults to the header comments of ``description.text``."""
    if header is None:
        header = header_comments(description.text)
    chunks: list[str] = [header] if header else []
    for name, spec in specs(Description).items():
        value = getattr(description, name)
        out: list[str] = []
        if spec.kind == BLOCK and value is not None:
            _block(name, value, 0, out)
        elif spec.kind == BLOCKS:
            for element in value:
                out = []
                _block(name, element, 0, out)
                chunks.append("\n".join(out))
            continue
        elif spec.kind == FACTS and value:
            _facts_block(name, value, out)
        if out:
            chunks.append("\n".join(out))
    return "\n\n".join(chunks) + "\n"


# ---------------------------------------------------------------- the dict (YAML/JSON) form


def _plain(tp: Any, value: Any) -> Any:
    """A value as YAML/JSON data: native where YAML has the type, else the language's spelling."""
    if get_origin(tp) is list:
        return [_plain(get_args(tp)[0], v) for v in value]
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
    if fact.source is None and fact.note is None:
        return value
    out: dict[str, Any] = {"value": value}
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
    return out


def to_dict(description: Description) -> dict[str, Any]:
    """The YAML/JSON form of a description, which reads back into an equal model."""
    return block_dict(description)
