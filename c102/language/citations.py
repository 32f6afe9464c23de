"""The source lint of ``c102 check``: can a legal specialist follow every citation to its document?

A real country's facts must each name a document and its year; a fact of national law (anything
stated in a scheme block or in an ``absent:`` statement) must also name the provision, the law's
article or section. Newspapers and aggregators are allowed only where the note says they are a
secondary source. What counts as a year, a provision or a vague source is data
(``rules/citations.yaml``), so the lint can be tightened without touching code.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from c102.errors import Diagnostic, Position
from c102.i18n import _
from c102.language.lines import SourceLines
from c102.model.description import Description
from c102.model.values import Fact

# Top-level parts of a description that are a specialist's own reasoning, not cited national facts.
_NOT_CITED = frozenset({"choices", "answers"})


@dataclass(frozen=True)
class CitationPolicy:
    """The lists of ``rules/citations.yaml``, compiled once."""

    classification_fields: frozenset[str]
    legal_blocks: frozenset[str]
    statistical_fields: frozenset[str]
    year: re.Pattern[str]
    provisions: tuple[re.Pattern[str], ...]
    min_length: int
    vague_phrases: tuple[str, ...]
    secondary_publishers: tuple[str, ...]
    secondary_marker: re.Pattern[str]
    inferred_markers: tuple[str, ...]
    official_summaries: tuple[str, ...]
    provision_not_found: re.Pattern[str]


@cache
def citation_policy() -> CitationPolicy:
    """Read the bundled citation policy (only ``c102 check`` needs it, so it is read on demand)."""
    import yaml

    from c102.resources import data_path

    data = yaml.safe_load((data_path("rules") / "citations.yaml").read_text(encoding="utf-8"))
    return CitationPolicy(
        classification_fields=frozenset(data["classification_fields"]),
        legal_blocks=frozenset(data["legal_blocks"]),
        statistical_fields=frozenset(data["statistical_fields"]),
        year=re.compile(data["year_pattern"]),
        provisions=tuple(re.compile(p) for p in data["provision_patterns"]),
        min_length=int(data["min_length"]),
        vague_phrases=tuple(p.lower() for p in data["vague_phrases"]),
        secondary_publishers=tuple(data["secondary_publishers"]),
        secondary_marker=re.compile(data["secondary_marker"]),
        inferred_markers=tuple(p.lower() for p in data["inferred_markers"]),
        official_summaries=tuple(p.lower() for p in data["official_summaries"]),
        provision_not_found=re.compile(data["provision_not_found_marker"]),
    )


def cited_facts(description: Description) -> Iterator[tuple[str, str, Fact[Any]]]:
    """Every fact of a description as (top-level block, field name, fact), in file order."""
    for top in dataclasses.fields(description):
        if top.name in _NOT_CITED or top.metadata.get("internal"):
            continue
        yield from _walk(getattr(description, top.name), top.name, top.name)


def _walk(value: Any, top: str, name: str) -> Iterator[tuple[str, str, Fact[Any]]]:
    if isinstance(value, Fact):
        yield top, name, value
    elif isinstance(value, list):
        for element in value:
            yield from _walk(element, top, name)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if field.name != "position" and not field.metadata.get("internal"):
                yield from _walk(getattr(value, field.name), top, field.name)


def citation_warnings(description: Description) -> list[Diagnostic]:
    """One warning per citation a specialist could not follow; none for a fictional description."""
    fictional = description.country.fictional
    if fictional is not None and fictional.value:
        return []
    policy = citation_policy()
    lines = SourceLines(description.text)
    out: list[Diagnostic] = []
    for top, name, fact in cited_facts(description):
        if name in policy.classification_fields:
            continue
        legal = top in policy.legal_blocks and name not in policy.statistical_fields
        for code, message, hint in _problems(policy, fact, legal):
            where = fact.position or description.country.position or Position(description.path or "<string>")
            line = lines.get(where.line)
            out.append(Diagnostic(where, _("{field}: {problem}", field=name, problem=message), "warning", line, hint, code))
    return out


def _problems(policy: CitationPolicy, fact: Fact[Any], legal: bool) -> Iterator[tuple[str, str, str]]:
    source = (fact.source or "").strip()
    note = fact.note or ""
    if not source:
        yield "citation-missing", _("no source"), _('add source "<document> (<year>), <law>, art. <n> <URL>"')
        return
    lowered = source.lower()
    if len(source) < policy.min_length or any(p in lowered for p in policy.vague_phrases):
        yield (
            "citation-vague",
            _("the source {source!r} does not name a document a reader can open", source=source),
            _("name the issuer, the document, its year and, where public, its URL"),
        )
    if not policy.year.search(source):
        yield "citation-no-year", _("the source names no year"), _("add the edition year or the date of the law")
    cites_provision = any(p.search(source) for p in policy.provisions)
    provision_missing = legal and not cites_provision and not any(p.search(note) for p in policy.provisions)
    if provision_missing and not _provision_declared_unknown(policy, lowered, note):
        yield (
            "citation-no-provision",
            _("a fact of national law whose source names no article or section"),
            _(
                "cite the law and its provision, e.g. 'Social Security Act 2011, art. 41', "
                "with any secondary source as 'as summarised in ...'; if an official summary "
                "(SSA SSPTW, ISSA, MISSOC...) states the fact but not the article, keep the fact "
                "and say note \"provision not found: ...\""
            ),
        )
    publisher = next((p for p in policy.secondary_publishers if p.lower() in lowered), None)
    if publisher is not None and not policy.secondary_marker.search(note):
        yield (
            "citation-secondary",
            _("{publisher} is a newspaper or aggregator, not an official source", publisher=publisher),
            _('prefer the law or the institution; if nothing official exists, say note "secondary source: ..."'),
        )
    if cites_provision and any(m in note.lower() for m in policy.inferred_markers):
        yield (
            "citation-inferred",
            _("the source cites a provision for a fact the note says was inferred, not read in the law"),
            _("cite the document the inference rests on, and keep the note"),
        )


def _provision_declared_unknown(policy: CitationPolicy, source: str, note: str) -> bool:
    """An official summary states the fact and the note says its article was not found."""
    return bool(policy.provision_not_found.search(note)) and any(o in source for o in policy.official_summaries)
