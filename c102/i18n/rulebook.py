"""The rulebook's human texts in the active language: Part titles, rule titles, summaries and
judgment questions, the Schedule's standard beneficiaries and the choices, translated as data in ``rules/i18n/<lang>.yaml`` (schema:
``c102/schemas/rulebook-translation.schema.json``). The English rulebook stays the source: a text
the translation leaves out is shown in English, and English never opens these files.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from c102.i18n.language import current_language

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "rulebook-translation.schema.json"
RULE_FIELDS = ("title", "summary", "question")


def translation_path(language: str) -> Path:
    from c102.resources import data_path

    return data_path("rules") / "i18n" / f"{language}.yaml"


@cache
def translation(language: str) -> dict[str, Any]:
    """The translation file of ``language``, schema-checked; empty when there is none (English)."""
    if language == "en":
        return {}
    path = translation_path(language)
    if not path.is_file():
        return {}
    import yaml

    from c102.errors import RulebookError

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise RulebookError(f"{path}: not valid YAML: {error}") from None
    problems = translation_problems(data)
    if problems:
        raise RulebookError(f"{path}: {problems[0]}")
    return dict(data)


def translation_problems(data: object) -> list[str]:
    """What breaks the schema in a translation file, each as ``at <path>: <message>``."""
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    return [f"at {'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}" for error in errors]


def part_title(part: str, english: str) -> str:
    """The title of Part ``part`` (``"V"``) in the active language, else ``english``."""
    entry = translation(current_language()).get("parts", {}).get(part) or {}
    return str(entry.get("title") or english)


def rule_text(rule_id: str, field: str, english: str) -> str:
    """The ``title``, ``summary`` or ``question`` of rule ``rule_id`` in the active language."""
    entry = translation(current_language()).get("rules", {}).get(rule_id) or {}
    return str(entry.get(field) or english)


def rule_condition(rule_id: str, name: str, english: str) -> str:
    """One named condition of a rule's question (Art 6's ``6(a)``) in the active language."""
    entry = translation(current_language()).get("rules", {}).get(rule_id) or {}
    return str((entry.get("conditions") or {}).get(name) or english)


def rule_title(rule_id: str, english: str) -> str:
    return rule_text(rule_id, "title", english)


def instrument_title(english: str) -> str:
    """The Convention's title in the active language (``instrument: {title}``)."""
    entry = translation(current_language()).get("instrument") or {}
    return str(entry.get("title") or english)


def beneficiary_label(key: str, english: str) -> str:
    """A standard beneficiary of the Schedule to Part XI (``man_with_wife_and_two_children``): its
    ``standard_beneficiaries`` entry, else the ``terms:`` entry of the same id (where the
    translations keep them today), else English."""
    data = translation(current_language())
    entry = data.get("standard_beneficiaries", {}).get(key) or {}
    return str(entry.get("label") or data.get("terms", {}).get(key) or english)


def choice_text(key: str, field: str, english: str) -> str:
    """The ``question`` or ``effect`` of a rulebook choice in the active language."""
    entry = translation(current_language()).get("choices", {}).get(key) or {}
    return str(entry.get(field) or english)


def term(key: str, english: str) -> str:
    """A glossary term (``terms:``) in the active language, else ``english``."""
    return str(translation(current_language()).get("terms", {}).get(key) or english)


def terminology_note() -> str | None:
    """How the translation's terms were checked (``note:``), for the closing note of a report."""
    note = translation(current_language()).get("note")
    return str(note) if note else None
