"""Ratification options: what a State could accept today, and what stands in the way of the rest.

The "quick assessment checklist" of the ILO's ratification campaign as one document: each Part's
status on one page; the sets of Parts that meet Article 2 now (at least three of Parts II to X,
one of them IV, V, VI, IX or X: Art 2(a)(ii)); for each Part not yet acceptable, the requirements
that fail or cannot be decided yet; and a draft of the declaration accompanying ratification
(Parts accepted under Art 2(b) and 4, any temporary exception of Art 3(1) invoked).
"""

from __future__ import annotations

from itertools import combinations

from c102.evaluate.assessment import Assessment
from c102.evaluate.verdict import COMPLIANT, NOT_APPLICABLE, NOT_COMPLIANT
from c102.report.shared.country import as_of, country_name, is_fictional, receipt_lines
from c102.report.shared.display import (
    BRANCH_PARTS,
    cite,
    cited_article,
    part_key,
    verdict_label,
)
from c102.report.shared.document import Block, Document, Section, bullets, document, paragraph, section, table
from c102.report.shared.findings import part_cells, what_settles

LONG_TERM = ("IV", "V", "VI", "IX", "X")  # Art 2(a)(ii): one of these must be among the Parts
_SHOWN_SETS = 12


def article_2_sets(acceptable: list[str]) -> list[tuple[str, ...]]:
    """The smallest sets of acceptable Parts meeting Art 2(a)(ii): three Parts, one from LONG_TERM."""
    ordered = sorted((p for p in acceptable if p in BRANCH_PARTS), key=part_key)
    return [s for s in combinations(ordered, 3) if any(p in LONG_TERM for p in s)]


def _obstacles(assessment: Assessment, part: str) -> list[list[str]]:
    rows = []
    for rule in assessment.rules_of(part):
        if rule.verdict in (COMPLIANT, NOT_APPLICABLE):
            continue
        what = (rule.gap or rule.explanation) if rule.verdict == NOT_COMPLIANT else rule.explanation
        if rule.question and rule.question in what:  # the question goes in the last column only
            what = what.replace(rule.question, "").strip().removesuffix("A specialist must answer:").strip()
            what = what or "a specialist must answer the question"
        remedy = what_settles(rule, "state: ")
        rows.append([rule.id, cite(cited_article(rule)), verdict_label(rule.verdict), what, remedy])
    return rows


def status_section(assessment: Assessment) -> Section:
    acceptable = set(assessment.ratification.acceptable_parts)
    rows, tones = [], []
    for part in BRANCH_PARTS:
        result = assessment.parts.get(part)
        if result is None:
            continue
        blocking = len(_obstacles(assessment, part))
        rows.append(
            [
                *part_cells(part, result),
                "yes" if part in acceptable else "no",
                "nothing" if part in acceptable else f"{blocking} requirement{'s' if blocking != 1 else ''}",
            ]
        )
        tones.append(result.verdict)
    header = ["Part", "Title", "Verdict", "Rules", "Acceptable now", "Stands in the way"]
    return section(
        "Each Part at a glance", [table(header, rows, "Status of Parts II to X", tones)], anchor="status"
    )


def sets_section(assessment: Assessment) -> Section:
    r = assessment.ratification
    acceptable = sorted(r.acceptable_parts, key=part_key)
    sets = article_2_sets(acceptable)
    blocks: list[Block] = [paragraph(f"Parts that could be accepted now: {', '.join(acceptable) or 'none'}.")]
    if sets and r.meets_article_2:
        shown = [", ".join(s) for s in sets[:_SHOWN_SETS]]
        more = f" and {len(sets) - _SHOWN_SETS} more" if len(sets) > _SHOWN_SETS else ""
        blocks += [
            paragraph(
                f"{len(sets)} set{'s' if len(sets) != 1 else ''} of three Parts meet Art 2(a)(ii) now{more}; "
                f"the largest acceptable set is {', '.join(acceptable)}."
            ),
            bullets(shown),
        ]
    else:
        blocks.append(paragraph(f"No set of Parts meets Article 2 now. {r.explanation}".strip(), "missing"))
    return section("Sets of Parts meeting Article 2 now", blocks, anchor="sets")


