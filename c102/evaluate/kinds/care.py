"""What is covered: contingencies (Art 8, 14, 20, 26, 32, 40, 47, 54, 60), the pensionable age
(Art 26(2)), the medical care provided (Art 10(1), 34, 49(2)) and cost sharing (Art 10(2), 49)."""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.context import Context
from c102.evaluate.kinds.base import Finding, by_answer, closed, not_applicable, not_given, src, unlisted
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show
from c102.i18n import _
from c102.labels import label, labels
from c102.model.description import Scheme
from c102.model.values import SexSplit
from c102.rules.model import PartInfo, Rule


def contingency(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    required = list(rule.params.get("required", []))
    if not required:
        if part is not None and part.branch:
            return Finding(
                COMPLIANT, _("{scheme} provides {benefit}.", scheme=scheme.name, benefit=label(part.branch, "benefits"))
            )
        return Finding(COMPLIANT, _("{scheme} provides the benefit.", scheme=scheme.name))
    fact = ctx.scheme_fact(scheme, "contingencies")
    if fact is None:
        return not_given(ctx, scheme, "contingencies", _("the contingencies covered are not listed."))
    lacking = [c for c in required if c not in fact.value]
    if lacking and not closed(fact):
        return unlisted(ctx, scheme, "contingencies", fact, [label(c, "contingencies") for c in lacking], _("covers"))
    if lacking:
        return Finding(
            NOT_COMPLIANT,
            _("{scheme} does not cover: {contingencies}.", scheme=scheme.name, contingencies=labels(lacking, "contingencies"))
            + src(fact),
            remedy=_("cover {contingencies}", contingencies=labels(lacking, "contingencies")),
        )
    return Finding(
        COMPLIANT,
        _("{scheme} covers {contingencies}.", scheme=scheme.name, contingencies=labels(required, "contingencies")) + src(fact),
    )


def pensionable_age(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    limit = Fraction(str(rule.params["max_age"]))
    fact = ctx.scheme_fact(scheme, "pensionable_age")
    if fact is None:
        return not_given(ctx, scheme, "pensionable_age", _("the pensionable age is not given."))
    value = fact.value
    age = Fraction(value.highest if isinstance(value, SexSplit) else value)
    shown = _("men {men}, women {women}", men=value.men, women=value.women) if isinstance(value, SexSplit) else f"{value}"
    if age <= limit:
        return Finding(
            COMPLIANT,
            _("{scheme}: pensionable age {age}{source}, not above {limit}.", scheme=scheme.name, age=shown, source=src(fact), limit=show(limit, 0)),
            value=age,
            threshold=limit,
            unit="age",
        )
    found = by_answer(
        ctx,
        rule,
        _("{scheme}: pensionable age {age}{source} is above {limit}.", scheme=scheme.name, age=shown, source=src(fact), limit=show(limit, 0)),
    )
    found.value, found.threshold, found.unit = age, limit, "age"
    return found


def medical_care_items(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    fact = ctx.scheme_fact(scheme, "medical_care")
    if fact is None:
        return not_given(ctx, scheme, "medical_care", _("the medical care provided is not listed."))
    provided = set(fact.value)
    shortfalls = []
    for alt in rule.params["alternatives"]:
        if alt.get("requires_declaration") and ctx.declaration_invokes(alt["requires_declaration"]) is not True:
            continue
        lacking = [i for i in alt["items"] if i not in provided]
        if not lacking:
            return Finding(
                COMPLIANT,
                _("{scheme} provides every item {alternative} lists.", scheme=scheme.name, alternative=alt["id"]) + src(fact),
                alternative=alt["id"],
            )
        shortfalls.append((alt["id"], lacking))
    alt_id, lacking = shortfalls[0]
    if not closed(fact):
        return unlisted(ctx, scheme, "medical_care", fact, [labels(lacking, "care")], _("provides"), f" ({alt_id})")
    return Finding(
        NOT_COMPLIANT,
        _("{scheme} does not provide: {items} ({alternative}).", scheme=scheme.name, items=labels(lacking, "care"), alternative=alt_id)
        + src(fact),
        remedy=_("add {items} to the care provided", items=labels(lacking, "care")),
    )


def cost_sharing(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    wanted = rule.params["contingency"]
    provides_care = (
        "medical_care" in scheme.branches.value
        or scheme.medical_care is not None
        or any(b.form is not None and b.form.value == "care" for b in scheme.benefit)
    )
    if not provides_care:
        return not_applicable(_("{scheme} provides no medical care.", scheme=scheme.name))
    fact = ctx.scheme_fact(scheme, "cost_sharing")
    if fact is None:  # unknown is not none: 'cost_sharing: none' says there is none
        return not_given(
            ctx,
            scheme,
            "cost_sharing",
            _("whether patients share the cost of care is not described (write 'cost_sharing: none' where they do not)."),
        )
    if wanted not in fact.value and not closed(fact):
        return unlisted(
            ctx, scheme, "cost_sharing", fact, [_care_of(wanted)], _("has cost sharing for"), ""
        )
    if wanted not in fact.value:
        return Finding(
            COMPLIANT, _("{scheme}: no cost sharing for {care}.", scheme=scheme.name, care=_care_of(wanted)) + src(fact)
        )
    shared = rule.params.get("shared_with")
    if shared is not None and shared in scheme.branches.value:
        # The scheme also gives general care (Part II), where cost sharing may be lawful: whether
        # the charge reaches care for this Part's contingency is a question of the law's detail.
        return by_answer(
            ctx,
            rule,
            _(
                "{scheme}: patients share the cost of care for {care}{source}, and the scheme also serves {shared}.",
                scheme=scheme.name,
                care=_care_of(wanted),
                source=src(fact),
                shared=label(shared, "branches"),
            ),
        )
    if rule.params.get("permitted"):
        return by_answer(
            ctx,
            rule,
            _("{scheme}: patients share the cost of care for {care}.", scheme=scheme.name, care=_care_of(wanted)) + src(fact),
        )
    return Finding(
        NOT_COMPLIANT,
        _(
            "{scheme}: patients share the cost of care for {care}{source}, which the Convention does not allow here.",
            scheme=scheme.name,
            care=_care_of(wanted),
            source=src(fact),
        ),
        remedy=_("provide {care} care free of cost sharing", care=_care_of(wanted)),
    )


def _care_of(contingency: str) -> str:
    """The contingency cost sharing is asked about (``pregnancy``, ``employment_injury``), in words."""
    return label(contingency, "contingencies") if contingency != "employment_injury" else label(contingency, "branches")


# The list each kind reads from a scheme, and where the rule's required items are.
_LISTS = {"contingency": "contingencies", "medical_care_items": "medical_care"}


def together(ctx: Context, rule: Rule, pairs: list[tuple[Scheme, Finding]]) -> Finding | None:
    """Care spread across the schemes relied on (Art 8, 10(1), 47, 49(2)): where no single scheme
    meets the list but the schemes together name every item, whether each person protected gets
    all of it (one scheme completing another) is a judgment: needs_review with the rule's question.

    None where the per-scheme verdicts stand: one scheme, a list met, or the union short too.
    """
    name = _LISTS.get(rule.kind)
    if name is None or len(pairs) < 2 or not rule.question:
        return None
    if all(f.verdict not in (NOT_COMPLIANT, INSUFFICIENT_DATA) for _, f in pairs):
        return None
    stated = [(scheme, ctx.scheme_fact(scheme, name)) for scheme, _ in pairs]
    if any(fact is None for _, fact in stated):  # a list not given: add it first (insufficient_data)
        return None
    union = {item for _, fact in stated if fact is not None for item in fact.value}
    for items, alt in _required(ctx, rule):
        if all(i in union for i in items):
            shares = "; ".join(
                _(
                    "{scheme}: {items}",
                    scheme=scheme.name,
                    items=labels([i for i in items if i in fact.value], _VOCABULARY[name]) or _("none of them"),
                )
                + src(fact)
                for scheme, fact in stated
                if fact is not None
            )
            situation = (
                _("No one scheme relied on names every item ({alternative}), but together they do ({shares}).", alternative=alt, shares=shares)
                if alt
                else _("No one scheme relied on names every item, but together they do ({shares}).", shares=shares)
            )
            return by_answer(ctx, rule, situation)
    return None


_VOCABULARY = {"contingencies": "contingencies", "medical_care": "care"}


def _required(ctx: Context, rule: Rule) -> list[tuple[list[str], str | None]]:
    """The item lists a rule asks for: its alternatives open to the country, or its one list."""
    if rule.kind == "contingency":
        required = list(rule.params.get("required", []))
        return [(required, None)] if required else []
    return [
        (list(alt["items"]), alt["id"])
        for alt in rule.params["alternatives"]
        if not alt.get("requires_declaration") or ctx.declaration_invokes(alt["requires_declaration"]) is True
    ]
