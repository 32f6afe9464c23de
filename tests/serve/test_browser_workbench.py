"""The workbench in a real browser: the system's Chromium driven by Playwright, no browser download.

Edit a description, re-assess, see the changed verdict, download the report of the edited state;
the index, the explanation tree and the walk-through; a screenshot of each page type is written to
a temporary folder whose path is printed (run with -s to see it).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import Served

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SICKNESS_RATE = 'rate: 60%  source "Social Security Act 2010, s. 100"'


def _browser_or_skip() -> Any:
    """CI installs Chromium and Playwright (.ci/run); elsewhere the test says what is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Playwright for Python is not installed (pip install -e '.[browser]')")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise AssertionError(f"{CHROMIUM} is missing: .ci/run installs the Debian package chromium")
        pytest.skip("the Debian package chromium is not installed")
    return sync_playwright


@pytest.fixture(scope="module")
def shots() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="c102-workbench-screenshots-"))
    print(f"\nworkbench screenshots: {folder}")
    yield folder


@pytest.fixture()
def page(served: Served) -> Iterator[Any]:
    sync_playwright = _browser_or_skip()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(30_000)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page
        browser.close()
        assert errors == [], f"JavaScript errors in the page: {errors}"


def test_index_lists_countries_by_name_with_verdicts_and_a_broken_file_apart(page: Any, served: Served, shots: Path) -> None:
    page.goto(served.url + "/")
    rows = page.locator("table.glance tbody tr")
    assert rows.count() == 3
    examplia = page.locator("tr", has=page.get_by_role("link", name="Examplia", exact=True))
    assert examplia.locator("td").nth(1).inner_text().strip() == "✔"  # Part III
    assert examplia.locator("td").last.inner_text().startswith("✔ met")  # Article 2
    assert page.get_by_role("link", name="Togo").count() == 1
    assert "does not pass c102 check" in page.locator("tr", has_text="broken.c102").inner_text()
    assert page.locator("b", has_text="Broken").count() == 0  # the name from the file is text, not markup
    page.screenshot(path=str(shots / "index.png"), full_page=True)


def test_edit_reassess_changed_verdict_and_download(page: Any, served: Served, shots: Path, tmp_path: Path) -> None:
    page.goto(served.url + "/")
    page.get_by_role("link", name="Examplia", exact=True).click()
    page.wait_for_url("**/country/examplia")
    part_iii = page.locator("table.parts tr", has_text="III · Sickness benefit")
    assert part_iii.locator("td").nth(1).inner_text().startswith("✔ compliant")

    text = page.locator("#text")
    text.fill(text.input_value().replace(SICKNESS_RATE, SICKNESS_RATE.replace("60%", "30%")))
    page.get_by_role("button", name="Re-assess").click()
    page.wait_for_selector("table.parts tr.changed")
    part_iii = page.locator("table.parts tr", has_text="III · Sickness benefit")
    assert "changed" in (part_iii.get_attribute("class") or "")
    assert part_iii.locator("td").nth(0).inner_text().startswith("✔ compliant")
    assert part_iii.locator("td").nth(1).inner_text().startswith("✘ not compliant")
    assert page.locator("table.rules tr.changed", has_text="III-16-benefit-level").count() >= 1
    assert "ms server time" in page.locator("#status").inner_text()
    page.screenshot(path=str(shots / "country-edited.png"), full_page=True)

    with page.expect_download() as info:
        page.locator("ul.downloads a", has_text="md").first.click()
    download = info.value
    assert download.suggested_filename == "examplia-gap-edited.md"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    report = saved.read_text(encoding="utf-8")
    assert "30" in report and "Examplia" in report

    # the file itself is untouched: 'Back to the file' shows it again
    assert SICKNESS_RATE in (served.folder / "examplia.c102").read_text(encoding="utf-8")


def test_errors_are_shown_at_their_line_and_the_edited_text_saves_as_a_new_file(
    page: Any, served: Served, shots: Path
) -> None:
    from playwright.sync_api import expect

    page.goto(served.url + "/country/examplia")
    text = page.locator("#text")
    original = text.input_value()
    lines = original.split("\n")
    lines[7] = "  as_of: 2025-13-45"  # line 8
    text.fill("\n".join(lines))
    page.get_by_role("button", name="Re-assess").click()
    page.wait_for_selector("ol.diagnostics li.d-error")
    first = page.locator("ol.diagnostics li.d-error").first
    assert "line 8" in first.inner_text()
    assert page.locator("#gutter span.mark-error", has_text="8").count() == 1
    first.locator("a.goto").click()
    selected = page.evaluate("() => { const t = document.getElementById('text'); return t.value.slice(t.selectionStart, t.selectionEnd); }")
    assert "2025-13-45" in selected
    page.screenshot(path=str(shots / "country-errors.png"), full_page=False)

    text.fill(original.replace(SICKNESS_RATE, SICKNESS_RATE.replace("60%", "50%")))
    page.fill("#save-name", "examplia-reform")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_selector("#save-status a")
    assert (served.folder / "examplia-reform.c102").read_text(encoding="utf-8").count("rate: 50%") == 1
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#save-status")).to_contain_text("already exists")
    page.goto(served.url + "/")
    assert page.locator("table.glance tbody tr").count() == 4


