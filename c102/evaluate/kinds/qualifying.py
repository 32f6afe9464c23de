"""A scheme's qualifying periods as the rules read them: the periods for a branch in exact years,
whether the description states them at all (unknown is not none), whether they are written as the
full benefit's only, and the words that name a period ("15 years of contribution")."""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.context import Context
from c102.evaluate.gaps import amount_of
from c102.evaluate.kinds.base import Finding
from c102.evaluate.verdict import INSUFFICIENT_DATA
from c102.i18n import N_, _
from c102.labels import label
from c102.model.description import QualifyingPeriod, Scheme
from c102.model.values import Duration, years_in

WORKED = ("contribution", "employment")
# "15 years of contribution": a length and the kind of period it counts, as one phrase.
_OF_KIND = {
    "contribution": N_("{length} of contribution"),
    "employment": N_("{length} of employment"),
    "residence": N_("{length} of residence"),
}
_KIND = {"contribution": N_("contribution"), "employment": N_("employment"), "residence": N_("residence")}


def periods_for(
    ctx: Context, scheme: Scheme, branch: str
) -> list[tuple[QualifyingPeriod, Fraction, str, str]]:
    """The scheme's qualifying periods for a branch: (period, years, kind, level)."""
    out: list[tuple[QualifyingPeriod, Fraction, str, str]] = []
    for i, period in enumerate(scheme.qualifying_period):
        if period.branches is not None and branch not in period.branches.value:
            continue
        length = ctx.scheme_fact(scheme, "length", period, f"qualifying_period[{i}].")
        assert length is not None
        ctx.scheme_fact(scheme, "working_days_per_year", period, f"qualifying_period[{i}].")
        level = period.benefit.value if period.benefit is not None else "full"
        out.append((period, period_years(period), period.kind.value, level))
    return out


def period_years(period: QualifyingPeriod) -> Fraction:
    """The period in years, exactly: working days over the working days of a year where the law
    counts in working days (``working_days_per_year``), else calendar time."""
    per_year = period.working_days_per_year
    return years_in(period.length.value, per_year.value if per_year is not None else None)


def periods_unknown(ctx: Context, scheme: Scheme, branch: str) -> Finding | None:
    """A Finding when the description says nothing about the branch's qualifying period.

    Absence is not read as 'none': the law may simply not have been described. A description
    states 'none' with ``no_qualifying_period: <branch>``.
    """
    if periods_for(ctx, scheme, branch):
        return None
    none = ctx.scheme_fact(scheme, "no_qualifying_period")
    if none is not None and branch in none.value:
        return None
    return Finding(
        INSUFFICIENT_DATA,
        _(
            "{scheme}: the qualifying period for {benefit} is not described.",
            scheme=scheme.name,
            benefit=label(branch, "benefits"),
        ),
        missing=[
            _(
                "scheme.{slug}.qualifying_period (or no_qualifying_period: {branch})",
                slug=ctx.slug(scheme),
                branch=branch,
            )
        ],
    )


def full_only(scheme: Scheme, branch: str, kinds: tuple[str, ...]) -> bool:
    """Whether every period of these kinds is written ``benefit: full``: it then says when the full
    benefit is paid, not that nothing is paid sooner (unknown is not none). A period written without
    ``benefit:`` is the condition of the benefit itself, the shortest there is."""
    stated = [
        p
        for p in scheme.qualifying_period
        if (p.branches is None or branch in p.branches.value) and p.kind.value in kinds
    ]
    return bool(stated) and all(p.benefit is not None and p.benefit.value == "full" for p in stated)


def sooner_unknown(ctx: Context, scheme: Scheme, text: str) -> Finding:
    """The full benefit's period is long, and whether some benefit is secured sooner is not said."""
    return Finding(
        INSUFFICIENT_DATA,
        _(
            "{scheme}: {finding} Whether a reduced benefit is secured sooner is not stated: the period is written "
            "as that of the full benefit ('benefit: full').",
            scheme=scheme.name,
            finding=text,
        ),
        missing=[
            _(
                "scheme.{slug}.qualifying_period (a period with benefit: reduced, the shortest after which some "
                "benefit is paid; or the full period without 'benefit: full' where it is also the shortest)",
                slug=ctx.slug(scheme),
            )
        ],
    )


def years_text(x: Fraction) -> str:
    return amount_of(x, "years")


def period_of(length: str, kind: str) -> str:
    """``15 years of contribution`` in the active language."""
    return _(_OF_KIND[kind], length=length) if kind in _OF_KIND else f"{length} ({kind})"


def kind_word(kind: str) -> str:
    return _(_KIND[kind]) if kind in _KIND else kind


def length_text(length: Duration) -> str:
    return amount_of(Fraction(length.amount), length.unit)
