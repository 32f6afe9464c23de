"""The limits of ``rules/plausibility.yaml``: what input is read at all, and what values can be true.

Kept as data so a specialist can change a limit without touching code; read once per process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from c102.errors import Diagnostic, Position
from c102.i18n import _

LIMITS_FILE = "plausibility.yaml"
MAX_BYTES_VARIABLE = "C102_MAX_BYTES"


@dataclass(frozen=True)
class Limits:
    """The parsed limits file; see the file's comments for what each limit means."""

    max_bytes: int
    max_number_digits: int
    max_text_length: int
    max_persons: int
    counted_against: dict[str, list[str]]
    percentages: dict[str, dict[str, Decimal]]
    formula_years: int
    formula_error: Decimal
    wage_ratio_error: Decimal
    wage_ratio_warning: Decimal
    assessed_under: tuple[str, ...]
    parts_of_wholes: dict[str, str]


@cache
def limits() -> Limits:
    import yaml

    from c102.resources import data_path

    with (data_path("rules") / LIMITS_FILE).open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    inputs = data["input"]
    return Limits(
        max_bytes=int(inputs["max_bytes"]),
        max_number_digits=int(inputs["max_number_digits"]),
        max_text_length=int(inputs["max_text_length"]),
        max_persons=int(data["max_persons"]),
        counted_against={k: list(v) for k, v in data["counted_against"].items()},
        percentages={
            name: {level: Decimal(str(v)) for level, v in bounds.items()}
            for name, bounds in data["percentages"].items()
        },
        formula_years=int(data["formula"]["years"]),
        formula_error=Decimal(str(data["formula"]["error"])),
        wage_ratio_error=Decimal(str(data["wages"]["ratio_error"])),
        wage_ratio_warning=Decimal(str(data["wages"]["ratio_warning"])),
        assessed_under=tuple(str(a) for a in data["assessed_under"]),
        parts_of_wholes={str(k): str(v) for k, v in data.get("parts_of_wholes", {}).items()},
    )


def max_bytes() -> int:
    """The largest description read: ``C102_MAX_BYTES`` if set to a whole number, else the data file's."""
    configured = os.environ.get(MAX_BYTES_VARIABLE, "").strip().replace("_", "")
    if configured.isdigit():
        return int(configured)
    return limits().max_bytes


def too_many_digits(value: Decimal) -> bool:
    """Whether a number has more digits than a description can mean (and than Python prints safely)."""
    if not value.is_finite():
        return True
    return len(value.as_tuple().digits) > limits().max_number_digits


def size_error(file: str, size: int) -> Diagnostic | None:
    """A positioned error for a file above the size limit (before it is read)."""
    limit = max_bytes()
    if size <= limit:
        return None
    return Diagnostic(
        Position(file, 1, 1),
        _('the description is larger than the limit of {limit:,} bytes', limit=limit),
        hint=_('split the description, or raise the limit with {MAX_BYTES_VARIABLE}=<bytes>', MAX_BYTES_VARIABLE=MAX_BYTES_VARIABLE),
        code="limit",
    )


def line_column(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of a byte offset into UTF-8-ish bytes."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    column = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, column
