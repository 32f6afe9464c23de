"""Where the data folders (rules, grammars, templates, countries) live.

From a checkout they are the top-level folders of the repository; from a wheel they are shipped
inside the package as ``c102/_data/<name>``. Both are found without any work at import time.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

DATA_FOLDERS = ("rules", "grammars", "templates", "countries")


@cache
def data_path(name: str) -> Path:
    """Return the folder holding one kind of bundled data."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    package = Path(str(files("c102")))
    shipped = package / "_data" / name
    if shipped.is_dir():
        return shipped
    checkout = package.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"c102 data folder {name!r} not found (looked in {shipped} and {checkout})")
