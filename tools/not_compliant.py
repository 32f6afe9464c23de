"""List every `not_compliant` rule verdict of the bundled countries with its ground.

Issue 10's "Done when": no bundled country has a `not_compliant` verdict whose only ground is a
branch or list item the description does not state. This lists each one (country, rule, the
failing scheme findings or the rule's explanation) so a reader can check it, and counts them by
country. ``python -m tools.not_compliant [--counts] [FILES...]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from c102.evaluate.engine import assess
from c102.evaluate.verdict import NOT_COMPLIANT
from c102.language.load import load_description

ROOT = Path(__file__).resolve().parents[1]


def failures(path: Path) -> Iterator[tuple[str, str, str]]:
    """(rule id, article, ground) for each not_compliant rule of one description."""
    assessment = assess(load_description(path))
    for result in assessment.rules:
        if result.verdict != NOT_COMPLIANT:
            continue
        failing = [d for d in result.details if d.verdict == NOT_COMPLIANT]
        ground = " | ".join(d.explanation for d in failing) if failing else result.explanation
        yield result.id, result.articles[0] if result.articles else "", ground


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--counts", action="store_true", help="only the number of failures by country")
    args = parser.parse_args(argv)
    files = args.files or sorted((ROOT / "countries").glob("*.c102"))
    total = 0
    for path in files:
        found = list(failures(path))
        total += len(found)
        print(f"{path.stem}: {len(found)}")
        if not args.counts:
            for rule, article, ground in found:
                print(f"  {rule} (Art {article}): {ground}")
    print(f"total: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
