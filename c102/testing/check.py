"""One expectation against one assessment: nothing when it holds, else the diff a reader needs.

A difference is written as ``- expected`` / ``+ got`` lines followed by the rule's own explanation,
gap and missing facts, so the reader sees why the engine decided otherwise. An expectation naming a
rule or Part the rulebook does not have is bad input (a Diagnostic), not a failed expectation.
"""

from __future__ import annotations

import difflib
from fractions import Fraction

from c102.errors import Diagnostic
from c102.evaluate.assessment import Assessment
from c102.evaluate.verdict import RuleResult, SchemeFinding, in_unit
from c102.testing.cases import CODE, Expectation
from c102.testing.values import exact_text, rounded


class UnknownTarget(Exception):
    """An expectation names a rule, Part or finding that does not exist."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def check(expectation: Expectation, assessment: Assessment) -> list[str]:
    """The lines describing how ``expectation`` fails (empty when it holds)."""
    if expectation.target == "article2":
        return _article2(expectation, assessment)
    if expectation.target == "part":
        return _part(expectation, assessment)
    return _rule(expectation, assessment)


def _unknown(expectation: Expectation, what: str, known: list[str]) -> UnknownTarget:
    close = difflib.get_close_matches(expectation.name, known, n=3, cutoff=0.6)
    hint = f"did you mean {', '.join(close)}?" if close else "'c102 rules' lists the rule ids"
    return UnknownTarget(
        Diagnostic(
            expectation.position,
            f"{what} {expectation.name!r} is not in the rulebook",
            source_line=expectation.source_line,
            hint=hint,
            code=CODE,
        )
    )


def _article2(expectation: Expectation, assessment: Assessment) -> list[str]:
    rat = assessment.ratification
    got = "met" if rat.meets_article_2 else "not_met"
    out = []
    if got != expectation.verdict:
        out += [f"- article2: {expectation.verdict}", f"+ article2: {got}"]
    wanted = expectation.acceptable_parts
    if wanted is not None and list(wanted) != list(rat.acceptable_parts):
        out += [
            f"- acceptable_parts: {', '.join(wanted) or 'none'}",
            f"+ acceptable_parts: {', '.join(rat.acceptable_parts) or 'none'}",
        ]
    if out:
        out.append(f"  explanation: {rat.explanation}")
    return out


def _part(expectation: Expectation, assessment: Assessment) -> list[str]:
    part = assessment.parts.get(expectation.name)
    if part is None:
        raise _unknown(expectation, "Part", list(assessment.parts))
    out = []
    if part.verdict != expectation.verdict:
        out += [f"- verdict: {expectation.verdict}", f"+ verdict: {part.verdict}"]
    if expectation.has_alternative and part.alternative != expectation.alternative:
        out += [f"- alternative: {expectation.alternative}", f"+ alternative: {part.alternative}"]
    if out:
        for result in assessment.rules_of(part.part):
            if result.verdict in ("not_compliant", "insufficient_data", "needs_review"):
                out.append(f"  {result.id}: {result.verdict}: {result.explanation}")
    return out


def _rule(expectation: Expectation, assessment: Assessment) -> list[str]:
    try:
        result = assessment.rule(expectation.name)
    except KeyError:
        raise _unknown(expectation, "rule", [r.id for r in assessment.rules]) from None
    verdict, value, explanation = result.verdict, result.value, result.explanation
    if expectation.finding is not None:
        finding = _finding(result, expectation.finding)
        if finding is None:
            schemes = ", ".join(d.scheme for d in result.details) or "none"
            return [f"- finding for scheme {expectation.finding!r}", f"+ findings for: {schemes}"]
        verdict, value, explanation = finding.verdict, finding.value, finding.explanation
    out = []
    if verdict != expectation.verdict:
        out += [f"- verdict: {expectation.verdict}", f"+ verdict: {verdict}"]
    out += _value(expectation, in_unit(value, result.unit), result.unit)
    if expectation.has_alternative and result.alternative != expectation.alternative:
        out += [f"- alternative: {expectation.alternative}", f"+ alternative: {result.alternative}"]
    if expectation.says is not None:
        said = " ".join(
            filter(None, [explanation, result.gap, result.remedy, result.question, *result.missing])
        )
        if expectation.says not in said:
            out += [f"- says: {expectation.says}", "+ (not in the explanation, gap, remedy or question)"]
    if out:
        out += _context(result, explanation)
    return out


def _finding(result: RuleResult, scheme: str) -> SchemeFinding | None:
    for detail in result.details:
        if detail.scheme == scheme:
            return detail
    return None


def _value(expectation: Expectation, got: Fraction | None, unit: str | None) -> list[str]:
    wanted = expectation.value
    if wanted is None:
        return []
    shown = f"{wanted.text}" + (f" (to {expectation.places} decimals)" if expectation.places is not None else "")
    if wanted.unit is not None and wanted.unit != unit:
        return [f"- value: {shown}", f"+ value in {unit or 'no unit'}, not {wanted.unit}"]
    if got is None:
        return [f"- value: {shown}", "+ value: none"]
    compared = got if expectation.places is None else rounded(got, expectation.places)
    if compared == wanted.number:
        return []
    suffix = "%" if unit == "percent" else f" {unit}" if unit else ""
    return [f"- value: {shown}", f"+ value: {exact_text(got)}{suffix}"]


def _context(result: RuleResult, explanation: str) -> list[str]:
    lines = [f"  explanation: {explanation}"]
    if result.gap:
        lines.append(f"  gap: {result.gap}")
    if result.missing:
        lines.append(f"  missing: {'; '.join(result.missing)}")
    if result.question:
        lines.append(f"  question: {result.question}")
    return lines
