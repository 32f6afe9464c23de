"""Draft of a report under article 22 of the ILO Constitution on the Parts of C102 accepted.

Article by article in the Convention's order: the national provisions giving effect, the
finding, and the statistics Art 76(1)(b) asks for, each with its source or marked MISSING.
Part I carries the Art 3(2) yearly statement for each temporary exception in force; a calendar
gives entry into force (Art 79(3)) and when the first report falls due (ILO practice).
"""

from __future__ import annotations

from datetime import date

from c102.evaluate.assessment import Assessment
from c102.evaluate.verdict import RuleResult
from c102.report.kinds.article22_form import (
    about_blocks,
    annex_sections,
    general_points,
    parts_unknown,
    placeholder,
    point_one,
)
from c102.report.shared.country import (
    as_of,
    country_name,
    legal_basis,
    provisions,
    receipt_lines,
)
from c102.report.shared.display import (
    MISSING,
    NONE,
    OTHER_PART_TITLES,
    article_key,
    cite,
    cited_article,
    joined,
    main_article,
    part_key,
    quantity,
)
from c102.report.shared.document import Block, Document, Section, bullets, document, paragraph, section, table
from c102.report.shared.evidence import EVIDENCE_HEADER, Row, benefit_titles, evidence_for, is_missing

COMMON_PARTS = ("XI", "XII", "XIII", "XIV")


def twelve_months_after(day: date) -> date:
    """The same day a year later (29 February -> 28 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def calendar(assessment: Assessment) -> list[str]:
    """Entry into force (Art 79(3)) and the first report (ILO practice), computed from the dates."""
    r = assessment.ratification
    year = str(r.record["registered"])[:4] if r.record and r.record.get("registered") else None
    if r.registered is None and year is not None:
        return [
            f"Ratification registered in {year} ({r.record['source'] if r.record else 'ratification record'}); "
            "the exact date is not recorded, so the dates below are years.",
            f"Entry into force for the country: {int(year) + 1}, twelve months after registration (Art 79(3)).",
            f"First report: due in {int(year) + 2} at the latest, the year after entry into force. This follows "
            "ILO practice (Handbook of procedures relating to international labour Conventions), not the "
            "Convention's text.",
        ]
    if r.registered is None and not r.accepted_parts:
        return [
            "The ratification is not registered yet. Under Art 79(3) the Convention enters into force for "
            "a Member twelve months after its ratification is registered.",
            "In ILO practice (Handbook of procedures relating to international labour Conventions) "
            "the first, detailed report falls due in the year after entry into force.",
        ]
    if r.registered is None:
        return [
            "Parts are recorded as accepted but the date of registration is not known: supply it to compute "
            "the entry into force (Art 79(3)) and the first report's due date.",
        ]
    registered = date.fromisoformat(r.registered)
    in_force = date.fromisoformat(r.in_force_from) if r.in_force_from else twelve_months_after(registered)
    return [
        f"Ratification registered on {registered.isoformat()}.",
        f"Entry into force for the country: {in_force.isoformat()}, twelve months after registration "
        "(Art 79(3)).",
        f"First report: due in {in_force.year + 1}, the year after entry into force. This follows ILO "
        "practice (Handbook of procedures relating to international labour Conventions), not the "
        "Convention's text; "
        "later reports follow the regular reporting cycle or a request of the Committee of Experts.",
    ]


def reported_parts(assessment: Assessment, parts: list[str] | None) -> tuple[list[str], str]:
    """The Parts reported on and why: the caller's list, else those accepted, else those acceptable now."""
    if parts:
        return (sorted(dict.fromkeys(parts), key=part_key), "Parts given for this draft")
    ratification = assessment.ratification
    if ratification.accepted_parts:
        binding = [p for p in ratification.accepted_parts if p not in ratification.ceased_parts]
        why = "Parts accepted in the ratification"
        if len(binding) < len(ratification.accepted_parts):
            why += ", less those whose obligations a later Convention ended (Art 75)"
        return (sorted(binding, key=part_key), why)
    return (
        sorted(assessment.ratification.acceptable_parts, key=part_key),
        "no Part is accepted yet; the Parts that could be accepted now are assumed",
    )


