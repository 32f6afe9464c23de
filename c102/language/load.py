"""Entry points: read a description from a .c102, .yaml/.yml or .json file into the typed model.

``diagnose_*`` return the model (or None) with every diagnostic found; ``load_description`` and
``parse_text`` raise ``DescriptionError`` carrying those diagnostics when there is an error.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from c102.errors import DescriptionError, Diagnostic, Position
from c102.i18n import _, ngettext
from c102.model.description import Description

EXTENSION = ".c102"
DICT_EXTENSIONS = (".yaml", ".yml", ".json")


def diagnose_text(text: str, path: str = "<string>") -> tuple[Description | None, list[Diagnostic]]:
    """Parse and build a .c102 text, checking the model's own consistency (no rulebook needed)."""
    from c102.language.build import Builder, build_description
    from c102.language.dictform import read_raw
    from c102.language.errors import parse_with_recovery
    from c102.language.limits import size_error

    too_large = size_error(path, len(text))
    if too_large is not None:
        return None, [too_large]
    with _no_collection():
        items, diagnostics, blanked = parse_with_recovery(text, path)
        if items is None:
            return None, diagnostics
        builder = Builder(path, text, read_raw)
        description = build_description(builder, items)
    if diagnostics:
        # Also report what the builder finds in the lines that did parse, leaving out what the
        # blanked lines may have caused (a field or label that seems missing).
        later = [
            d
            for d in builder.diagnostics
            if d.code not in ("missing", "label") and d.position.line not in blanked
        ]
        return None, sorted(diagnostics + later, key=_place)
    return _finish(description, builder.diagnostics, text, path)


@contextmanager
def _no_collection() -> Iterator[None]:
    """The cycle collector paused while a text is parsed and built.

    Syntax nodes and model objects hold no reference cycles, so a collection finds nothing to
    free; but each one walks every object made so far, which made parsing grow faster than the
    text (1,000 -> 4,000 schemes: x4.8 CPU; paused: x3.5). Whoever paused it resumes it.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _finish(
    description: Description | None, diagnostics: list[Diagnostic], text: str, path: str
) -> tuple[Description | None, list[Diagnostic]]:
    if description is None:
        return None, sorted(diagnostics, key=_place)
    description.path = path
    description.text = text
    from c102.language.semantics import consistency

    diagnostics = sorted(diagnostics + consistency(description), key=_place)
    if any(d.severity == "error" for d in diagnostics):
        return None, diagnostics
    return description, diagnostics


def _place(diagnostic: Diagnostic) -> tuple[int, int]:
    return diagnostic.position.line, diagnostic.position.column


def diagnose_file(path: str | Path) -> tuple[Description | None, list[Diagnostic]]:
    """Read any supported file; unreadable files and unknown extensions are diagnostics too."""
    name = str(path)
    suffix = Path(name).suffix.lower()
    if suffix != EXTENSION and suffix not in DICT_EXTENSIONS:
        return None, [
            Diagnostic(
                Position(name),
                _("unknown file type '{value}'", value=suffix or name),
                hint=_("descriptions are .c102 files (or .yaml, .yml, .json)"),
                code="file",
            )
        ]
    text, problem = _read_text(name)
    if text is None:
        return None, [problem] if problem is not None else []
    return diagnose_any_text(text, name)


def diagnose_any_text(text: str, path: str) -> tuple[Description | None, list[Diagnostic]]:
    """A text in the syntax its path's suffix names: .yaml/.yml/.json, else .c102 (for a text edited
    in the workbench, which never was a file of its own)."""
    suffix = Path(path).suffix.lower()
    if suffix not in DICT_EXTENSIONS:
        return diagnose_text(text, path)
    from c102.language.dictform import diagnose_dict_text

    description, diagnostics = diagnose_dict_text(text, path, json=suffix == ".json")
    return _finish(description, diagnostics, text, path)


def _read_text(name: str) -> tuple[str | None, Diagnostic | None]:
    """The file's text, or why it cannot be read: missing, too large, not UTF-8 (with line:column)."""
    from c102.language.limits import line_column, max_bytes, size_error

    try:
        with open(name, "rb") as handle:
            data = handle.read(max_bytes() + 1)  # never more than the limit allows, whatever the size
    except FileNotFoundError:
        return None, Diagnostic(Position(name), _("file not found"), code="file")
    except OSError as error:
        return None, Diagnostic(Position(name), _('cannot read: {strerror}', strerror=error.strerror), code="file")
    too_large = size_error(name, len(data))
    if too_large is not None:
        return None, too_large
    try:
        return data.decode("utf-8-sig"), None  # a byte-order mark is not content
    except UnicodeDecodeError as error:
        line, column = line_column(data, error.start)
        lines = data.split(b"\n")
        source = lines[line - 1].decode("utf-8", errors="replace") if line <= len(lines) else None
        return None, Diagnostic(
            Position(name, line, column),
            _('not UTF-8 text ({reason}: byte 0x{data:02x})', reason=error.reason, data=data[error.start]),
            source_line=source,
            hint=_("save the file as UTF-8"),
            code="file",
        )


def _raise_on_errors(
    description: Description | None, diagnostics: list[Diagnostic], path: str
) -> Description:
    errors = [d for d in diagnostics if d.severity == "error"]
    if description is None or errors:
        count = len(errors)
        raise DescriptionError(ngettext("{path}: {n} error in the description", "{path}: {n} errors in the description", count, path=path), errors)
    return description


def parse_text(text: str, path: str = "<string>") -> Description:
    """A .c102 text as the typed model; raises ``DescriptionError`` listing every error found."""
    return _raise_on_errors(*diagnose_text(text, path), path)


def load_description(path: str | Path) -> Description:
    """A description file (.c102, .yaml, .yml or .json) as the typed model."""
    return _raise_on_errors(*diagnose_file(path), str(path))
