"""``c102 fmt``: parse -> fmt -> parse gives an equal model for every bundled file; fmt is idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest

from c102.cli.main import main
from c102.language.canonical import format_description, group, header_comments
from c102.language.load import load_description, parse_text
from c102.resources import data_path

FIXTURES = Path(__file__).parent / "fixtures"
# Globbed at collection time, so country files added by anyone are covered too.
DESCRIPTIONS = sorted(data_path("countries").rglob("*.c102")) + sorted(FIXTURES.glob("*.c102"))


def test_there_are_files_to_round_trip() -> None:
    assert any(p.name == "examplia.c102" for p in DESCRIPTIONS)


@pytest.mark.parametrize("path", DESCRIPTIONS, ids=lambda p: p.name)
def test_round_trip_and_idempotence(path: Path) -> None:
    original = load_description(path)
    text = format_description(original)
    again = parse_text(text, str(path))
    assert again == original
    assert format_description(again) == text
    assert text.endswith("}\n") and "\n\n\n" not in text


def test_header_and_inner_comments_are_all_kept() -> None:
    text = '# Title\n#\n# More\n\ncountry "X" {  # inline\n  # inside\n  iso: XE\n}\n'
    formatted = format_description(parse_text(text))
    assert formatted == '# Title\n#\n# More\n\ncountry "X" {  # inline\n  # inside\n  iso: XE\n}\n'
    assert header_comments('country "X" {\n}\n') == ""


def test_canonical_spelling() -> None:
    text = (
        'country "X" {\n   currency: "EXD"\n}\nstatistics 2023 {\n  residents:  1000000 source "a"\n'
        "  employees: 1000 (men 600, women 400)\n  skilled_wage: 1200.50 per month\n}\n"
    )
    assert format_description(parse_text(text)) == (
        'country "X" {\n  currency: EXD\n}\n\nstatistics 2023 {\n  residents: 1_000_000  source "a"\n'
        "  employees: 1_000 (men 600, women 400)\n  skilled_wage: 1_200.50 per month\n}\n"
    )


def test_texts_that_would_read_as_something_else_are_quoted() -> None:
    text = 'country "X" {\n  iso: "men"\n  currency: "2025-01-01"\n}\n'
    formatted = format_description(parse_text(text))
    assert 'iso: "men"' in formatted and 'currency: "2025-01-01"' in formatted
    assert parse_text(formatted) == parse_text(text)


@pytest.mark.parametrize(
    ("number", "text"), [(0, "0"), (999, "999"), (1000, "1_000"), (-1234567, "-1_234_567")]
)
def test_group(number: int, text: str) -> None:
    assert group(number) == text


def test_cli_check_mode_and_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = tmp_path / "messy.c102"
    messy.write_text('# Header\ncountry "X" {\n    iso:   XE\n}\n', encoding="utf-8")
    assert main(["fmt", "--check", str(messy)]) == 1
    assert "would reformat" in capsys.readouterr().err
    assert main(["fmt", "--in-place", str(messy)]) == 0
    assert messy.read_text(encoding="utf-8") == '# Header\n\ncountry "X" {\n  iso: XE\n}\n'
    assert main(["fmt", "--check", str(messy)]) == 0
    assert main(["fmt", str(messy)]) == 0
    assert capsys.readouterr().out == messy.read_text(encoding="utf-8")


def test_cli_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.c102"
    broken.write_text('country "X" {\n  iso:\n}\n', encoding="utf-8")
    assert main(["fmt", "--check", str(broken)]) == 2
    assert "broken.c102:2:7: error" in capsys.readouterr().err


def test_cli_converts_to_yaml_and_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = data_path("countries") / "examples" / "examplia.c102"
    assert main(["fmt", "--to", "yaml", str(source)]) == 0
    converted = tmp_path / "examplia.yaml"
    converted.write_text(capsys.readouterr().out, encoding="utf-8")
    assert load_description(converted) == load_description(source)