def exception_statements(assessment: Assessment) -> list[Block]:
    """Art 3(2): a yearly statement for each temporary exception, with the government's choice left open."""
    declaration = assessment.description.article_3
    if declaration is None or not declaration.in_force.value:
        return [
            paragraph("No declaration under Art 3(1) is in force: no yearly statement under Art 3(2) is due.")
        ]
    exceptions = declaration.exceptions.value if declaration.exceptions is not None else []
    if not exceptions:
        return [paragraph("A declaration under Art 3(1) is in force but names no exception.", "missing")]
    source = declaration.in_force.source or "no source given"
    blocks = [
        paragraph(f"Declaration under Art 3(1) in force (source: {source}). Statements under Art 3(2):")
    ]
    for exception in exceptions:
        blocks.append(
            paragraph(
                f"Temporary exception of {cite(exception)}. Yearly statement under Art 3(2); the Government "
                "keeps one option and deletes the other: (a) the grounds for relying on this exception still "
                "hold: ________ [grounds]; or (b) the Government gives up this exception with effect from "
                "________ [date]."
            )
        )
    return blocks


def part_one(assessment: Assessment, parts: list[str], why: str) -> Section:
    description = assessment.description
    items = [f"Parts reported on ({why}): {', '.join(parts) or 'none'}."]
    if description.ratification is not None and description.ratification.parts is not None:
        source = description.ratification.parts.source or "no source given"
        listed = ", ".join(description.ratification.parts.value)
        items.append(f"Parts specified in the ratification (Art 2(b), Art 4): {listed} (source: {source}).")
    for part, convention in sorted(
        assessment.ratification.ceased_parts.items(), key=lambda kv: part_key(kv[0])
    ):
        items.append(f"Part {part}: obligations ended by the ratification of {convention} (Art 75).")
    seafarers = description.country.seafarers_excluded
    if seafarers is not None and seafarers.value:
        source = seafarers.source or "no source given"
        items.append(
            f"Seafarers and sea-fishermen are excluded from the counts (Art 77(2)); source: {source}."
        )
    blocks: list[Block] = [bullets(items), *exception_statements(assessment)]
    blocks += rule_blocks(assessment, assessment.rules_of("I"))
    return section("Part I: General provisions", blocks, 3, anchor="part-I")


def rule_table(assessment: Assessment, rules: list[RuleResult]) -> Block:
    """What the law provides for each requirement, with its source: the government's voice, no finding."""
    rows = []
    for rule in rules:
        provision, law_sources = provisions(assessment, rule.schemes)
        figure = quantity(rule.value, rule.unit) if rule.value is not None else NONE
        rows.append(
            [rule.title, cite(cited_article(rule)), provision, figure, joined([*rule.sources, *law_sources])]
        )
    return table(["Requirement", "Article", "Provisions giving effect", "Figure in the law", "Source"], rows)


def evidence_table(title: str, rows: list[Row]) -> list[Block]:
    blocks: list[Block] = [table(EVIDENCE_HEADER, rows, title)]
    if is_missing(rows):
        blocks.append(paragraph(f"Some figures are {MISSING}.", "missing"))
    return blocks


def rule_blocks(assessment: Assessment, rules: list[RuleResult]) -> list[Block]:
    blocks: list[Block] = []
    if rules:
        blocks.append(rule_table(assessment, rules))
    for rule in rules:
        evidence = evidence_for(assessment, rule)
        if evidence is not None:
            blocks += evidence_table(*evidence)
    return blocks


