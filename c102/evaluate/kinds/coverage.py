"""Persons protected (Art 9, 15, 21, 27, 33, 41, 48, 55, 61): the share reached by each alternative.

Art 5 asks that the percentage be attained before a Part is accepted; Art 77(2) lets seafarers be
taken out of the populations; Art 3 alternatives count only where a declaration invoking them is
in force.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from c102.evaluate import voluntary
from c102.evaluate.amounts import pcts
from c102.evaluate.context import Context
from c102.evaluate.gaps import more_persons, percent_short
from c102.evaluate.kinds.base import Finding, percent
from c102.evaluate.seafarers import ProtectedSeafarers
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NEEDS_REVIEW, NOT_COMPLIANT, show
from c102.i18n import N_, _
from c102.labels import label
from c102.model.description import Scheme
from c102.model.values import Count
from c102.rules.model import Rule

WHO = {
    "employees": N_("employees"),
    "economically_active": N_("economically active persons"),
    "residents": N_("residents"),
    "industrial_employees": N_("employees in industrial workplaces"),
}


@dataclass
class Alternative:
    """One coverage alternative as tested: reached or not, by which schemes."""

    id: str
    ok: bool | None  # None: the facts are missing
    share: Fraction | None
    threshold: Fraction | None
    schemes: list[str] = field(default_factory=list)  # slugs
    text: str = ""
    missing: list[str] = field(default_factory=list)
    numerator: Fraction | None = None
    denominator: Fraction | None = None
    who: str = ""
    pro_rata: bool = False  # some class was counted by its share in another population


def coverage(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    part = ctx.rulebook.parts[rule.part]
    branch = part.branch or ""
    schemes = ctx.schemes_for(branch)
    pending = voluntary.pending_schemes(ctx, branch)
    if not schemes and not pending:
        return no_scheme(ctx, branch)
    counted, care_only = _counted(ctx, branch, schemes)
    tested = [_alternative(ctx, spec, branch, counted) for spec in rule.params["alternatives"]]
    # An alternative reached by the classes as they are (a residence-based service under 9(c))
    # is relied on before one reached only by counting a class pro rata in another population.
    reached = sorted((a for a in tested if a.ok), key=lambda a: a.pro_rata)
    for alt in reached:  # voluntary insurance relied on for the Part's medical care (Art 6)
        alt.schemes += [ctx.slug(s) for s in care_only]
    tested[-1].text += voluntary.left_out(ctx, branch)
    if care_only:
        tested[-1].text += " " + _(
            "{schemes} (voluntary insurance) counts for medical care only (Art 6): the classes must also be "
            "protected for the cash benefit, so only the other schemes' classes count towards the share.",
            schemes=", ".join(s.name for s in care_only),
        )
    if pending and not reached:
        review = _art_6_pending(ctx, rule, branch, counted, pending)
        if review is not None:
            return review
    silent = [
        s for s in counted if not any(g.branches is None or branch in g.branches.value for g in s.protected)
    ]
    if silent and not reached:
        return Finding(
            INSUFFICIENT_DATA,
            _(
                "No alternative is reached with the persons described, and {schemes} states no persons protected.",
                schemes=", ".join(s.name for s in silent),
            )
            + f" {lines_of(tested)}",
            missing=[f"scheme.{ctx.slug(s)}.protected" for s in silent],
            data=tested,
        )
    lines = " ".join(a.text for a in tested)
    if reached:
        best = reached[0]
        return Finding(
            COMPLIANT,
            _("Alternative {alternative} is reached.", alternative=best.id) + f" {lines}",
            value=best.share,
            threshold=best.threshold,
            unit="percent" if best.share is not None else None,
            alternative=best.id,
            data=tested,
        )
    undecided = [a for a in tested if a.ok is None]
    if undecided:
        missing = sorted({m for a in undecided for m in a.missing})
        return Finding(
            INSUFFICIENT_DATA,
            _(
                "No alternative is reached yet, and {alternatives} cannot be tested.",
                alternatives=", ".join(a.id for a in undecided),
            )
            + f" {lines}",
            missing=missing,
            data=tested,
        )
    measured = [a for a in tested if a.share is not None and a.threshold is not None]
    if measured:
        closest = max(measured, key=lambda a: (a.share or 0) - (a.threshold or 0))
        assert closest.share is not None and closest.threshold is not None
        remedy = None
        if closest.numerator is not None and closest.denominator is not None:
            remedy = _(
                "{change} (alternative {alternative})",
                change=more_persons(closest.numerator, closest.denominator, closest.threshold, _(closest.who)),
                alternative=closest.id,
            )
        return Finding(
            NOT_COMPLIANT,
            _("No alternative is reached.") + f" {lines}",
            value=closest.share,
            threshold=closest.threshold,
            unit="percent",
            gap=percent_short(closest.share, closest.threshold, under=closest.id),
            remedy=remedy,
            data=tested,
        )
    return Finding(NOT_COMPLIANT, _("No alternative is reached.") + f" {lines}", data=tested)


def no_scheme(ctx: Context, branch: str) -> Finding:
    """No scheme relied on serves the branch: a gap only where the law is stated to provide none.

    Unknown is not none: a description silent on a branch leaves Part's coverage undecided; an
    ``absent:`` statement with its source is the stated fact that every alternative fails.
    """
    words = label(branch, "benefits")
    absence = ctx.absence(branch)
    if absence is not None:
        cited = f" ({absence.source})" if absence.source else ""
        return Finding(
            NOT_COMPLIANT,
            _("The law provides no {benefit}{source}, so no alternative can be reached.", benefit=words, source=cited),
            unit="percent",
            data=[],
        )
    others = [s for s in ctx.description.schemes_for(branch) if voluntary.is_voluntary(s)]
    if others:
        why = {
            "outside": N_("and Art 6 does not let voluntary insurance count for this Part"),
            "refused": N_("and the specialist answered that it does not meet the conditions of Art 6"),
        }.get(
            voluntary.status(ctx, branch),
            N_("and the description does not rely on Art 6 (choice voluntary_insurance_counts)"),
        )
        return Finding(
            NOT_COMPLIANT,
            _(
                "Only voluntary insurance ({schemes}) provides {benefit}, {reason}.",
                schemes=", ".join(s.name for s in others),
                benefit=words,
                reason=_(why),
            ),
            unit="percent",
            data=[],
        )
    return Finding(
        INSUFFICIENT_DATA,
        _(
            "The description does not say whether the law provides {benefit}; add a scheme or an "
            "`absent:` statement.",
            benefit=words,
        ),
        unit="percent",
        missing=[_("a scheme with branches: {branch}, or absent: {branch}", branch=branch)],
        data=[],
    )


def _counted(ctx: Context, branch: str, schemes: list[Scheme]) -> tuple[list[Scheme], list[Scheme]]:
    """The schemes whose classes count towards the share, and the voluntary schemes that count
    for medical care only (Art 6: Part VIII in so far as it relates to medical care)."""
    if not voluntary.medical_care_only(ctx, branch):
        return schemes, []
    return (
        [s for s in schemes if not voluntary.is_voluntary(s)],
        [s for s in schemes if voluntary.is_voluntary(s)],
    )


def _art_6_pending(
    ctx: Context, rule: Rule, branch: str, counted: list[Scheme], pending: list[Scheme]
) -> Finding | None:
    """No alternative is reached without voluntary insurance: if one would be with it, whether it
    counts is the specialist's answer to the Art 6 conditions (needs_review with the question)."""
    art6 = voluntary.article_6_rule(ctx)
    if art6 is None:
        return None
    with_pending = [_alternative(ctx, spec, branch, counted + pending) for spec in rule.params["alternatives"]]
    hit = [a for a in with_pending if a.ok]
    if not hit:
        return None
    names = ", ".join(s.name for s in pending)
    question = voluntary.question(art6, ctx)
    open_ = ", ".join(voluntary.unanswered(ctx, art6))
    return Finding(
        NEEDS_REVIEW,
        _(
            "No alternative is reached without the voluntary insurance ({schemes}); with it, {alternative} would "
            "be. It counts only if the conditions of Art 6 are met ({rule} unanswered):",
            schemes=names,
            alternative=hit[0].id,
            rule=open_,
        )
        + f" {question} {lines_of(with_pending)}",
        question=question,
        data=with_pending,
    )


