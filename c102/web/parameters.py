"""The key parameters of each scheme, as inputs for a quick what-if on the country page.

Rates, accruals, flat amounts, ceilings, persons protected, durations and qualifying periods that
the description states, each with where its value is written in the text (line and columns): the
page puts a new value in its place and re-assesses the edited text on the server, so the what-if
is an ordinary edit (side by side with the file, downloadable, savable as a new file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from c102.labels import label
from c102.model.description import Description
from c102.reform.paths import FactPath, fact_paths, get_fact, resolve, split_path

# The parameters of the law that move a verdict (c102.reform.closing searches the same kinds).
KEY_FIELDS = ("rate", "base_rate", "accrual_rate", "flat", "ceiling", "persons", "max_duration", "length")
_FIELD_WORDS = {
    "rate": "rate",
    "base_rate": "base rate",
    "accrual_rate": "accrual rate a year",
    "flat": "flat amount",
    "ceiling": "ceiling",
    "persons": "persons protected",
    "max_duration": "longest duration",
    "length": "qualifying period",
}
# Where a written value ends: before its source, its note, or a comment.
_VALUE_END = re.compile(r"\s+(?:source|note)\s+\"|\s+#")


@dataclass(frozen=True)
class Parameter:
    """One input: the fact path, its words, the value as written, and where it is written."""

    path: str
    label: str
    value: str
    line: int  # 1-based
    start: int  # 0-based column of the value's first character


def key_parameters(description: Description, text: str) -> list[tuple[str, list[Parameter]]]:
    """Per scheme (in the file's order), its key parameters that the text states on one line."""
    lines = text.split("\n")
    schemes: dict[str, list[Parameter]] = {}
    for path_text in fact_paths(description):
        if not path_text.startswith("scheme.") or path_text.rsplit(".", 1)[-1] not in KEY_FIELDS:
            continue
        path = resolve(description, path_text)
        fact = get_fact(description, path)
        if fact is None or fact.position is None or not 0 < fact.position.line <= len(lines):
            continue
        line = lines[fact.position.line - 1]
        start = fact.position.column - 1
        end = _VALUE_END.search(line, start)
        value = line[start : end.start() if end else len(line)].rstrip()
        if not value:
            continue
        scheme = split_path(path.text)[1][0]
        holder = _holder(description, path)
        schemes.setdefault(scheme, []).append(
            Parameter(path.text, _words(path.text, holder), value, fact.position.line, start)
        )
    return list(schemes.items())


def _holder(description: Description, path: FactPath) -> Any:
    """The block that holds the fact (a benefit, a protected group)."""
    holder: Any = description
    for step in path.steps[:-1]:
        value = getattr(holder, step.field)
        holder = value[step.index] if step.index is not None else value
    return holder


def _words(path: str, holder: Any) -> str:
    """``benefit.old_age.rate`` -> ``old age benefit: rate``; ``protected[1].persons`` -> group 2."""
    names = [(name, index) for name, index, _ in split_path(path)][2:]
    field = _FIELD_WORDS.get(names[-1][0], names[-1][0])
    head, index = names[0]
    if head == "benefit":
        branch = label(str(getattr(holder, "branch", "")), "branches")
        contingency = getattr(holder, "contingency", None)
        which = f" ({label(contingency.value, 'contingencies')})" if contingency is not None else ""
        return f"{branch} benefit{which}: {field}"
    if head in ("protected", "qualifying_period"):
        return f"{field} ({'group' if head == 'protected' else 'period'} {(index or 0) + 1})"
    return field
