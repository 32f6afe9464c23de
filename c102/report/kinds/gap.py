"""Gap analysis: Part by Part under the headings of ILO consolidated reports, summary first."""

from __future__ import annotations

from c102.evaluate.assessment import ARTICLE_2_WORDS, Assessment, PartResult
from c102.evaluate.verdict import NEEDS_REVIEW, RuleResult, worst
from c102.report.shared.country import (
    answers_block,
    as_of,
    choices_block,
    country_name,
    is_fictional,
    provisions,
    receipt_lines,
)
from c102.report.shared.display import (
    NONE,
    OTHER_PART_TITLES,
    TOPIC_HEADINGS,
    article_key,
    change_needed,
    cite,
    cited_article,
    joined,
    part_key,
    quantity,
    verdict_label,
)
from c102.report.shared.document import Block, Document, Section, bullets, document, paragraph, section, table
from c102.report.shared.figures import country_charts
from c102.report.shared.findings import largest_gaps, part_cells
from c102.report.shared.ssi import ssi_blocks

GAP_HEADER = [
    "Requirement",
    "Article",
    "National provision",
    "Source",
    "Value",
    "Threshold",
    "Verdict",
    "Change needed",
    "Information available",
    "Information missing",
]
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
    return result.title if result is not None else OTHER_PART_TITLES.get(part, f"Part {part}")


def rule_row(assessment: Assessment, rule: RuleResult) -> dict[str, str]:
    """One requirement as display strings, keyed like GAP_HEADER."""
    provision, law_sources = provisions(assessment, rule.schemes)
    available = [rule.explanation]
    if rule.gap:
        available.append(rule.gap)
    if rule.alternative:
        available.append(f"Alternative met: {cite(rule.alternative)}")
    available.extend(f"{d.scheme}: {verdict_label(d.verdict)}" for d in rule.details)
    if rule.answer:
        available.append(f"Answer recorded: {rule.answer}")
    if rule.missing:
        missing = joined(rule.missing)
    elif rule.question and rule.verdict == NEEDS_REVIEW:
        missing = rule.question
    else:
        missing = NONE
    return {
        "id": rule.id,
        "part": rule.part,
        "requirement": rule.title,
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
        notes.append("accepted in the ratification")
    if result.ceased_by:
        notes.append(f"obligations ended by {result.ceased_by} (Art 75)")
    return "; ".join(notes) or "not accepted"


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
    header = ["Part", "Title", "Verdict", "Rules", "Ratification", "Coverage alternative", "Schemes"]
    return table(header, rows, "Verdict by Part", tones)


def summary_bullets(assessment: Assessment) -> list[str]:
    ratification = assessment.ratification
    acceptable = ", ".join(ratification.acceptable_parts) or "none"
    items = [f"Parts that could be accepted now: {acceptable}."]
    if ratification.meets_article_2:
        items.append(f"Article 2: an acceptable set of Parts exists. {ratification.explanation}".strip())
    elif ratification.verdict != "not_compliant":
        words = ARTICLE_2_WORDS.get(ratification.verdict, ratification.verdict)
        items.append(f"Article 2: {words}. {ratification.explanation}".strip())
    else:
        items.append(f"Article 2: no acceptable set of Parts yet. {ratification.explanation}".strip())
    if ratification.accepted_parts:
        registered = f" (registered {ratification.registered})" if ratification.registered else ""
        items.append(f"Parts accepted{registered}: {', '.join(ratification.accepted_parts)}.")
        failing = ", ".join(ratification.accepted_but_failing)
        items.append(
            f"Accepted Parts that do not comply: {failing}."
            if failing
            else "No accepted Part is found not compliant."
        )
    for part, convention in sorted(ratification.ceased_parts.items(), key=lambda kv: part_key(kv[0])):
        items.append(f"Part {part}: obligations ended by {convention} (Art 75).")
    return items


def gaps_table(assessment: Assessment) -> Block:
    gaps = largest_gaps(assessment)
    if not gaps:
        return paragraph("No requirement is found not compliant.")
    rows = [
        [
            f"Part {r.part}",
            r.title,
            cite(cited_article(r)),
            r.gap
            or (
                f"{quantity(r.value, r.unit)} against {quantity(r.threshold, r.unit)}"
                if r.value is not None
                else ""
            )
            or r.explanation,
            change_needed(r),
        ]
        for r in gaps
    ]
    return table(["Part", "Requirement", "Article", "Gap", "Change needed"], rows, "Largest gaps")


def summary_section(assessment: Assessment) -> Section:
    blocks: list[Block] = []
    if is_fictional(assessment):
        blocks.append(
            paragraph("A fictional teaching example: not a real country and not an ILO assessment.", "note")
        )
    blocks += [
        bullets(summary_bullets(assessment)),
        parts_table(assessment),
        gaps_table(assessment),
        *country_charts(assessment),
        choices_block(assessment),
        answers_block(assessment),
    ]
    return section("Executive summary", blocks, anchor="summary")


def part_sections(assessment: Assessment, part: str) -> list[Section]:
    """A Part: its verdict, then one table per consolidated-report heading that has rules."""
    rules = assessment.rules_of(part)
    result = assessment.parts.get(part)
    verdict = part_verdict(assessment, part)
    intro = [f"Verdict: {verdict_label(verdict)}."]
    if result is not None and result.branch is not None:  # only Parts II to X are accepted (Art 2)
        intro.append(f"Ratification: {_part_note(result)}.")
        if result.alternative:
            intro.append(f"Coverage alternative relied on: {cite(result.alternative)}.")
    out = [
        section(
            f"Part {part}: {part_title(assessment, part)}", [paragraph(" ".join(intro))], 2, f"part-{part}"
        )
    ]
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
            GAP_HEADER, [[row[k] for k in _ROW_KEYS] for row in rows], "", [r.verdict for r in chosen]
        )
        out.append(section(TOPIC_HEADINGS.get(topic, topic.replace("_", " ").capitalize()), [block], 3))
    return out


def open_questions(assessment: Assessment) -> list[Section]:
    review = [r for r in assessment.rules if r.verdict == NEEDS_REVIEW]
    missing = [r for r in assessment.rules if r.missing]
    review_block = (
        table(
            ["Rule", "Part", "Article", "Question"],
            [[r.id, r.part, cite(r.articles[:1]), r.question or r.explanation] for r in review],
        )
        if review
        else paragraph("No question is waiting for a specialist.")
    )
    missing_block = (
        table(
            ["Rule", "Part", "Article", "Missing facts"],
            [[r.id, r.part, cite(r.articles[:1]), joined(r.missing)] for r in missing],
        )
        if missing
        else paragraph("No fact is missing.")
    )
    hint = paragraph(
        "Record an answer in the description's answers block, keyed by rule id, with its source.", "note"
    )
    return [
        section("Questions for a specialist (needs review)", [review_block, hint], anchor="questions"),
        section("Missing facts (insufficient data)", [missing_block], anchor="missing"),
    ]


def gap_document(assessment: Assessment, date: str | None = None) -> Document:
    name = country_name(assessment)
    sections = [summary_section(assessment)]
    for part in parts_in_order(assessment):
        sections += part_sections(assessment, part)
    sections.append(
        section("Social Security Inquiry: coverage and beneficiaries", ssi_blocks(assessment), anchor="ssi")
    )
    sections += open_questions(assessment)
    subtitle = f"Gap analysis against ILO Convention No. 102 (1952), as of {as_of(assessment)}"
    return document(f"{name}: gap analysis", subtitle, sections, receipt_lines(assessment, date), "gap")
