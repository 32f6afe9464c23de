"""Gap analysis: Part by Part under the headings of ILO consolidated reports, summary first."""

from __future__ import annotations

from c102.evaluate.assessment import ARTICLE_2_WORDS, Assessment, PartResult
from c102.evaluate.verdict import NEEDS_REVIEW, RuleResult, worst
from c102.i18n import N_, _
from c102.i18n.rulebook import part_title as translated_part_title
from c102.i18n.rulebook import rule_text, rule_title
from c102.report.shared.country import (
    answers_block,
    as_of,
    choices_block,
    country_name,
    is_fictional,
    long_iso_date,
    provisions,
    receipt_lines,
)
from c102.report.shared.display import (
    NONE,
    TOPIC_HEADINGS,
    article_key,
    change_needed,
    cite,
    cited_article,
    joined,
    other_part_title,
    part_key,
    quantity,
    topic_heading,
    verdict_label,
)
from c102.report.shared.document import Block, Document, Section, bullets, document, paragraph, section, table
from c102.report.shared.figures import country_charts
from c102.report.shared.findings import largest_gaps, part_cells
from c102.report.shared.ssi import ssi_blocks

GAP_HEADER = [  # shown through gap_header()
    N_("Requirement"),
    N_("Article"),
    N_("National provision"),
    N_("Source"),
    N_("Value"),
    N_("Threshold"),
    N_("Verdict"),
    N_("Change needed"),
    N_("Information available"),
    N_("Information missing"),
]


def gap_header() -> list[str]:
    return [_(label) for label in GAP_HEADER]
_ROW_KEYS = (
    "requirement",
    "article",
    "provision",
    "source",
    "value",
    "threshold",
    "verdict",
    "change",
    "available",
    "missing",
)


def part_title(assessment: Assessment, part: str) -> str:
    result = assessment.parts.get(part)
    if result is not None:
        return translated_part_title(part, result.title)
    title = other_part_title(part)
    return title if title != part else _("Part {part}", part=part)


def rule_row(assessment: Assessment, rule: RuleResult) -> dict[str, str]:
    """One requirement as display strings, keyed like GAP_HEADER."""
    provision, law_sources = provisions(assessment, rule.schemes)
    available = [rule.explanation]
    if rule.gap:
        available.append(rule.gap)
    if rule.alternative:
        available.append(_("Alternative met: {article}", article=cite(rule.alternative)))
    available.extend(
        _("{scheme}: {verdict}", scheme=d.scheme, verdict=verdict_label(d.verdict)) for d in rule.details
    )
    if rule.answer:
        available.append(_("Answer recorded: {answer}", answer=rule.answer))
    if rule.missing:
        missing = joined(rule.missing)
    elif rule.question and rule.verdict == NEEDS_REVIEW:
        missing = rule_text(rule.id, "question", rule.question)
    else:
        missing = NONE
    return {
        "id": rule.id,
        "part": rule.part,
        "requirement": rule_title(rule.id, rule.title),
        "article": cite(rule.alternative or rule.articles[:1]),
        "provision": provision,
        "source": joined([*rule.sources, *law_sources]),
        "value": quantity(rule.value, rule.unit),
        "threshold": quantity(rule.threshold, rule.unit),
        "verdict": verdict_label(rule.verdict),
        "change": change_needed(rule),
        "available": joined(available, sep=" "),
        "missing": missing,
    }


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


def parts_table(assessment: Assessment) -> Block:
    rows, tones = [], []
    for part, result in sorted(assessment.parts.items(), key=lambda kv: part_key(kv[0])):
        rows.append(
            [
                *part_cells(part, result),
                _part_note(result),
                cite(result.alternative) if result.alternative else NONE,
                joined(result.schemes),
            ]
        )
        tones.append(result.verdict)
    header = [_("Part"), _("Title"), _("Verdict"), _("Rules"), _("Ratification"), _("Coverage alternative"), _("Schemes")]
    return table(header, rows, _("Verdict by Part"), tones)


def summary_bullets(assessment: Assessment) -> list[str]:
    ratification = assessment.ratification
    acceptable = ", ".join(ratification.acceptable_parts) or _("none")
    items = [_("Parts that could be accepted now: {parts}.", parts=acceptable)]
    explanation = ratification.explanation
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


def part_sections(assessment: Assessment, part: str) -> list[Section]:
    """A Part: its verdict, then one table per consolidated-report heading that has rules."""
    rules = assessment.rules_of(part)
    result = assessment.parts.get(part)
    verdict = part_verdict(assessment, part)
    intro = [_("Verdict: {verdict}.", verdict=verdict_label(verdict))]
    if result is not None and result.branch is not None:  # only Parts II to X are accepted (Art 2)
        intro.append(_("Ratification: {note}.", note=_part_note(result)))
        if result.alternative:
            intro.append(_("Coverage alternative relied on: {article}.", article=cite(result.alternative)))
    heading = _("Part {part}: {title}", part=part, title=part_title(assessment, part))
    out = [section(heading, [paragraph(" ".join(intro))], 2, f"part-{part}")]
    topics = list(TOPIC_HEADINGS) + sorted({r.topic for r in rules} - set(TOPIC_HEADINGS))
    for topic in topics:
        chosen = sorted(
            (r for r in rules if r.topic == topic),
            key=lambda r: article_key(r.articles[0] if r.articles else ""),
        )
        if not chosen:
            continue
        rows = [rule_row(assessment, r) for r in chosen]
        block = table(
            gap_header(), [[row[k] for k in _ROW_KEYS] for row in rows], "", [r.verdict for r in chosen]
        )
        heading = topic_heading(topic) if topic in TOPIC_HEADINGS else topic.replace("_", " ").capitalize()
        out.append(section(heading, [block], 3))
    return out


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
            [[r.id, r.part, cite(r.articles[:1]), joined(r.missing)] for r in missing],
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
    sections = [summary_section(assessment)]
    for part in parts_in_order(assessment):
        sections += part_sections(assessment, part)
    sections.append(
        section(_("Social Security Inquiry: coverage and beneficiaries"), ssi_blocks(assessment), anchor="ssi")
    )
    sections += open_questions(assessment)
    subtitle = _("Gap analysis against ILO Convention No. 102 (1952), as of {date}", date=as_of(assessment))
    title = _("{country}: gap analysis", country=name)
    return document(title, subtitle, sections, receipt_lines(assessment, date), "gap")
