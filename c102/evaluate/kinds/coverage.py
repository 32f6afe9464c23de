"""One coverage alternative tested against its population: the protected classes it counts (pro
rata where a class lies partly in another population), their dependants where it asks for them,
seafarers taken out under Art 77, and an Art 3 alternative only under a declaration invoking it."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from c102.evaluate.amounts import pcts
from c102.evaluate.context import Context
from c102.evaluate.kinds.base import percent
from c102.evaluate.seafarers import ProtectedSeafarers
from c102.evaluate.verdict import show
from c102.i18n import N_, _
from c102.model.description import Scheme
from c102.model.values import Count

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



def alternative(ctx: Context, spec: dict[str, Any], branch: str, schemes: list[Scheme]) -> Alternative:
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
