"""The numbers and words the view layer computes, checked against hand-worked values."""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.assessment import Assessment
from c102.evaluate.verdict import RuleResult
from c102.report.kinds.article22 import calendar, reported_parts, twelve_months_after
from c102.report.kinds.comparative import (
    benefit_cell,
    coverage_cell,
    matrix_cell,
    narrative,
)
from c102.report.kinds.gap_parts import SourceRegister, detail_row, missing_facts
from c102.report.shared.display import article_key, change_needed, cite, percent, quantity, share
from c102.report.shared.evidence import MISSING, benefit_titles, evidence_for
from c102.report.shared.findings import largest_gaps


def rule(**kw: object) -> RuleResult:
    base: dict[str, object] = dict(
        id="X",
        instrument="C102",
        part="V",
        articles=["28"],
        title="t",
        topic="benefit_level",
        kind="benefit_level",
        verdict="not_compliant",
        explanation="e",
    )
    base.update(kw)
    return RuleResult(**base)  # type: ignore[arg-type]


def test_citations_and_numbers() -> None:
    assert cite(["27(b)"]) == "Art 27(b)"
    assert cite(["27(a)", "27(b)"]) == "Art 27(a), 27(b)"
    assert percent(Fraction(36)) == "36.0%"
    assert share(Fraction(650, 1050)) == "61.9%"
    assert quantity(Fraction(1_460_000), "persons") == "1,460,000"
    assert quantity(Fraction(26), "weeks") == "26 weeks"
    assert quantity(Fraction(365, 14), "weeks") == "26.1 weeks"
    assert sorted(["27(b)", "9(a)", "10(2)", "9"], key=article_key) == ["9", "9(a)", "10(2)", "27(b)"]


def test_change_needed_is_derived_when_the_rule_gives_no_remedy() -> None:
    assert (
        change_needed(rule(value=Fraction(36, 100), threshold=Fraction(45, 100), unit="percent"))
        == "9.0 points short"
    )
    assert change_needed(rule(value=Fraction(8), threshold=Fraction(13), unit="weeks")) == "5 weeks more"
    assert change_needed(rule(value=Fraction(5), threshold=Fraction(3), unit="days")) == "2 days fewer"
    assert change_needed(rule(value=Fraction(67), threshold=Fraction(65), unit="age")) == "2 years lower"
    assert (
        change_needed(rule(remedy="1 460 000 more protected employees"))
        == "1 460 000 more protected employees"
    )
    assert (
        change_needed(
            rule(verdict="compliant", value=Fraction(1, 2), threshold=Fraction(2, 5), unit="percent")
        )
        == "—"
    )


def test_gap_detail_row_of_the_old_age_benefit_cites_its_sources_by_number(assessment: Assessment) -> None:
    register = SourceRegister()
    row = detail_row(assessment, assessment.rule("V-28-benefit"), register)
    article, verdict, settles, schemes = row[1], row[2], row[4], row[5]
    assert (article, verdict, settles) == ("Art 28", "✘ not compliant", "4.0 points short")
    assert schemes == "Social Security Fund: pensions [1, 2]"
    assert list(register.numbers) == ["SSA 2010, s. 43(1)", "Official Gazette No. 12 of 2010"]
    again = detail_row(assessment, assessment.rule("V-28-benefit"), register)[5]
    assert again == schemes and len(register.numbers) == 2  # a source is listed once


def test_gap_detail_row_says_what_would_settle_an_open_rule(assessment: Assessment) -> None:
    register = SourceRegister()
    missing = detail_row(assessment, assessment.rule("VII-44-value"), register)[4]
    assert missing == "statistics.children_of_protected; statistics.family_benefits_paid"
    question = detail_row(assessment, assessment.rule("IX-56-benefit"), register)
    assert question[4] == "Is the supplement for the wife paid in every case?"
    assert "Is the supplement" not in question[3]  # the question is not repeated as information


