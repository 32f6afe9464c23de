"""Run every benchmark (``python -m bench.run [NAME...]``), printing medians and ratios."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from bench.harness import run_case


def main(argv: list[str]) -> int:
    folder = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_"))
    wanted = [f"bench_{a.removeprefix('bench_')}" for a in argv]
    for name in names:
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"bench.{name}")
        print(f"# {name.removeprefix('bench_')}")
        for case in module.cases():
            print(run_case(case), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
