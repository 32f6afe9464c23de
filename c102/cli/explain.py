"""`c102 explain`: the derivation of one verdict, step by step, down to the facts and sources."""

from __future__ import annotations

import argparse

from c102.i18n import N_, _

HELP = N_("show how a verdict was reached: each step's article, each fact's source")
EXAMPLE = "c102 explain countries/examples/examplia.c102 V-28-benefit-level"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("description (.c102, .yaml or .json)"))
    parser.add_argument(
        "target", metavar="RULE_ID", help=_("a rule id (see 'c102 rules'), a Part (V) or 'ratification'")
    )
    parser.add_argument("--depth", type=int, default=8, help=_("how deep to follow inputs (default 8)"))


def run(args: argparse.Namespace) -> int:
    from c102 import assess, load_description
    from c102.evaluate.explain import explain_text

    print(explain_text(assess(load_description(args.file)), args.target, args.depth))
    return 0
