"""Parts XI-XIII beside the rates: review of pensions (Art 65(10), 66(8)), family benefit value
(Art 44), equality of treatment (68), suspension (69), appeal (70), financing (71), participation
(72), and plain information requirements."""

from __future__ import annotations

from dataclasses import fields
from fractions import Fraction
from typing import Any

from c102.evaluate.context import Context
from c102.evaluate.gaps import percent_short
from c102.evaluate.kinds.base import Finding, by_answer, closed, not_applicable, not_given, percent, src
from c102.evaluate.kinds.review_history import review_history
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show
from c102.i18n import _
from c102.i18n.rulebook import rule_text
from c102.labels import label
from c102.model.description import Scheme, Statistics
from c102.rules.model import PartInfo, Rule


def review_of_rates(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    if not set(scheme.branches.value) & set(rule.params["branches"]):
        return not_applicable(_("{scheme} pays no long-term benefit.", scheme=scheme.name))
    if scheme.review is None:
        return not_given(ctx, scheme, "review.method", _("how pensions in payment are reviewed is not given."))
    method = ctx.scheme_fact(scheme, "method", scheme.review, "review.")
    assert method is not None
    if scheme.review.period:
        return review_history(ctx, rule, scheme, scheme.review.period)
    if method.value in rule.params.get("automatic", []):
        return Finding(
            COMPLIANT,
            _(
                "{scheme}: rates in payment are adjusted automatically ({method}).",
                scheme=scheme.name,
                method=method.value.replace("_", " "),
            )
            + src(method),
        )
    if method.value in rule.params.get("discretionary", []):
        return by_answer(
            ctx, rule, _("{scheme}: rates are reviewed at the authorities' discretion.", scheme=scheme.name) + src(method)
        )
    return Finding(
        NOT_COMPLIANT,
        _("{scheme}: rates in payment are not reviewed.", scheme=scheme.name) + src(method),
        remedy=_("provide for reviewing pensions in payment after substantial changes in earnings or the cost of living"),
    )


def family_benefit_value(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    paid = ctx.stat("family_benefits_paid")
    wage = ctx.stat("labourer_wage")
    missing = [
        f"statistics.{n}" for n, f in (("family_benefits_paid", paid), ("labourer_wage", wage)) if f is None
    ]
    if paid is None or wage is None:
        return Finding(
            INSUFFICIENT_DATA,
            _("The total value of family benefits or the labourer's wage is not given (Art 44)."),
            missing=missing,
        )
    total = paid.value.per_month() * 12
    yearly_wage = wage.value.per_month() * 12
    if yearly_wage <= 0:
        return Finding(
            INSUFFICIENT_DATA,
            _("The labourer's wage is zero (Art 44)."),
            missing=[_("statistics.{name} (a positive wage)", name="labourer_wage")],
        )
    tested = []
    for alt in rule.params["alternatives"]:
        children = ctx.count(alt["children"])
        if children is None:
            missing.append(f"statistics.{alt['children']}")
            continue
        needed = percent(alt["percent"]) * yearly_wage * children
        share = total / (yearly_wage * children) if children else Fraction(0)
        text = _(
            "{alternative}: {total} a year against {percent} of the labourer's wage x {children} children = {needed}",
            alternative=alt["id"],
            total=show(total, 0),
            percent=_whole(alt["percent"]),
            children=show(children, 0),
            needed=show(needed, 0),
        )
        tested.append((alt, share, needed, text))
        if total >= needed:
            return Finding(
                COMPLIANT,
                _("{computation}: reached.", computation=text) + src(paid),
                value=share,
                threshold=percent(alt["percent"]),
                unit="percent",
                alternative=alt["id"],
            )
    if not tested:
        return Finding(INSUFFICIENT_DATA, _("The number of children is not given (Art 44)."), missing=missing)
    if missing:  # an alternative that cannot be computed may still be met: unknown, not a gap
        return Finding(
            INSUFFICIENT_DATA,
            _(
                "{computation}: not reached; the other alternative cannot be computed ({facts} missing).",
                computation="; ".join(t[3] for t in tested),
                facts=", ".join(missing),
            ),
            missing=missing,
        )
    alt, share, needed, _text = min(tested, key=lambda t: t[2] - total)
    return Finding(
        NOT_COMPLIANT,
        _("{computation}: not reached.", computation="; ".join(t[3] for t in tested)),
        value=share,
        threshold=percent(alt["percent"]),
        unit="percent",
        gap=percent_short(share, percent(alt["percent"]), under=alt["id"]),
        remedy=_("raise family benefits by {amount} a year ({alternative})", amount=show(needed - total, 0), alternative=alt["id"]),
    )


def equal_treatment(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    fact = ctx.scheme_fact(scheme, "equal_treatment")
    if fact is None:
        return not_given(
            ctx, scheme, "equal_treatment", _("the rights of non-national residents are not given.")
        )
    if fact.value == "equal":
        return Finding(COMPLIANT, _("{scheme}: non-national residents have the same rights.", scheme=scheme.name) + src(fact))
    if fact.value == "reciprocity_only":
        contributory = scheme.kind.value in rule.params["contributory"]
        employees = [g for g in scheme.protected if g.basis.value in rule.params["employee_bases"]]
        if contributory and employees:
            return Finding(
                COMPLIANT,
                _(
                    "{scheme}: equal rights for nationals of other States depend on reciprocity{source}, which Art "
                    "68(2) allows under contributory schemes protecting employees.",
                    scheme=scheme.name,
                    source=src(fact),
                ),
                alternative="68(2)",
            )
        if contributory and not scheme.protected:
            return not_given(
                ctx,
                scheme,
                "protected",
                _(
                    "equal rights depend on reciprocity, which Art 68(2) allows only where a contributory scheme "
                    "protects employees, and the persons protected are not given."
                ),
            )
        if scheme.kind.value not in rule.params["public_funds"]:
            return Finding(
                NOT_COMPLIANT,
                _(
                    "{scheme}: equal rights of non-nationals depend on reciprocity{source}; Art 68(2) allows that "
                    "only under contributory schemes protecting employees, and Art 68(1) gives non-national "
                    "residents the same rights as nationals.",
                    scheme=scheme.name,
                    source=src(fact),
                ),
                remedy=_("give non-national residents the same rights as nationals without a reciprocity condition"),
            )
    if scheme.kind.value in rule.params["public_funds"]:
        return by_answer(
            ctx,
            rule,
            _(
                "{scheme}: special rules apply to non-nationals{source}; Art 68(1) allows them for benefits paid "
                "mainly out of public funds.",
                scheme=scheme.name,
                source=src(fact),
            ),
        )
    return Finding(
        NOT_COMPLIANT,
        _("{scheme}: non-national residents do not have the same rights.", scheme=scheme.name) + src(fact),
        remedy=_("give non-national residents the same rights as nationals"),
    )


def suspension_grounds(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    fact = ctx.scheme_fact(scheme, "suspension_grounds")
    if fact is None:
        return not_given(
            ctx, scheme, "suspension_grounds", _("the grounds for suspending benefit are not listed.")
        )
    permitted: dict[str, str] = rule.params["permitted"]
    branch_only: dict[str, str] = rule.params.get("branch_only", {})
    wrong: dict[str, str] = {}  # ground -> why it is not permitted
    for ground in fact.value:
        if ground not in permitted:
            wrong[ground] = _("not among Art 69 (a)-(j)")
        elif ground in branch_only and branch_only[ground] not in scheme.branches.value:
            wrong[ground] = _("Art 69 allows it only for {benefit}", benefit=label(branch_only[ground], "benefits"))
    if wrong:
        # A ground outside Art 69 has no label: it is shown as the description writes it.
        shown = "; ".join(f"{label(g, 'suspension_grounds') if g in permitted else g} ({why})" for g, why in wrong.items())
        return Finding(
            NOT_COMPLIANT,
            _(
                "{scheme}: suspension on grounds the Convention does not permit: {grounds}.",
                scheme=scheme.name,
                grounds=shown,
            )
            + src(fact),
            remedy=_(
                "remove the grounds: {grounds}",
                grounds=", ".join(label(g, "suspension_grounds") if g in permitted else g for g in wrong),
            ),
        )
    cited = ", ".join(f"{label(g, 'suspension_grounds')} ({permitted[g]})" for g in fact.value)
    if not closed(fact):
        return Finding(
            INSUFFICIENT_DATA,
            _(
                "{scheme}: the grounds listed are permitted: {grounds}{source}; the list is not marked complete, so "
                "whether benefit may be suspended on any other ground is not said.",
                scheme=scheme.name,
                grounds=cited,
                source=src(fact),
            ),
            missing=[
                _(
                    "scheme.{slug}.suspension_grounds ('complete' after the list, where it names every ground)",
                    slug=ctx.slug(scheme),
                )
            ],
        )
    return Finding(
        COMPLIANT, _("{scheme}: every suspension ground is permitted: {grounds}.", scheme=scheme.name, grounds=cited) + src(fact)
    )


def right_of_appeal(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    fact = ctx.scheme_fact(scheme, "appeal")
    if fact is None:
        return not_given(ctx, scheme, "appeal", _("the right of appeal is not described."))
    kind = fact.value
    params = rule.params
    if kind in params.get("sufficient", []):
        return Finding(
            COMPLIANT,
            _("{scheme}: claimants may appeal ({route}).", scheme=scheme.name, route=kind.replace("_", " ")) + src(fact),
            alternative="70(1)",
        )
    if kind in params.get("no_appeal_needed", []):
        return Finding(
            COMPLIANT,
            _(
                "{scheme}: claims are settled by a special tribunal on which protected persons are represented.",
                scheme=scheme.name,
            )
            + src(fact),
            alternative="70(3)",
        )
    if kind in params.get("complaint_for_medical_care", []):
        administration = ctx.scheme_fact(scheme, "administration")
        only_care = set(scheme.branches.value) <= {"medical_care", "maternity"} and all(
            b.form is None or b.form.value == "care" for b in scheme.benefit
        )
        if only_care and administration is not None and administration.value == "government_department":
            return Finding(
                COMPLIANT,
                _(
                    "{scheme}: medical care run by a government department; complaints are investigated.",
                    scheme=scheme.name,
                )
                + src(fact),
                alternative="70(2)",
            )
        return Finding(
            NOT_COMPLIANT,
            _(
                "{scheme}: only an administrative complaint is open{source}; Art 70(2) allows that only for medical "
                "care run by a government department.",
                scheme=scheme.name,
                source=src(fact),
            ),
            remedy=_("open a right of appeal to a court or tribunal"),
        )
    return Finding(
        NOT_COMPLIANT,
        _("{scheme}: no right of appeal.", scheme=scheme.name) + src(fact),
        remedy=_("open a right of appeal against refusal of benefit and complaints about its quality or amount"),
    )


def participation(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    administration = ctx.scheme_fact(scheme, "administration")
    if administration is None:
        return not_given(ctx, scheme, "administration", _("who administers it is not given."))
    if administration.value in rule.params.get("public", []):
        return Finding(
            COMPLIANT,
            _(
                "{scheme}: administered by a {administration}.",
                scheme=scheme.name,
                administration=label(administration.value, "administration"),
            )
            + src(administration),
        )
    fact = ctx.scheme_fact(scheme, "participation")
    if fact is None:
        return not_given(
            ctx, scheme, "participation", _("whether protected persons take part in management is not given.")
        )
    if fact.value:
        return Finding(
            COMPLIANT,
            _("{scheme}: representatives of the protected persons take part in management.", scheme=scheme.name)
            + src(fact),
        )
    return Finding(
        NOT_COMPLIANT,
        _(
            "{scheme}: a {administration} without participation of the protected persons.",
            scheme=scheme.name,
            administration=label(administration.value, "administration"),
        )
        + src(fact),
        remedy=_("give representatives of the protected persons a part in management"),
    )


def information(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    """A requirement with nothing to compute: the facts it names must be in the description.

    A fact name is looked up among the statistics, then on every scheme the rule concerns (the
    scheme itself, its financing and its review blocks). A fact stated as 'no' fails the rule.
    """
    names = list(rule.params.get("facts", []))
    if not names:
        refers = rule.params.get("refers_to")
        summary = rule_text(rule.id, "summary", rule.summary).strip()
        if refers:
            summary += " " + _("See {rules}.", rules=", ".join(refers))
        return Finding(COMPLIANT, summary)
    missing: list[str] = []
    found: list[str] = []
    branch = ctx.rulebook.parts[rule.part].branch if rule.part in ctx.rulebook.parts else None
    for name in names:
        if name in STATISTICS_FIELDS:
            fact = ctx.stat(name)
            if fact is None:
                missing.append(f"statistics.{name}")
            else:
                found.append(_("{fact}: {value}", fact=_fact_name(name), value=_fact_value(name, fact.value)) + src(fact))
            continue
        schemes = (
            ctx.schemes_for(branch)
            if branch
            else [s for s in ctx.description.scheme if s.kind.value != "voluntary_insurance"]
        )
        for scheme in schemes:
            fact, where = _scheme_fact_anywhere(ctx, scheme, name)
            if fact is None:
                missing.append(f"scheme.{ctx.slug(scheme)}.{where}{name}")
            elif fact.value is False:
                return Finding(
                    NOT_COMPLIANT, _("{scheme}: {fact} is 'no'.", scheme=scheme.name, fact=name.replace("_", " ")) + src(fact)
                )
            else:
                found.append(
                    _("{scheme}: {fact}: {value}", scheme=scheme.name, fact=_fact_name(name), value=_fact_value(name, fact.value))
                    + src(fact)
                )
    if missing:
        return Finding(INSUFFICIENT_DATA, _("Not given: {facts}.", facts=", ".join(missing)), missing=missing)
    return Finding(COMPLIANT, "; ".join(found) + ".")


def _scheme_fact_anywhere(ctx: Context, scheme: Scheme, name: str) -> tuple[Any, str]:
    for block in ("", "financing.", "review."):
        holder = scheme if not block else getattr(scheme, block.rstrip("."))
        if holder is not None and hasattr(holder, name):
            return ctx.scheme_fact(scheme, name, holder, block), block
    return None, ""


STATISTICS_FIELDS = frozenset(f.name for f in fields(Statistics))


def _fact_name(name: str) -> str:
    """A fact an information rule asks for, by its label where it has one (statistics), else its words."""
    from c102.labels import groups

    return label(name, "statistics") if name in groups().get("statistics", {}) else name.replace("_", " ")


def _fact_value(name: str, value: Any) -> str:
    """A stated value by its label where its field has a label group (``administration``), else as written;
    yes and no in the active language."""
    from c102.labels import groups

    if value is True:
        return _("yes")
    if isinstance(value, str) and value in groups().get(name, {}):
        return label(value, name)
    return str(value)


def _whole(value: Any) -> str:
    """A rulebook percentage (``3`` or ``1.5``) as the active language writes it."""
    from c102.i18n.numbers import percent as percent_text

    exact = Fraction(str(value))
    return percent_text(exact, 0 if exact.denominator == 1 else 1)
