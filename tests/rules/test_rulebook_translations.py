"""The French and Spanish texts of the rulebook (rules/i18n/) say what the English rules say.

A translation may reword, but it must keep every figure, article reference, rule id and fact name
of the English text, ask a question exactly where the English rule asks one, and name only rules,
Parts and choices the rulebook has: a translated summary that lost "45 %" or "29(4)" would mislead
a reader who cannot check the English.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from c102.resources import data_path
from c102.rules.load import load_rulebook

LANGUAGES = ("fr", "es")
NUMBER_OR_CITATION = re.compile(r"\d+(?:[.,]\d+)?(?:\([a-z0-9]+\))*")
IDENTIFIER = re.compile(r"\b[IVX]+-\d+[-a-z0-9]*|\b[a-z]+_[a-z_]+\b")


def _translation(language: str) -> dict[str, Any]:
    path: Path = data_path("rules") / "i18n" / f"{language}.yaml"
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def _figures(text: str) -> list[str]:
    """Numbers and citations, with the decimal comma of French and Spanish read as a point."""
    found = NUMBER_OR_CITATION.findall(text.replace("\u00a0", " "))
    return sorted(item.replace(",", ".") for item in found)


def _identifiers(text: str) -> list[str]:
    return sorted(IDENTIFIER.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_rules_exist_in_the_rulebook(language: str) -> None:
    known = {rule.id for rule in load_rulebook().rules}
    unknown = sorted(set(_translation(language)["rules"]) - known)
    assert unknown == [], f"rules/i18n/{language}.yaml translates rules the rulebook lacks: {unknown}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_part_and_choice_has_a_translation(language: str) -> None:
    rulebook = load_rulebook()
    data = _translation(language)
    missing_parts = sorted(set(rulebook.parts) - set(data["parts"]))
    missing_choices = sorted(
        f"{choice}.{field}"
        for choice in rulebook.choices
        for field in ("question", "effect")
        if not data["choices"].get(choice, {}).get(field)
    )
    missing_beneficiaries = sorted(set(rulebook.standard_beneficiaries) - set(data["standard_beneficiaries"]))
    assert (missing_parts, missing_choices, missing_beneficiaries) == ([], [], [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_question_is_translated_exactly_where_the_english_rule_asks_one(language: str) -> None:
    translated = _translation(language)["rules"]
    wrong = [
        rule.id
        for rule in load_rulebook().rules
        if rule.id in translated and (rule.question is None) != ("question" not in translated[rule.id])
    ]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_figures_citations_and_identifiers_of_the_english(language: str) -> None:
    translated = _translation(language)["rules"]
    drifted = []
    for rule in load_rulebook().rules:
        texts = translated.get(rule.id)
        if texts is None:
            continue
        for field, english in (("summary", rule.summary), ("question", rule.question)):
            if english is None or field not in texts:
                continue
            if _figures(english) != _figures(texts[field]) or _identifiers(english) != _identifiers(
                texts[field]
            ):
                drifted.append(f"{rule.id}.{field}")
    assert drifted == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_choice_translations_keep_the_figures_and_identifiers(language: str) -> None:
    translated = _translation(language)["choices"]
    drifted = [
        f"{choice.id}.{field}"
        for choice in load_rulebook().choices.values()
        for field, english in (("question", choice.question), ("effect", choice.effect))
        if field in translated.get(choice.id, {})
        and (
            _figures(english) != _figures(translated[choice.id][field])
            or _identifiers(english) != _identifiers(translated[choice.id][field])
        )
    ]
    assert drifted == []