def _alternative(ctx: Context, spec: dict[str, Any], branch: str, schemes: list[Scheme]) -> Alternative:
    alt_id = spec["id"]
    declaration = spec.get("requires_declaration")
    invoked = ctx.declaration_invokes(declaration) if declaration else True
    if invoked is None:
        return Alternative(
            alt_id,
            None,
            None,
            None,
            text=_(
                "{alternative}: an Art 3 declaration is in force but the exceptions it invokes are not listed.",
                alternative=alt_id,
            ),
            missing=["article_3.exceptions"],
        )
    if not invoked:
        return Alternative(
            alt_id,
            False,
            None,
            None,
            text=_(
                "{alternative}: open only under an Art 3 declaration invoking it, and none is in force.",
                alternative=alt_id,
            ),
        )
    counts = list(spec.get("counts", []))
    groups = [
        (scheme, group)
        for scheme in schemes
        for group in scheme.protected
        if group.basis.value in counts and (group.branches is None or branch in group.branches.value)
    ]
    slugs = sorted({ctx.slug(s) for s, _group in groups}, key=[ctx.slug(s) for s in ctx.description.scheme].index)
    if spec.get("threshold") is None:  # all residents of small means: no share to reach
        if groups:
            extra = (
                " " + _("Its benefit must meet Art 67 (see the benefit-level rule).")
                if spec.get("requires_article_67")
                else ""
            )
            names = ", ".join(s.name for s, _group in groups)
            return Alternative(
                alt_id,
                True,
                None,
                None,
                slugs,
                _("{alternative}: residents of small means are protected by {schemes}.", alternative=alt_id, schemes=names)
                + extra,
            )
        return Alternative(
            alt_id,
            False,
            None,
            None,
            text=_("{alternative}: no scheme protects all residents of small means.", alternative=alt_id),
        )

    dependants = _dependants(ctx, spec, groups)
    if dependants is not None:
        ok, text, missing_facts = dependants
        if not ok:
            return Alternative(
                alt_id,
                None if missing_facts else False,
                None,
                None,
                slugs,
                f"{alt_id}: {text}",
                missing_facts,
            )
    threshold = percent(spec["threshold"])
    denominator_name = spec["denominator"]
    denominator, note = ctx.population(denominator_name)
    missing: list[str] = []
    if denominator is None:
        missing.append(f"statistics.{denominator_name}")
    numerator = Fraction(0)
    pro_rata = False
    seafarers = ProtectedSeafarers(ctx, denominator_name)  # Art 77: out of the protected too
    for scheme, group in groups:
        # Each group is its own fact: every group's figure and source reaches the explanation.
        index = next((i for i, g in enumerate(scheme.protected) if g is group), 0)
        persons = ctx.scheme_fact(scheme, "persons", group, "protected." if index == 0 else f"protected[{index}].")
        if persons is None:
            missing.append(f"scheme.{ctx.slug(scheme)}.protected.persons")
            continue
        value = persons.value
        count = Fraction(value.total if isinstance(value, Count) else value)
        ratio = _pro_rata(ctx, group.basis.value, denominator_name, counts)
        if ratio is None:
            missing.append(_("statistics.economically_active / industrial_employees (for a pro-rata count)"))
            continue
        prefix = "protected." if index == 0 else f"protected[{index}]."
        numerator += seafarers.less(ctx, scheme, group, prefix, count, ratio) * ratio
        pro_rata = pro_rata or ratio != 1
    who = _(WHO[denominator_name]) if denominator_name in WHO else denominator_name
    split = {id(s) for s, _ in groups}  # a scheme stating its employees apart: its other classes are the rest
    wider = [(s, g) for s, g in _wider(schemes, branch, counts, denominator_name) if id(s) not in split]
    reached = (
        bool(groups) and not missing and denominator is not None and denominator > 0
    ) and numerator / denominator >= threshold
    if wider and not reached:
        # Unknown is not none: a class of the economically active (or of residents) holds employees
        # in a number the description does not give, so the alternative cannot be computed.
        names = ", ".join(dict.fromkeys(s.name for s, _group in wider))
        kinds = _(" or ").join(sorted({_(WHO[g.basis.value]) for _scheme, g in wider}))
        add = [
            _(
                "scheme.{slug}.protected (the {who} among them, as a group with basis: {basis})",
                slug=slug,
                who=who,
                basis=denominator_name,
            )
            for slug in dict.fromkeys(ctx.slug(s) for s, _group in wider)
        ]
        return Alternative(
            alt_id,
            None,
            None,
            threshold,
            slugs,
            _(
                "{alternative}: cannot be computed: {schemes} protects {kinds}, and how many of them are {who} is "
                "not stated.",
                alternative=alt_id,
                schemes=names,
                kinds=kinds,
                who=who,
            ),
            [*missing, *add],
        )
    if not groups:
        return Alternative(
            alt_id,
            False,
            Fraction(0),
            threshold,
            [],
            _("{alternative}: no protected class counts against all {who}.", alternative=alt_id, who=who),
            numerator=Fraction(0),
            denominator=denominator,
            who=_who_counted(counts),
        )
    if missing or denominator is None or denominator <= 0:
        return Alternative(
            alt_id,
            None,
            None,
            threshold,
            slugs,
            _(
                "{alternative}: cannot be computed ({facts} missing).",
                alternative=alt_id,
                facts=", ".join(missing) or _("empty population"),
            ),
            missing,
        )
    share = numerator / denominator
    ok = share >= threshold
    values = {
        "alternative": alt_id,
        "protected": show(numerator, 0) + seafarers.note(),
        "population": show(denominator, 0),
        "who": who,
        "note": note,
        "share": pcts(share, threshold)[0],
        "threshold": pct_whole(threshold),
    }
    unsettled = seafarers.missing(numerator, denominator, threshold)
    if unsettled:
        text = _(
            "{alternative}: {protected} protected against {population} {who}{note} = {share} ({verdict} {threshold}), "
            "as if none of the protected were seafarers; they are not given.",
            verdict=_("reaches") if ok else _("below"),
            **values,
        )
        return Alternative(alt_id, None, share, threshold, slugs, text, unsettled, numerator, denominator)
    if ok:
        text = _("{alternative}: {protected} protected against {population} {who}{note} = {share} (reaches {threshold}).", **values)
    else:
        text = _("{alternative}: {protected} protected against {population} {who}{note} = {share} (below {threshold}).", **values)
    return Alternative(
        alt_id,
        ok,
        share,
        threshold,
        slugs,
        text,
        numerator=numerator,
        denominator=denominator,
        who=_who_counted(counts),
        pro_rata=pro_rata,
    )


