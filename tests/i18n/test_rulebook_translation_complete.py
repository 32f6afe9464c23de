"""The bundled French and Spanish rulebook texts: valid against the schema, and one entry (title,
summary, and a question where the English rule asks one) for every Part and rule of the rulebook."""

from __future__ import annotations

import pytest
import yaml

from c102.i18n.rulebook import translation_path, translation_problems
from c102.rules.load import load_rulebook

LANGUAGES = ("fr", "es")


def _data(language: str) -> dict[str, dict[str, dict[str, str]]]:
    data: dict[str, dict[str, dict[str, str]]] = yaml.safe_load(translation_path(language).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("language", LANGUAGES)
def test_bundled_translation_follows_the_schema(language: str) -> None:
    assert translation_problems(_data(language)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_part_and_rule_has_its_texts_translated(language: str) -> None:
    rulebook = load_rulebook()
    data = _data(language)
    missing = [f"Part {p}" for p in rulebook.parts if p not in data["parts"]]
    for rule in rulebook.rules:
        entry = data["rules"].get(rule.id, {})
        wanted = ["title", "summary"] + (["question"] if rule.question else [])
        missing += [f"{rule.id}.{field}" for field in wanted if not entry.get(field)]
    assert missing == [], f"rules/i18n/{language}.yaml lacks: {', '.join(missing)}"
