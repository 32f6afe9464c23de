"""docs/countries.md is generated from the library and the engine, so its figures are the engine's."""

from __future__ import annotations

from tools.countries_doc import DOC, library, render


def test_countries_page_is_what_the_generator_writes() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/countries.md is out of date: run `python -m tools.countries_doc`"
    )


def test_every_rate_the_engine_computes_is_on_the_page() -> None:
    page = DOC.read_text(encoding="utf-8")
    rows, rates, _ = library()
    assert rates, "at least one bundled country has a computed replacement rate"
    for rate in rates:
        line = f"| {rate['file']} | {rate['part']} | {rate['row']} | {rate['scheme']} | {rate['article']} | {rate['rate']} |"
        assert line in page
    for row in rows:
        assert f"| {row.file} | {row.as_of} |" in page
