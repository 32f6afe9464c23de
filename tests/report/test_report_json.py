"""The fast JSON writer gives exactly json.dumps(..., indent=2, ensure_ascii=False)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from c102.report.writers.jsonout import dumps

leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@given(values)
def test_same_text_as_json_dumps(value: object) -> None:
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False)


def test_unusual_values_fall_back_to_json_dumps() -> None:
    data = {1: (2, 3), "x": float("nan")}
    assert dumps(data) == json.dumps(data, indent=2, ensure_ascii=False)
