"""Article 77: seafarers and sea-fishermen taken out of a population are taken out of the persons
protected too.

The Convention does not apply to seafarers and sea-fishermen (Art 77(1)), and a State may leave
them out of the employees, economically active population or residents when computing a coverage
share (Art 77(2)). Where the population is reduced so, a share that still counted the protected
seafarers would compare persons the Convention does not cover with a population that leaves them
out: the protected seafarers (``seafarers:`` in a ``protected`` block) are taken out as well. A
group that does not state them may count up to all the country's seafarers; the alternative is
then settled only where it is reached even with all of them taken out, or missed with none.
"""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.context import SEAFARER_EXCLUDABLE, Context
from c102.evaluate.verdict import show
from c102.i18n import _
from c102.model.description import ProtectedGroup, Scheme
from c102.model.values import Count


class ProtectedSeafarers:
    """The protected seafarers of one coverage alternative, as its groups state them."""

    def __init__(self, ctx: Context, denominator: str) -> None:
        total = (
            ctx.count("seafarers")
            if denominator in SEAFARER_EXCLUDABLE and ctx.seafarers_excluded()
            else None
        )
        self.total = total  # None: the population keeps its seafarers, and so do the groups
        self.taken = Fraction(0)
        self.unstated: list[str] = []
        self.most = Fraction(0)  # the most the unstated groups could hold, as counted

    def less(
        self,
        ctx: Context,
        scheme: Scheme,
        group: ProtectedGroup,
        prefix: str,
        persons: Fraction,
        ratio: Fraction,
    ) -> Fraction:
        """The group's persons less its protected seafarers, where the population leaves them out."""
        if self.total is None:
            return persons
        fact = ctx.scheme_fact(scheme, "seafarers", group, prefix)
        if fact is None:
            self.unstated.append(f"scheme.{ctx.slug(scheme)}.{prefix}seafarers")
            self.most += min(persons, self.total) * ratio
            return persons
        value = fact.value
        stated = Fraction(value.total if isinstance(value, Count) else value)
        self.taken += stated * ratio
        return persons - stated

    def note(self) -> str:
        """What the numerator left out, for the explanation."""
        if self.total is None or not self.taken:
            return ""
        return " " + _("(less {count} protected seafarers, Art 77)", count=show(self.taken, 0))

    def missing(self, numerator: Fraction, denominator: Fraction, threshold: Fraction) -> list[str]:
        """The facts that would settle the alternative, where its outcome depends on how many of
        the protected are seafarers; empty where it does not."""
        if not self.unstated or self.total is None:
            return []
        lowest = numerator - min(self.most, self.total)
        reached_anyway = lowest / denominator >= threshold
        missed_anyway = numerator / denominator < threshold
        if reached_anyway or missed_anyway:
            return []
        return [
            _("{path} (protected seafarers and sea-fishermen, Art 77; 0 where none)", path=path) for path in self.unstated
        ]
