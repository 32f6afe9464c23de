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
from c102.i18n import _
from c102.i18n.numbers import long_date
from c102.i18n.rulebook import part_title, rule_title
from c102.model.description import Scheme
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
    NONE,
    article_key,
    cite,
    cited_article,
    joined,
    main_article,
    missing,
    other_part_title,
    part_key,
    quantity,
)
from c102.report.shared.document import Block, Document, Section, bullets, document, paragraph, section, table
from c102.report.shared.evidence import Row, benefit_titles, evidence_for, evidence_header, is_missing

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
        record = r.record["source"] if r.record else _("ratification record")
        return [
            _(
                "Ratification registered in {year} ({record}); the exact date is not recorded, so the dates "
                "below are years.",
                year=year,
                record=record,
            ),
            _(
                "Entry into force for the country: {year}, twelve months after registration (Art 79(3)).",
                year=int(year) + 1,
            ),
            _(
                "First report: due in {year} at the latest, the year after entry into force. This follows "
                "ILO practice (Handbook of procedures relating to international labour Conventions), not the "
                "Convention's text.",
                year=int(year) + 2,
            ),
        ]
    if r.registered is None and not r.accepted_parts:
        return [
            _(
                "The ratification is not registered yet. Under Art 79(3) the Convention enters into force for "
                "a Member twelve months after its ratification is registered."
            ),
            _(
                "In ILO practice (Handbook of procedures relating to international labour Conventions) "
                "the first, detailed report falls due in the year after entry into force."
            ),
        ]
    if r.registered is None:
        return [
            _(
                "Parts are recorded as accepted but the date of registration is not known: supply it to compute "
                "the entry into force (Art 79(3)) and the first report's due date."
            ),
        ]
    registered = date.fromisoformat(r.registered)
    in_force = date.fromisoformat(r.in_force_from) if r.in_force_from else twelve_months_after(registered)
    return [
        _("Ratification registered on {date}.", date=long_date(registered)),
        _(
            "Entry into force for the country: {date}, twelve months after registration (Art 79(3)).",
            date=long_date(in_force),
        ),
        _(
            "First report: due in {year}, the year after entry into force. This follows ILO practice "
            "(Handbook of procedures relating to international labour Conventions), not the Convention's "
            "text; later reports follow the regular reporting cycle or a request of the Committee of Experts.",
            year=in_force.year + 1,
        ),
    ]


def reported_parts(assessment: Assessment, parts: list[str] | None) -> tuple[list[str], str]:
    """The Parts reported on and why: the caller's list, else those accepted, else those acceptable now."""
    if parts:
        return (sorted(dict.fromkeys(parts), key=part_key), _("Parts given for this draft"))
    ratification = assessment.ratification
    if ratification.accepted_parts:
        binding = [p for p in ratification.accepted_parts if p not in ratification.ceased_parts]
        if len(binding) < len(ratification.accepted_parts):
            why = _("Parts accepted in the ratification, less those whose obligations a later Convention ended (Art 75)")
        else:
            why = _("Parts accepted in the ratification")
        return (sorted(binding, key=part_key), why)
    return (
        sorted(assessment.ratification.acceptable_parts, key=part_key),
        _("no Part is accepted yet; the Parts that could be accepted now are assumed"),
    )


def exception_statements(assessment: Assessment) -> list[Block]:
    """Art 3(2): a yearly statement for each temporary exception, with the government's choice left open."""
    declaration = assessment.description.article_3
    if declaration is None or not declaration.in_force.value:
        return [
            paragraph(_("No declaration under Art 3(1) is in force: no yearly statement under Art 3(2) is due."))
        ]
    exceptions = declaration.exceptions.value if declaration.exceptions is not None else []
    if not exceptions:
        return [paragraph(_("A declaration under Art 3(1) is in force but names no exception."), "missing")]
    source = declaration.in_force.source or _("no source given")
    blocks = [
        paragraph(_("Declaration under Art 3(1) in force (source: {source}). Statements under Art 3(2):", source=source))
    ]
    for exception in exceptions:
        blocks.append(
            paragraph(
                _(
                    "Temporary exception of {article}. Yearly statement under Art 3(2); the Government keeps one "
                    "option and deletes the other: (a) the grounds for relying on this exception still hold: "
                    "________ [grounds]; or (b) the Government gives up this exception with effect from "
                    "________ [date].",
                    article=cite(exception),
                )
            )
        )
    return blocks


