"""`c102 graph`: export the evaluator graph of a description (DOT or node-link JSON)."""

from __future__ import annotations

import argparse

from c102.i18n import N_, _

HELP = N_("export the evaluator graph (facts -> findings -> rules -> Parts -> Article 2) as DOT or JSON")
EXAMPLE = "c102 graph countries/examples/examplia.c102 --format dot -o examplia.dot && dot -Tsvg examplia.dot > examplia.svg"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("description (.c102, .yaml or .json)"))
    parser.add_argument(
        "--format", choices=("dot", "json"), default="dot", help=_("DOT (default) or node-link JSON")
    )
    parser.add_argument(
        "-o", "--output", metavar="PATH", help=_("write to a file (atomically) instead of stdout")
    )
    parser.add_argument("--rule", metavar="ID", help=_("only this rule's verdict and what it depends on"))
    parser.add_argument("--part", metavar="PART", help=_("only this Part's verdict and what it depends on, e.g. V"))


def run(args: argparse.Namespace) -> int:
    import sys

    from c102 import assess, load_description
    from c102.errors import UsageError
    from c102.evaluate.export import to_node_link
    from c102.report.pipeline import checked_parts
    from c102.report.writers.graph_dot import subgraph, to_dot

    parts = checked_parts(args.part)  # "v" and "V" name the same Part
    part = parts[0] if parts else None
    assessment = assess(load_description(args.file))
    assert assessment.graph is not None
    try:
        keep = subgraph(assessment.graph, args.rule, part)
    except KeyError:
        known = ", ".join(r.id for r in assessment.rules[:5])
        raise UsageError(
            _("no verdict rule {rule} in this graph; rule ids look like {known}", rule=args.rule, known=known)
            if args.rule
            else _("no verdict for Part {part} in this graph; rule ids look like {known}", part=part, known=known)
        ) from None
    if args.format == "dot":
        text = to_dot(assessment.graph, keep if (args.rule or part) else None)
    else:
        text = to_node_link(assessment.graph)
    if args.output:
        from c102.report.atomic import write_atomic

        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
