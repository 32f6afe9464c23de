"""Human labels for the keys of the description language and the rulebook (``templates/labels.yaml``).

Explanations, reports and the terminal show ``home visits`` or ``employment injury (survivors)``,
never ``home_visits`` or ``employment_injury_survivors``; the words are data, so they can be
reworded without touching code, and translated as data (``labels.fr.yaml``, ``labels.es.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

# Groups whose keys fall back to another group's label: a Schedule row named after its branch.
_FALLBACK = {"schedule_rows": "branches"}


def label_file(language: str) -> str:
    """``labels.yaml`` for English, ``labels.fr.yaml`` and ``labels.es.yaml`` beside it."""
    return "labels.yaml" if language == "en" else f"labels.{language}.yaml"


@cache
def _labels(language: str = "en") -> dict[str, dict[str, str]]:
    import yaml

    from c102.resources import data_path

    path = data_path("templates") / label_file(language)
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {group: dict(words) for group, words in data.items() if isinstance(words, dict)}


def label(key: str, group: str, capital: bool = False) -> str:
    """The label of ``key`` in ``group`` (``care``, ``branches``, ...) in the active language;
    the English label where a translation lacks it; its words if it has none."""
    from c102.i18n.language import current_language

    language = current_language()
    text = None
    for groups in (_labels(language), _labels()) if language != "en" else (_labels(),):
        text = groups.get(group, {}).get(key)
        if text is None and group in _FALLBACK:
            text = groups.get(_FALLBACK[group], {}).get(key)
        if text is not None:
            break
    if text is None:
        text = key.replace("_", " ")
    return text[:1].upper() + text[1:] if capital else text


def labels(keys: Iterable[str], group: str, sep: str = ", ") -> str:
    """Several keys' labels, joined."""
    return sep.join(label(key, group) for key in keys)


def groups(language: str = "en") -> dict[str, dict[str, str]]:
    """Every group and its labels in ``language`` (for the tests that each key of the language has
    one, and that French and Spanish label every key English does)."""
    return {group: dict(words) for group, words in _labels(language).items()}
