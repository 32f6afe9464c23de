"""Part I and the provisions on acceptance: Article 2's choice of Parts, Article 3's temporary
exceptions, Article 6's voluntary insurance, Article 75's Parts ended by later Conventions, and
Article 77's seafarers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from c102.evaluate import voluntary
from c102.evaluate.context import Context
from c102.evaluate.kinds.base import Finding, by_answer, not_applicable
from c102.evaluate.verdict import (
    COMPLIANT,
    INSUFFICIENT_DATA,
    NEEDS_REVIEW,
    NOT_APPLICABLE,
    NOT_COMPLIANT,
    show,
)
from c102.i18n import _, ngettext
from c102.i18n.numbers import long_date
from c102.model.ratifications import ratification_for
from c102.model.values import BRANCH_PART
from c102.rules.model import Rule

ROMAN = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def ceased_parts(ctx: Context, params: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """Parts of C102 that later Conventions ended for the State (Art 75), with the Convention, and
    why any other ratification stated ends nothing yet.

    A Part ends from the date the later Convention comes into force for the State (Art 75): its
    registration plus the period its final articles set (``in_force_after``). Where that date is
    after the description's ``as_of``, the Part still binds. The description's ``convention``
    blocks come first; the ratification record (countries/ratifications.yaml) adds the Parts it
    lists as ceased under Conventions the description does not state.
    """
    ceased: dict[str, str] = {}
    pending: list[str] = []
    as_of = ctx.read(ctx.description.country.as_of, "country.as_of", _("date the description is true of"))
    stated: set[str] = set()
    for convention in ctx.description.convention:
        spec = params.get(convention.name)
        if spec is None:
            continue
        stated.add(convention.name)
        registered = ctx.read(
            convention.registered,
            f"convention.{convention.name}.registered",
            _("{convention} registered", convention=convention.name),
        )
        late = _not_yet(convention.name, spec, registered.value if registered else None, as_of)
        if late:
            pending.append(late)
            continue
        exceptions = ctx.read(
            convention.temporary_exceptions,
            f"convention.{convention.name}.temporary_exceptions",
            _("{convention} temporary exceptions", convention=convention.name),
        )
        if spec.get("unless") == "temporary_exceptions" and exceptions is not None and exceptions.value:
            continue
        for part in spec.get("ends", []):
            ceased[part] = convention.name
        accepted = ctx.read(
            convention.parts, f"convention.{convention.name}.parts", _("{convention} Parts accepted", convention=convention.name)
        )
        for theirs, ours in (spec.get("parts") or {}).items():
            if accepted is not None and theirs in accepted.value:
                ceased[ours] = convention.name
    record = ratification_for(ctx.description)
    for entry in record.ceased if record is not None else ():
        if entry.by in stated or entry.by not in params:
            continue
        late = _not_yet(entry.by, params[entry.by], entry.registered, as_of)
        if late:
            pending.append(late + " (ratification record)")
            continue
        for part in entry.parts:
            ceased.setdefault(part, entry.by)
    ordered = dict(sorted(ceased.items(), key=lambda kv: ROMAN.index(kv[0]) if kv[0] in ROMAN else 99))
    return ordered, pending


def _not_yet(name: str, spec: dict[str, Any], registered: dt.date | None, as_of: Any) -> str | None:
    """Why a later Convention ends nothing at the description's date, or None where it does (or
    where either date is not given: the ratification stated is then read as in force)."""
    if registered is None or as_of is None:
        return None
    after = spec.get("in_force_after")
    months = int(after["amount"]) * (12 if after["unit"] == "years" else 1) if after else 0
    in_force = _add_months(registered, months)
    if in_force <= as_of.value:
        return None
    return _(
        "{convention}, registered on {registered}, comes into force for the State on {in_force}, after the date "
        "the description is true of ({as_of}): the Parts it would end still apply (Art 75)",
        convention=name,
        registered=long_date(registered),
        in_force=long_date(in_force),
        as_of=long_date(as_of.value),
    )


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    target = dt.date(day.year + year, month + 1, 1)
    following = dt.date(target.year + (target.month == 12), target.month % 12 + 1, 1)
    return target.replace(day=min(day.day, (following - target).days))


def article_75(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    ceased, pending = ceased_parts(ctx, rule.params)
    later = "; ".join(pending)
    if not ceased:
        names = ", ".join(rule.params)
        if pending:
            return not_applicable(
                _("No later Convention ({conventions}) ends a Part of C102 yet: {later}.", conventions=names, later=later)
            )
        return not_applicable(
            _("No later Convention ({conventions}) ends a Part of C102 for this State.", conventions=names)
        )
    listed = ", ".join(_cited(p, c, rule.params.get(c, {})) for p, c in ceased.items())
    text = _("Ceased to apply and count as accepted for Art 2: {parts}.", parts=listed)
    return Finding(COMPLIANT, text + (" " + _("Not yet: {later}.", later=later) if pending else ""), data=ceased)


def _cited(part: str, convention: str, spec: dict[str, Any]) -> str:
    """``Part IV (by C168, its Art 32)``: the ceased Part, the Convention and where it says so."""
    article = spec.get("article")
    if article:
        return _("Part {part} (by {convention}, its Art {article})", part=part, convention=convention, article=article)
    return _("Part {part} (by {convention}, its final provisions)", part=part, convention=convention)


def article_2(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    """Inputs: the verdicts of Parts II-X, then the Art 75 result where the rulebook has one."""
    verdicts, rest = inputs[: len(ROMAN)], inputs[len(ROMAN) :]
    art75 = rest[0] if rest else None
    ceased: dict[str, str] = art75.data if art75 is not None and art75.data else {}
    compliant = [p for p, v in zip(ROMAN, verdicts, strict=True) if v == COMPLIANT or p in ceased]
    review = [p for p, v in zip(ROMAN, verdicts, strict=True) if v == NEEDS_REVIEW and p not in ceased]
    minimum = int(rule.params["min_parts"])
    one_of = list(rule.params["one_of"])
    meets = len(compliant) >= minimum and any(p in one_of for p in compliant)
    listed = ", ".join(compliant) or _("none")
    if meets:
        return Finding(
            COMPLIANT,
            _(
                "Parts that could be accepted now: {parts}; at least {minimum}, including one of {one_of}.",
                parts=listed,
                minimum=minimum,
                one_of=", ".join(one_of),
            ),
            value=None,
            data={"acceptable": compliant, "review": review},
        )
    with_review = compliant + review
    if len(with_review) >= minimum and any(p in one_of for p in with_review):
        return Finding(
            NEEDS_REVIEW,
            _(
                "Parts that could be accepted now: {parts}. With the Parts awaiting a specialist's answer ({review}) "
                "an acceptable set would exist.",
                parts=listed,
                review=", ".join(review),
            ),
            question=_("Answer the open questions of the Parts awaiting review."),
            data={"acceptable": compliant, "review": review},
        )
    unknown = [p for p, v in zip(ROMAN, verdicts, strict=True) if v == INSUFFICIENT_DATA and p not in ceased]
    possible = with_review + unknown
    if len(possible) >= minimum and any(p in one_of for p in possible):
        return Finding(
            INSUFFICIENT_DATA,
            _(
                "Parts that could be accepted now: {parts}. Whether an acceptable set exists depends on "
                "Parts whose facts are missing ({unknown}) or that await a specialist's answer ({review}).",
                parts=listed,
                unknown=", ".join(unknown),
                review=", ".join(review),
            )
            if review
            else _(
                "Parts that could be accepted now: {parts}. Whether an acceptable set exists depends on "
                "Parts whose facts are missing ({unknown}).",
                parts=listed,
                unknown=", ".join(unknown),
            ),
            missing=[_("the missing facts of Part {part}", part=p) for p in unknown],
            data={"acceptable": compliant, "review": review, "undecided": unknown},
        )
    short = max(0, minimum - len(compliant))
    if short:
        gap = ngettext("{n} more Part short", "{n} more Parts short", short)
    else:
        gap = _("one of Parts {one_of} short", one_of=", ".join(one_of))
    return Finding(
        NOT_COMPLIANT,
        _(
            "Parts that could be accepted now: {parts}. Art 2 needs at least {minimum}, one of them {one_of}: {gap}.",
            parts=listed,
            minimum=minimum,
            one_of=", ".join(one_of),
            gap=gap,
        ),
        gap=gap,
        data={"acceptable": compliant, "review": review},
    )


def article_3(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    if not ctx.declaration_in_force():
        return not_applicable(_("No Art 3 declaration is in force."))
    decl = ctx.description.article_3
    assert decl is not None
    listed = ctx.read(decl.exceptions, "article_3.exceptions", _("Art 3 exceptions invoked"))
    allowed = list(rule.params["exceptions"])
    if listed is None:
        return Finding(
            INSUFFICIENT_DATA,
            _(
                "A declaration is in force, but the description does not list the temporary exceptions it "
                "invokes (Art 3(1) offers {allowed}); add article_3.exceptions.",
                allowed=", ".join(allowed),
            ),
            missing=["article_3.exceptions"],
        )
    wrong = [e for e in listed.value if e not in allowed]
    if wrong:
        return Finding(
            NOT_COMPLIANT,
            _("The declaration invokes exceptions Art 3(1) does not provide: {wrong}.", wrong=", ".join(wrong)),
        )
    found = Finding(
        COMPLIANT,
        _(
            "A declaration is in force, invoking {exceptions}; each needs a yearly statement (Art 3(2)).",
            exceptions=", ".join(listed.value),
        ),
    )
    if rule.question:
        return by_answer(ctx, rule, found.explanation)
    return found


def voluntary_insurance(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    """Art 6 is a permission, never a requirement: this rule says for which Parts voluntary
    insurance is counted and asks the conditions 6(a)-(c); it cannot fail. Where the insurance does
    not count, the coverage rules of the Parts it serves say so."""
    schemes = [s for s in ctx.description.scheme if voluntary.is_voluntary(s)]
    if not schemes:
        return not_applicable(_("No voluntary insurance is described."))
    if not ctx.choice("voluntary_insurance_counts"):
        return not_applicable(
            _("Voluntary insurance is described but not relied on (choice voluntary_insurance_counts).")
        )
    names = ", ".join(s.name for s in schemes)
    branches = sorted(
        {b for s in schemes for b in s.branches.value}, key=lambda b: ROMAN.index(BRANCH_PART[b])
    )
    parts = rule.params.get("parts", [])
    care_only = rule.params.get("medical_care_only", [])
    allowed = [BRANCH_PART[b] for b in branches if BRANCH_PART[b] in parts]
    never = [BRANCH_PART[b] for b in branches if BRANCH_PART[b] not in parts]
    situation = _("Voluntary insurance is relied on ({schemes}).", schemes=names)
    if allowed:
        situation += " " + ngettext(
            "It may count for Part {parts}.",
            "It may count for Parts {parts}.",
            len(allowed),
            parts=", ".join(_care(p, care_only) for p in allowed),
        )
    if never:
        situation += " " + ngettext(
            "It cannot count for Part {parts}: Art 6 lists Parts {listed} only.",
            "It cannot count for Parts {parts}: Art 6 lists Parts {listed} only.",
            len(never),
            parts=", ".join(never),
            listed=", ".join(parts),
        )
    if not allowed:
        return not_applicable(situation)
    answers = voluntary.conditions(ctx, rule)
    said = _single_line(ctx, rule, answers) or " ".join(
        _condition_line(ctx, rule, name, answer) for name, answer in answers.items()
    )
    refused = [n for n, a in answers.items() if a is False]
    if refused:
        return Finding(
            NOT_APPLICABLE,
            f"{situation} {said} "
            + ngettext(
                "Condition {conditions} answered no: it is not counted for any Part, and the coverage rules "
                "judge the Parts without it (Art 6 is a permission, not a requirement).",
                "Conditions {conditions} answered no: it is not counted for any Part, and the coverage rules "
                "judge the Parts without it (Art 6 is a permission, not a requirement).",
                len(refused),
                conditions=", ".join(refused),
            ),
            answer="no",
        )
    pending = [n for n, a in answers.items() if a is None]
    if pending:
        question = voluntary.question(rule, ctx)
        return Finding(
            NEEDS_REVIEW,
            situation
            + f" {said} "
            + ngettext(
                "Until {conditions} is answered it is not counted.",
                "Until {conditions} are answered it is not counted.",
                len(pending),
                conditions=", ".join(pending),
            )
            + f" {question}",
            question=question,
        )
    return Finding(
        COMPLIANT, f"{situation} {said} " + _("All conditions of Art 6 are met: it counts."), answer="yes"
    )


def _single_line(ctx: Context, rule: Rule, answers: dict[str, bool | None]) -> str:
    """The earlier single answer, where it answers every condition at once."""
    single = ctx.description.answers.get(rule.id)
    own = any(voluntary.answer_key(rule, n) in ctx.description.answers for n in answers)
    if single is None or own or rule.id in answers:
        return ""
    source = f" [{single.source}]" if single.source else ""
    values = {"conditions": ", ".join(answers), "source": source}
    if voluntary.is_yes(single.value):
        return _("{conditions}: yes, by the single answer to all three conditions{source}.", **values)
    return _("{conditions}: no, by the single answer to all three conditions{source}.", **values)


def _condition_line(ctx: Context, rule: Rule, name: str, answer: bool | None) -> str:
    """One condition of Art 6 and what the specialist answered, with the answer's source."""
    if answer is None:
        return _("{condition}: unanswered.", condition=name)
    fact = ctx.description.answers.get(voluntary.answer_key(rule, name)) or ctx.description.answers.get(rule.id)
    source = f" [{fact.source}]" if fact is not None and fact.source else ""
    if answer:
        return _("{condition}: yes{source}.", condition=name, source=source)
    return _("{condition}: no{source}.", condition=name, source=source)


def _care(part: str, care_only: list[str]) -> str:
    return _("{part} (medical care only)", part=part) if part in care_only else part


def seafarers(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    if not ctx.seafarers_excluded():
        return not_applicable(_("Seafarers are not excluded from the counts."))
    number = ctx.count("seafarers")
    if number is None:
        return Finding(
            COMPLIANT,
            _(
                "Seafarers and sea-fishermen are excluded from the counts (Art 77(2)); their number is not given, "
                "so nothing is subtracted, from the populations or from the persons protected."
            ),
        )
    return Finding(
        COMPLIANT,
        _(
            "{count} seafarers and sea-fishermen are taken out of the employees, economically active and residents "
            "(Art 77(2)), and the seafarers among each class protected out of the persons protected (Art 77(1)).",
            count=show(number, 0),
        ),
    )
