"""Mutated descriptions through parse, assess and every renderer: no crash, no nonsense, a position.

Each case takes a bundled description, applies one to three mutations chosen by a seeded random
generator (case ``i`` is the same on every machine), writes it to a file and reads it as a user
would. A rejected case must give each error a ``file:line:column``; an accepted one is assessed,
turned into JSON and rendered by one renderer in turn (gap, Article 22 and walk-through reports
in Markdown, HTML and DOCX, and the terminal text of ``c102 assess``), so every renderer sees a
share of the accepted cases; no verdict may rest on an impossible value (coverage above 100%, a
percentage above 500%, a negative amount). Any exception is a finding.

    python -m bench.fuzz --cases 10000          # the long run; figures on stdout
    python -m bench.fuzz --cases 200 --seed 7   # another sample

The CI test (tests/foundation/test_fuzz_mutated_descriptions.py) runs 2,000 cases of the same
generator. The slowest case is named by CPU time (what the case costs) and wall time (what it took
on a machine shared with other work). The figures of the last long run are in docs/language.md
("Robustness figures").
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from c102.resources import data_path

# Small bundled descriptions: fast to assess, and together they use every construct.
SEEDS = (
    "examples/examplia.c102",
    "examples/coverage-27a-pass.c102",
    "examples/coverage-fail.c102",
    "examples/ten-point-fail.c102",
    "examples/ceiling-pass.c102",
    "examples/family-allowance-fail.c102",
    "examples/article-3-pass.c102",
)
ODD_NUMBERS = (
    "0",
    "-1",
    "0.000001",
    "999_999_999_999",
    "9" * 5000,
    "1" + "0" * 40,
    "5000%",
    "-5%",
    "100.0000001%",
    "2099-01-01",
    "1899-02-30",
    "-67",
    "1/0",
)
HOSTILE_TEXTS = (
    "[click](javascript:alert(1)) ![t](http://evil.example/t.png)",
    "\\u001b]0;title\\u0007\\u001b[2J",
    "\\uD800",
    "\\u202Eevil",
    "<script>alert(1)</script>",
    "x" * 300,
    "\\u0000\\u0001ctl",
    "{{7*7}}",
)
INSERTED = ("{", "}", ":", ",", '"', "#", "%", "\x1b", "\x00", "\u202e", "\t", "\r", "per", "source")
NUMBER = re.compile(r"(?<![\w.])-?\d[\d_]*(?:\.\d+)?%?")
MD_LINK = re.compile(r"(?<!\\)\]\((?:javascript|http)|!\[")  # an unescaped link or image
QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"')


@dataclass
class Outcome:
    """What one case did."""

    index: int
    accepted: bool = False
    positioned: bool = True
    nonsense: list[str] = field(default_factory=list)
    crash: str | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    renderer: str = ""


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _replace_number(text: str, rng: random.Random) -> str:
    found = list(NUMBER.finditer(text))
    if not found:
        return text
    m = rng.choice(found)
    return text[: m.start()] + rng.choice(ODD_NUMBERS) + text[m.end() :]


def _replace_text(text: str, rng: random.Random) -> str:
    found = list(QUOTED.finditer(text))
    if not found:
        return text
    m = rng.choice(found)
    return text[: m.start()] + '"' + rng.choice(HOSTILE_TEXTS) + '"' + text[m.end() :]


def _block_span(lines: list[str], rng: random.Random) -> tuple[int, int] | None:
    """A block (its opening line to its closing brace), top-level or nested."""
    opens = [i for i, line in enumerate(lines) if line.rstrip().endswith("{")]
    if not opens:
        return None
    start = rng.choice(opens)
    indent = len(lines[start]) - len(lines[start].lstrip())
    for end in range(start + 1, len(lines)):
        line = lines[end]
        if line.strip() == "}" and len(line) - len(line.lstrip()) == indent:
            return start, end
    return None


def _duplicate_block(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    span = _block_span(lines, rng)
    if span is None:
        return text
    start, end = span
    return "\n".join(lines[: end + 1] + lines[start : end + 1] + lines[end + 1 :])


def _duplicate_line(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    i = rng.randrange(len(lines))
    return "\n".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])


def _delete_line(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def _insert_char(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(INSERTED) + text[at:]


def _delete_chars(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + text[at + rng.randint(1, 8) :]


def _swap_lines(text: str, rng: random.Random) -> str:
    lines = _lines(text)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def _many_schemes(text: str, rng: random.Random) -> str:
    extra = "".join(
        f'scheme "Extra {n}" {{\n  branches: old_age\n  kind: universal\n}}\n' for n in range(rng.randint(50, 300))
    )
    return text + "\n" + extra


def _truncate(text: str, rng: random.Random) -> str:
    return text[: rng.randrange(len(text) + 1)]


MUTATORS: tuple[Callable[[str, random.Random], str], ...] = (
    _replace_number,
    _replace_number,
    _replace_number,
    _replace_text,
    _replace_text,
    _duplicate_block,
    _duplicate_block,
    _duplicate_line,
    _delete_line,
    _insert_char,
    _delete_chars,
    _swap_lines,
    _many_schemes,
    _truncate,
)


def case_bytes(index: int, seed: int, seeds: list[str]) -> bytes:
    """The mutated file of case ``index``: the same for the same seed on any machine."""
    rng = random.Random(seed * 1_000_003 + index)
    text = seeds[rng.randrange(len(seeds))]
    for _ in range(rng.randint(1, 3)):
        text = rng.choice(MUTATORS)(text, rng)
    data = text.encode("utf-8", errors="surrogatepass")
    if rng.random() < 0.03:  # a byte that is not UTF-8
        at = rng.randrange(len(data) + 1)
        data = data[:at] + bytes([rng.choice((0xFF, 0xC3, 0x80, 0xED))]) + data[at:]
    return data


RENDERERS = (
    "gap.md",
    "gap.html",
    "gap.docx",
    "article22.md",
    "article22.html",
    "article22.docx",
    "walkthrough.md",
    "walkthrough.html",
    "terminal",
)


def _render(assessment: object, renderer: str) -> None:
    from c102.report.output import render_report

    if renderer == "terminal":
        from c102.cli.summary import summary_text
        from c102.cli.terminal import visible

        out = visible(summary_text(assessment, parts=None, show_all=True))  # type: ignore[arg-type]
        assert "\x1b" not in out and "\u202e" not in out, "a control character reached the terminal"
        return
    kind, fmt = renderer.split(".")
    part = None
    if kind == "walkthrough":
        parts = getattr(assessment, "parts", {})
        part = next((p for p in parts if p not in ("I", "XI", "XII", "XIII", "XIV")), None)
        if part is None:
            return
    data = render_report(assessment, kind, fmt, part=part)  # type: ignore[arg-type]
    if fmt == "md":
        text = data.decode("utf-8")
        assert not MD_LINK.search(text), "a Markdown link or image passed through"


def nonsense(assessment: object) -> list[str]:
    """Verdicts resting on an impossible value."""
    found = []
    for result in getattr(assessment, "rules", []):
        value = result.value
        if value is None or result.verdict in ("insufficient_data", "needs_review"):
            continue
        if result.unit == "percent" and (
            (result.kind == "coverage" and value > 1) or value > 5 or value < 0
        ):
            found.append(f"{result.id} {result.verdict} at {float(value * 100):.6g}%")
        elif result.unit in ("persons", "money") and value < 0:
            found.append(f"{result.id} {result.verdict} at {value}")
    return found


def run_case(index: int, seed: int, seeds: list[str], folder: Path) -> Outcome:
    from c102.evaluate.engine import assess
    from c102.language.load import diagnose_file

    outcome = Outcome(index)
    started, cpu_started = time.perf_counter(), time.process_time()
    path = folder / f"case-{index}.c102"
    path.write_bytes(case_bytes(index, seed, seeds))
    try:
        description, diagnostics = diagnose_file(path)
        if description is None:
            errors = [d for d in diagnostics if d.severity == "error"]
            outcome.positioned = bool(errors) and all(d.position.line > 0 and d.position.column > 0 for d in errors)
        else:
            outcome.accepted = True
            assessment = assess(description)
            assessment.to_json()
            outcome.nonsense = nonsense(assessment)
            outcome.renderer = RENDERERS[index % len(RENDERERS)]
            _render(assessment, outcome.renderer)
    except Exception as error:  # every exception is what the fuzz run looks for
        outcome.crash = f"{type(error).__name__}: {error}"[:300] + "\n" + traceback.format_exc(limit=-3)
    outcome.seconds = time.perf_counter() - started
    outcome.cpu_seconds = time.process_time() - cpu_started
    path.unlink(missing_ok=True)
    return outcome


def seed_texts() -> list[str]:
    root = data_path("countries")
    return [(root / name).read_text(encoding="utf-8") for name in SEEDS]


def _warm_up(text: str) -> None:
    """Build the parser and load the rulebook once, so no case's time includes them."""
    from c102.evaluate.engine import assess
    from c102.language.load import parse_text
    from c102.report.output import render_report

    render_report(assess(parse_text(text, "warm-up.c102")), "gap", "docx")


