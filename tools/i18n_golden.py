"""Regenerate the golden reports of tests/i18n/golden: one country per language, written by the
real pipeline (``countries/togo.c102`` in French, ``countries/honduras.c102`` in Spanish).

Run ``python -m tools.i18n_golden`` from the repository root after a deliberate change of a French
or Spanish message, a rule text or an evaluator explanation, then review the diff before committing;
``tests/i18n/test_golden_reports.py`` fails while a golden file differs from a fresh run.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "i18n" / "golden"

# (description, language, kind, extra arguments): the reports kept as golden files, the two
# documents of issue 14's "done when" (in Markdown, the text every other format is built from).
CASES = (
    ("countries/togo.c102", "fr", "article22", ()),
    ("countries/honduras.c102", "es", "gap", ()),
)


def golden_name(description: str, language: str, kind: str) -> str:
    return f"{Path(description).stem}.{kind}.{language}.md"


def write(case: tuple[str, str, str, tuple[str, ...]], folder: Path) -> Path:
    """Write one golden report into ``folder`` (paths in receipts stay relative to the root)."""
    import os

    from c102.cli.main import main

    description, language, kind, extra = case
    target = folder / golden_name(description, language, kind)
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        code = main(["report", description, "--kind", kind, "--lang", language, *extra, "-o", str(target)])
    finally:
        os.chdir(here)
    if code != 0:
        raise SystemExit(f"c102 report {description} --kind {kind} --lang {language} exited {code}")
    return target


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        print(f"wrote: {write(case, GOLDEN).relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
