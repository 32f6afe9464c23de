"""Excel workbook of one or several assessments, for actuaries and specialists who work in a spreadsheet.

Sheets: the verdict matrix; every rule with its verdict, value, threshold and gap; the replacement
rates of the standard beneficiaries and the coverage shares against their thresholds; the Social
Security Inquiry table (persons protected by sex); the Article 76 statistics with their sources.
Numbers are numbers (percentages formatted as such), every sheet has a frozen header row and a
filter. openpyxl stamps the time into the file: it is fixed, and the zip is rewritten with fixed
entry times, so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from c102.evaluate.assessment import Assessment
from c102.evaluate.verdict import VERDICTS
from c102.i18n import N_, _
from c102.labels import label
from c102.report.shared.country import country_name
from c102.report.shared.display import (
    BRANCH_PARTS,
    VERDICT_FILL,
    change_needed,
    cite,
    cited_article,
    joined,
    part_key,
    verdict_text,
)
from c102.report.shared.ssi import SSI_HEADER, ssi_rows
from c102.report.writers.zipfixed import fixed_datetime, rezip

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_PERCENT = "0.0%"
_WIDTH_CAP = 60

Cell = str | float | int | None


def _number(value: Fraction | None) -> float | None:
    return float(value) if value is not None else None


def matrix_rows(assessments: list[Assessment]) -> tuple[list[str], list[list[Cell]]]:
    header = [
        _("Country"),
        *(_("Part {part}", part=p) for p in BRANCH_PARTS),
        _("Acceptable now"),
        _("Meets Article 2"),
    ]
    rows: list[list[Cell]] = []
    for a in assessments:
        cells: list[Cell] = [country_name(a)]
        for part in BRANCH_PARTS:
            result = a.parts.get(part)
            cells.append(verdict_text(result.verdict) if result is not None else None)
        cells += [
            ", ".join(a.ratification.acceptable_parts) or _("none"),
            _("yes") if a.ratification.meets_article_2 else _("no"),
        ]
        rows.append(cells)
    return header, rows


RULE_HEADER = [
    N_("Country"),
    N_("Part"),
    N_("Rule"),
    N_("Requirement"),
    N_("Article"),
    N_("Verdict"),
    N_("Value"),
    N_("Threshold"),
    N_("Unit"),
    N_("Gap"),
    N_("Change needed"),
    N_("Information missing"),
    N_("Question"),
    N_("Schemes"),
    N_("Sources"),
]


def rule_rows(assessments: list[Assessment]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for a in assessments:
        for rule in sorted(a.rules, key=lambda r: part_key(r.part)):
            rows.append(
                [
                    country_name(a),
                    rule.part,
                    rule.id,
                    rule.title,
                    cite(cited_article(rule)),
                    verdict_text(rule.verdict),
                    _number(rule.value),
                    _number(rule.threshold),
                    rule.unit,
                    rule.gap,
                    change_needed(rule) if rule.verdict == "not_compliant" else None,
                    joined(rule.missing, ""),
                    rule.question,
                    joined(rule.schemes, ""),
                    joined(rule.sources, ""),
                ]
            )
    return rows


BENEFIT_HEADER = [
    N_("Country"),
    N_("Part"),
    N_("Standard beneficiary"),
    N_("Scheme"),
    N_("Article"),
    N_("Reference wage"),
    N_("Benefit with supplements"),
    N_("Family allowances"),
    N_("Replacement rate"),
    N_("Schedule percentage"),
    N_("Meets"),
]


def benefit_rows(assessments: list[Assessment]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for a in assessments:
        for c in sorted(a.calculations, key=lambda c: (part_key(c.part), c.row, c.scheme)):
            meets = None if c.rate is None else (_("yes") if c.rate >= c.required else _("no"))
            rows.append(
                [
                    country_name(a),
                    c.part,
                    c.standard_beneficiary,
                    c.scheme,
                    _("Art {article}", article=c.article),
                    _number(c.reference_wage),
                    _number(c.benefit),
                    _number(c.family_allowances),
                    _number(c.rate),
                    _number(c.required),
                    meets,
                ]
            )
    return rows


COVERAGE_HEADER = [
    N_("Country"),
    N_("Part"),
    N_("Alternative"),
    N_("Share protected"),
    N_("Threshold"),
    N_("Verdict"),
    N_("Gap"),
]


def coverage_rows(assessments: list[Assessment]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for a in assessments:
        for rule in a.rules:
            if rule.kind != "coverage" or rule.unit != "percent":
                continue
            rows.append(
                [
                    country_name(a),
                    rule.part,
                    cite(cited_article(rule)),
                    _number(rule.value),
                    _number(rule.threshold),
                    verdict_text(rule.verdict),
                    rule.gap,
                ]
            )
    return rows


STATISTICS_HEADER = [N_("Country"), N_("Statistic"), N_("Figure"), N_("Men"), N_("Women"), N_("Source")]


def statistics_rows(assessments: list[Assessment]) -> list[list[Cell]]:
    """Every Art 76 statistic the description states, with its source."""
    from c102.model.values import Count, Money

    rows: list[list[Cell]] = []
    for a in assessments:
        statistics = a.description.statistics
        if statistics is None:
            continue
        for name, fact in vars(statistics).items():
            if name == "position" or fact is None or not hasattr(fact, "value"):
                continue
            value = fact.value
            men = women = None
            figure: Cell
            if isinstance(value, Count):
                figure, men, women = value.total, value.men, value.women
            elif isinstance(value, Money):
                figure = float(value.amount)
            elif isinstance(value, int | float | Fraction) or hasattr(value, "as_integer_ratio"):
                figure = float(value)
            else:
                figure = str(value)
            rows.append(
                [
                    country_name(a),
                    label(name, "statistics", capital=True),
                    figure,
                    men,
                    women,
                    fact.source or "",
                ]
            )
    return rows


def _sheet(
    book: Any, title: str, header: list[str], rows: list[list[Cell]], percent: tuple[str, ...] = ()
) -> Worksheet:
    """A sheet with a bold frozen header, a filter, fitted widths and verdict fills; the title and
    header in the active language (``percent`` names columns by their English header)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(_(title)[:31])  # Excel's limit on a sheet name
    sheet.append([_(name) for name in header])
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EAF2")
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    fills = {verdict_text(v): PatternFill("solid", fgColor=VERDICT_FILL.get(v, "FFFFFF")) for v in VERDICTS}
    for index, name in enumerate(header, 1):
        letter = get_column_letter(index)
        texts = [_(name), *(str(r[index - 1]) for r in rows if r[index - 1] is not None)]
        sheet.column_dimensions[letter].width = min(max(len(t) for t in texts) + 2, _WIDTH_CAP)
        for cell in sheet[letter][1:]:
            if name in percent:
                cell.number_format = _PERCENT
            elif isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
            if isinstance(cell.value, str) and cell.value in fills:
                cell.fill = fills[cell.value]
            if isinstance(cell.value, str) and len(cell.value) > _WIDTH_CAP:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    return sheet


