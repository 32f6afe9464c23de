"""The ratification options report: each Part's status, the sets meeting Article 2, what stands in the
way of each other Part, and a draft declaration."""

from __future__ import annotations

from c102.evaluate.assessment import Assessment
from c102.report.kinds.options import article_2_sets, options_document
from c102.report.output import render_report


def test_sets_of_three_include_a_long_term_part() -> None:
    assert article_2_sets(["II", "III", "VIII"]) == []
    assert article_2_sets(["II", "III", "VIII", "X"]) == [
        ("II", "III", "X"),
        ("II", "VIII", "X"),
        ("III", "VIII", "X"),
    ]


def test_document_has_status_sets_obstacles_and_declaration(assessment: Assessment) -> None:
    doc = options_document(assessment)
    headings = [s["heading"] for s in doc["sections"]]
    assert headings[0] == "Each Part at a glance"
    assert headings[1] == "Sets of Parts meeting Article 2 now"
    assert headings[-1] == "Draft declaration accompanying ratification"
    acceptable = set(assessment.ratification.acceptable_parts)
    blocked = [h for h in headings if h.startswith("Part ")]
    assert blocked and not any(h.split()[1].rstrip(":") in acceptable for h in blocked)
    declaration = " ".join(b["text"] for b in doc["sections"][-1]["blocks"])
    assert (
        "Parts "
        + ", ".join(sorted(acceptable, key=["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"].index))
        in declaration
    )


def test_options_in_every_format(assessment: Assessment) -> None:
    assert render_report(assessment, "options", "md").startswith(b"# ")
    assert b"<h2" in render_report(assessment, "options", "html")
    assert render_report(assessment, "options", "docx").startswith(b"PK")


def test_what_stands_in_the_way_names_requirements_by_title_with_shaded_verdicts(assessment: Assessment) -> None:
    doc = options_document(assessment)
    tables = [b for s in doc["sections"] if s["heading"].startswith("Part ") for b in s["blocks"] if b["kind"] == "table"]
    ids = {r.id for r in assessment.rules}
    assert tables and not any(row[0] in ids for t in tables for row in t["rows"])
    assert all(tone in ("not_compliant", "needs_review", "insufficient_data") for t in tables for tone in t["tones"])
