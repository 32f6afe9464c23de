"""The examples in docs/language.md parse, and the YAML example is the .c102 example."""

from __future__ import annotations

import re
from pathlib import Path

from c102.language.canonical import format_description
from c102.language.dictform import diagnose_dict_text
from c102.language.load import parse_text

DOC = Path(__file__).resolve().parents[2] / "docs" / "language.md"


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_c102_and_yaml_examples_describe_the_same_country() -> None:
    (c102_text,) = blocks("c102")
    (yaml_text,) = blocks("yaml")
    description = parse_text(c102_text, "doc.c102")
    from_yaml, diagnostics = diagnose_dict_text(yaml_text, "doc.yaml")
    assert diagnostics == []
    assert from_yaml == description
    assert description.scheme[0].benefit[0].rate.note == "of average insured earnings"


def test_the_c102_example_round_trips_through_fmt() -> None:
    (c102_text,) = blocks("c102")
    canonical = format_description(parse_text(c102_text))
    assert parse_text(canonical) == parse_text(c102_text)
