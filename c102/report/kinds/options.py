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
from c102.i18n import _, ngettext
from c102.i18n.rulebook import part_title, rule_title
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
            what = what or _("a specialist must answer the question")
        remedy = what_settles(rule, ask_to_state=True)
        rows.append([rule_title(rule.id, rule.title), cite(cited_article(rule)), verdict_label(rule.verdict), what, remedy])
    return rows


def _verdicts(assessment: Assessment, part: str) -> list[str]:
    """The verdict of each row of ``_obstacles``, to shade the rows."""
    return [r.verdict for r in assessment.rules_of(part) if r.verdict not in (COMPLIANT, NOT_APPLICABLE)]


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
                _("yes") if part in acceptable else _("no"),
                _("nothing")
                if part in acceptable
                else ngettext("{n} requirement", "{n} requirements", blocking),
            ]
        )
        tones.append(result.verdict)
    header = [_("Part"), _("Title"), _("Verdict"), _("Rules"), _("Acceptable now"), _("Stands in the way")]
    return section(
        _("Each Part at a glance"), [table(header, rows, _("Status of Parts II to X"), tones)], anchor="status"
    )


def sets_section(assessment: Assessment) -> Section:
    r = assessment.ratification
    acceptable = sorted(r.acceptable_parts, key=part_key)
    sets = article_2_sets(acceptable)
    listed = ", ".join(acceptable) or _("none")
    blocks: list[Block] = [paragraph(_("Parts that could be accepted now: {parts}.", parts=listed))]
    if sets and r.meets_article_2:
        shown = [", ".join(s) for s in sets[:_SHOWN_SETS]]
        if len(sets) > _SHOWN_SETS:
            text = ngettext(
                "{n} set of three Parts meets Art 2(a)(ii) now and {more} more; the largest acceptable set is {parts}.",
                "{n} sets of three Parts meet Art 2(a)(ii) now and {more} more; the largest acceptable set is {parts}.",
                len(sets),
                more=len(sets) - _SHOWN_SETS,
                parts=", ".join(acceptable),
            )
        else:
            text = ngettext(
                "{n} set of three Parts meets Art 2(a)(ii) now; the largest acceptable set is {parts}.",
                "{n} sets of three Parts meet Art 2(a)(ii) now; the largest acceptable set is {parts}.",
                len(sets),
                parts=", ".join(acceptable),
            )
        blocks += [paragraph(text), bullets(shown)]
    else:
        blocks.append(
            paragraph(_("No set of Parts meets Article 2 now. {explanation}", explanation=r.explanation).strip(), "missing")
        )
    return section(_("Sets of Parts meeting Article 2 now"), blocks, anchor="sets")


def obstacles_sections(assessment: Assessment) -> list[Section]:
    acceptable = set(assessment.ratification.acceptable_parts)
    out = [
        section(
            _("What stands in the way"),
            [
                paragraph(
                    _(
                        "For each Part not acceptable now: the requirements not met, with the smallest changes "
                        "of the law that close each gap (one per parameter that can, each checked by assessing "
                        "the changed description again), and the requirements that cannot be decided yet, with "
                        "the facts or the answer needed."
                    )
                )
            ],
            anchor="obstacles",
        )
    ]
    header = [_("Requirement"), _("Article"), _("Verdict"), _("Gap or reason"), _("Change needed, facts or question")]
    for part in BRANCH_PARTS:
        result = assessment.parts.get(part)
        if result is None or part in acceptable:
            continue
        rows = _obstacles(assessment, part)
        block = (
            table(header, rows, "", _verdicts(assessment, part))
            if rows
            else paragraph(_("No requirement of this Part is assessed yet."), "missing")
        )
        heading = _("Part {part}: {title}", part=part, title=part_title(part, result.title))
        out.append(section(heading, [block], 3, anchor=f"part-{part}"))
    return out


def declaration_section(assessment: Assessment) -> Section:
    name = country_name(assessment)
    r = assessment.ratification
    acceptable = sorted(r.acceptable_parts, key=part_key)
    blocks: list[Block] = []
    if not r.meets_article_2:
        blocks.append(
            paragraph(
                _(
                    "No set of Parts meets Article 2 now: the declaration below lists the Parts acceptable now, "
                    "which are not enough for ratification."
                ),
                "warning",
            )
        )
    parts_text = ", ".join(acceptable) if acceptable else _("[Parts]")
    blocks.append(
        paragraph(
            _(
                "The Government of {country}, in ratifying the Social Security (Minimum Standards) Convention, "
                "1952 (No. 102), declares under Article 2(b) and Article 4 that it accepts the obligations of "
                "Part I, of Parts {parts}, and of the corresponding provisions of Parts XI, XII and XIII.",
                country=name,
                parts=parts_text,
            )
        )
    )
    declaration = assessment.description.article_3
    exceptions = declaration.exceptions.value if declaration and declaration.exceptions is not None else []
    if declaration is not None and declaration.in_force.value and exceptions:
        blocks.append(
            paragraph(
                _(
                    "It avails itself of the temporary exceptions of {articles} under Article 3(1), "
                    "and will state each year in its report under article 22 of the ILO Constitution whether "
                    "the grounds still hold (Article 3(2)).",
                    articles=cite(exceptions),
                )
            )
        )
    else:
        blocks.append(
            paragraph(
                _(
                    "[If the Government avails itself of the temporary exceptions of Article 3(1) (a Member whose "
                    "economy and medical facilities are insufficiently developed), list the articles here.]"
                ),
                "placeholder",
            )
        )
    blocks.append(
        paragraph(_("[Place, date, and the authority signing the instrument of ratification.]"), "placeholder")
    )
    return section(_("Draft declaration accompanying ratification"), blocks, anchor="declaration")


def options_document(assessment: Assessment, date: str | None = None) -> Document:
    intro: list[Block] = []
    if is_fictional(assessment):
        intro.append(paragraph(_("A fictional teaching example: not a real country."), "note"))
    if assessment.ratification.accepted_parts:
        intro.append(
            paragraph(
                _(
                    "The country has already accepted Parts {parts}: the options below show what it could add (Art 4).",
                    parts=", ".join(assessment.ratification.accepted_parts),
                ),
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
    subtitle = _("Ratification options under ILO Convention No. 102 (1952), as of {date}", date=as_of(assessment))
    title = _("{country}: ratification options", country=name)
    return document(title, subtitle, sections, receipt_lines(assessment, date), "options")
