"""``python -m bench``: the goals table of issue 16, then how time grows with the number of schemes."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from bench.goals import all_figures, scaling

    print("| figure | measured | goal | met | detail |")
    print("|---|---|---|---|---|")
    for figure in all_figures():
        met = {True: "yes", False: "no", None: "n/a"}[figure.met]
        print(f"| {figure.name} | {figure.measured} | {figure.goal} | {met} | {figure.detail} |", flush=True)
    if "--no-scaling" not in argv:
        print()
        print("\n".join(scaling()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