def part_one(assessment: Assessment, parts: list[str], why: str) -> Section:
    description = assessment.description
    items = [_("Parts reported on ({why}): {parts}.", why=why, parts=", ".join(parts) or _("none"))]
    if description.ratification is not None and description.ratification.parts is not None:
        source = description.ratification.parts.source or _("no source given")
        listed = ", ".join(description.ratification.parts.value)
        items.append(
            _("Parts specified in the ratification (Art 2(b), Art 4): {parts} (source: {source}).", parts=listed, source=source)
        )
    for part, convention in sorted(
        assessment.ratification.ceased_parts.items(), key=lambda kv: part_key(kv[0])
    ):
        items.append(
            _("Part {part}: obligations ended by the ratification of {convention} (Art 75).", part=part, convention=convention)
        )
    seafarers = description.country.seafarers_excluded
    if seafarers is not None and seafarers.value:
        source = seafarers.source or _("no source given")
        items.append(
            _("Seafarers and sea-fishermen are excluded from the counts (Art 77(2)); source: {source}.", source=source)
        )
    blocks: list[Block] = [bullets(items), *exception_statements(assessment)]
    blocks += rule_blocks(assessment, assessment.rules_of("I"))
    heading = _("Part {part}: {title}", part="I", title=part_title("I", _("General provisions")))
    return section(heading, blocks, 3, anchor="part-I")


def rule_table(assessment: Assessment, rules: list[RuleResult], listed: frozenset[str] = frozenset()) -> Block:
    """What the law provides for each requirement, with its source: the government's voice, no finding.

    A requirement resting on every scheme of ``listed`` (the Part's legislation table) refers to that
    table rather than repeating each scheme's law and source."""
    rows = []
    for rule in rules:
        if len(listed) > 1 and set(rule.schemes) == listed:
            provision = _("the legislation of the {count} schemes listed above", count=len(listed))
            law_sources: list[str] = []
        else:
            provision, law_sources = provisions(assessment, rule.schemes)
        figure = quantity(rule.value, rule.unit) if rule.value is not None else NONE
        rows.append(
            [
                rule_title(rule.id, rule.title),
                cite(cited_article(rule)),
                provision,
                figure,
                joined([*rule.sources, *law_sources]),
            ]
        )
    header = [_("Requirement"), _("Article"), _("Provisions giving effect"), _("Figure in the law"), _("Source")]
    return table(header, rows)


def evidence_table(title: str, rows: list[Row]) -> list[Block]:
    blocks: list[Block] = [table(evidence_header(), rows, title)]
    if is_missing(rows):
        blocks.append(paragraph(_("Some figures are {missing}.", missing=missing()), "missing"))
    return blocks


def rule_blocks(assessment: Assessment, rules: list[RuleResult], listed: frozenset[str] = frozenset()) -> list[Block]:
    blocks: list[Block] = []
    if rules:
        blocks.append(rule_table(assessment, rules, listed))
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


def part_schemes(assessment: Assessment, part: str) -> list[Scheme]:
    """The schemes giving effect to a Part: those of its branch; for Parts I and XI to XIII, which
    protect no branch, the schemes their requirements rest on."""
    result = assessment.parts.get(part)
    branch = result.branch if result is not None else None
    if branch:
        return list(assessment.description.schemes_for(branch))
    relied = {name for rule in assessment.rules_of(part) for name in rule.schemes}
    return [s for s in assessment.description.scheme if s.name in relied]


