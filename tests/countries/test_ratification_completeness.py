"""countries/ratifications.yaml is complete: its entries match the ILO's published totals, and
every bundled country that has ratified C102 has its accepted Parts recorded (Art 2)."""

from __future__ import annotations

import datetime as dt

import pytest
from _country_library import ids, real_files

from c102.language.load import load_description
from c102.model.ratifications import (
    RatificationRecord,
    load_ratifications,
    load_totals,
    ratification_for,
    registered_by,
)

# Bundled ratifiers whose accepted Parts no public source read so far lists (NORMLEX itself could
# not be read). The test below fails as soon as one of them gains Parts, so the list only shrinks.
PARTS_NOT_FOUND = {"AR", "CV", "DO", "HN", "IQ", "JO", "KM", "MA", "PY", "SV", "TD"}


def records() -> list[RatificationRecord]:
    return list({id(r): r for r in load_ratifications().values()}.values())


def test_the_file_cites_published_totals() -> None:
    totals = load_totals()
    assert totals, "ratifications.yaml should record at least one total published by the ILO"
    assert all("http" in t.source for t in totals)


@pytest.mark.parametrize("total", load_totals(), ids=lambda t: f"{t.count}-by-{t.date}")
def test_entries_registered_by_a_date_match_the_published_total(total) -> None:  # type: ignore[no-untyped-def]
    verdicts = {r.country: registered_by(r, total.date) for r in records()}
    undecided = sorted(c for c, v in verdicts.items() if v is None)
    assert not undecided, f"year-only registrations cannot be placed against {total.date}: {undecided}"
    counted = sum(1 for v in verdicts.values() if v)
    assert counted == total.count, f"{counted} entries registered by {total.date}, the ILO counted {total.count}"


def test_no_entry_is_registered_after_the_as_of_year() -> None:
    import yaml

    from c102.model.ratifications import ratifications_path

    as_of = str(yaml.safe_load(ratifications_path().read_text(encoding="utf-8"))["as_of"])
    year = int(as_of[:4])
    assert all(r.registered_year <= year for r in records())
    assert max(t.date for t in load_totals()) <= dt.date(year, 12, 31)


@pytest.mark.parametrize("path", real_files(), ids=ids(real_files()))
def test_every_ratifying_bundled_country_has_its_parts_recorded(path) -> None:  # type: ignore[no-untyped-def]
    record = ratification_for(load_description(path))
    if record is None:
        return
    if record.iso in PARTS_NOT_FOUND:
        assert record.parts is None, f"{record.country} now has Parts: remove it from PARTS_NOT_FOUND"
        return
    assert record.parts is not None, f"{record.country} ratified C102 but its accepted Parts are unknown"
