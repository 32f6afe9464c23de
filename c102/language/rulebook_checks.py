"""Checks that need the rulebook and the engine, run by ``c102 check`` (not on every load).

``rulebook_references``: keys and exceptions the rulebook must know. ``missing_fact_warnings``: the
facts a rule lacks to be decided, placed at the block they belong to (``fact_place``).
"""

from __future__ import annotations

from c102.errors import Diagnostic, Position
from c102.i18n import _
from c102.language.collector import Report
from c102.language.conversion import suggest
from c102.model.description import Description, Scheme


def rulebook_references(description: Description) -> list[Diagnostic]:
    """References into the rulebook: ``answers`` keys are rule ids, ``choices`` keys its choices,
    and the Art 3 exceptions a declaration invokes are those the rulebook's Art 3 rule lists."""
    from c102.rules.load import load_rulebook

    rulebook = load_rulebook()
    report = Report(description)
    allowed = [
        e for rule in rulebook.rules if rule.kind == "article_3" for e in rule.params.get("exceptions", [])
    ]
    art3 = description.article_3
    if allowed and art3 is not None and art3.exceptions is not None:
        for article in art3.exceptions.value:
            if article not in allowed:
                report.add(
                    art3.exceptions.position,
                    _("'{article}' is not a temporary exception of Art 3(1)", article=article),
                    suggest(article, allowed) or _("the exceptions are: {exceptions}", exceptions=", ".join(allowed)),
                    code="reference",
                )
    ids = [rule.id for rule in rulebook.rules]
    ids += [f"{rule.id}.{name}" for rule in rulebook.rules for name in rule.params.get("conditions", {})]
    known = set(ids)
    both: set[str] = set()
    for key, fact in description.answers.items():
        single = key.split(".")[0] if "." in key else None
        if key in known and single is not None and single in description.answers and single not in both:
            both.add(single)
            report.add(
                description.answers[single].position,
                _("'{single}' is answered as a whole and condition by condition ('{key}')", single=single, key=key),
                _("answer the conditions one by one and remove the single answer"),
                code="reference",
            )
        if key not in known:
            report.add(
                fact.position,
                _("'{key}' is not a rule id of the rulebook", key=key),
                suggest(key, ids),
                code="reference",
            )
    for key, fact in description.choices.items():
        if key not in rulebook.choices:
            report.add(
                fact.position,
                _("'{key}' is not a choice of the rulebook", key=key),
                suggest(key, rulebook.choices) or _("choices: {choices}", choices=", ".join(sorted(rulebook.choices))),
                code="reference",
            )
    return report.out


def missing_fact_warnings(description: Description) -> list[Diagnostic]:
    """Warn about the facts the rulebook needs and the description lacks (``insufficient_data``)."""
    from c102 import assess
    from c102.evaluate.context import scheme_slugs

    assessment = assess(description)
    report = Report(description)
    slugs = scheme_slugs(description)
    for result in assessment.rules:
        if result.verdict != "insufficient_data":
            continue
        # One warning per place the missing facts belong, so the reviewer lands on the right block.
        by_place: dict[Position | None, list[str]] = {}
        for path in result.missing or [_("facts not given")]:
            by_place.setdefault(fact_place(description, path, slugs), []).append(path)
        for place, paths in by_place.items():
            report.add(
                place or description.country.position,
                _(
                    "rule {rule} ({articles}) cannot be decided: missing {facts}",
                    rule=result.id,
                    articles=", ".join(result.articles),
                    facts=", ".join(paths),
                ),
                severity="warning",
                code="missing-fact",
            )
    return report.out


def fact_place(
    description: Description, path: str, slugs: dict[str, Scheme] | None = None
) -> Position | None:
    """Where a missing fact belongs: the block its path names (a benefit, a scheme, statistics).

    ``slugs`` (``scheme_slugs`` of the description) is computed once by a caller placing many
    facts: computing it per fact made ``c102 check`` quadratic in the number of schemes."""
    from c102.evaluate.context import scheme_slugs

    parts = path.split(" ")[0].split(".")
    if parts[0] == "statistics" and description.statistics is not None:
        return description.statistics.position
    if parts[0] != "scheme" or len(parts) < 2:
        return None
    scheme = (slugs if slugs is not None else scheme_slugs(description)).get(parts[1])
    if scheme is None:
        return None
    if len(parts) >= 4 and parts[2] == "benefit":
        for benefit in scheme.benefit:
            if benefit.branch == parts[3].rstrip(":") and benefit.position is not None:
                return benefit.position
    return scheme.position
