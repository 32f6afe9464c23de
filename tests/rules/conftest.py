"""Shared helpers: a tiny instrument copied to a temporary rules root, with files swapped in."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini_root(tmp_path: Path) -> Callable[..., Path]:
    """Copy ``fixtures/mini`` to ``tmp/rules/mini``; ``overlay`` maps file names to broken fixtures."""

    def make(overlay: dict[str, str] | None = None) -> Path:
        root = tmp_path / "rules"
        shutil.copytree(FIXTURES / "mini", root / "mini")
        for target, fixture in (overlay or {}).items():
            shutil.copyfile(FIXTURES / "broken" / fixture, root / "mini" / target)
        return root

    return make
