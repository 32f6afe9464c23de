"""Messages go through the catalogue of the active language, placeholders filled after translating."""

from __future__ import annotations

from pathlib import Path

import pytest

from c102.i18n import _, lazy_gettext, ngettext, use_language
from c102.language.diagnose import check_file

pytestmark = pytest.mark.usefixtures("french_catalogue")


def test_english_is_the_message_as_written() -> None:
    assert _("file not found") == "file not found"
    assert ngettext("{n} file", "{n} files", 2) == "2 files"


def test_french_comes_from_the_catalogue_read_from_the_po() -> None:
    with use_language("fr"):
        assert _("file not found") == "fichier introuvable"
        assert ngettext("{n} file", "{n} files", 1) == "1 fichier"
        assert ngettext("{n} file", "{n} files", 3) == "3 fichiers"


def test_a_translation_may_move_the_placeholders() -> None:
    with use_language("fr"):
        text = _("rule {rule} ({articles}) cannot be decided: missing {facts}", rule="V-28", articles="28", facts="x")
    assert text == "il manque x pour décider de la règle V-28 (28)"


def test_a_fuzzy_or_missing_translation_falls_back_to_english() -> None:
    with use_language("fr"):
        assert ngettext("{n} error", "{n} errors", 2) == "2 errors"
        assert _("no such message") == "no such message"


def test_a_lazy_message_speaks_the_language_active_when_shown() -> None:
    message = lazy_gettext("file not found")
    assert str(message) == "file not found"
    with use_language("fr"):
        assert str(message) == "fichier introuvable"
        assert f"{message}!" == "fichier introuvable!"


def test_check_diagnostics_are_written_in_the_active_language(tmp_path: Path) -> None:
    missing = tmp_path / "absent.c102"
    with use_language("fr"):
        [diagnostic] = check_file(missing)
    assert diagnostic.message == "fichier introuvable"
    assert check_file(missing)[0].message == "file not found"


def test_a_fresh_mo_is_preferred_and_a_stale_one_ignored(french_catalogue: Path) -> None:
    import os

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    import c102.i18n.catalogue as catalogue

    with french_catalogue.open("rb") as handle:
        compiled = read_po(handle)
    compiled.get("file not found").string = "fichier absent (mo)"  # type: ignore[union-attr]
    mo = french_catalogue.with_suffix(".mo")
    with mo.open("wb") as handle:
        write_mo(handle, compiled)
    catalogue.translations.cache_clear()
    with use_language("fr"):
        assert _("file not found") == "fichier absent (mo)"
    os.utime(mo, (0, 0))  # the translator edited the .po since the build
    catalogue.translations.cache_clear()
    with use_language("fr"):
        assert _("file not found") == "fichier introuvable"
