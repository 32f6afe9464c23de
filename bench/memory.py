"""Memory of reading a large description, as a multiple of its size (issue 15: within 10x).

The description is the teaching example's schemes repeated until the text reaches the size asked
for (``bench.workloads.with_schemes``). Each measure runs in a fresh process, after a small parse
has built the parser and filled the caches (they are not the input's), and reports:

- the growth of the peak resident memory (``ru_maxrss``) while the text is parsed, the model
  built and checked: what the operating system sees;
- the peak of Python's own allocations during the same work (``tracemalloc``, slower).

    python -m bench.memory                 # 10 MB, both measures
    python -m bench.memory --mb 2.5 --no-trace
"""

from __future__ import annotations

import argparse
import subprocess
import sys

_PROBE = """
import gc, resource, sys, time, tracemalloc
from bench.workloads import with_schemes
from c102.language.load import diagnose_text
schemes, trace = int(sys.argv[1]), sys.argv[2] == "1"
text = with_schemes(schemes)
diagnose_text(with_schemes(2), "warm.c102")
gc.collect()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
if trace:
    tracemalloc.start()
started = time.process_time()
description, diagnostics = diagnose_text(text, "big.c102")
seconds = time.process_time() - started
peak = tracemalloc.get_traced_memory()[1] if trace else 0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
errors = sum(d.severity == "error" for d in diagnostics)
print(len(text.encode()), after - before, peak, seconds, errors)
"""

BYTES_PER_SCHEME = 1_700  # the teaching example's schemes, on average


def measure(megabytes: float, trace: bool) -> dict[str, float]:
    """One fresh process: size, resident growth, traced peak (0 without ``trace``), CPU seconds."""
    schemes = max(1, round(megabytes * 1_000_000 / BYTES_PER_SCHEME))
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(schemes), "1" if trace else "0"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    size, grown, peak, seconds, errors = int(out[0]), int(out[1]), int(out[2]), float(out[3]), int(out[4])
    return {"schemes": schemes, "bytes": size, "rss": grown, "peak": peak, "seconds": seconds, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the description (default 10)")
    parser.add_argument("--no-trace", action="store_true", help="resident memory only (tracemalloc is slow)")
    args = parser.parse_args(argv)
    runs = [measure(args.mb, False)] + ([] if args.no_trace else [measure(args.mb, True)])
    first = runs[0]
    print(
        f"{first['schemes']:,} schemes, {first['bytes'] / 1e6:.1f} MB, {first['errors']} errors: "
        f"resident memory grew {first['rss'] / 1e6:.0f} MB = {first['rss'] / first['bytes']:.1f}x the text "
        f"({first['seconds']:.1f} s CPU)"
    )
    if len(runs) > 1:
        peak = runs[1]["peak"]
        print(f"Python allocations peaked at {peak / 1e6:.0f} MB = {peak / runs[1]['bytes']:.1f}x the text (tracemalloc)")
    return 0 if first["rss"] <= 10 * first["bytes"] else 1


if __name__ == "__main__":
    sys.exit(main())
