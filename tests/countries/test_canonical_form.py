"""Bundled descriptions are kept in the canonical form `c102 fmt` prints, so reviews see real changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from c102.language.canonical import format_description
from c102.language.load import load_description

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("path", sorted((ROOT / "countries").glob("**/*.c102")), ids=lambda p: p.stem)
def test_bundled_description_is_in_canonical_form(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert format_description(load_description(str(path))) == text, f"run: c102 fmt --in-place {path.relative_to(ROOT)}"