def legislation_block(assessment: Assessment, part: str) -> Block:
    schemes = part_schemes(assessment, part)
    if not schemes:
        return paragraph(_("Legislation giving effect to Part {part}: {missing}.", part=part, missing=missing()), "missing")
    rows = [[s.name, *legal_basis(s)] for s in schemes]
    rows = [[name, law, source or _("no source given")] for name, law, source in rows]
    header = [_("Scheme"), _("Legislation"), _("Source")]
    return table(header, rows, _("Legislation giving effect (Art 76(1)(a))"))


def part_sections(assessment: Assessment, part: str) -> list[Section]:
    result = assessment.parts.get(part)
    intro = [legislation_block(assessment, part)]
    if result is not None and result.ceased_by:
        intro.insert(
            0, paragraph(_("Obligations under this Part were ended by {convention} (Art 75).", convention=result.ceased_by))
        )
    if result is not None:
        heading = _("Part {part}: {title}", part=part, title=part_title(part, result.title))
    else:
        heading = _("Part {part}", part=part)
    out = [section(heading, intro, 3, anchor=f"part-{part}")]
    rules = assessment.rules_of(part)
    listed = frozenset(s.name for s in part_schemes(assessment, part))
    for article, group in by_article(rules):
        blocks = rule_blocks(assessment, group, listed)
        if any(r.kind == "benefit_level" for r in group):
            titles = benefit_titles(assessment, part)
            for label, rows in titles:
                blocks += evidence_table(label, rows)
            if not titles:
                blocks.append(
                    paragraph(
                        _("Calculation for the standard beneficiary (Art 65, 66 or 67): {missing}.", missing=missing()),
                        "missing",
                    )
                )
        blocks.append(placeholder(_("how the law and practice give effect to Article {article}", article=article)))
        out.append(section(_("Article {article}", article=article), blocks, 4))
    if not rules:
        out.append(
            section(
                _("Articles"), [paragraph(_("No requirement of Part {part} was assessed.", part=part), "missing")], 4
            )
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
    sections: list[Section] = [section(_("About this draft"), about_blocks(assessment, unknown), anchor="about")]
    sections += [
        section(_("Reporting calendar"), [bullets(calendar(assessment))], anchor="calendar"),
        point_one(assessment, chosen),
        section(
            _("II. Application of the Convention, article by article"),
            [
                paragraph(
                    _(
                        "For each accepted Part, the provisions giving effect to each article, with the "
                        "statistics Article 76(1)(b) asks for."
                    )
                )
            ],
            anchor="point-II",
        ),
        part_one(assessment, chosen, why),
    ]
    for part in chosen:
        sections += part_sections(assessment, part)
    for part in (p for p in COMMON_PARTS if assessment.rules_of(p) and chosen):
        title = other_part_title(part)
        heading = _("Part {part}: {title}", part=part, title=title) if title != part else _("Part {part}", part=part)
        sections.append(section(heading, [legislation_block(assessment, part)], 3, anchor=f"part-{part}"))
        listed = frozenset(s.name for s in part_schemes(assessment, part))
        for article, group in by_article(assessment.rules_of(part)):
            application = placeholder(_("application of Article {article}", article=article))
            blocks = [*rule_blocks(assessment, group, listed), application]
            sections.append(section(_("Article {article}", article=article), blocks, 4))
    sections += general_points(assessment)
    sections += annex_sections(assessment, chosen)
    title = _("{country}: report under article 22 of the ILO Constitution on Convention No. 102 (draft)", country=name)
    if chosen:
        subtitle = _("Parts {parts}; description as of {date}", parts=", ".join(chosen), date=as_of(assessment))
    else:
        subtitle = _("Parts not recorded; description as of {date}", date=as_of(assessment))
    return document(title, subtitle, sections, receipt_lines(assessment, date), "article22")
