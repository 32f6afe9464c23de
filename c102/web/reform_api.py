"""What-if and diff over HTTP, through the reform workbench (``c102.whatif``, ``c102 diff``): the
same paths, values, differences and JSON as ``c102 whatif --format json`` and ``c102 diff``."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from c102.errors import C102Error
from c102.i18n import _
from c102.web.api import _json, _object, _outcome, _unassessable
from c102.web.guard import Refused, run_work
from c102.web.library import Outcome


async def whatif(request: Request) -> Response:
    data = await _object(request)
    changes = data.get("changes")
    if isinstance(changes, dict):
        changes = list(changes.items())
    if not isinstance(changes, list) or not changes or not all(
        isinstance(c, list | tuple) and len(c) == 2 and isinstance(c[0], str) and isinstance(c[1], str)
        for c in changes
    ):
        raise Refused(400, _("'changes' maps fact paths to values written as in a description, e.g. {\"...rate\": \"45%\"}"))
    outcome = await _outcome(request, data)
    if outcome.assessment is None:
        return _unassessable(outcome)
    try:
        payload = await run_work(request, reform, outcome, [(str(p), str(v)) for p, v in changes])
    except C102Error as error:
        raise Refused(400, str(error)) from None
    return _json(payload, outcome)


def reform(outcome: Outcome, changes: list[tuple[str, str]]) -> dict[str, Any]:
    """The differences a set of changes makes, baseline → reform, as ``c102 whatif`` reports them."""
    from c102.reform.compare import differences
    from c102.reform.paths import get_fact, parse_value, resolve
    from c102.reform.workbench import Workbench

    assert outcome.assessment is not None
    description = outcome.assessment.description
    resolved = [(resolve(description, p), v) for p, v in changes]
    parsed = [(path, parse_value(path, value)) for path, value in resolved]
    bench = Workbench(description)
    after = bench.assess([(path.text, value) for path, value in resolved])
    listed = [
        {"path": path.text, "before": _shown(get_fact(description, path)), "after": _shown(bench.fact_for(path, value))}
        for path, value in parsed
    ]
    return {"changes": listed, "differences": [d.to_json() for d in differences(bench.baseline, after)]}


def _shown(fact: Any) -> str | None:
    from c102.report.shared.display import plain

    return None if fact is None else plain(fact.value)


async def diff(request: Request) -> Response:
    data = await _object(request)
    before = await _outcome(request, data, "before")
    after = await _outcome(request, data, "after")
    for side in (before, after):
        if side.assessment is None:
            return _unassessable(side)
    return _json(await run_work(request, compare, before, after), after)


def compare(before: Outcome, after: Outcome) -> dict[str, Any]:
    from c102.reform.compare import differences, fact_differences

    assert before.assessment is not None and after.assessment is not None
    return {
        "differences": [d.to_json() for d in differences(before.assessment, after.assessment)],
        "facts": [f.to_json() for f in fact_differences(before.assessment.description, after.assessment.description)],
    }
