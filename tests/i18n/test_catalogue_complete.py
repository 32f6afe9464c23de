"""Every message of the catalogues is translated into French and Spanish, placeholders kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
_PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_]*)(?:![rs])?\}(?!\})")


def catalogue(language: str) -> list[tuple[tuple[str, ...], tuple[str, ...], bool]]:
    """(msgids, msgstrs, fuzzy) of each message of ``language``'s catalogue."""
    path = ROOT / "c102" / "locale" / language / "LC_MESSAGES" / "c102.po"
    with path.open("rb") as handle:
        out = []
        for message in read_po(handle):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            out.append((tuple(ids), tuple(s or "" for s in strings), message.fuzzy))
    return out


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_message_has_a_translation(language: str) -> None:
    missing = [ids[0] for ids, strings, fuzzy in catalogue(language) if fuzzy or not all(s.strip() for s in strings)]
    assert missing == [], f"{len(missing)} messages lack a {language} translation, e.g. {missing[:5]}"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_translation_keeps_the_placeholders_of_its_message(language: str) -> None:
    wrong = []
    for ids, strings, _fuzzy in catalogue(language):
        wanted = set(_PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            got = set(_PLACEHOLDER.findall(text))
            # a plural form may leave out {n} ("un fichier"), never add or rename a placeholder
            if got - wanted or (wanted - got) - {"n"}:
                wrong.append((ids[0], text))
    assert wrong == []
