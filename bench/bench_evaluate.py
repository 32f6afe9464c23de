"""Evaluator speed: whole assessments per second, and the graph against straight-line code.

The reference is a hand-written function computing the same Part V verdicts as the rulebook's
computed Part V rules (pensionable age, coverage, periodic payment, benefit level, qualifying
period, duration) for the teaching example, with the same exact arithmetic. It knows nothing of
explanations, sources or graphs, and it tests only the scheme it knows the Part relies on; the
engine tests every scheme and every coverage alternative (to choose the route), writes each
step's explanation and records every fact it reads. The ratio says what that traceability costs;
the graph's own bookkeeping (ordering, passing inputs) is a few per cent of it.
"""

from __future__ import annotations

from fractions import Fraction

from bench.harness import Case
from c102 import load_description
from c102.evaluate.engine import Plan, assess
from c102.model.description import Description
from c102.resources import data_path
from c102.rules.load import load_rulebook

PART_V_COMPUTED = (
    "V-26-pensionable-age",
    "V-27-coverage",
    "V-28-periodic-payment",
    "V-28-benefit-level",
    "V-29-qualifying-period",
    "V-30-duration",
)


def part_v_straight_line(d: Description) -> dict[str, str]:
    """Part V of C102 for a description shaped like the teaching example, written out by hand."""
    stats = d.statistics
    assert stats is not None and stats.employees and stats.skilled_wage and stats.residents
    out: dict[str, str] = {}
    schemes = [s for s in d.scheme if "old_age" in s.branches.value]
    employees = Fraction(stats.employees.value.total)
    if d.country.seafarers_excluded and d.country.seafarers_excluded.value and stats.seafarers:
        employees -= stats.seafarers.value.total
    covered = sum(
        (
            Fraction(g.persons.value.total)
            for s in schemes
            for g in s.protected
            if g.basis.value == "employees"
        ),
        Fraction(0),
    )
    insured = [s for s in schemes if any(g.basis.value == "employees" for g in s.protected)]
    out["V-27-coverage"] = "compliant" if covered / employees >= Fraction(50, 100) else "not_compliant"
    verdicts: dict[str, list[str]] = {k: [] for k in PART_V_COMPUTED if k != "V-27-coverage"}
    wage = stats.skilled_wage.value.per_month()
    for s in insured:
        age = s.pensionable_age.value if s.pensionable_age else None
        highest = max(age.men, age.women) if age is not None and hasattr(age, "men") else age
        verdicts["V-26-pensionable-age"].append(
            "compliant" if highest is not None and highest <= 65 else "needs_review"
        )
        b = next(b for b in s.benefit if b.branch == "old_age")
        verdicts["V-28-periodic-payment"].append(
            "compliant" if b.form and b.form.value == "periodic" else "not_compliant"
        )
        earnings = min(wage, b.ceiling.value.per_month()) if b.ceiling else wage
        share = b.base_rate.value.fraction if b.base_rate else Fraction(0)
        start = b.accrual_after.value.in_unit("years") if b.accrual_after else Fraction(0)
        if b.accrual_rate:
            share += b.accrual_rate.value.fraction * max(Fraction(0), 30 - start)
        if b.max_rate:
            share = min(share, b.max_rate.value.fraction)
        main = max(share * earnings, b.minimum.value.per_month() if b.minimum else Fraction(0))
        supplement = b.spouse_supplement.value.fraction * main if b.spouse_supplement else Fraction(0)
        verdicts["V-28-benefit-level"].append(
            "compliant" if (main + supplement) / wage >= Fraction(40, 100) else "not_compliant"
        )
        periods = [q for q in s.qualifying_period if q.branches is None or "old_age" in q.branches.value]
        full = min(
            q.length.value.in_unit("years") for q in periods if not q.benefit or q.benefit.value == "full"
        )
        reduced = min(q.length.value.in_unit("years") for q in periods)
        ok = full <= 30 and (full <= 15 or reduced <= 15)
        verdicts["V-29-qualifying-period"].append("compliant" if ok else "not_compliant")
        verdicts["V-30-duration"].append("compliant" if b.max_duration is None else "not_compliant")
    for rule_id, found in verdicts.items():
        out[rule_id] = (
            "not_compliant"
            if "not_compliant" in found
            else ("needs_review" if "needs_review" in found else "compliant")
        )
    return out


def cases() -> list[Case]:
    description = load_description(str(data_path("countries") / "examples" / "examplia.c102"))
    rulebook = load_rulebook()
    plan = Plan(description, rulebook, parts=["V"])
    plan.evaluate()
    engine = {r.id: r.verdict for r in plan.assessment().rules if r.id in PART_V_COMPUTED}
    assert engine == part_v_straight_line(description), (engine, part_v_straight_line(description))
    return [
        Case(
            "assess examplia (whole Convention, build + evaluate + assemble)",
            lambda: assess(description, rulebook),
            unit="country",
        ),
        Case(
            "Part V: evaluate the built graph",
            plan.evaluate,
            reference=lambda: part_v_straight_line(description),
            reference_name="straight-line Part V",
            goal="within 3x",
        ),
    ]
