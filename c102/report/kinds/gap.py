"""Gap analysis: Part by Part under the headings of ILO consolidated reports, summary first."""

from __future__ import annotations

import re

from c102.evaluate.assessment import ARTICLE_2_WORDS, Assessment, PartResult
from c102.evaluate.verdict import NEEDS_REVIEW, NOT_APPLICABLE, worst
from c102.i18n import _
from c102.i18n.rulebook import part_title as translated_part_title
from c102.i18n.rulebook import rule_text, rule_title
from c102.report.kinds.gap_parts import (
    SourceRegister,
    missing_facts,
    part_detail,
    scheme_names,
    schemes_section,
    settled_section,
)
from c102.report.shared.country import (
    answers_block,
    as_of,
    choices_block,
    country_name,
    is_fictional,
    long_iso_date,
    receipt_lines,
)
from c102.report.shared.display import (
    NONE,
    change_needed,
    cite,
    cited_article,
    other_part_title,
    part_key,
    quantity,
    verdict_label,
)
from c102.report.shared.document import Block, Document, Section, bullets, document, paragraph, section, table
from c102.report.shared.figures import country_charts
from c102.report.shared.findings import largest_gaps, part_cells
from c102.report.shared.ssi import ssi_blocks


def part_title(assessment: Assessment, part: str) -> str:
    result = assessment.parts.get(part)
    if result is not None:
        return translated_part_title(part, result.title)
    title = other_part_title(part)
    return title if title != part else _("Part {part}", part=part)


def parts_in_order(assessment: Assessment) -> list[str]:
    """Every Part that has a result or a rule, in the Convention's order."""
    parts = set(assessment.parts) | {r.part for r in assessment.rules}
    return sorted(parts, key=part_key)


def part_verdict(assessment: Assessment, part: str) -> str:
    result = assessment.parts.get(part)
    return result.verdict if result is not None else worst([r.verdict for r in assessment.rules_of(part)])


def _part_note(result: PartResult) -> str:
    if result.branch is None:
        return NONE  # only Parts II to X are accepted (Art 2)
    notes = []
    if result.accepted:
        notes.append(_("accepted in the ratification"))
    if result.ceased_by:
        notes.append(_("obligations ended by {convention} (Art 75)", convention=result.ceased_by))
    return "; ".join(notes) or _("not accepted")


# Parts XI-XIII bind "the relevant provisions" only (Art 2(a)(iii)).
_RELEVANT_PARTS = ("XI", "XII", "XIII")


def _binding_note(assessment: Assessment, result: PartResult) -> str:
    """Whether a Part of XI-XIII binds now: only through the schemes an accepted or acceptable
    Part relies on, or through a rule on the country as a whole once some Part relies on any."""
    ratification = assessment.ratification
    relied = set(ratification.relevant_provisions.get("schemes", []))
    for part in ratification.accepted_parts:
        accepted = assessment.parts.get(part)
        relied.update(accepted.schemes if accepted is not None else [])
    whole = any(not r.schemes for r in assessment.rules_of(result.part) if r.verdict != NOT_APPLICABLE)
    if relied and (whole or relied & set(result.schemes)):
        return _("binding for the schemes relied on (Art 2(a)(iii))")
    return _("not binding (Art 2(a)(iii))")


def parts_table(assessment: Assessment) -> Block:
    rows, tones = [], []
    for part, result in sorted(assessment.parts.items(), key=lambda kv: part_key(kv[0])):
        rows.append(
            [
                *part_cells(part, result),
                _binding_note(assessment, result) if part in _RELEVANT_PARTS else _part_note(result),
                cite(result.alternative) if result.alternative else NONE,
                scheme_names(assessment, result.schemes) or NONE,
            ]
        )
        tones.append(result.verdict)
    header = [_("Part"), _("Title"), _("Verdict"), _("Rules"), _("Ratification"), _("Coverage alternative"), _("Schemes")]
    return table(header, rows, _("Verdict by Part"), tones)


# The Article 2 explanation opens with the Parts that could be accepted, which the bullet before
# it already gives: said once.
_ACCEPTABLE_LEAD = re.compile(r"^Parts that could be accepted now: [^.;]*[.;]\s*")


def _without_acceptable(explanation: str) -> str:
    rest = _ACCEPTABLE_LEAD.sub("", explanation, count=1)
    return rest[:1].upper() + rest[1:]


