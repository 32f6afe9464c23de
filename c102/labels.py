"""Human labels for the keys of the description language and the rulebook (``templates/labels.yaml``).

Explanations, reports and the terminal show ``home visits`` or ``employment injury (survivors)``,
never ``home_visits`` or ``employment_injury_survivors``; the words are data, so they can be
reworded (or translated) without touching code.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

# Groups whose keys fall back to another group's label: a Schedule row named after its branch.
_FALLBACK = {"schedule_rows": "branches"}


@cache
def _labels() -> dict[str, dict[str, str]]:
    import yaml

    from c102.resources import data_path

    data = yaml.safe_load((data_path("templates") / "labels.yaml").read_text(encoding="utf-8"))
    return {group: dict(words) for group, words in data.items() if isinstance(words, dict)}


def label(key: str, group: str, capital: bool = False) -> str:
    """The label of ``key`` in ``group`` (``care``, ``branches``, ...); its words if it has none."""
    groups = _labels()
    text = groups.get(group, {}).get(key)
    if text is None and group in _FALLBACK:
        text = groups.get(_FALLBACK[group], {}).get(key)
    if text is None:
        text = key.replace("_", " ")
    return text[:1].upper() + text[1:] if capital else text


def labels(keys: Iterable[str], group: str, sep: str = ", ") -> str:
    """Several keys' labels, joined."""
    return sep.join(label(key, group) for key in keys)


def groups() -> dict[str, dict[str, str]]:
    """Every group and its labels (for the test that each key of the language has one)."""
    return {group: dict(words) for group, words in _labels().items()}
