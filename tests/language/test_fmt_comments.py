"""``c102 fmt`` keeps every comment, next to the field or block it annotates.

The comments of a text are counted with lark's own lexer (an oracle independent of the scan in
``c102.language.comments``): whole-line comments travel inside the grammar's ``_NL`` token and
trailing ones are ``COMMENT`` tokens.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c102.cli.main import main
from c102.language.canonical import format_description
from c102.language.load import load_description, parse_text
from c102.resources import data_path

FMT = Path(__file__).parent / "fixtures" / "fmt"
CASES = sorted(FMT.glob("*.in.c102"))
COUNTRIES = sorted(data_path("countries").rglob("*.c102"))


@cache
def _lexing_parser() -> Any:
    from lark import Lark

    from c102.language.grammar import grammar_text

    found: list[str] = []

    def comment(token: Any) -> Any:
        found.append(str(token).rstrip())
        return token

    def newline(token: Any) -> Any:
        found.extend(m.group().rstrip() for m in re.finditer(r"#[^\n]*", str(token)))
        return token

    lark = Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        start="start",
        lexer_callbacks={"COMMENT": comment, "_NL": newline},
    )
    return lark, found


def comments(text: str) -> Counter[str]:
    """The comment texts of a .c102 text, as lark's lexer sees them."""
    lark, found = _lexing_parser()
    found.clear()
    lark.parse(text if text.endswith("\n") else text + "\n")
    return Counter(found)


def test_there_are_cases_and_countries() -> None:
    assert len(CASES) >= 6 and any(p.name == "examplia.c102" for p in COUNTRIES)


def test_the_oracle_sees_comments_and_not_hashes_in_strings() -> None:
    text = '# a\ncountry "X#1" {  # b\n  # c\n  iso: XE  source "#d"\n}\n# e\n'
    assert comments(text) == Counter(["# a", "# b", "# c", "# e"])


@pytest.mark.parametrize("source", CASES, ids=lambda p: p.name.removesuffix(".in.c102"))
def test_golden(source: Path) -> None:
    expected = source.with_name(source.name.replace(".in.", ".out.")).read_text(encoding="utf-8")
    original = load_description(source)
    formatted = format_description(original)
    assert formatted == expected
    assert comments(formatted) == comments(original.text)
    again = parse_text(formatted, str(source))
    assert again == original
    assert format_description(again) == formatted


@pytest.mark.parametrize("path", COUNTRIES, ids=lambda p: p.name)
def test_every_comment_of_a_bundled_file_survives(path: Path) -> None:
    original = load_description(path)
    formatted = format_description(original)
    assert comments(formatted) == comments(original.text)
    assert format_description(parse_text(formatted, str(path))) == formatted


def test_a_comment_in_a_block_that_prints_nothing_goes_to_the_end() -> None:
    text = 'country "X" {\n  iso: XE\n}\n\nchoices {\n  # no choice made yet\n}\n# last\n'
    formatted = format_description(parse_text(text))
    assert formatted == 'country "X" {\n  iso: XE\n}\n\n# no choice made yet\n# last\n'


def test_blocks_opened_on_one_line_keep_their_comments() -> None:
    text = 'country "X" { iso: XE  # on the field\n}  # on the brace\nratification { }  # empty\n'
    formatted = format_description(parse_text(text))
    assert formatted == (
        'country "X" {\n  iso: XE  # on the field\n}  # on the brace\n\nratification {\n}  # empty\n'
    )


def test_yaml_sources_keep_their_header_only() -> None:
    # Line numbers of a YAML file name other lines than the .c102 text: no comment is attached.
    formatted = format_description(load_description(FMT.parent / "every-construct.yaml"))
    assert comments(formatted) == Counter(
        ["# The YAML form of every-construct.c102 (c102 fmt --to yaml); must load into an equal model."]
    )


def test_in_place_keeps_the_specialists_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.c102"
    path.write_text(
        'country "X" {\n    iso:   XE   # checked with the Ministry, 2024\n  # Not found: as_of\n}\n',
        encoding="utf-8",
    )
    assert main(["fmt", "--in-place", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == (
        'country "X" {\n  iso: XE  # checked with the Ministry, 2024\n  # Not found: as_of\n}\n'
    )
    assert main(["fmt", "--check", str(path)]) == 0
    capsys.readouterr()


def test_json_warns_that_comments_are_dropped(capsys: pytest.CaptureFixture[str]) -> None:
    source = FMT / "nested.in.c102"
    assert main(["fmt", "--to", "json", str(source)]) == 0
    err = capsys.readouterr().err
    assert err == f"{source}:9: warning: JSON has no comments; 7 comments dropped (first here)\n"


def test_yaml_keeps_the_header_and_warns_about_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = FMT / "before-blocks.in.c102"
    assert main(["fmt", "--to", "yaml", str(source)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(
        "# Before-blocks: comments above top-level blocks move with them.\n#\n"
        "# A second paragraph of the header.\n\ncountry:\n"
    )
    assert captured.err == (
        f"{source}:9: warning: YAML keeps only the header comments; 3 comments dropped (first here)\n"
    )
    converted = tmp_path / "converted.yaml"
    converted.write_text(captured.out, encoding="utf-8")
    assert load_description(converted) == load_description(source)


def test_yaml_of_a_file_with_only_a_header_is_silent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", "--to", "yaml", str(data_path("countries") / "examples" / "examplia.c102")]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out.startswith("# Examplia")


SAMPLES = [
    (data_path("countries") / "examples" / "examplia.c102").read_text(encoding="utf-8"),
    (FMT.parent / "every-construct.c102").read_text(encoding="utf-8"),  # continuations, choices
]
_CONTINUATION = re.compile(r"[ \t]+(source|note)[ \t]+\"")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SAMPLES),
    st.lists(st.tuples(st.integers(min_value=0), st.booleans(), st.sampled_from(["#", "# x #", '#  a "b"']))),
)
def test_comments_anywhere_survive(sample: str, insertions: list[tuple[int, bool, str]]) -> None:
    """Comment lines and line-end comments put anywhere the grammar allows all survive fmt."""
    lines = sample.split("\n")
    for n, (at, trailing, text) in enumerate(insertions):
        index = at % len(lines)
        comment = f"{text} {n}"
        if trailing:
            if lines[index].strip() and not lines[index].lstrip().startswith("#"):
                lines[index] += "  " + comment
        elif not _CONTINUATION.match(lines[index]):  # a comment line may not split a field
            lines.insert(index, comment)
    text = "\n".join(lines)
    original = parse_text(text)
    formatted = format_description(original)
    assert comments(formatted) == comments(text)
    again = parse_text(formatted)
    assert again == original
    assert format_description(again) == formatted