# The populations each wider class holds in a number a description need not give (Art 9(a), 27(a),
# ...: a class of the economically active holds employees; a class of residents holds both).
HOLDS = {
    "economically_active": ("employees", "industrial_employees"),
    "residents": ("employees", "industrial_employees", "economically_active"),
}


def _wider(schemes: list[Scheme], branch: str, counts: list[str], population: str) -> list[Any]:
    """Protected groups not counted by an alternative whose class holds members of its population:
    the economically active protected, under an alternative counting employees only."""
    return [
        (scheme, group)
        for scheme in schemes
        for group in scheme.protected
        if group.basis.value not in counts
        and population in HOLDS.get(group.basis.value, ())
        and (group.branches is None or branch in group.branches.value)
    ]


def _dependants(ctx: Context, spec: dict[str, Any], groups: list[Any]) -> tuple[bool, str, list[str]] | None:
    """Where the alternative protects the classes' wives (and children) too, check it is so.

    Classes of residents include their families already; for classes of employees or of the
    economically active the description must say ``dependants_covered``.
    """
    wanted = spec.get("dependants")
    if not wanted:
        return None
    both = wanted == "wives_and_children"
    missing = []
    for scheme, group in groups:
        if group.basis.value in ("residents", "means_tested_residents"):
            continue
        fact = ctx.scheme_fact(scheme, "dependants_covered", group, "protected.")
        if fact is None:
            missing.append(f"scheme.{ctx.slug(scheme)}.protected.dependants_covered")
        elif not fact.value:
            text = (
                _("the wives and children of the protected classes are not protected ({scheme}).", scheme=scheme.name)
                if both
                else _("the wives of the protected classes are not protected ({scheme}).", scheme=scheme.name)
            )
            return False, text, []
    if missing:
        text = (
            _("whether the wives and children of the protected classes are protected too is not stated.")
            if both
            else _("whether the wives of the protected classes are protected too is not stated.")
        )
        return False, text, missing
    return True, "", []


