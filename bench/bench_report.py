"""Comparative report over 200 country descriptions: time per country, and where it goes.

The descriptions are variants of the bundled countries (large figures scaled by a seeded
factor, names numbered), written once to a temporary folder. ``cases()`` prints one custom
measurement first: the shares of parsing, evaluation and rendering in an end-to-end run.
"""

from __future__ import annotations

import random
import re
import tempfile
import time
from pathlib import Path

from bench.harness import Case

COUNT = 200
_BIG = re.compile(r"\b\d{1,3}(?:_\d{3})+\b")
_NAME = re.compile(r'^country "([^"]*)"', re.MULTILINE)
FORMATS = ["html", "md", "docx", "json"]
UNIT = f"{COUNT} countries"  # the harness prints the time of one call: one run over every country


def variants(folder: Path, count: int = COUNT) -> list[str]:
    """``count`` descriptions derived from the bundled ones, deterministic for a given count."""
    from c102.resources import data_path

    sources = sorted(data_path("countries").glob("*.c102")) or [
        data_path("countries") / "examples" / "examplia.c102"
    ]
    rng = random.Random(102)
    paths = []
    for i in range(count):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        percent = rng.randint(60, 140)

        def scaled(m: re.Match[str], percent: int = percent) -> str:
            return f"{max(1, int(m.group().replace('_', '')) * percent // 100):_}"

        def renamed(m: re.Match[str], i: int = i) -> str:
            return f'country "{m.group(1)} {i:03d}"'

        text = _NAME.sub(renamed, _BIG.sub(scaled, text), count=1)
        path = folder / f"variant-{i:03d}.c102"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def end_to_end(paths: list[str]) -> tuple[float, float, float]:
    """Seconds spent parsing, evaluating and rendering every format of the comparative report."""
    from c102 import assess, load_description
    from c102.report.output import comparative_outputs

    start = time.perf_counter()
    descriptions = [load_description(p) for p in paths]
    parsed = time.perf_counter()
    assessments = [assess(d) for d in descriptions]
    evaluated = time.perf_counter()
    for produce in comparative_outputs(assessments, FORMATS).values():
        produce()
    rendered = time.perf_counter()
    return (parsed - start, evaluated - parsed, rendered - evaluated)


def cases() -> list[Case]:
    from c102 import assess, load_description
    from c102.report.output import comparative_outputs

    folder = Path(tempfile.mkdtemp(prefix="c102-bench-report-"))
    paths = variants(folder)
    end_to_end(paths[:5])  # load modules, templates, rulebook
    parse, evaluate, render = end_to_end(paths)
    total = parse + evaluate + render
    print(
        f"end to end: {total / COUNT * 1e3:.2f} ms/country over {COUNT} "
        f"(parse {parse / total:.0%}, evaluate {evaluate / total:.0%}, render {render / total:.0%}; "
        f"render alone {render / COUNT * 1e3:.2f} ms/country)"
    )
    assessments = [assess(load_description(p)) for p in paths]

    def render_all() -> None:
        for produce in comparative_outputs(assessments, FORMATS).values():
            produce()

    def render_format(fmt: str) -> Case:
        def subject() -> None:
            for produce in comparative_outputs(assessments, [fmt]).values():
                produce()

        return Case(f"comparative {fmt} only", subject, unit=UNIT)

    return [
        Case(
            "comparative report end to end (parse, evaluate, render 4 formats)",
            lambda: end_to_end(paths),
            unit=UNIT,
            goal=f"under {5 * COUNT} ms per {COUNT} countries (5 ms per country)",
        ),
        Case("comparative rendering, 4 formats", render_all, unit=UNIT),
        *(render_format(fmt) for fmt in FORMATS),
    ]