def test_explanation_tree_unfolds_to_facts_and_sources(page: Any, served: Served, shots: Path) -> None:
    page.goto(served.url + "/country/examplia")
    text = page.locator("#text")
    text.fill(text.input_value().replace(SICKNESS_RATE, SICKNESS_RATE.replace("60%", "30%")))
    page.get_by_role("button", name="Re-assess").click()
    page.wait_for_selector("table.parts tr.changed")
    page.locator("table.parts tr", has_text="III · Sickness benefit").get_by_role("link", name="why").click()
    page.wait_for_url("**/explain/III")
    assert "edited description" in page.locator("p.banner").inner_text()
    rule = page.locator("details", has=page.locator("summary", has_text="rule III-16-benefit-level")).first
    rule.locator("summary").first.click() if rule.get_attribute("open") is None else None
    fact = page.locator(".fact", has_text="rate").first
    fact.scroll_into_view_if_needed()
    assert "Social Security Act 2010, s. 100" in page.locator(".tree").inner_text()
    assert "30%" in page.locator(".tree").inner_text() or "0.3" in page.locator(".tree").inner_text()
    page.screenshot(path=str(shots / "explain.png"), full_page=False)
    page.get_by_role("link", name="← All countries").click()
    page.wait_for_url(served.url + "/")


def test_walkthrough_is_recomputed_for_the_edited_values(page: Any, served: Served, shots: Path) -> None:
    page.goto(served.url + "/country/examplia")
    text = page.locator("#text")
    text.fill(text.input_value().replace(SICKNESS_RATE, SICKNESS_RATE.replace("60%", "30%")))
    page.get_by_role("button", name="Re-assess").click()
    page.wait_for_selector("table.parts tr.changed")
    page.locator("table.parts tr", has_text="III · Sickness benefit").get_by_role("link", name="step by step").click()
    page.wait_for_url("**/walkthrough/III")
    body = page.locator("body").inner_text()
    assert "edited description" in body and "30" in body
    assert page.get_by_role("link", name="← All countries").count() == 1
    page.screenshot(path=str(shots / "walkthrough.png"), full_page=False)
    page.goto(served.url + "/country/examplia/walkthrough/III?state=file")
    assert "the file as saved" in page.locator("body").inner_text()


def test_screenshots_folder_is_kept_for_a_person_to_look(shots: Path) -> None:
    assert shots.is_dir()
    if os.environ.get("C102_KEEP_SCREENSHOTS") is None and not any(shots.iterdir()):
        shutil.rmtree(shots)


def test_quick_what_if_on_a_key_parameter_shows_the_changed_verdict_beside_the_file(
    page: Any, served: Served, shots: Path
) -> None:
    page.goto(served.url + "/country/examplia")
    form = page.locator("#whatif-form")
    rate = form.get_by_label("Sickness, maternity and employment injury insurance: sickness benefit: rate")
    assert rate.input_value() == "60%"
    assert form.locator("fieldset").count() >= 4  # one per scheme with key parameters
    rate.fill("30%")
    form.get_by_role("button", name="Try these values").click()
    page.wait_for_selector("table.parts tr.changed")
    part_iii = page.locator("table.parts tr", has_text="III · Sickness benefit")
    assert "changed" in (part_iii.get_attribute("class") or "")
    assert part_iii.locator("td").nth(0).inner_text().startswith("✔ compliant")
    assert part_iii.locator("td").nth(1).inner_text().startswith("✘ not compliant")
    assert page.locator("table.rules tr.changed", has_text="III-16-benefit-level").count() >= 1
    assert SICKNESS_RATE.replace("60%", "30%") in page.locator("#text").input_value()
    assert "1 value tried" in page.locator("#whatif-status").inner_text()
    form.screenshot(path=str(shots / "country-whatif-inputs.png"))
    page.screenshot(path=str(shots / "country-whatif.png"), full_page=True)
    # the file itself is untouched
    assert SICKNESS_RATE in (served.folder / "examplia.c102").read_text(encoding="utf-8")
