"""The inputs the benchmark runs on: the bundled countries, 200 variants of them, and synthetic
countries of 1 to 5,000 schemes. All deterministic for a given size."""

from __future__ import annotations

import random
import re
from pathlib import Path

_BIG = re.compile(r"\b\d{1,3}(?:_\d{3})+\b")
_COUNTRY = re.compile(r'^country "([^"]*)"', re.MULTILINE)
_PERSONS = re.compile(r"^(\s*persons: )([0-9_]+)", re.MULTILINE)
_SCHEME = re.compile(r'^scheme "([^"]*)" \{\n.*?^\}\n', re.MULTILINE | re.DOTALL)


def bundled_countries() -> list[Path]:
    """The real countries of the library (not the teaching examples)."""
    from c102.resources import data_path

    return sorted(data_path("countries").glob("*.c102"))


def examplia() -> Path:
    from c102.resources import data_path

    return data_path("countries") / "examples" / "examplia.c102"


def variants(folder: Path, count: int = 200) -> list[Path]:
    """``count`` descriptions derived from the bundled ones: large figures scaled, names numbered."""
    sources = bundled_countries()
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(102)
    paths = []
    for i in range(count):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        percent = rng.randint(60, 140)

        def scaled(match: re.Match[str], percent: int = percent) -> str:
            return f"{max(1, int(match.group().replace('_', '')) * percent // 100):_}"

        def renamed(match: re.Match[str], i: int = i) -> str:
            return f'country "{match.group(1)} {i:03d}"'

        text = _COUNTRY.sub(renamed, _BIG.sub(scaled, text), count=1)
        path = folder / f"variant-{i:03d}.c102"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def with_schemes(count: int) -> str:
    """The teaching example with its schemes repeated (renamed) until there are ``count``."""
    text = examplia().read_text(encoding="utf-8")
    schemes = list(_SCHEME.finditer(text))
    head = text[: schemes[0].start()]
    tail = text[schemes[-1].end() :]
    rounds = -(-count // len(schemes))
    blocks = []
    for i in range(count):
        block = schemes[i % len(schemes)].group()
        # Each copy protects its share of the persons, so the sums stay within the populations.
        block = _PERSONS.sub(lambda m: f"{m.group(1)}{max(1, int(m.group(2).replace('_', '')) // rounds)}", block)
        blocks.append(block.replace('scheme "', f'scheme "#{i:05d} ', 1))
    return head + "".join(blocks) + tail
