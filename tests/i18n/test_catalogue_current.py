"""The message template and the French and Spanish catalogues hold every message the code marks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_catalogues_hold_exactly_the_marked_messages() -> None:
    done = subprocess.run([sys.executable, "-m", "tools.catalogue", "--check"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr + "\nrun: python -m tools.catalogue (docs/languages.md)"