def obstacles_sections(assessment: Assessment) -> list[Section]:
    acceptable = set(assessment.ratification.acceptable_parts)
    out = [
        section(
            "What stands in the way",
            [
                paragraph(
                    "For each Part not acceptable now: the requirements not met, with the smallest changes "
                    "of the law that close each gap (one per parameter that can, each checked by assessing "
                    "the changed description again), and the requirements that cannot be decided yet, with "
                    "the facts or the answer needed."
                )
            ],
            anchor="obstacles",
        )
    ]
    header = ["Rule", "Article", "Verdict", "Gap or reason", "Change needed, facts or question"]
    for part in BRANCH_PARTS:
        result = assessment.parts.get(part)
        if result is None or part in acceptable:
            continue
        rows = _obstacles(assessment, part)
        block = (
            table(header, rows)
            if rows
            else paragraph("No requirement of this Part is assessed yet.", "missing")
        )
        out.append(section(f"Part {part}: {result.title}", [block], 3, anchor=f"part-{part}"))
    return out


def declaration_section(assessment: Assessment) -> Section:
    name = country_name(assessment)
    r = assessment.ratification
    acceptable = sorted(r.acceptable_parts, key=part_key)
    blocks: list[Block] = []
    if not r.meets_article_2:
        blocks.append(
            paragraph(
                "No set of Parts meets Article 2 now: the declaration below lists the Parts acceptable now, "
                "which are not enough for ratification.",
                "warning",
            )
        )
    parts_text = ", ".join(acceptable) if acceptable else "[Parts]"
    blocks.append(
        paragraph(
            f"The Government of {name}, in ratifying the Social Security (Minimum Standards) Convention, "
            f"1952 (No. 102), declares under Article 2(b) and Article 4 that it accepts the obligations of "
            f"Part I, of Parts {parts_text}, and of the corresponding provisions of Parts XI, XII and XIII."
        )
    )
    declaration = assessment.description.article_3
    exceptions = declaration.exceptions.value if declaration and declaration.exceptions is not None else []
    if declaration is not None and declaration.in_force.value and exceptions:
        blocks.append(
            paragraph(
                f"It avails itself of the temporary exceptions of {cite(exceptions)} under Article 3(1), "
                "and will state each year in its report under article 22 of the ILO Constitution whether "
                "the grounds still hold (Article 3(2))."
            )
        )
    else:
        blocks.append(
            paragraph(
                "[If the Government avails itself of the temporary exceptions of Article 3(1) (a Member whose "
                "economy and medical facilities are insufficiently developed), list the articles here.]",
                "placeholder",
            )
        )
    blocks.append(
        paragraph("[Place, date, and the authority signing the instrument of ratification.]", "placeholder")
    )
    return section("Draft declaration accompanying ratification", blocks, anchor="declaration")


def options_document(assessment: Assessment, date: str | None = None) -> Document:
    intro: list[Block] = []
    if is_fictional(assessment):
        intro.append(paragraph("A fictional teaching example: not a real country.", "note"))
    if assessment.ratification.accepted_parts:
        intro.append(
            paragraph(
                f"The country has already accepted Parts {', '.join(assessment.ratification.accepted_parts)}: "
                "the options below show what it could add (Art 4).",
                "note",
            )
        )
    first = status_section(assessment)
    first["blocks"] = intro + first["blocks"]
    sections = [
        first,
        sets_section(assessment),
        *obstacles_sections(assessment),
        declaration_section(assessment),
    ]
    name = country_name(assessment)
    subtitle = f"Ratification options under ILO Convention No. 102 (1952), as of {as_of(assessment)}"
    return document(
        f"{name}: ratification options", subtitle, sections, receipt_lines(assessment, date), "options"
    )
