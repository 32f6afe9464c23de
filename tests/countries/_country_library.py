"""Where the bundled country library lives and how its files are classified, for the tests."""

from __future__ import annotations

from pathlib import Path

from c102.resources import data_path

# Header sentence every real country file must carry (the library is not an ILO assessment).
DISCLAIMER = "illustration built from public sources, not an official ILO assessment"


def countries_dir() -> Path:
    return data_path("countries")


def all_files() -> list[Path]:
    return sorted(countries_dir().glob("**/*.c102"))


def real_files() -> list[Path]:
    return [p for p in all_files() if "examples" not in p.relative_to(countries_dir()).parts]


def example_files() -> list[Path]:
    """Teaching examples owned by this library (examplia.c102 belongs to the language's author)."""
    return [
        p
        for p in all_files()
        if "examples" in p.relative_to(countries_dir()).parts and p.name != "examplia.c102"
    ]


def ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(countries_dir())) for p in paths]
