"""Each real country file carries its header and a source on every fact it states.

A textual check on purpose: it reads the file as written, so a fact whose ``source`` is missing is
caught even if the parser would accept it. A few keys name a classification rather than a fact of
national law (``kind``, ``basis``, ...): those may stand without a source.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _country_library import DISCLAIMER, ids, real_files

# Keys that classify rather than state a sourced fact (the engine's vocabulary, not the law's).
UNSOURCED_KEYS = {
    "kind",
    "branches",
    "basis",
    "form",
    "description",
    "benefit",
    "contingency",
    "iso",
    "currency",
    "skilled_wage_definition",
    "labourer_wage_definition",
}
FIELD = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z_]+):\s*(?P<rest>.*)$")
SOURCE = re.compile(r'(^|\s)source\s+"[^"]+"')
CONTINUATION = re.compile(r'^\s+(source|note)\s+"')


def unsourced_facts(text: str) -> list[str]:
    """Lines stating a fact with neither a source on the line nor a continuation line carrying one."""
    lines = text.splitlines()
    missing: list[str] = []
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("#"):
            continue
        match = FIELD.match(line)
        if match is None or match.group("key") in UNSOURCED_KEYS:
            continue
        if SOURCE.search(match.group("rest")):
            continue
        follow = number
        found = False
        while follow < len(lines) and CONTINUATION.match(lines[follow]):
            if SOURCE.search(lines[follow]):
                found = True
                break
            follow += 1
        if not found:
            missing.append(f"line {number}: {line.strip()}")
    return missing


def test_checker_catches_a_missing_source() -> None:
    text = (
        'scheme "S" {\n  kind: universal\n  pensionable_age: 65\n'
        '  legal_basis: "Act"\n    source "Gazette"\n}\n'
    )
    assert unsourced_facts(text) == ["line 3: pensionable_age: 65"]


@pytest.mark.parametrize("path", real_files(), ids=ids(real_files()))
def test_every_fact_has_a_source(path: Path) -> None:
    assert unsourced_facts(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", real_files(), ids=ids(real_files()))
def test_header_comment(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line.lstrip("# "))
    joined = " ".join(header)
    assert header, "a real country file opens with a comment saying what it describes"
    assert " as of " in joined, "the header says as of when"
    assert "Main sources:" in joined
    assert DISCLAIMER in joined


@pytest.mark.parametrize("path", real_files(), ids=ids(real_files()))
def test_estimates_are_marked(path: Path) -> None:
    """Statistics the library could not take from a table are flagged as estimates."""
    text = path.read_text(encoding="utf-8")
    for proxy in ("proxy", "rounded", "as recalled"):
        for number, line in enumerate(text.splitlines(), start=1):
            if proxy in line and not line.lstrip().startswith("#"):
                block = "\n".join(text.splitlines()[number - 2 : number + 1])
                message = f'line {number} uses a {proxy} figure without note "estimate"'
                assert 'note "estimate' in block, message
