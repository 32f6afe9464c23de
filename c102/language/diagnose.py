"""Everything ``c102 check`` says about one file, in the order a reader fixes things."""

from __future__ import annotations

from pathlib import Path

from c102.errors import C102Error, Diagnostic, Position


def check_file(path: str | Path) -> list[Diagnostic]:
    """Syntax, types and units, consistency, rulebook references, facts the rules miss, citations."""
    from c102.language.citations import citation_warnings
    from c102.language.load import diagnose_file
    from c102.language.semantics import missing_fact_warnings, rulebook_references

    description, diagnostics = diagnose_file(path)
    if description is None:
        return diagnostics
    try:
        diagnostics += rulebook_references(description)
        if not any(d.severity == "error" for d in diagnostics):
            diagnostics += missing_fact_warnings(description)
        diagnostics += citation_warnings(description)
    except C102Error as error:  # the rulebook or engine refused; say so without hiding the rest
        diagnostics.append(
            Diagnostic(
                Position(str(path)),
                f"could not check against the rulebook: {error}",
                "warning",
                code="rulebook",
            )
        )
    return diagnostics
