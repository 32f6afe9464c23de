"""The JSON Schema of the YAML/JSON form, generated from the model's dataclasses.

The committed file ``c102/schemas/description.schema.json`` is the output of
``python -m c102.language.schema``; a test fails when it is out of date with the model.
"""

from __future__ import annotations

import json
import sys
import types
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from c102.language.conversion import expected
from c102.language.fields import BLOCK, BLOCKS, FACT, FACTS, LABEL, LINES, specs
from c102.model.description import Description
from c102.model.values import Count, Duration, Money, Percent, SexSplit

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "description.schema.json"
SCHEMA_ID = "https://c102.example/schemas/description.schema.json"

_TEXT = {"type": "string"}
_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": ["string", "number"]},
    bool: {"anyOf": [{"type": "boolean"}, {"enum": ["yes", "no"]}]},
    date: {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    int: {"type": "integer"},
    Decimal: {"type": ["number", "string"]},
    Count: {"type": ["integer", "string"]},
    Money: {"type": ["number", "string"]},
    Percent: {"type": "string"},
    Duration: {"type": "string"},
}


def scalar_schema(tp: Any) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin is Literal:
        schema: dict[str, Any] = {"enum": list(get_args(tp))}
    elif origin is list:
        schema = {"anyOf": [{"type": "array", "items": scalar_schema(get_args(tp)[0])}, _TEXT]}
    elif origin in (Union, types.UnionType):
        schema = {"anyOf": [scalar_schema(a) for a in get_args(tp)]}
    elif origin is SexSplit:
        schema = {"type": ["number", "string"]}
    elif tp is Any:
        schema = {"type": ["string", "number", "boolean", "array"]}
    else:
        schema = dict(_SCALARS[tp])
    return schema


def fact_schema(tp: Any, doc: str) -> dict[str, Any]:
    value = scalar_schema(tp)
    return {
        "description": f"{doc} ({expected(tp)})" if doc else expected(tp),
        "anyOf": [
            value,
            {
                "type": "object",
                "properties": {"value": value, "source": _TEXT, "note": _TEXT, "complete": {"type": "boolean"}},
                "required": ["value"],
                "additionalProperties": False,
            },
        ],
    }


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, spec in specs(cls).items():
        if spec.required:
            required.append(name)
        if spec.kind == LABEL:
            properties[name] = {"description": spec.doc, **scalar_schema(spec.type)}
        elif spec.kind == FACT:
            properties[name] = fact_schema(spec.type, spec.doc)
        elif spec.kind in (BLOCK, BLOCKS):
            ref = spec.type.__name__
            if ref not in defs:
                defs[ref] = {}
                defs[ref] = _object(spec.type, defs)
            item = {"$ref": f"#/$defs/{ref}"}
            properties[name] = (
                {"description": spec.doc, **item}
                if spec.kind == BLOCK
                else {"description": spec.doc, "type": "array", "items": item}
            )
        elif spec.kind == LINES:
            one = fact_schema(spec.type, "")
            properties[name] = {
                "description": f"{spec.doc}: one statement or a list of them, each {expected(spec.type)} "
                "or {value, source, note}",
                "anyOf": [{"type": "array", "items": one}, one],
            }
        elif spec.kind == FACTS:
            properties[name] = {
                "description": spec.doc,
                "type": "object",
                "additionalProperties": fact_schema(Any, ""),
            }
    out: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip(),
        "properties": properties,
    }
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    return out


def generate_schema() -> dict[str, Any]:
    """The schema of ``Description`` in its dict form, deterministic for a given model."""
    defs: dict[str, Any] = {}
    root = _object(Description, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "c102 scheme description (YAML/JSON form)",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def schema_text() -> str:
    return json.dumps(generate_schema(), indent=2, ensure_ascii=False) + "\n"


@cache
def load_schema() -> dict[str, Any]:
    """The shipped schema (the committed file, which a test keeps equal to ``generate_schema``)."""
    try:
        loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    except FileNotFoundError:
        loaded = generate_schema()
    return loaded


@cache
def validator() -> Any:
    """A compiled validator of the shipped schema, built once per process."""
    import jsonschema

    return jsonschema.Draft202012Validator(load_schema())


def main(argv: list[str]) -> int:
    """Write (default) or check (``--check``) the committed schema file."""
    text = schema_text()
    if "--check" in argv:
        current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
        if current != text:
            print(f"{SCHEMA_PATH} is out of date: run python -m c102.language.schema", file=sys.stderr)
            return 1
        return 0
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
