"""Fixtures for the report tests: a hand-built Assessment with every verdict kind, a Part XI
working, choices, answers and markup in the country name and a source (it must come out escaped)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from report_fixture import make_assessment

from c102.evaluate.assessment import Assessment


@pytest.fixture
def assessment() -> Assessment:
    return make_assessment()


@pytest.fixture
def assessment_factory() -> Callable[..., Assessment]:
    return make_assessment
