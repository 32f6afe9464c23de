"""`c102 whatif`: change facts of a description and see which verdicts move, baseline → reform."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from c102.i18n import N_, _

if TYPE_CHECKING:
    from c102.model.description import Description
    from c102.model.values import Fact
    from c102.reform.paths import FactPath
    from c102.reform.workbench import Workbench

HELP = N_("change facts (--set PATH=VALUE) or sweep one (--sweep PATH=FROM:TO:STEP) and show what moves")
EXAMPLE = (
    "c102 whatif countries/examples/examplia.c102 "
    "--set 'scheme.\"Social Security Fund: pensions\".benefit.old_age.accrual_rate=0.2%'"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("description (.c102, .yaml or .json)"))
    parser.add_argument(
        "--set",
        dest="changes",
        action="append",
        default=[],
        metavar="PATH=VALUE",
        help=_("a fact path as 'c102 fmt --to json' shows it, and a value in the language's syntax (repeatable)"),
    )
    parser.add_argument(
        "--sweep",
        metavar="PATH=FROM:TO:STEP",
        help=_("assess each value from FROM to TO by STEP and locate where each verdict flips"),
    )
    parser.add_argument("--paths", action="store_true", help=_("list the fact paths this description can take"))
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("output format (default: text)")
    )


def split_assignment(argument: str) -> tuple[str, str]:
    """PATH=VALUE, where PATH may hold quoted labels with '=' in them."""
    quoted = False
    for i, ch in enumerate(argument):
        if ch == '"':
            quoted = not quoted
        elif ch == "=" and not quoted:
            return argument[:i].strip(), argument[i + 1 :].strip()
    from c102.reform.paths import PathError

    raise PathError(_("expected PATH=VALUE, got {argument!r}", argument=argument))


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from c102 import load_description
    from c102.reform.compare import differences
    from c102.reform.paths import fact_paths, get_fact, parse_value, resolve
    from c102.reform.render import differences_text, sweep_text
    from c102.reform.sweep import flips, grid, run_sweep, watched
    from c102.reform.workbench import Workbench

    description = load_description(args.file)
    if args.paths:
        print("\n".join(fact_paths(description)))
        return 0
    changes: list[tuple[FactPath, Any]] = []
    for argument in args.changes:
        path_text, value_text = split_assignment(argument)
        path = resolve(description, path_text, argument)
        changes.append((path, parse_value(path, value_text, argument)))
    sweep = None
    if args.sweep:
        path_text, range_text = split_assignment(args.sweep)
        path = resolve(description, path_text, args.sweep)
        bounds = range_text.split(":")
        if len(bounds) != 3:
            from c102.reform.paths import PathError

            raise PathError(_("--sweep takes PATH=FROM:TO:STEP, got {sweep!r}", sweep=args.sweep))
        start, stop, step = (parse_value(path, b, args.sweep) for b in bounds)
        sweep = (path, grid(path, start, start, stop, step))
    if not changes and sweep is None:
        from c102.reform.paths import PathError

        raise PathError(_("nothing to change: give --set PATH=VALUE or --sweep PATH=FROM:TO:STEP"))
    bench = Workbench(description)
    if changes:  # the reform is the new baseline a sweep starts from
        bench = Workbench(_changed(bench, changes))
    listed = [
        {"path": p.text, "before": _shown(get_fact(description, p)), "after": _shown(bench.fact_for(p, v))}
        for p, v in changes
    ]
    if sweep is None:
        baseline = Workbench(description).baseline if changes else bench.baseline
        found = differences(baseline, bench.baseline)
        if args.format == "json":
            payload = {"file": args.file, "changes": listed, "differences": [d.to_json() for d in found]}
            sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
            return 0
        print(_('What-if on {file}:', file=args.file))
        for change in listed:
            print(f"  {change['path']}: {change['before']} → {change['after']}")
        print()
        print("\n".join(differences_text(found)))
        return 0
    path, values = sweep
    rows = run_sweep(bench, path, values)
    items = watched(rows)
    located = flips(bench, path, rows)
    if args.format == "json":
        from c102.reform.sweep import states

        payload = {
            "file": args.file,
            "changes": listed,
            "sweep": path.text,
            "rows": [
                {
                    "value": _shown_value(value),
                    "verdicts": {f"{lv}:{i}": states(a)[(lv, i, t)].to_json() for lv, i, t in items},
                }
                for value, a in rows
            ],
            "flips": [f.to_json() for f in located],
        }
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return 0
    print("\n".join(sweep_text(path, rows, items, located)))
    return 0


def _changed(bench: Workbench, changes: list[tuple[FactPath, Any]]) -> Description:
    from c102.reform.paths import with_fact

    description = bench.original
    for path, value in changes:
        description, _fact, _changes = with_fact(description, path, bench.fact_for(path, value))
    return description


def _shown(fact: Fact[Any] | None) -> str:
    from c102.report.shared.display import plain

    return _("not stated") if fact is None else plain(fact.value)


def _shown_value(value: Any) -> str:
    from c102.report.shared.display import plain

    return plain(value)