def render_xlsx(assessments: list[Assessment], when: str | None = None) -> bytes:
    """The workbook as bytes, the same for the same assessments and date."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    _sheet(book, N_("Verdicts"), *matrix_rows(assessments))
    rules = _sheet(book, N_("Rules"), RULE_HEADER, rule_rows(assessments))
    for row in rules.iter_rows(min_row=2):
        if row[8].value == "percent":  # the Unit column: values are fractions of one
            row[6].number_format = row[7].number_format = _PERCENT
    _sheet(
        book,
        N_("Benefit levels"),
        BENEFIT_HEADER,
        benefit_rows(assessments),
        ("Replacement rate", "Schedule percentage"),
    )
    _sheet(
        book, N_("Coverage"), COVERAGE_HEADER, coverage_rows(assessments), ("Share protected", "Threshold")
    )
    _sheet(book, N_("Social Security Inquiry"), SSI_HEADER, ssi_rows(assessments))
    _sheet(book, N_("Statistics (Art 76)"), STATISTICS_HEADER, statistics_rows(assessments))
    stamp = fixed_datetime(when).replace(tzinfo=None)
    book.properties.creator = "c102"
    book.properties.created = stamp
    book.properties.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")

    def fixed_core(name: str, content: bytes) -> bytes:
        # openpyxl sets the modified time to the clock when saving, whatever was asked.
        if name != "docProps/core.xml":
            return content
        text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", rf"\g<1>{iso}", content.decode("utf-8"))
        return re.sub(r"(<dcterms:created[^>]*>)[^<]*", rf"\g<1>{iso}", text).encode("utf-8")

    return rezip(buffer.getvalue(), fixed_core)