def summary_bullets(assessment: Assessment) -> list[str]:
    ratification = assessment.ratification
    acceptable = ", ".join(ratification.acceptable_parts) or _("none")
    items = [_("Parts that could be accepted now: {parts}.", parts=acceptable)]
    explanation = _without_acceptable(ratification.explanation)
    if ratification.meets_article_2:
        items.append(_("Article 2: an acceptable set of Parts exists. {explanation}", explanation=explanation).strip())
    elif ratification.verdict != "not_compliant":
        words = ARTICLE_2_WORDS.get(ratification.verdict)
        verdict = _(words) if words else ratification.verdict
        items.append(_("Article 2: {verdict}. {explanation}", verdict=verdict, explanation=explanation).strip())
    else:
        items.append(_("Article 2: no acceptable set of Parts yet. {explanation}", explanation=explanation).strip())
    if ratification.accepted_parts:
        accepted = ", ".join(ratification.accepted_parts)
        if ratification.registered:
            items.append(
                _("Parts accepted (registered {date}): {parts}.", date=long_iso_date(ratification.registered), parts=accepted)
            )
        else:
            items.append(_("Parts accepted: {parts}.", parts=accepted))
        failing = ", ".join(ratification.accepted_but_failing)
        items.append(
            _("Accepted Parts that do not comply: {parts}.", parts=failing)
            if failing
            else _("No accepted Part is found not compliant.")
        )
    for part, convention in sorted(ratification.ceased_parts.items(), key=lambda kv: part_key(kv[0])):
        items.append(_("Part {part}: obligations ended by {convention} (Art 75).", part=part, convention=convention))
    return items


def gaps_table(assessment: Assessment) -> Block:
    gaps = largest_gaps(assessment)
    if not gaps:
        return paragraph(_("No requirement is found not compliant."))
    rows = [
        [
            _("Part {part}", part=r.part),
            rule_title(r.id, r.title),
            cite(cited_article(r)),
            r.gap
            or (
                _("{value} against {threshold}", value=quantity(r.value, r.unit), threshold=quantity(r.threshold, r.unit))
                if r.value is not None
                else ""
            )
            or r.explanation,
            change_needed(r),
        ]
        for r in gaps
    ]
    header = [_("Part"), _("Requirement"), _("Article"), _("Gap"), _("Change needed")]
    return table(header, rows, _("Largest gaps"))


def summary_section(assessment: Assessment) -> Section:
    blocks: list[Block] = []
    if is_fictional(assessment):
        blocks.append(
            paragraph(_("A fictional teaching example: not a real country and not an ILO assessment."), "note")
        )
    blocks += [
        bullets(summary_bullets(assessment)),
        parts_table(assessment),
        gaps_table(assessment),
        *country_charts(assessment),
        choices_block(assessment),
        answers_block(assessment),
    ]
    return section(_("Executive summary"), blocks, anchor="summary")


def part_intro(assessment: Assessment, part: str) -> str:
    """A Part's verdict, whether it was accepted and the coverage alternative relied on."""
    result = assessment.parts.get(part)
    intro = [_("Verdict: {verdict}.", verdict=verdict_label(part_verdict(assessment, part)))]
    if result is not None and result.branch is not None:  # only Parts II to X are accepted (Art 2)
        intro.append(_("Ratification: {note}.", note=_part_note(result)))
        if result.alternative:
            intro.append(_("Coverage alternative relied on: {article}.", article=cite(result.alternative)))
    return " ".join(intro)


def open_questions(assessment: Assessment) -> list[Section]:
    review = [r for r in assessment.rules if r.verdict == NEEDS_REVIEW]
    missing = [r for r in assessment.rules if r.missing]
    review_block = (
        table(
            [_("Rule"), _("Part"), _("Article"), _("Question")],
            [
                [r.id, r.part, cite(r.articles[:1]), rule_text(r.id, "question", r.question) if r.question else r.explanation]
                for r in review
            ],
        )
        if review
        else paragraph(_("No question is waiting for a specialist."))
    )
    missing_block = (
        table(
            [_("Rule"), _("Part"), _("Article"), _("Missing facts")],
            [[r.id, r.part, cite(r.articles[:1]), missing_facts(assessment, r)] for r in missing],
        )
        if missing
        else paragraph(_("No fact is missing."))
    )
    hint = paragraph(
        _("Record an answer in the description's answers block, keyed by rule id, with its source."), "note"
    )
    return [
        section(_("Questions for a specialist (needs review)"), [review_block, hint], anchor="questions"),
        section(_("Missing facts (insufficient data)"), [missing_block], anchor="missing"),
    ]


def gap_document(assessment: Assessment, date: str | None = None) -> Document:
    name = country_name(assessment)
    register = SourceRegister()
    sections = [summary_section(assessment)]
    for part in parts_in_order(assessment):
        heading = _("Part {part}: {title}", part=part, title=part_title(assessment, part))
        sections.append(part_detail(assessment, part, part_intro(assessment, part), heading, register))
    sections += [settled_section(assessment, register), schemes_section(assessment, register)]
    sections.append(
        section(_("Social Security Inquiry: coverage and beneficiaries"), ssi_blocks(assessment), anchor="ssi")
    )
    sections += open_questions(assessment)
    sections.append(register.section())
    subtitle = _("Gap analysis against ILO Convention No. 102 (1952), as of {date}", date=as_of(assessment))
    title = _("{country}: gap analysis", country=name)
    return document(title, subtitle, sections, receipt_lines(assessment, date), "gap")
