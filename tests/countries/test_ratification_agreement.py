"""What a country file says about its ratification agrees with countries/ratifications.yaml.

The YAML is the library's single record of ratifications. A .c102 file must state every fact the
YAML holds as verified for its country (registration date, Parts, Art 3 declaration), must not
state what the YAML does not know, and what it states must agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _country_library import ids, real_files

from c102.model.ratifications import load_ratifications, ratification_for


def load(path: Path):  # type: ignore[no-untyped-def]
    from c102.language.load import load_description

    return load_description(path)


@pytest.mark.parametrize("path", real_files(), ids=ids(real_files()))
def test_ratification_block_agrees_with_yaml(path: Path) -> None:
    description = load(path)
    record = ratification_for(description)
    block = description.ratification
    if record is None:
        assert block is None, f"{path.name} has a ratification block but ratifications.yaml has no entry"
        assert not description.convention
        return
    if record.registered is not None and record.registered_checked.verified:
        assert block is not None and block.registered is not None, "verified registration date not stated"
    if record.parts is not None and record.parts_checked is not None and record.parts_checked.verified:
        assert block is not None and block.parts is not None, "verified Parts not stated"
    if block is None:
        return
    if block.registered is not None:
        assert record.registered is not None, "the file states a full date the YAML does not have"
        assert block.registered.value == record.registered
    if block.parts is not None:
        assert record.parts is not None, "the file states Parts the YAML does not have"
        assert tuple(block.parts.value) == record.parts
    if description.article_3 is not None:
        assert record.article_3_in_force == description.article_3.in_force.value


@pytest.mark.parametrize("path", real_files(), ids=ids(real_files()))
def test_later_conventions_agree_with_ceased_parts(path: Path) -> None:
    description = load(path)
    record = ratification_for(description)
    ceased_by = {c.by for c in record.ceased} if record is not None else set()
    for other in description.convention:
        assert other.name in ceased_by, f"{other.name} is stated in the file but not in ratifications.yaml"


def test_library_ratifiers_are_found_by_iso_code() -> None:
    """Each real country file whose ISO code is in the YAML is matched to that entry, not by name."""
    table = load_ratifications()
    matched = 0
    for path in real_files():
        description = load(path)
        iso = str(description.country.iso.value) if description.country.iso else ""
        if iso in table:
            assert ratification_for(description) is table[iso]
            matched += 1
    assert matched >= 8
