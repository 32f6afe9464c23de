"""Run expectation files: find them, assess each description once, check every case, count.

Bad input (an unreadable or ill-formed expectation file, a description with errors, a rule id the
rulebook lacks) is collected as Diagnostics and never counted as a failed expectation: the runner
reports it and the command exits 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from c102.errors import C102Error, Diagnostic, Position
from c102.evaluate.assessment import Assessment
from c102.i18n import _, ngettext
from c102.testing.cases import CODE, Case, is_expectation_data, read_cases, read_source

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class CaseOutcome:
    """One case run: the lines of each expectation that failed (none when the case passed)."""

    case: Case
    failures: list[tuple[str, list[str]]] = field(default_factory=list)  # (where and what, diff lines)

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass
class TestRun:
    """All cases run, and the bad input met on the way."""

    outcomes: list[CaseOutcome] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)
    cases_not_run: int = 0

    @property
    def passed(self) -> int:
        return sum(1 for o in self.outcomes if o.passed)

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if not o.passed)


def run(paths: list[str]) -> TestRun:
    """Every case of every expectation file under ``paths`` (files, or folders searched recursively)."""
    result = TestRun()
    assessments: dict[Path, Assessment | None] = {}
    for path in _expectation_files(paths, result.errors):
        try:
            cases = read_cases(read_source(path))
        except C102Error as error:
            result.errors.extend(error.diagnostics)
            continue
        for case in cases:
            assessment = _assessment(case, assessments, result.errors)
            if assessment is None:
                result.cases_not_run += 1
                continue
            outcome = _run_case(case, assessment, result.errors)
            if outcome is None:
                result.cases_not_run += 1
            else:
                result.outcomes.append(outcome)
    return result


def _expectation_files(paths: list[str], errors: list[Diagnostic]) -> list[Path]:
    """Files named are expectation files; in folders, YAML files other than YAML descriptions."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for candidate in sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file()):
                if _looks_like_expectations(candidate):
                    found.append(candidate)
        elif path.is_file():
            found.append(path)
        else:
            errors.append(Diagnostic(Position(name), _("no such file or folder"), code=CODE))
    return found


def _looks_like_expectations(path: Path) -> bool:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return True  # let the reader report it with its position
    return is_expectation_data(data)


def _assessment(
    case: Case, cache: dict[Path, Assessment | None], errors: list[Diagnostic]
) -> Assessment | None:
    key = case.description.resolve()
    if key not in cache:
        cache[key] = _assess(case, errors)
    return cache[key]


def _assess(case: Case, errors: list[Diagnostic]) -> Assessment | None:
    from c102 import assess, load_description

    if not case.description.is_file():
        errors.append(
            Diagnostic(
                case.description_position,
                _("description {path} not found", path=case.description),
                source_line=case.description_line,
                hint=_("the path is relative to the expectation file"),
                code=CODE,
            )
        )
        return None
    try:
        return assess(load_description(str(case.description)))
    except C102Error as error:
        errors.append(
            Diagnostic(
                case.description_position,
                _("description {path} has errors (below)", path=case.description),
                source_line=case.description_line,
                code=CODE,
            )
        )
        errors.extend(error.diagnostics)
        return None


def _run_case(case: Case, assessment: Assessment, errors: list[Diagnostic]) -> CaseOutcome | None:
    from c102.testing.check import UnknownTarget, check

    outcome = CaseOutcome(case)
    bad = False
    for expectation in case.expectations:
        try:
            lines = check(expectation, assessment)
        except UnknownTarget as unknown:
            errors.append(unknown.diagnostic)
            bad = True
            continue
        if lines:
            label = expectation.name if expectation.target == "article2" else f"{expectation.target} {expectation.name}"
            if expectation.finding:
                label = _("{expectation}, finding for {scheme}", expectation=label, scheme=expectation.finding)
            outcome.failures.append((f"{expectation.position}: {label}", lines))
    return None if bad else outcome


def render(run_result: TestRun) -> str:
    """One line per case; under a failing case, each failed expectation as a diff; then the counts."""
    lines: list[str] = []
    for outcome in run_result.outcomes:
        case = outcome.case
        status = _("PASS") if outcome.passed else _("FAIL")
        lines.append(f"{status} {case.position}: {case.title} [{case.article}]")
        for where, diff in outcome.failures:
            lines.append(f"  {where}")
            lines.extend(f"    {line}" for line in diff)
    if run_result.errors:
        summary = ngettext(
            "{passed} passed, {failed} failed, {skipped} not run; {n} error in the input",
            "{passed} passed, {failed} failed, {skipped} not run; {n} errors in the input",
            len(run_result.errors),
            passed=run_result.passed,
            failed=run_result.failed,
            skipped=run_result.cases_not_run,
        )
    else:
        summary = _("{passed} passed, {failed} failed", passed=run_result.passed, failed=run_result.failed)
    lines.append(summary)
    return "\n".join(lines)
