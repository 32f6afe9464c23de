"""Everything ``c102 check`` says about one file, in the order a reader fixes things."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from c102.errors import C102Error, Diagnostic, Position
from c102.i18n import _

if TYPE_CHECKING:
    from c102.model.description import Description


def check_file(path: str | Path) -> list[Diagnostic]:
    """Syntax, types and units, consistency, rulebook references, facts the rules miss, citations."""
    from c102.language.load import diagnose_file

    return _with_rulebook(*diagnose_file(path), str(path))


def check_text(text: str, path: str) -> tuple[Description | None, list[Diagnostic]]:
    """The same checks on a text not (yet) on disk, such as a description edited in the workbench;
    ``path`` names it in the positions and its suffix chooses the syntax (.c102, .yaml, .json)."""
    from c102.language.load import diagnose_any_text

    description, diagnostics = diagnose_any_text(text, path)
    return description, _with_rulebook(description, diagnostics, path)


def _with_rulebook(description: Description | None, diagnostics: list[Diagnostic], path: str) -> list[Diagnostic]:
    from c102.language.citations import citation_warnings
    from c102.language.readings import changed_readings
    from c102.language.rulebook_checks import missing_fact_warnings, rulebook_references
    from c102.rules.load import load_rulebook

    if description is None:
        return diagnostics
    try:
        diagnostics = diagnostics + rulebook_references(description)
        diagnostics += changed_readings(description, load_rulebook())
        if not any(d.severity == "error" for d in diagnostics):
            diagnostics += missing_fact_warnings(description)
        diagnostics += citation_warnings(description)
    except C102Error as error:  # the rulebook or engine refused; say so without hiding the rest
        diagnostics.append(
            Diagnostic(
                Position(path),
                _('could not check against the rulebook: {error}', error=error),
                "warning",
                code="rulebook",
            )
        )
    return diagnostics