def by_article(rules: list[RuleResult]) -> list[tuple[str, list[RuleResult]]]:
    """Rules grouped by their main article, in the Convention's order."""
    groups: dict[str, list[RuleResult]] = {}
    for rule in sorted(rules, key=lambda r: article_key(r.articles[0] if r.articles else "")):
        groups.setdefault(main_article(rule.articles[0]) if rule.articles else NONE, []).append(rule)
    return list(groups.items())


def legislation_block(assessment: Assessment, part: str) -> Block:
    result = assessment.parts.get(part)
    branch = result.branch if result is not None else None
    schemes = assessment.description.schemes_for(branch) if branch else []
    if not schemes:
        return paragraph(f"Legislation giving effect to Part {part}: {MISSING}.", "missing")
    rows = [[s.name, *legal_basis(s)] for s in schemes]
    rows = [[name, law, source or "no source given"] for name, law, source in rows]
    return table(["Scheme", "Legislation", "Source"], rows, "Legislation giving effect (Art 76(1)(a))")


def part_sections(assessment: Assessment, part: str) -> list[Section]:
    result = assessment.parts.get(part)
    title = result.title if result is not None else f"Part {part}"
    intro = [legislation_block(assessment, part)]
    if result is not None and result.ceased_by:
        intro.insert(0, paragraph(f"Obligations under this Part were ended by {result.ceased_by} (Art 75)."))
    out = [section(f"Part {part}: {title}", intro, 3, anchor=f"part-{part}")]
    rules = assessment.rules_of(part)
    for article, group in by_article(rules):
        blocks = rule_blocks(assessment, group)
        if any(r.kind == "benefit_level" for r in group):
            titles = benefit_titles(assessment, part)
            for label, rows in titles:
                blocks += evidence_table(label, rows)
            if not titles:
                blocks.append(
                    paragraph(
                        f"Calculation for the standard beneficiary (Art 65, 66 or 67): {MISSING}.", "missing"
                    )
                )
        blocks.append(placeholder(f"how the law and practice give effect to Article {article}"))
        out.append(section(f"Article {article}", blocks, 4))
    if not rules:
        out.append(
            section("Articles", [paragraph(f"No requirement of Part {part} was assessed.", "missing")], 4)
        )
    return out


def article22_document(
    assessment: Assessment, parts: list[str] | None = None, date: str | None = None
) -> Document:
    chosen, why = reported_parts(assessment, parts)
    name = country_name(assessment)
    unknown = parts_unknown(assessment, parts)
    if unknown:
        chosen = []
    sections: list[Section] = [section("About this draft", about_blocks(assessment, unknown), anchor="about")]
    sections += [
        section("Reporting calendar", [bullets(calendar(assessment))], anchor="calendar"),
        point_one(assessment, chosen),
        section(
            "II. Application of the Convention, article by article",
            [
                paragraph(
                    "For each accepted Part, the provisions giving effect to each article, with the "
                    "statistics Article 76(1)(b) asks for."
                )
            ],
            anchor="point-II",
        ),
        part_one(assessment, chosen, why),
    ]
    for part in chosen:
        sections += part_sections(assessment, part)
    for part in (p for p in COMMON_PARTS if assessment.rules_of(p) and chosen):
        heading = f"Part {part}: {OTHER_PART_TITLES.get(part, '')}".rstrip(": ")
        sections.append(section(heading, [], 3, anchor=f"part-{part}"))
        for article, group in by_article(assessment.rules_of(part)):
            blocks = [*rule_blocks(assessment, group), placeholder(f"application of Article {article}")]
            sections.append(section(f"Article {article}", blocks, 4))
    sections += general_points(assessment)
    sections += annex_sections(assessment, chosen)
    title = f"{name}: report under article 22 of the ILO Constitution on Convention No. 102 (draft)"
    subtitle = f"Parts {', '.join(chosen) or 'not recorded'}; description as of {as_of(assessment)}"
    return document(title, subtitle, sections, receipt_lines(assessment, date), "article22")
