"""Rulebook texts in the active language from rules/i18n/<lang>.yaml, English where one is missing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import c102.i18n.rulebook as rulebook_i18n
from c102.errors import RulebookError
from c102.i18n import use_language
from c102.i18n.rulebook import part_title, rule_text, rule_title, term, terminology_note, translation_problems

TRANSLATION = """\
schema_version: 1
language: fr
note: Termes vérifiés sur le texte français de la convention.
parts:
  V: {title: Prestations de vieillesse}
rules:
  V-28-benefit-level:
    title: Montant de la prestation
    question: La prestation est-elle suffisante ?
terms:
  standard_beneficiary: bénéficiaire type
"""


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "fr.yaml"
    path.write_text(TRANSLATION, encoding="utf-8")
    monkeypatch.setattr(rulebook_i18n, "translation_path", lambda language: tmp_path / f"{language}.yaml")
    rulebook_i18n.translation.cache_clear()
    yield path
    rulebook_i18n.translation.cache_clear()


@pytest.mark.usefixtures("french")
def test_translated_texts_in_french_english_elsewhere() -> None:
    with use_language("fr"):
        assert part_title("V", "Old-age benefit") == "Prestations de vieillesse"
        assert rule_title("V-28-benefit-level", "Benefit level") == "Montant de la prestation"
        assert rule_text("V-28-benefit-level", "question", "Enough?") == "La prestation est-elle suffisante ?"
        assert term("standard_beneficiary", "standard beneficiary") == "bénéficiaire type"
        assert terminology_note() == "Termes vérifiés sur le texte français de la convention."
    assert part_title("V", "Old-age benefit") == "Old-age benefit"


@pytest.mark.usefixtures("french")
def test_a_text_the_translation_leaves_out_is_shown_in_english() -> None:
    with use_language("fr"):
        assert rule_text("V-28-benefit-level", "summary", "The summary.") == "The summary."
        assert part_title("IX", "Invalidity benefit") == "Invalidity benefit"
    with use_language("es"):  # no es.yaml in this folder
        assert part_title("V", "Old-age benefit") == "Old-age benefit"


def test_a_translation_breaking_the_schema_is_refused_with_where(french: Path) -> None:
    french.write_text("parts: {V: {titel: Vieillesse}}\nrules: {}\n", encoding="utf-8")
    with use_language("fr"), pytest.raises(RulebookError, match="parts/V"):
        part_title("V", "Old-age benefit")


@pytest.mark.parametrize(
    "data",
    [
        {"parts": {}, "rules": {"V-28-x": {"summary": "sans titre"}}},
        {"parts": {"5": {"title": "V"}}, "rules": {}},
        {"parts": {}, "rules": {}, "extra": 1},
        {"parts": {"V": {"title": " "}}, "rules": {}},
    ],
)
def test_schema_rejects_malformed_translations(data: object) -> None:
    assert translation_problems(data)


def test_schema_accepts_the_documented_shape() -> None:
    import yaml

    assert translation_problems(yaml.safe_load(TRANSLATION)) == []
