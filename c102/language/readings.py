"""Warnings where a construct accepted before is now read differently (issue 10: nothing is
silently re-read). Each names the position and the new reading with the article it rests on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from c102.errors import Diagnostic, Position
from c102.model.values import BRANCH_PART

if TYPE_CHECKING:
    from c102.model.description import Description
    from c102.rules.model import Rulebook


def changed_readings(description: Description, rulebook: Rulebook) -> list[Diagnostic]:
    """Every construct of the description whose reading changed, as a warning at its position."""
    from c102.language.collector import Report

    report = Report(description)
    for where, message, hint in [
        *_article_6(description, rulebook),
        *_open_lists(description),
        *_lump_sums(description, rulebook),
        *_full_periods(description, rulebook),
        *_wider_classes(description, rulebook),
        *_article_71_2(description, rulebook),
        *_article_77(description),
    ]:
        report.add(where, message, hint, severity="warning", code="reading")
    return report.out


def _article_6(description: Description, rulebook: Rulebook) -> list[tuple[Position | None, str, str]]:
    """Voluntary insurance once counted for every branch it served as soon as the choice said so;
    and the conditions of Art 6, once answered by one answer, are now answered one by one."""
    rule = next((r for r in rulebook.rules if r.kind == "voluntary_insurance"), None)
    if rule is None:
        return []
    names = list(rule.params.get("conditions", {}))
    out = _single_answer(description, rule.id, names)
    choice = description.choices.get("voluntary_insurance_counts")
    if choice is None or choice.value is not True:
        return out
    parts, care_only = rule.params.get("parts", []), rule.params.get("medical_care_only", [])
    served = [
        BRANCH_PART[b]
        for s in description.scheme
        if s.kind.value == "voluntary_insurance"
        for b in s.branches.value
    ]
    answers = [description.answers.get(f"{rule.id}.{n}") for n in names] or [description.answers.get(rule.id)]
    if not any(answers):
        answers = [description.answers.get(rule.id)]
    answered_yes = all(a is not None and _yes(a.value) for a in answers)
    changed = [p for p in served if p not in parts or p in care_only]
    if not served or (answered_yes and not changed):
        return out
    listed = ", ".join(f"{p} (medical care only)" if p in care_only else p for p in parts)
    keys = ", ".join(f'"{rule.id}.{n}"' for n in names) or f'"{rule.id}"'
    message = (
        f"new reading: voluntary insurance now counts only for Parts {listed} (Art 6), and only once "
        f"each condition of Art 6 is answered yes ({keys}); it used to count for every branch it serves"
    )
    hint = f"answer the conditions in answers {{ {keys}: yes or no, each with its source }}"
    return [(choice.position, message, hint), *out]


def _yes(value: object) -> bool:
    return value is True or str(value).lower() in ("yes", "true")


def _single_answer(description: Description, rule_id: str, names: list[str]) -> list[tuple[Position | None, str, str]]:
    """One answer to all the conditions of Art 6 is still read, as answering each alike: say so."""
    fact = description.answers.get(rule_id)
    if fact is None or not names:
        return []
    each = ", ".join(names)
    reading = (
        f"as yes to each of {each}" if _yes(fact.value)
        else f"as no to all of {each}, so voluntary insurance does not count, though which condition fails is not said"
    )
    message = (
        f"new reading: the conditions of Art 6 are now answered one by one; this single answer to "
        f"'{rule_id}' is read {reading}"
    )
    hint = "; ".join(f'"{rule_id}.{n}": yes or no' for n in names)
    return [(fact.position, message, f"answer each condition in answers: {hint}")]


# Lists the rules read as closed before issue 10, and what an unnamed item now is.
CLOSED_BEFORE = {
    "medical_care": "care it does not name",
    "contingencies": "contingencies it does not name",
    "cost_sharing": "contingencies it does not name",
    "suspension_grounds": "grounds it does not name",
}


def _open_lists(description: Description) -> list[tuple[Position | None, str, str]]:
    """A list not marked complete was read as the whole law: what it did not name was not provided
    (or, for cost sharing and suspension grounds, did not exist). Now that is unknown."""
    out: list[tuple[Position | None, str, str]] = []
    for scheme in description.scheme:
        for name, unnamed in CLOSED_BEFORE.items():
            fact = getattr(scheme, name)
            if fact is None or fact.complete or not fact.value:
                continue
            out.append(
                (
                    fact.position,
                    f"new reading: '{name}' of scheme '{scheme.name}' is not marked complete, so {unnamed} "
                    "is unknown (insufficient_data), no longer read as absent",
                    "write 'complete' after the list where the law's list is whole",
                )
            )
    return out


def _lump_sums(description: Description, rulebook: Rulebook) -> list[tuple[Position | None, str, str]]:
    """A lump sum where the Part's periodical-payment rule now asks a question (Art 50: maternity
    cash paid at once for a period the law fixes) used to fail that rule and the benefit level."""
    review = {
        r.part: r for r in rulebook.rules if r.kind == "periodic_payment" and r.params.get("lump_sum") == "review"
    }
    out: list[tuple[Position | None, str, str]] = []
    for scheme in description.scheme:
        for benefit in scheme.benefit:
            rule = review.get(BRANCH_PART.get(benefit.branch, ""))
            form = benefit.form
            if rule is None or form is None or form.value != "lump_sum" or rule.id in description.answers:
                continue
            article = rule.articles[0] if rule.articles else ""
            out.append(
                (
                    form.position,
                    f"new reading: the {benefit.branch.replace('_', ' ')} lump sum of scheme '{scheme.name}' is "
                    f"now a question under Art {article} ('{rule.id}', needs_review), no longer a failure; "
                    "the benefit-level rule is not applicable to a lump sum (Art 65(1), 66(1))",
                    f'answer it in answers {{ "{rule.id}": yes }} (or no), with its source',
                )
            )
    return out


def _full_periods(description: Description, rulebook: Rulebook) -> list[tuple[Position | None, str, str]]:
    """A long full-benefit period (``benefit: full``) with no other period of the branch was read as
    the shortest: "no benefit before". It now says when the full benefit is paid, nothing sooner."""
    from c102.evaluate.kinds.qualifying import WORKED, full_only

    out: list[tuple[Position | None, str, str]] = []
    parts = {r.part: r for r in rulebook.rules if r.kind == "reduced_benefit_period"}
    for scheme in description.scheme:
        for branch in scheme.branches.value:
            rule = parts.get(BRANCH_PART.get(branch, ""))
            if rule is None or not full_only(scheme, branch, WORKED):
                continue
            limits = rule.params["reduced"]
            for period in scheme.qualifying_period:
                kind = period.kind.value
                if (period.branches is not None and branch not in period.branches.value) or kind not in WORKED:
                    continue
                if period.benefit is None or period.length.value.in_unit("years") <= limits.get(kind, 0):
                    continue
                out.append(
                    (
                        period.benefit.position,
                        f"new reading: 'benefit: full' of scheme '{scheme.name}' says when the full "
                        f"{branch.replace('_', ' ')} benefit is paid, no longer that nothing is paid sooner: "
                        f"Art {rule.articles[0]} ('{rule.id}') is now insufficient_data, not a gap",
                        "add a period with 'benefit: reduced' (the shortest after which some benefit is paid), "
                        "or leave out 'benefit: full' where this period is also the shortest",
                    )
                )
    return out


def _wider_classes(description: Description, rulebook: Rulebook) -> list[tuple[Position | None, str, str]]:
    """A class of the economically active (or of residents) used to count for nothing under the
    alternatives that count employees only (9(a), 27(a), ...); it now holds employees in a number
    not stated, so those alternatives are undecided rather than failed."""
    from c102.evaluate.kinds.coverage import HOLDS

    out: list[tuple[Position | None, str, str]] = []
    for scheme in description.scheme:
        if any(g.basis.value in ("employees", "industrial_employees") for g in scheme.protected):
            continue
        for group in scheme.protected:
            basis = group.basis.value
            branches = group.branches.value if group.branches is not None else scheme.branches.value
            cited = sorted(
                {
                    alt["id"]
                    for rule in rulebook.rules
                    if rule.kind == "coverage" and rulebook.parts[rule.part].branch in branches
                    for alt in rule.params["alternatives"]
                    if basis not in alt.get("counts", [])
                    and alt.get("denominator") in HOLDS.get(basis, ())
                    and not alt.get("requires_declaration")
                }
            )
            if not cited:
                continue
            out.append(
                (
                    group.basis.position,
                    f"new reading: the {basis.replace('_', ' ')} protected by scheme '{scheme.name}' include "
                    f"employees in a number not stated, so {', '.join(cited)} cannot be computed "
                    "(insufficient_data where no other alternative is reached); they were counted as none",
                    "state the employees among them as a group with 'basis: employees', the rest as another group",
                )
            )
    return out


def _article_71_2(description: Description, rulebook: Rulebook) -> list[tuple[Position | None, str, str]]:
    """Before, the employees' share of Art 71(2) pooled the rates of every scheme stated to protect
    employees except one serving family benefit alone, and read no other scheme. Now a separate
    employment-injury scheme is left out too, a scheme that also pays family benefit cannot be split,
    and a scheme with rates but no persons protected may count (docs/method.md, Financing)."""
    from c102.evaluate.kinds.financing import protects_employees, split_branches

    rule = next((r for r in rulebook.rules if r.kind == "employee_contribution_share"), None)
    stats = description.statistics
    if rule is None or (stats is not None and stats.employee_contributions and stats.financial_resources):
        return []  # the totals decide, read as before
    params = rule.params
    out: list[tuple[Position | None, str, str]] = []
    for scheme in description.scheme:
        financing = scheme.financing
        pooled, excluded = split_branches(scheme.branches.value, params)
        employees = protects_employees(scheme, pooled or excluded, params)
        if financing is None or not any(
            (financing.employee_rate, financing.employer_rate, financing.state_rate)
        ):
            taxed = (
                financing is not None and financing.tax_financed is not None and financing.tax_financed.value
            )
            lowers = scheme.kind.value in params.get("no_employee_contributions", [])
            if employees is None and pooled and not taxed and not lowers:
                out.append(
                    (
                        scheme.position,
                        f"new reading: in the employees' share of Art 71(2), scheme '{scheme.name}' may protect "
                        "employees and its financing is not given, so the share is unknown where it could "
                        "tip the verdict (insufficient_data), no longer read without it",
                        "give its financing (rates, or tax_financed), its persons protected, or the totals of Art 71(2)",
                    )
                )
            continue
        before = (
            bool(scheme.protected)
            and any(g.basis.value in ("employees", "industrial_employees") for g in scheme.protected)
            and not set(scheme.branches.value) <= {"family"}
        )
        if employees is None and pooled:
            new = "its rates may count (whether it protects employees is not stated), no longer left unread"
            hint = "state its persons protected (a `protected` block), or give the totals of Art 71(2)"
        elif before and not pooled:
            new = (
                f"it is left out ({', '.join(excluded)}: Art 71(2)), no longer taken together with the others"
            )
            hint = "give the totals of Art 71(2) where the law pools this branch's resources"
        elif before and excluded:
            new = (
                f"its rates also pay {', '.join(excluded)} benefit, which Art 71(2) leaves out, and cannot be "
                "split, no longer counted whole"
            )
            hint = "describe the family benefit as a scheme of its own with its rates, or give the totals of Art 71(2)"
        else:
            continue
        out.append(
            (
                financing.position or scheme.position,
                f"new reading: in the employees' share of Art 71(2), scheme '{scheme.name}': {new}",
                hint,
            )
        )
    return out


def _article_77(description: Description) -> list[tuple[Position | None, str, str]]:
    """Where seafarers are taken out of the populations (Art 77(2)), each group once counted whole
    is now counted less its protected seafarers, and a group that does not state them may leave
    the share unknown."""
    from c102.evaluate.context import SEAFARER_EXCLUDABLE

    excluded = description.country.seafarers_excluded
    stats = description.statistics
    if excluded is None or not excluded.value or stats is None or stats.seafarers is None:
        return []
    return [
        (
            group.position or scheme.position,
            f"new reading: seafarers are left out of the populations (Art 77(2)), so the protected "
            f"seafarers of scheme '{scheme.name}' are taken out of its persons protected too; not stated, "
            "the share is unknown where they could tip it (insufficient_data), no longer counted whole",
            "state `seafarers:` in the protected block, with its source (0 where none)",
        )
        for scheme in description.scheme
        for group in scheme.protected
        if group.seafarers is None and group.basis.value in SEAFARER_EXCLUDABLE
    ]
