"""Server time of the workbench's re-assessment: what one press of *Re-assess* costs.

For each bundled country, the edited text is sent to the workbench (Starlette's test client, no
network) and the server's own measure is read back from ``Server-Timing: assess;dur=<ms>``: the
time of ``c102 check`` and ``c102 assess`` on the text. The goal of issue 12 is under 100 ms.

    python -m bench.bench_workbench [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path


def main() -> int:
    from starlette.testclient import TestClient

    from c102.resources import data_path
    from c102.web.app import make_app
    from c102.web.guard import Limits

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    countries = [*sorted(data_path("countries").glob("*.c102")), data_path("countries") / "examples" / "examplia.c102"]
    with tempfile.TemporaryDirectory() as folder:
        copies = []
        for path in countries:
            copy = Path(folder) / path.name
            copy.write_bytes(path.read_bytes())
            copies.append(str(copy))
        app = make_app(copies, Limits(allowed_hosts={"testserver"}))
        worst = 0.0
        with TestClient(app) as client:
            print(f"{'country':28} {'median ms':>10} {'max ms':>8}")
            for copy in copies:
                slug = Path(copy).stem
                text = Path(copy).read_text(encoding="utf-8") + "\n# edited\n"
                times = []
                for _ in range(args.repeat + 1):
                    response = client.post(f"/country/{slug}/edit", json={"text": text})
                    times.append(float(response.headers["server-timing"].split("dur=")[1]))
                times = times[1:]  # the first run warms caches shared by all countries
                median = statistics.median(times)
                worst = max(worst, median)
                print(f"{slug:28} {median:10.1f} {max(times):8.1f}")
        print(f"slowest median: {worst:.1f} ms (goal: under 100 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
