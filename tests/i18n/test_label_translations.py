"""templates/labels.yaml is translated as data: every English label has a French and a Spanish one,
and the labels follow the active language."""

from __future__ import annotations

import pytest

from c102.i18n import use_language
from c102.labels import groups, label


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_english_label_has_a_translation(language: str) -> None:
    translated = groups(language)
    missing = [
        f"{group}.{key}"
        for group, words in groups("en").items()
        for key in words
        if not str(translated.get(group, {}).get(key) or "").strip()
    ]
    assert missing == []


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_translation_holds_no_key_english_lacks(language: str) -> None:
    english = groups("en")
    extra = [f"{g}.{k}" for g, words in groups(language).items() for k in words if k not in english.get(g, {})]
    assert extra == []


def test_labels_follow_the_active_language() -> None:
    assert label("old_age", "branches") == "old age"
    with use_language("fr"):
        assert label("old_age", "branches") == "vieillesse"
        assert label("employment_injury_survivors", "schedule_rows", capital=True).startswith("Accidents du travail")
    with use_language("es"):
        assert label("old_age", "branches") == "vejez"
