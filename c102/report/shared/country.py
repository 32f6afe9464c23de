"""Pieces every report repeats: the country heading, choices and answers, the receipt footer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from c102.evaluate.assessment import Assessment
from c102.i18n import _, current_language
from c102.labels import label
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


def long_iso_date(text: str) -> str:
    """An ISO date as the active language writes it in a sentence (English keeps ISO); any other
    text (a year alone) is returned as it is."""
    from datetime import date

    from c102.i18n.numbers import long_date

    try:
        return long_date(date.fromisoformat(text))
    except ValueError:
        return text


def as_of(assessment: Assessment) -> str:
    if assessment.receipt.as_of:
        return long_iso_date(assessment.receipt.as_of)
    when = assessment.description.country.as_of
    return long_iso_date(when.value.isoformat()) if when else NONE


def human_label(key: str) -> str:
    """``family_allowances_in_part_xi`` -> ``Family allowances in Part XI``: a choice's label
    (``templates/labels.yaml``, translated in ``labels.fr.yaml`` and ``labels.es.yaml``), so no
    raw key reaches a document."""
    return label(key, "choices", capital=True)


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
            notes.append(_("not stated in the description"))
        if record.get("known_rule") is False:
            notes.append(_("no rule has this id"))
        if record.get("articles"):
            notes.append(_("bears on Art {articles}", articles=plain(record["articles"])))
        notes += [f"{k}: {plain(v)}" for k, v in record.items() if k not in _SKIP and v not in (None, "")]
        source = record.get("source")
        rows.append(
            [
                _name(record),
                plain(_first(record, _VALUE_KEYS)),
                plain(source) if source else (_("the rulebook's default") if default else _("no source given")),
                "; ".join(notes) or NONE,
            ]
        )
    return rows


def choices_block(assessment: Assessment) -> Block:
    """Every choice that changes verdicts, with its source: shown in every report."""
    if not assessment.choices:
        return paragraph(_("No choices were made: the rulebook's defaults apply."))
    header = [_("Choice"), _("Value"), _("Source"), _("Note")]
    return table(header, recorded_rows(assessment.choices), _("Choices made"))


def answers_block(assessment: Assessment) -> Block:
    """The specialist answers recorded in the description, by rule."""
    if not assessment.answers:
        return paragraph(_("No specialist answers are recorded."))
    header = [_("Rule"), _("Answer"), _("Source"), _("Note")]
    return table(header, recorded_rows(assessment.answers), _("Answers recorded"))


def receipt_lines(assessment: Assessment, date: str | None) -> list[str]:
    """The footer: enough to reproduce the report. No timestamp unless the caller gives a date."""
    r = assessment.receipt
    lines = [
        _("c102 {version}; rulebook {instrument} sha256 {sha256}", version=r.c102_version, instrument=assessment.instrument, sha256=r.rulebook_sha256),
        _(
            "Description {path} sha256 {sha256}; as of {date}",
            path=r.description_path or NONE,
            sha256=r.description_sha256,
            date=as_of(assessment),
        ),
    ]
    if date:
        lines.append(_("Report date: {date}", date=long_iso_date(date)))
    note = _terminology_note()
    if note:
        lines.append(note)
    return lines


def _terminology_note() -> str | None:
    """In French and Spanish, how the terms were checked (``note:`` of rules/i18n/<lang>.yaml)."""
    if current_language() == "en":
        return None
    from c102.i18n.rulebook import terminology_note

    return terminology_note()


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
        return (_("{scheme}: legal basis not stated", scheme=scheme.name), "")
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
