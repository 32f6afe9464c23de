"""Pieces every report repeats: the country heading, choices and answers, the receipt footer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from c102.evaluate.assessment import Assessment
from c102.model.description import ProtectedGroup, Scheme
from c102.report.shared.display import NONE, plain
from c102.report.shared.document import Block, paragraph, table

_NAME_KEYS = ("id", "name", "choice", "rule")
_VALUE_KEYS = ("value", "answer")
# Shown in their own columns, or long texts the rulebook already documents (question, effect).
_SKIP = {"source", "note", "position", "question", "effect", "stated", "known_rule", "articles"}
_SKIP.update(_NAME_KEYS, _VALUE_KEYS)


def country_name(assessment: Assessment) -> str:
    return assessment.description.country.name


def is_fictional(assessment: Assessment) -> bool:
    fictional = assessment.description.country.fictional
    return bool(fictional and fictional.value)


def as_of(assessment: Assessment) -> str:
    if assessment.receipt.as_of:
        return assessment.receipt.as_of
    when = assessment.description.country.as_of
    return when.value.isoformat() if when else NONE


_PART_WORD = re.compile(r"\bpart (x{0,3}(?:ix|iv|v?i{0,3}))\b")


def human_label(key: str) -> str:
    """``family_allowances_in_part_xi`` -> ``Family allowances in Part XI``: no raw key in a document."""
    text = key.replace("_", " ").strip()
    text = _PART_WORD.sub(lambda m: f"Part {m.group(1).upper()}", text)
    return text[:1].upper() + text[1:]


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in record:
            return record[key]
    return None


def _name(record: dict[str, Any]) -> str:
    """A choice by its human label; a rule by its id (ids are what specialists look up)."""
    if "choice" in record or ("id" in record and "rule" not in record):
        key = plain(_first(record, ("choice", "id")))
        return key if " " in key else human_label(key)
    return plain(_first(record, _NAME_KEYS))


def recorded_rows(records: list[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for record in records:
        notes = [plain(record["note"])] if record.get("note") else []
        default = record.get("stated") is False
        if default:
            notes.append("not stated in the description")
        if record.get("known_rule") is False:
            notes.append("no rule has this id")
        if record.get("articles"):
            notes.append(f"bears on Art {plain(record['articles'])}")
        notes += [f"{k}: {plain(v)}" for k, v in record.items() if k not in _SKIP and v not in (None, "")]
        source = record.get("source")
        rows.append(
            [
                _name(record),
                plain(_first(record, _VALUE_KEYS)),
                plain(source) if source else ("the rulebook's default" if default else "no source given"),
                "; ".join(notes) or NONE,
            ]
        )
    return rows


def choices_block(assessment: Assessment) -> Block:
    """Every choice that changes verdicts, with its source: shown in every report."""
    if not assessment.choices:
        return paragraph("No choices were made: the rulebook's defaults apply.")
    return table(["Choice", "Value", "Source", "Note"], recorded_rows(assessment.choices), "Choices made")


def answers_block(assessment: Assessment) -> Block:
    """The specialist answers recorded in the description, by rule."""
    if not assessment.answers:
        return paragraph("No specialist answers are recorded.")
    return table(["Rule", "Answer", "Source", "Note"], recorded_rows(assessment.answers), "Answers recorded")


def receipt_lines(assessment: Assessment, date: str | None) -> list[str]:
    """The footer: enough to reproduce the report. No timestamp unless the caller gives a date."""
    r = assessment.receipt
    lines = [
        f"c102 {r.c102_version}; rulebook {assessment.instrument} sha256 {r.rulebook_sha256}",
        f"Description {r.description_path or NONE} sha256 {r.description_sha256}; as of {as_of(assessment)}",
    ]
    if date:
        lines.append(f"Report date: {date}")
    return lines


def protected_groups(assessment: Assessment, branch: str) -> Iterator[tuple[Scheme, ProtectedGroup]]:
    """The groups of persons protected for a branch, scheme by scheme (a group may name its branches)."""
    for scheme in assessment.description.schemes_for(branch):
        for group in scheme.protected:
            if group.branches is None or branch in group.branches.value:
                yield scheme, group


def scheme_named(assessment: Assessment, name: str) -> Scheme | None:
    for scheme in assessment.description.scheme:
        if scheme.name == name:
            return scheme
    return None


def legal_basis(scheme: Scheme) -> tuple[str, str]:
    """The law that creates a scheme and where that is stated, or placeholders."""
    if scheme.legal_basis is None:
        return (f"{scheme.name}: legal basis not stated", "")
    return (f"{scheme.legal_basis.value} ({scheme.name})", scheme.legal_basis.source or "")


def provisions(assessment: Assessment, scheme_names: list[str]) -> tuple[str, list[str]]:
    """National provisions for the schemes a rule relied on: text and the sources stating them."""
    texts: list[str] = []
    sources: list[str] = []
    for name in scheme_names:
        scheme = scheme_named(assessment, name)
        if scheme is None:
            texts.append(name)
            continue
        text, source = legal_basis(scheme)
        texts.append(text)
        if source:
            sources.append(source)
    return ("; ".join(dict.fromkeys(texts)) or NONE, sources)
