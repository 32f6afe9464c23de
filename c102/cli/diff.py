"""`c102 diff`: two descriptions (two versions of a law, or two countries) compared rule by rule."""

from __future__ import annotations

import argparse

from c102.i18n import N_, _

HELP = N_("compare two descriptions rule by rule: verdicts, figures, routes, and the facts that differ")
EXAMPLE = "c102 diff countries/examples/ceiling-fail.c102 countries/examples/ceiling-pass.c102"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("before", metavar="A", help=_("the first description (the baseline)"))
    parser.add_argument("after", metavar="B", help=_("the second description"))
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("output format (default: text)")
    )


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from c102 import assess, load_description
    from c102.reform.compare import differences, fact_differences
    from c102.reform.render import differences_text, facts_text

    a, b = load_description(args.before), load_description(args.after)
    found = differences(assess(a), assess(b))
    facts = fact_differences(a, b)
    if args.format == "json":
        payload = {
            "before": args.before,
            "after": args.after,
            "differences": [d.to_json() for d in found],
            "facts": [f.to_json() for f in facts],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return 0
    print(f"{args.before} → {args.after}")
    print()
    print("\n".join(differences_text(found, "A", "B")))
    print()
    print("\n".join(facts_text(facts, "A", "B")))
    return 0
