"""Expectation files: what a legal case says a description must yield, read with line and column.

A file holds one case (``title``, ``article``, ``why``, ``description``, ``expect``) or several under
``cases:``. It is checked against ``c102/schemas/expectations.schema.json``; every schema error is a
positioned Diagnostic, as for descriptions and rule files (format: docs/testing.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from c102.errors import C102Error, Diagnostic, Position
from c102.rules.yaml_source import YamlSource, display_path, read_yaml
from c102.testing.values import ExpectedValue, parse_value

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "expectations.schema.json"
CODE = "test"


class ExpectationFileError(C102Error):
    """An expectation file that cannot be read or breaks its schema."""


@dataclass(frozen=True)
class Expectation:
    """One expected result: a rule's verdict (and value), a Part's verdict, or Article 2."""

    target: str  # "rule" | "part" | "article2"
    name: str  # the rule id, the Part's numeral, or "article2"
    verdict: str  # for article2: "met" | "not_met"
    position: Position
    source_line: str | None
    value: ExpectedValue | None = None
    places: int | None = None
    alternative: str | None = None
    has_alternative: bool = False
    says: str | None = None
    finding: str | None = None
    acceptable_parts: tuple[str, ...] | None = None


@dataclass
class Case:
    """One legal case: a description and what it must yield, with the reading it rests on."""

    file: str  # the expectation file as messages show it
    title: str
    article: str
    why: str
    description: Path
    description_position: Position
    description_line: str | None
    position: Position
    fictional: bool = False
    expectations: list[Expectation] = field(default_factory=list)


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    with SCHEMA_PATH.open(encoding="utf-8") as handle:
        return Draft202012Validator(json.load(handle))


def is_expectation_data(data: Any) -> bool:
    """Whether a YAML file found in a folder is an expectation file rather than a description."""
    return not (isinstance(data, dict) and "country" in data)


def read_source(path: Path) -> YamlSource:
    """The file as data and node tree; a missing file or bad YAML is an ExpectationFileError."""
    if not path.is_file():
        shown = display_path(path)
        raise ExpectationFileError(f"{shown}: file not found", [Diagnostic(Position(shown), "file not found", code=CODE)])
    return read_yaml(path, error_class=ExpectationFileError, code=CODE)


def read_cases(source: YamlSource) -> list[Case]:
    """The cases of one expectation file; schema errors raise ExpectationFileError with positions."""
    from c102.rules.schema import error_diagnostics

    diagnostics: dict[tuple[int, int, str], Diagnostic] = {}
    for error in _validator().iter_errors(source.data):
        for diagnostic in error_diagnostics(error, source):
            key = (diagnostic.position.line, diagnostic.position.column, diagnostic.message)
            diagnostics.setdefault(key, diagnostic)
    if diagnostics:
        found = [diagnostics[k] for k in sorted(diagnostics)]
        raise ExpectationFileError(f"{source.display}: {len(found)} error(s) in the expectation file", found)
    data: dict[str, Any] = source.data
    if "cases" in data:
        return [
            _case(source, case, ["cases", i], data.get("description"), bool(data.get("fictional", False)))
            for i, case in enumerate(data["cases"])
        ]
    return [_case(source, data, [], None, False)]


def _case(
    source: YamlSource, data: dict[str, Any], path: list[str | int], default: str | None, fictional: bool
) -> Case:
    described = data.get("description", default)
    if described is None:
        raise ExpectationFileError(
            f"{source.display}: a case names no description",
            [source.diagnostic(path, "this case names no description", hint="add description: FILE.c102 "
                               "to the case, or once at the top of the file for all its cases")],
        )
    where = [*path, "description"] if "description" in data else ["description"]
    line, column = source.locate(where)
    case_line, case_column = source.locate(path)
    return Case(
        file=source.display,
        title=data["title"],
        article=data["article"],
        why=data["why"],
        description=source.path.parent / described,
        description_position=Position(source.display, line, column),
        description_line=source.line_text(line),
        position=Position(source.display, case_line, case_column),
        fictional=bool(data.get("fictional", fictional)),
        expectations=[_expectation(source, item, [*path, "expect", i]) for i, item in enumerate(data["expect"])],
    )


def _expectation(source: YamlSource, item: dict[str, Any], path: list[str | int]) -> Expectation:
    line, column = source.locate(path)
    common: dict[str, Any] = {
        "position": Position(source.display, line, column),
        "source_line": source.line_text(line),
    }
    if "article2" in item:
        parts = item.get("acceptable_parts")
        return Expectation(
            "article2", "article2", item["article2"], acceptable_parts=tuple(parts) if parts is not None else None,
            **common,
        )
    if "part" in item:
        return Expectation(
            "part", item["part"], item["verdict"], alternative=item.get("alternative"),
            has_alternative="alternative" in item, **common,
        )
    value = None
    if "value" in item:
        value = parse_value(item["value"])
        if value is None:
            raise ExpectationFileError(
                f"{source.display}: a value c102 cannot read",
                [source.diagnostic([*path, "value"], f"value {item['value']!r} is not a number c102 can read",
                                   hint="write it as the rule publishes it: 45%, 4/3%, 49.5, 30 years, 26 weeks")],
            )
    return Expectation(
        "rule",
        item["rule"],
        item["verdict"],
        value=value,
        places=item.get("places"),
        alternative=item.get("alternative"),
        has_alternative="alternative" in item,
        says=item.get("says"),
        finding=item.get("finding"),
        **common,
    )
