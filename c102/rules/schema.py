"""Checking a rule file against ``rules/schema.json`` and saying, in a rule author's terms, what is wrong.

jsonschema reports a path into the data and a generic message; this module turns each error into a
Diagnostic naming the file, line and column, the rule id and the field.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from c102.errors import Diagnostic
from c102.rules.yaml_source import YamlSource

# Which definition of the schema a file is checked against, by file name.
FILE_KINDS = {"instrument.yaml": "instrument_file", "choices.yaml": "choices_file"}
PART_FILE = "part_file"


@cache
def _schema(schema_path: Path) -> dict[str, Any]:
    with schema_path.open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def _validator(schema_path: Path, definition: str) -> Any:
    """A compiled validator for one definition of the schema (a part file, instrument.yaml, ...)."""
    from jsonschema import Draft202012Validator

    schema = _schema(schema_path)
    defs = schema["$defs"]
    compiled = _inline(defs[definition], defs)
    compiled["$schema"] = schema["$schema"]
    return Draft202012Validator(compiled)


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with local ``$ref``s replaced by their targets: validation is then several times faster.

    The rule schema has no recursive references, so the substitution terminates.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = _inline(defs[ref.removeprefix("#/$defs/")], defs)
            rest = {k: _inline(v, defs) for k, v in node.items() if k != "$ref"}
            return {**target, **rest}
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def schema_version(schema_path: Path) -> int:
    """The schema_version every rule file must declare (the ``const`` of part_file)."""
    definition = _schema(schema_path)["$defs"][PART_FILE]
    return int(definition["properties"]["schema_version"]["const"])


def validate(source: YamlSource, schema_path: Path) -> list[Diagnostic]:
    """All schema errors of one file, in file order, each as a Diagnostic."""
    definition = FILE_KINDS.get(source.path.name, PART_FILE)
    validator = _validator(schema_path, definition)
    diagnostics: dict[tuple[int, int, str], Diagnostic] = {}
    for error in validator.iter_errors(source.data):
        for diagnostic in _explain(error, source):
            key = (diagnostic.position.line, diagnostic.position.column, diagnostic.message)
            diagnostics.setdefault(key, diagnostic)
    return [diagnostics[k] for k in sorted(diagnostics)]


def error_diagnostics(error: Any, source: YamlSource) -> list[Diagnostic]:
    """One jsonschema error as Diagnostics at its line and column (also used for expectation files)."""
    return _explain(error, source)


def rule_context(data: Any, path: list[str | int]) -> tuple[str | None, list[str | int]]:
    """The id of the rule a data path lies in (if any) and the path within that rule."""
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        rules = data.get("rules") if isinstance(data, dict) else None
        rule = rules[path[1]] if isinstance(rules, list) and path[1] < len(rules) else None
        rule_id = rule.get("id") if isinstance(rule, dict) else None
        return (str(rule_id) if rule_id is not None else f"#{path[1] + 1} (no id)", path[2:])
    return (None, path)


def field_name(path: list[str | int]) -> str:
    """``params.alternatives[0].threshold`` from a data path."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out or "(top level)"


def _where(rule_id: str | None, field: str) -> str:
    return f"rule {rule_id}: field '{field}'" if rule_id else f"field '{field}'"


def _explain(error: Any, source: YamlSource) -> list[Diagnostic]:
    path: list[str | int] = list(error.absolute_path)
    rule_id, inner = rule_context(source.data, path)
    validator = error.validator
    hint: str | None
    schema = error.schema if isinstance(error.schema, dict) else {}
    instance = error.instance

    if validator == "required":
        present = set(instance) if isinstance(instance, dict) else set()
        out = []
        for name in error.validator_value:
            if name not in present:
                message = f"{_where(rule_id, field_name([*inner, name]))}: missing (it is required)"
                out.append(source.diagnostic(path, message, hint=_required_hint(name)))
        return out
    if validator == "additionalProperties":
        allowed = set(schema.get("properties", {}))
        extra = sorted(k for k in instance if k not in allowed) if isinstance(instance, dict) else []
        out = []
        for name in extra:
            message = f"{_where(rule_id, field_name([*inner, name]))}: unknown field"
            allowed_hint = (
                f"allowed here: {', '.join(sorted(allowed))}" if allowed else "no fields are allowed"
            )
            out.append(source.diagnostic([*path, name], message, hint=allowed_hint, key=True))
        return out

    where = _where(rule_id, field_name(inner))
    if validator == "enum":
        options = ", ".join("null" if v is None else str(v) for v in error.validator_value)
        message, hint = f"{where}: {instance!r} is not allowed", f"expected one of: {options}"
    elif validator == "const":
        message, hint = f"{where}: must be {error.validator_value!r}, not {instance!r}", None
    elif validator == "pattern":
        described = schema.get("description")
        message = f"{where}: {instance!r} is not well formed"
        hint = f"expected {described}" if described else f"expected to match {error.validator_value}"
    elif validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        low = schema.get("minimum", schema.get("exclusiveMinimum"))
        high = schema.get("maximum", schema.get("exclusiveMaximum"))
        bounds = (
            f"between {low} and {high}"
            if low is not None and high is not None
            else (f"above {low}" if low is not None else f"at most {high}")
        )
        message, hint = f"{where}: {instance!r} is out of range (it must be {bounds})", None
    elif validator == "type":
        message = f"{where}: expected {error.validator_value}, found {type(instance).__name__} {instance!r}"
        hint = None
    elif validator == "anyOf" and isinstance(instance, dict):
        needs = sorted({name for sub in error.validator_value for name in sub.get("required", [])})
        message, hint = f"{where}: needs one of the fields {', '.join(needs)}", None
    elif validator in ("minItems", "minProperties"):
        message, hint = f"{where}: must not be empty", None
    elif validator == "uniqueItems":
        message, hint = f"{where}: lists a value twice", None
    elif validator == "dependentRequired":
        message, hint = f"{where}: {error.message}", None
    else:
        message, hint = f"{where}: {error.message}", None
    return [source.diagnostic(path, message, hint=hint)]


_REQUIRED_HINTS = {
    "articles": 'cite the Convention, e.g. articles: ["27(a)", "27(b)"]',
    "question": "this kind can yield needs_review: give the exact question a specialist answers",
    "params": "give the kind's parameters (docs/rule-kinds.md); use params: {} when it has none",
    "topic": "one of the gap-analysis headings listed in docs/rule-kinds.md",
}


def _required_hint(name: str) -> str | None:
    return _REQUIRED_HINTS.get(name)
