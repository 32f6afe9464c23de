"""Every bundled description parses into the typed model, and says whether it is real or fictional."""

from __future__ import annotations

from pathlib import Path

import pytest
from _country_library import all_files, example_files, ids, real_files


@pytest.mark.parametrize("path", all_files(), ids=ids(all_files()))
def test_bundled_file_parses(path: Path) -> None:
    from c102.language.load import load_description

    description = load_description(path)
    assert description.country.name


def test_library_has_at_least_twelve_real_countries() -> None:
    assert len(real_files()) >= 12


@pytest.mark.parametrize("path", real_files(), ids=ids(real_files()))
def test_real_country_is_dated_and_not_fictional(path: Path) -> None:
    from c102.language.load import load_description

    country = load_description(path).country
    assert country.fictional is None or country.fictional.value is False
    assert country.as_of is not None and country.as_of.source, "a real country says as of when, and why"
    assert country.iso is not None and len(str(country.iso.value)) == 2
    assert country.currency is not None


@pytest.mark.parametrize("path", example_files(), ids=ids(example_files()))
def test_example_is_marked_fictional(path: Path) -> None:
    from c102.language.load import load_description

    country = load_description(path).country
    assert country.fictional is not None and country.fictional.value is True


def test_file_names_are_lowercase_english_short_names() -> None:
    for path in all_files():
        assert path.stem == path.stem.lower() and " " not in path.stem, path.name
