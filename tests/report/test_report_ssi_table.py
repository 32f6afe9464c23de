"""The Social Security Inquiry table (persons protected and beneficiaries by sex, ten categories)
reads the description's `beneficiaries:` and `social_assistance_beneficiaries:` and reaches every
prose format of the gap report, the JSON and the workbook."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from c102 import assess, load_description
from c102.evaluate.assessment import Assessment
from c102.report.output import render_report
from c102.report.shared.ssi import SSI_CATEGORIES, ssi_json

EXAMPLIA = Path(__file__).parents[2] / "countries" / "examples" / "examplia.c102"


def _with_beneficiaries(tmp_path: Path, maternity_split: bool = True) -> Assessment:
    text = EXAMPLIA.read_text(encoding="utf-8")
    split = " (men 0, women 41_000)" if maternity_split else ""
    text = text.replace(
        "  benefit old_age {\n",
        '  benefit old_age {\n    beneficiaries: 120_000 (men 70_000, women 50_000)  source "Fund report 2023, p. 9"\n',
        1,
    )
    text = text.replace(
        "  benefit maternity {\n",
        f'  benefit maternity {{\n    beneficiaries: 41_000{split}  source "Fund report 2023, p. 11"\n',
        1,
    )
    text = text.replace(
        "statistics 2023 {\n",
        'statistics 2023 {\n  social_assistance_beneficiaries: 75_500 (men 30_500, women 45_000)'
        '  source "Ministry of Social Affairs 2023"\n',
        1,
    )
    path = tmp_path / "examplia-ssi.c102"
    path.write_text(text, encoding="utf-8")
    return assess(load_description(str(path)))


def _category(entries: list[dict[str, object]], key: str) -> dict[str, object]:
    return next(e for e in entries if e["category"] == key)


def test_the_ten_categories_carry_the_beneficiaries_the_description_states(tmp_path: Path) -> None:
    entries = ssi_json(_with_beneficiaries(tmp_path))
    assert [e["category"] for e in entries] == [key for key, _ in SSI_CATEGORIES]
    old_age = _category(entries, "old_age")
    assert (old_age["beneficiaries"], old_age["beneficiaries_men"], old_age["beneficiaries_women"]) == (
        120_000,
        70_000,
        50_000,
    )
    assert "Fund report 2023, p. 9" in old_age["sources"]  # type: ignore[operator]
    assistance = _category(entries, "social_assistance")
    assert assistance["part"] is None
    assert (assistance["beneficiaries"], assistance["beneficiaries_women"]) == (75_500, 45_000)
    assert _category(entries, "unemployment")["beneficiaries"] is None  # not stated: null, not zero


def test_a_total_without_its_split_by_sex_gives_no_split(tmp_path: Path) -> None:
    maternity = _category(ssi_json(_with_beneficiaries(tmp_path, maternity_split=False)), "maternity")
    assert maternity["beneficiaries"] == 41_000
    assert maternity["beneficiaries_men"] is None and maternity["beneficiaries_women"] is None


def test_the_gap_report_shows_the_table_in_markdown_html_and_docx(tmp_path: Path) -> None:
    assessment = _with_beneficiaries(tmp_path)
    markdown = render_report(assessment, "gap", "md").decode("utf-8")
    assert "## Social Security Inquiry" in markdown
    assert "| General social assistance | none | — | — | — | 75,500 | 30,500 | 45,000 |" in markdown
    assert "| Old age | V | 1,120,000 | — | — | 120,000 | 70,000 | 50,000 |" in markdown
    html = render_report(assessment, "gap", "html").decode("utf-8")
    assert "Beneficiaries: women" in html and "75,500" in html
    with zipfile.ZipFile(io.BytesIO(render_report(assessment, "gap", "docx"))) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "Social Security Inquiry" in body and "Beneficiaries: men" in body and "120,000" in body


def test_the_json_and_the_workbook_carry_the_beneficiaries(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    assessment = _with_beneficiaries(tmp_path)
    data = json.loads(render_report(assessment, "gap", "json"))
    assert _category(data["social_security_inquiry"], "maternity")["beneficiaries_women"] == 41_000
    book = openpyxl.load_workbook(io.BytesIO(render_report(assessment, "gap", "xlsx")))
    sheet = book["Social Security Inquiry"]
    header = [c.value for c in sheet[1]]
    rows = {r[1]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["General social assistance"]["Beneficiaries"] == 75_500
    assert rows["Old age"]["Beneficiaries: men"] == 70_000
