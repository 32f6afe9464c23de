"""Whatever a user types, reading it gives a model or a DescriptionError, never another exception."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c102.errors import DescriptionError
from c102.language.canonical import to_dict
from c102.language.dictform import diagnose_dict_text
from c102.language.load import parse_text
from c102.model.description import Description
from c102.resources import data_path

SEEDS = [
    data_path("countries") / "examples" / "examplia.c102",
    Path(__file__).parent / "fixtures" / "every-construct.c102",
]
TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[^\s]+|\s+')
ODD = [
    "{",
    "}",
    ":",
    ",",
    "(",
    ")",
    '"',
    "\\",
    "%",
    "per",
    "men",
    "women",
    "source",
    "note",
    "\n",
    "\t",
    "9" * 400,
    "-1",
    "1e999",
    "2025-99-99",
    "\x00",
    "é",
    "\u2028",
    "#",
    "yes",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(TEXTS))
    tokens = TOKEN.findall(text)
    for _ in range(draw(st.integers(1, 4))):
        if not tokens:
            break
        i = draw(st.integers(0, len(tokens) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "insert", "bytes", "nest"]))
        if op == "delete":
            del tokens[i]
        elif op == "duplicate":
            tokens.insert(i, tokens[i])
        elif op == "swap":
            j = draw(st.integers(0, len(tokens) - 1))
            tokens[i], tokens[j] = tokens[j], tokens[i]
        elif op == "truncate":
            tokens = tokens[:i]
        elif op == "insert":
            tokens.insert(i, draw(st.sampled_from(ODD)))
        elif op == "bytes":
            tokens.insert(i, draw(st.text(max_size=8)))
        else:
            depth = draw(st.integers(1, 200))
            tokens.insert(i, "x {\n" * depth + "}\n" * depth)
    return "".join(tokens)


def _read(text: str) -> None:
    try:
        result = parse_text(text, "fuzz.c102")
    except DescriptionError as error:
        assert error.diagnostics, "an error must say where"
        for diagnostic in error.diagnostics:
            diagnostic.render()
    else:
        assert isinstance(result, Description)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_c102_reads_or_fails_cleanly(text: str) -> None:
    _read(text)


YAML_SEED = yaml.safe_dump(to_dict(parse_text(TEXTS[0])), sort_keys=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, len(YAML_SEED)),
    st.integers(0, 40),
    st.sampled_from(["", "{", "]", ":", "- x", "\t", "'", "1e9"]),
)
def test_mutated_yaml_reads_or_fails_cleanly(at: int, cut: int, insert: str) -> None:
    text = YAML_SEED[:at] + insert + YAML_SEED[at + cut :]
    description, diagnostics = diagnose_dict_text(text, "fuzz.yaml")
    errors = [d for d in diagnostics if d.severity == "error"]
    if description is None:
        assert errors and all(d.position.line > 0 for d in errors), "each error must say where"
    else:
        assert errors == []


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "{}", "[]", "null", "1", '"x"'])
def test_degenerate_inputs(text: str) -> None:
    _read(text)
    description, diagnostics = diagnose_dict_text(text, "d.yaml")
    assert description is None and diagnostics
    description, diagnostics = diagnose_dict_text(text or "{}", "d.json", json=True)
    assert description is None and diagnostics


def test_json_of_another_shape_fails_cleanly() -> None:
    description, diagnostics = diagnose_dict_text(json.dumps({"country": []}), "d.json", json=True)
    assert description is None and "country" in diagnostics[0].message


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("country: " + "[" * 3000 + "]" * 3000 + "\n", "d.yaml"),
        ('{"country": ' + "[" * 3000 + "]" * 3000 + "}", "d.json"),
    ],
)
def test_deep_nesting_in_yaml_and_json_fails_cleanly(text: str, name: str) -> None:
    description, diagnostics = diagnose_dict_text(text, name, json=name.endswith(".json"))
    assert description is None and diagnostics


def test_deep_nesting_in_c102_fails_cleanly() -> None:
    with pytest.raises(DescriptionError):
        parse_text("x {\n" * 5000 + "}\n" * 5000)


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    from c102.language.load import load_description

    path = tmp_path / "bom.c102"
    path.write_bytes(b"\xef\xbb\xbf" + b'country "X" {\n}\n')
    assert load_description(path).country.name == "X"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fast_path_agrees_with_lark(text: str) -> None:
    from lark.exceptions import UnexpectedInput

    from c102.language.fastparse import FAILED, fast_parse
    from c102.language.grammar import parser

    text += "\n"
    fast = fast_parse(text, "start")
    try:
        slow = parser().parse(text, start="start")
    except UnexpectedInput:
        slow = FAILED
    assert fast == slow
