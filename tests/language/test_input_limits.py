"""Input that would exhaust memory or time, or that no output can hold, is refused at its position."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from c102.language.load import diagnose_file, diagnose_text
from c102.resources import data_path

HEAD = 'country "X" {\n  as_of: 2025-01-01\n}\n'


def test_a_number_of_5000_digits_is_an_error_at_the_number() -> None:
    text = HEAD + "statistics 2023 {\n  residents: " + "9" * 5000 + "\n}\n"
    description, diagnostics = diagnose_text(text, "t.c102")
    assert description is None
    assert [(d.position.line, d.position.column) for d in diagnostics] == [(5, 14)]
    assert "more than 30 digits" in diagnostics[0].message


def test_a_label_of_5000_digits_is_an_error() -> None:
    _, diagnostics = diagnose_text(HEAD + "statistics " + "9" * 5000 + " {\n}\n", "t.c102")
    assert diagnostics and diagnostics[0].position.line == 4


def test_a_lone_surrogate_escape_is_an_error_at_parse_time() -> None:
    text = 'country "X" {\n  currency: "\\uD800"\n}\n'
    description, diagnostics = diagnose_text(text, "t.c102")
    assert description is None
    assert diagnostics[0].position.line == 2 and "surrogate" in diagnostics[0].message


def test_a_lone_surrogate_in_json_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text('{"country": {"name": "X", "currency": "\\ud800"}}', encoding="utf-8")
    description, diagnostics = diagnose_file(path)
    assert description is None and any("surrogate" in d.message for d in diagnostics)


def test_invalid_utf8_is_reported_at_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "d.c102"
    path.write_bytes(b'country "X" {\n  currency: "\xc3\xa9\xff"\n}\n')
    _, diagnostics = diagnose_file(path)
    assert (diagnostics[0].position.line, diagnostics[0].position.column) == (2, 15)
    assert "not UTF-8" in diagnostics[0].message


def test_a_file_above_the_size_limit_is_refused_without_reading_it_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("C102_MAX_BYTES", "1000")
    path = tmp_path / "d.c102"
    path.write_text(HEAD + "# x\n" * 1000, encoding="utf-8")
    _, diagnostics = diagnose_file(path)
    assert len(diagnostics) == 1 and "larger than the limit of 1,000 bytes" in diagnostics[0].message
    assert diagnostics[0].hint is not None and "C102_MAX_BYTES" in diagnostics[0].hint


def test_yaml_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    lines = ["country: {name: X, iso: XX}", 'a0: &a0 "lol"']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    _, diagnostics = diagnose_file(path)
    assert time.perf_counter() - started < 2
    assert diagnostics[0].position.line == 3 and "alias" in diagnostics[0].message


def test_a_megabyte_quoted_text_parses_in_linear_memory() -> None:
    import tracemalloc

    base = (data_path("countries") / "examples" / "examplia.c102").read_text(encoding="utf-8")
    text = base + 'country_note_padding {\n  x: "' + "a" * 1_000_000 + '"\n}\n'
    tracemalloc.start()
    diagnose_text(text, "t.c102")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * len(text)


def test_a_description_of_many_schemes_parses_within_ten_times_its_size() -> None:
    """Issue 15: memory linear in the input with a small constant. Measured on 10 MB (5,900
    schemes) the process grows by 9.8x the text; here a smaller file keeps the test quick."""
    import tracemalloc

    from bench.workloads import with_schemes

    diagnose_text(with_schemes(2), "warm.c102")  # parser tables and caches are not the input's
    text = with_schemes(150)
    tracemalloc.start()
    description, _ = diagnose_text(text, "t.c102")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert description is not None and len(description.scheme) == 150
    assert peak < 10 * len(text), f"peak {peak:,} bytes for {len(text):,} bytes of text"


def test_a_message_shows_its_own_line_whatever_the_line_separators() -> None:
    """Lines are counted at \\n only, as the parser counts them: a form feed inside a text does not
    shift the line a message shows."""
    text = HEAD + 'statistics 2023 {\n  employees: 10  source "a\x0cb"\n  residents: -5\n}\n'
    _, diagnostics = diagnose_text(text, "t.c102")
    shown = [d for d in diagnostics if d.position.line == 6]
    assert shown and all(d.source_line == "  residents: -5" for d in shown), diagnostics