def run_range(bounds: tuple[int, int, int]) -> list[Outcome]:
    """Cases ``start`` to ``stop`` (exclusive) of generator ``seed``, in this process."""
    start, stop, seed = bounds
    seeds = seed_texts()
    _warm_up(seeds[0])
    with tempfile.TemporaryDirectory(prefix="c102-fuzz-") as tmp:
        return [run_case(i, seed, seeds, Path(tmp)) for i in range(start, stop)]


def run(cases: int, seed: int = 102, start: int = 0, workers: int = 1) -> list[Outcome]:
    """The cases split over ``workers`` processes (interleaved chunks, so each gets a fair share)."""
    if workers <= 1:
        return run_range((start, start + cases, seed))
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(250, cases // (workers * 4) or 1))
    chunks = [(i, min(i + size, start + cases), seed) for i in range(start, start + cases, size)]
    with ProcessPoolExecutor(workers) as pool:
        return [o for chunk in pool.map(run_range, chunks) for o in chunk]


def summary(outcomes: list[Outcome], seconds: float) -> str:
    rejected = [o for o in outcomes if not o.accepted and o.crash is None]
    crashes = [o for o in outcomes if o.crash is not None]
    silly = [o for o in outcomes if o.nonsense]
    slowest = max(outcomes, key=lambda o: o.cpu_seconds)
    slowest_wall = max(outcomes, key=lambda o: o.seconds)
    lines = [
        f"cases: {len(outcomes)} in {seconds:.1f} s",
        f"accepted: {sum(o.accepted for o in outcomes)}",
        f"rejected: {len(rejected)}, with file:line:column on every error: "
        f"{sum(o.positioned for o in rejected)}",
        f"uncaught exceptions: {len(crashes)}",
        f"nonsense accepted (verdict on an impossible value): {len(silly)}",
        f"slowest case: #{slowest.index}, {slowest.cpu_seconds:.2f} s CPU ({slowest.seconds:.2f} s wall); "
        f"longest wall time: #{slowest_wall.index}, {slowest_wall.seconds:.2f} s",
    ]
    for o in crashes[:10]:
        lines.append(f"  crash in case {o.index}: {o.crash}")
    for o in silly[:10]:
        lines.append(f"  nonsense in case {o.index}: {'; '.join(o.nonsense)}")
    for o in [o for o in rejected if not o.positioned][:10]:
        lines.append(f"  no position in case {o.index}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=102)
    parser.add_argument("--start", type=int, default=0, help="first case index (to rerun one case)")
    parser.add_argument("--workers", type=int, default=2, help="processes (default 2)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    outcomes = run(args.cases, args.seed, args.start, args.workers)
    print(summary(outcomes, time.perf_counter() - started))
    bad = any(o.crash or o.nonsense or not o.positioned for o in outcomes)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
