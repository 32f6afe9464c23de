"""Checks of qualifying periods counted in working days (``working_days_per_year``): the count
converts days of work into years, so it needs a length in days, a period of contribution or
employment, and a number of working days a year that a year can hold."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from c102.i18n import _
from c102.model.description import Scheme
from c102.model.values import Fact

MAX_WORKING_DAYS = 366  # a year cannot hold more working days than days


def check_working_days(scheme: Scheme, add: Callable[..., Any]) -> None:
    """Errors at ``working_days_per_year`` where the conversion cannot mean anything."""
    for period in scheme.qualifying_period:
        per_year = period.working_days_per_year
        if per_year is None:
            continue
        _check_range(per_year, add)
        if period.length.value.unit != "days":
            add(
                period.length.position,
                _("a length in working days is written in days, not {unit}", unit=period.length.value.unit),
                _("write the number of days, e.g. 3_240 days, or remove working_days_per_year"),
                code="unit",
            )
        if period.kind.value == "residence":
            add(
                per_year.position,
                _("a period of residence is not counted in working days"),
                _("working_days_per_year applies to periods of contribution or employment"),
            )
    for benefit in scheme.benefit:
        per_year = benefit.working_days_per_year
        if per_year is None:
            continue
        _check_range(per_year, add)
        if benefit.accrual_after is None or benefit.accrual_after.value.unit != "days":
            add(
                per_year.position,
                _("working_days_per_year in a benefit converts accrual_after, which must be stated in days"),
                _("write accrual_after in days, e.g. 3_240 days, or remove working_days_per_year"),
                code="unit",
            )


def _check_range(per_year: Fact[Any], add: Callable[..., Any]) -> None:
    if not 0 < per_year.value <= MAX_WORKING_DAYS:
        add(
            per_year.position,
            _("'working_days_per_year' must be more than 0 and at most {most}", most=MAX_WORKING_DAYS),
            _("the number of working days the law counts as one year, e.g. 216"),
        )
