"""What a rule kind returns, and the pieces every kind shares."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from typing import Any

from c102.evaluate.context import Context
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NEEDS_REVIEW, NOT_APPLICABLE, NOT_COMPLIANT
from c102.i18n import N_, _
from c102.model.description import Scheme
from c102.model.values import Duration, Fact
from c102.rules.model import PartInfo, Rule


@dataclass
class Finding:
    """The judgment of one rule on one scheme, or on the country for country-wide rules."""

    verdict: str
    explanation: str
    value: Fraction | None = None
    threshold: Fraction | None = None
    unit: str | None = None
    gap: str | None = None
    remedy: str | None = None
    alternative: str | None = None
    question: str | None = None
    missing: list[str] = field(default_factory=list)
    answer: str | None = None
    data: Any = None  # structured extras for the route and reports (e.g. coverage alternatives)


# A scheme kind judges one scheme serving the rule's Part; a country kind judges the country.
SchemeKind = Callable[[Context, Rule, Scheme, PartInfo | None], Finding]
CountryKind = Callable[[Context, Rule, list[Any]], Finding]


def not_given(ctx: Context, scheme: Scheme, path: str, what: str) -> Finding:
    """A fact the rule needs is not in the description: say which, where it would go."""
    return Finding(INSUFFICIENT_DATA, f"{scheme.name}: {what}", missing=[f"scheme.{ctx.slug(scheme)}.{path}"])


def closed(fact: Fact[list[Any]]) -> bool:
    """Whether a list is the whole of what the law provides: marked ``complete``, or ``none``.
    Otherwise an item it does not name is unknown, not absent (issue 10; docs/method.md)."""
    return fact.complete or not fact.value


def unlisted(
    ctx: Context, scheme: Scheme, name: str, fact: Fact[list[Any]], items: list[str], verb: str, cited: str = ""
) -> Finding:
    """An item a list that is not marked complete does not name: unknown, so insufficient_data
    naming what to add (the item, or ``complete`` after the list where the law's list is whole)."""
    return Finding(
        INSUFFICIENT_DATA,
        _(
            "{scheme}: the list of {list}{source} is not marked complete, so whether the scheme {verb} {items}{cited} "
            "is not said.",
            scheme=scheme.name,
            list=_(LISTS[name]) if name in LISTS else name.replace("_", " "),
            source=src(fact),
            verb=verb,
            items=", ".join(items),
            cited=cited,
        ),
        missing=[
            _(
                "scheme.{slug}.{name} ({items}, or 'complete' after the list)",
                slug=ctx.slug(scheme),
                name=name,
                items=", ".join(items),
            )
        ],
    )


# The lists of a scheme an item may be missing from, named in a sentence.
LISTS = {
    "contingencies": N_("contingencies"),
    "medical_care": N_("medical care"),
    "cost_sharing": N_("cost sharing"),
    "suspension_grounds": N_("suspension grounds"),
    "branches": N_("branches"),
}


def not_applicable(why: str) -> Finding:
    return Finding(NOT_APPLICABLE, why)


def by_answer(ctx: Context, rule: Rule, situation: str) -> Finding:
    """A judgment the data cannot settle: needs_review unless the specialist's answer is recorded."""
    answer = ctx.answer(rule)
    if answer is None:
        from c102.i18n.rulebook import rule_text

        question = rule_text(rule.id, "question", rule.question) if rule.question else rule.question
        return Finding(
            NEEDS_REVIEW,
            _("{situation} A specialist must answer: {question}", situation=situation, question=question).strip(),
            question=rule.question,
        )
    yes = answer.value is True or str(answer.value).lower() in ("yes", "true")
    source = f" [{answer.source}]" if answer.source else ""
    note = f" ({answer.note})" if answer.note else ""
    said = _("Answered yes by the specialist.") if yes else _("Answered no by the specialist.")
    if source or note:
        said = (
            _("Answered yes by the specialist{source}{note}.", source=source, note=note)
            if yes
            else _("Answered no by the specialist{source}{note}.", source=source, note=note)
        )
    return Finding(
        COMPLIANT if yes else NOT_COMPLIANT,
        f"{situation} {said}".strip(),
        answer=f"{'yes' if yes else 'no'}{source}",
    )


def duration(spec: dict[str, Any]) -> Duration:
    """A ``{amount, unit}`` duration from the rulebook."""
    from decimal import Decimal

    return Duration(Decimal(str(spec["amount"])), spec["unit"])


@cache
def percent(value: Any) -> Fraction:
    """A rulebook percentage (``45`` or ``1.5``) as a fraction of one."""
    return Fraction(str(value)) / 100


def src(fact: Any) -> str:
    return f" [{fact.source}]" if fact is not None and getattr(fact, "source", None) else ""