def test_a_field_missing_from_every_scheme_is_named_once(assessment: Assessment) -> None:
    every = ["social-security-fund-pensions", "national-health-service", "sickness-insurance", "unemployment-insurance"]
    one = rule(verdict="insufficient_data", missing=[f"scheme.{s}.appeal" for s in every] + ["statistics.x"])
    assert missing_facts(assessment, one) == "scheme.*.appeal (each of the 4 schemes); statistics.x"
    some = rule(verdict="insufficient_data", missing=[f"scheme.{s}.appeal" for s in every[:2]])
    assert missing_facts(assessment, some) == "; ".join(some.missing)


def test_largest_gaps_put_the_widest_relative_gap_first(assessment: Assessment) -> None:
    assert [r.id for r in largest_gaps(assessment)] == [
        "IV-21-coverage",
        "VI-33-coverage",
        "V-29-qualifying",
        "V-28-benefit",
    ]


def test_comparative_cells(assessment: Assessment) -> None:
    assert matrix_cell(assessment, "V") == "✘ NC*"
    assert matrix_cell(assessment, "VI") == "✘ NC* (C121)"
    assert matrix_cell(assessment, "X") == "✔ C"
    assert coverage_cell(assessment, "V") == "✔ 62.5% / 50.0% Art 27(a)"
    assert benefit_cell(assessment, "III") == "✔ 61.9% / 45.0%"
    assert benefit_cell(assessment, "IX") == "? NR"
    assert assessment.gaps() == ["accepted Part V is not compliant"]  # VI was ended by C121
    text = narrative(assessment)
    assert "Parts that could be accepted now: II, III, VIII, X." in text
    assert "satisfies Article 2" in text
    assert "Part IV persons protected (Art 21(a); 400 000 more protected employees)" in text


def test_article_22_calendar_and_parts(assessment: Assessment) -> None:
    assert calendar(assessment)[1].startswith("Entry into force for the country: 2020-06-14")
    assert "due in 2021" in calendar(assessment)[2]
    assert twelve_months_after(__import__("datetime").date(2020, 2, 29)).isoformat() == "2021-02-28"
    assert reported_parts(assessment, None)[0] == ["II", "III", "V", "VII", "VIII"]  # VI ended by C121
    assert reported_parts(assessment, ["IX", "II", "IX"])[0] == ["II", "IX"]


def test_article_22_evidence_keyed_by_article(assessment: Assessment) -> None:
    title, rows = evidence_for(assessment, assessment.rule("V-27-coverage"))  # type: ignore[misc]
    assert title.startswith("Title I")
    assert rows[-1] == [
        "Ratio under Art 27(a)",
        "62.5% (required 50.0%)",
        "SSF annual report 2023, p. 4; Labour Force Survey 2023, table 3",
    ]
    title, rows = evidence_for(assessment, assessment.rule("VII-44-value"))  # type: ignore[misc]
    assert title.startswith("Title V") and rows[0][1] == MISSING
    title, rows = evidence_for(assessment, assessment.rule("XIII-71-2-share"))  # type: ignore[misc]
    assert rows[2][1] == "33.3% (at most 50.0%)"
    title, rows = evidence_for(assessment, assessment.rule("III-18-duration"))  # type: ignore[misc]
    assert rows == [
        ["Days of sickness benefit paid in the year", "9,000,000", "SSF accounts 2023"],
        ["Average number of persons protected in the year", MISSING, ""],
    ]
    title, rows = evidence_for(assessment, assessment.rule("IV-24-duration"))  # type: ignore[misc]
    assert rows == [["Average duration of benefit: Unemployment | insurance", MISSING, ""]]
    ((label, working),) = benefit_titles(assessment, "V")
    assert label == "Title II (Art 65): old age, Social Security Fund: pensions"
    assert ["Percentage reached", "36.0%", "required 40.0% (Schedule to Part XI)"] in working
