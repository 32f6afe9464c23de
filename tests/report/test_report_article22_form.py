"""The Article 22 draft follows the report form: points I-VI, the government's voice, findings in an
internal annex, and a warning with a question when the Parts accepted are not known."""

from __future__ import annotations

from c102.evaluate.assessment import Assessment
from c102.report.kinds.article22 import article22_document


def _headings(assessment: Assessment, **options: object) -> list[str]:
    return [s["heading"] for s in article22_document(assessment, **options)["sections"]]  # type: ignore[arg-type]


def test_points_one_to_six_and_the_internal_annex_in_order(assessment: Assessment) -> None:
    headings = _headings(assessment)
    points = [h.split(".")[0] for h in headings if h.split(".")[0] in ("I", "II", "III", "IV", "V", "VI")]
    assert points == ["I", "II", "III", "IV", "V", "VI"]
    assert headings[-1].startswith("Annex (internal)")
    assert "Part II: Medical care" in " ".join(headings) or any(h.startswith("Part II") for h in headings)


def test_no_finding_in_the_report_itself_only_in_the_annex(assessment: Assessment) -> None:
    doc = article22_document(assessment)
    body = [s for s in doc["sections"] if not s["heading"].startswith("Annex")]
    annex = [s for s in doc["sections"] if s["heading"].startswith("Annex")]
    tables = [b for s in body for b in s["blocks"] if b["kind"] == "table"]
    assert tables and not any("Finding" in t["header"] or "Verdict" in t["header"] for t in tables)
    assert not any("✘" in cell for t in tables for row in t["rows"] for cell in row)
    annex_tables = [b for s in annex for b in s["blocks"] if b["kind"] == "table"]
    assert any("Finding" in t["header"] for t in annex_tables)


def test_places_for_the_government_are_marked(assessment: Assessment) -> None:
    doc = article22_document(assessment)
    marked = [b for s in doc["sections"] for b in s["blocks"] if b.get("style") == "placeholder"]
    assert len(marked) >= 5
    assert all(b["text"].startswith("[To be completed by the Government") for b in marked)


def test_ratified_state_with_unknown_parts_gets_a_warning_and_a_question(assessment: Assessment) -> None:
    assessment.ratification.accepted_parts = []
    doc = article22_document(assessment)
    first = doc["sections"][0]["blocks"]
    assert first[0]["style"] == "warning" and "not recorded" in first[0]["text"]
    assert "which Parts" in first[1]["text"] and "--parts" in first[1]["text"]
    assert not any(s["heading"].startswith("Part II") for s in doc["sections"])
    given = _headings(assessment, parts=["II"])
    assert any(h.startswith("Part II") for h in given)


def test_a_common_provision_resting_on_every_scheme_cites_the_legislation_listed_once(
    assessment: Assessment,
) -> None:
    every = [s.name for s in assessment.description.scheme]
    appeal = assessment.rule("XIII-70-appeal")
    appeal.schemes = list(every)
    sections = article22_document(assessment)["sections"]
    part = next(s for s in sections if s["heading"].startswith("Part XIII"))
    listed = part["blocks"][0]
    assert [row[0] for row in listed["rows"]] == every  # each scheme's law once, in the Part's table
    article = next(s for s in sections if s["heading"] == "Article 70")
    row = article["blocks"][0]["rows"][0]
    assert row[2] == f"the legislation of the {len(every)} schemes listed above"