def _pro_rata(ctx: Context, basis: str, denominator: str, counts: list[str]) -> Fraction | None:
    """Share of a class's members who belong to the population an alternative counts.

    Residents protected under an economically-active alternative (e.g. 27(b)) count by the share
    of the economically active among residents; employees under an industrial-workplaces
    alternative (Art 3) count by the share of industrial employees among all employees.
    """
    if basis == "residents" and "economically_active" in counts:
        active, residents = ctx.count("economically_active"), ctx.count("residents")
        return active / residents if active is not None and residents else None
    if basis == "employees" and denominator == "industrial_employees":
        industrial, employees = ctx.count("industrial_employees"), ctx.count("employees")
        return industrial / employees if industrial is not None and employees else None
    return Fraction(1)


def _who_counted(counts: list[str]) -> str:
    """Whom an alternative counts, in words: its widest population."""
    if "economically_active" in counts:
        return WHO["economically_active"]
    return WHO.get(counts[0], counts[0]) if counts else N_("persons")


def pct_whole(threshold: Fraction) -> str:
    """A threshold as the rulebook writes it: ``20%`` (``20 %``), decimals only where it has some."""
    from c102.i18n.numbers import percent as percent_text

    value = threshold * 100
    return percent_text(value, 0 if value.denominator == 1 else 1)


def lines_of(tested: list[Alternative]) -> str:
    return " ".join(a.text for a in tested)
