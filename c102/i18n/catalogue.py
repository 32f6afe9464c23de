"""Finding and loading one language's gettext catalogue.

A built install carries ``c102.mo`` next to ``c102.po`` (compiled by ``hatch_build.py``). A checkout
whose ``.po`` is newer than its ``.mo`` (or has none: a clean clone, a translator's edit) is read
from the ``.po`` itself through Babel, so what runs is always what the catalogue says.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

DOMAIN = "c102"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def catalogue_path(language: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalogue of ``language``, loaded once per process; English has none."""
    if language == "en":
        return gettext.NullTranslations()
    po, mo = catalogue_path(language, ".po"), catalogue_path(language, ".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.is_file():
        return _from_po(po)
    return gettext.NullTranslations()


def _from_po(po: Path) -> gettext.NullTranslations:
    """Compile a ``.po`` in memory (fuzzy entries are left out, as ``pybabel compile`` does)."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
