"""`c102 graph`: export the evaluator graph of a description (DOT or node-link JSON)."""

from __future__ import annotations

import argparse

HELP = "export the evaluator graph (facts -> findings -> rules -> Parts -> Article 2) as DOT or JSON"
EXAMPLE = "c102 graph countries/examples/examplia.c102 --format dot -o examplia.dot && dot -Tsvg examplia.dot > examplia.svg"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="description (.c102, .yaml or .json)")
    parser.add_argument(
        "--format", choices=("dot", "json"), default="dot", help="DOT (default) or node-link JSON"
    )
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="write to a file (atomically) instead of stdout"
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from c102 import assess, load_description
    from c102.evaluate.export import to_dot, to_node_link

    assessment = assess(load_description(args.file))
    assert assessment.graph is not None
    text = to_dot(assessment.graph) if args.format == "dot" else to_node_link(assessment.graph)
    if args.output:
        from c102.report.atomic import write_atomic

        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
