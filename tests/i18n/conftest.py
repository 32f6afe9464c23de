"""A catalogue of our own, so the machinery is tested whatever the real catalogues hold today."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import c102.i18n.catalogue as catalogue

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgid "file not found"
msgstr "fichier introuvable"

msgid "Countries"
msgstr "Pays"

msgid "no served country is named {name!r} (see /api/countries)"
msgstr "aucun pays servi ne s'appelle {name!r} (voir /api/countries)"

msgid "Contents"
msgstr "Sommaire"

msgid "{files} checked: {errors}, {warnings}"
msgstr "{files} vérifié(s) : {errors}, {warnings}"

msgid "{n} file"
msgid_plural "{n} files"
msgstr[0] "{n} fichier"
msgstr[1] "{n} fichiers"

msgid "rule {rule} ({articles}) cannot be decided: missing {facts}"
msgstr "il manque {facts} pour décider de la règle {rule} ({articles})"

#, fuzzy
msgid "{n} error"
msgid_plural "{n} errors"
msgstr[0] "{n} erreur floue"
msgstr[1] "{n} erreurs floues"
"""


@pytest.fixture
def french_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A French ``.po`` (no ``.mo``) in a temporary locale folder, in place of the bundled one."""
    po = tmp_path / "fr" / "LC_MESSAGES" / "c102.po"
    po.parent.mkdir(parents=True)
    po.write_text(PO, encoding="utf-8")
    monkeypatch.setattr(catalogue, "LOCALE_DIR", tmp_path)
    catalogue.translations.cache_clear()
    yield po
    catalogue.translations.cache_clear()
