"""Extract c102's messages into ``c102/locale/c102.pot`` and merge them into the French and Spanish
catalogues, the equivalent of ``pybabel extract -F babel.cfg`` then ``pybabel update``, with fixed
header dates and file-only locations so that re-running it changes nothing unless a message did.

Run ``python -m tools.catalogue`` after wrapping or changing a message; ``--check`` exits 1 when the
committed template is out of date, or a catalogue lacks a message of it or keeps one it dropped (the test suite runs it). Translators fill ``msgstr`` only.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from c102 import __version__

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "c102" / "locale"
TEMPLATE = LOCALE / "c102.pot"
LANGUAGES = ("fr", "es")
KEYWORDS = {"_": None, "N_": None, "lazy_gettext": None, "ngettext": (1, 2)}
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # headers carry no run date: no churn


def extract() -> Catalog:
    """Every message of the code and templates, in file order, located by file only."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)  # type: ignore[no-untyped-call]
    catalog = Catalog(
        project="c102", version=__version__, creation_date=FIXED_DATE, revision_date=FIXED_DATE, fuzzy=False
    )
    for filename, _line, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, 0)], auto_comments=comments, context=context)
    return catalog


def render(catalog: Catalog) -> bytes:
    buffer = BytesIO()
    write_po(buffer, catalog, width=100, include_lineno=False, ignore_obsolete=True)
    return buffer.getvalue()


def message_ids(content: bytes) -> set[object]:
    """The msgids a catalogue holds (what must agree between the template and each language)."""
    return {message.id for message in read_po(BytesIO(content)) if message.id}


def merged(template: Catalog, language: str) -> Catalog:
    """The existing catalogue of ``language`` brought in line with the template (``pybabel update``)."""
    path = LOCALE / language / "LC_MESSAGES" / "c102.po"
    if path.is_file():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    else:
        catalog = Catalog(locale=language, project="c102", creation_date=FIXED_DATE, fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    for message in catalog:
        if message.id and not any(message.string if isinstance(message.string, tuple) else [message.string]):
            message.flags.discard("fuzzy")  # an empty translation is simply missing, not doubtful
    catalog.creation_date = FIXED_DATE
    catalog.revision_date = FIXED_DATE
    catalog.version = __version__
    catalog.fuzzy = False
    return catalog


def outputs() -> dict[Path, bytes]:
    template = extract()
    files = {TEMPLATE: render(template)}
    for language in LANGUAGES:
        files[LOCALE / language / "LC_MESSAGES" / "c102.po"] = render(merged(template, language))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if a catalogue is not up to date")
    args = parser.parse_args(argv)
    stale = []
    for path, content in outputs().items():
        if path.is_file() and path.read_bytes() == content:
            continue
        if args.check and path.is_file() and message_ids(path.read_bytes()) == message_ids(content):
            continue  # layout (a translator's, Babel's version in the header) may differ: messages must not
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in stale:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
