"""The charts of one country's reports: replacement rates against the Schedule, coverage against thresholds.

Used by the gap analysis (every Part) and the walk-through (its Part). Only figures the
assessment computed are drawn; the caption names the rest.
"""

from __future__ import annotations

from c102.evaluate.assessment import Assessment
from c102.i18n import _
from c102.labels import label
from c102.report.shared.charts import Bar, chart_spec, missing_note
from c102.report.shared.display import cite, cited_article, part_key, share
from c102.report.shared.document import Block, chart, table


def rate_chart(assessment: Assessment, part: str | None = None) -> Block | None:
    """Each standard beneficiary's replacement rate against the Schedule percentage (Part XI)."""
    calculations = sorted(
        (c for c in assessment.calculations if part is None or c.part == part),
        key=lambda c: (part_key(c.part), c.row, c.scheme),
    )
    if not calculations:
        return None
    bars, rows, without = [], [], []
    for c in calculations:
        row = label(c.row, "schedule_rows")
        name = _("Part {part}: {row} ({scheme})", part=c.part, row=row, scheme=c.scheme)
        if c.rate is None:
            without.append(name)
            continue
        bars.append(Bar(name, c.rate * 100, c.required * 100))
        rows.append([_("Part {part}", part=c.part), row, c.scheme, share(c.rate), share(c.required)])
    title = _("Replacement rate of the standard beneficiary against the Schedule to Part XI")
    spec = chart_spec(title, bars, missing_note(without, "calculation", "calculations"))
    data = table([_("Part"), _("Beneficiary"), _("Scheme"), _("Replacement rate"), _("Schedule")], rows)
    return chart(spec, title, data)


def coverage_chart(assessment: Assessment, part: str | None = None) -> Block | None:
    """Each Part's share of the reference population protected against its alternative's threshold."""
    rules = sorted(
        (
            r
            for r in assessment.rules
            if r.kind == "coverage" and r.unit == "percent" and (part is None or r.part == part)
        ),
        key=lambda r: part_key(r.part),
    )
    if not rules:
        return None
    bars, rows, without = [], [], []
    for rule in rules:
        article = cite(cited_article(rule))
        label = _("Part {part} ({article})", part=rule.part, article=article)
        if rule.value is None:
            without.append(_("Part {part}", part=rule.part))
            continue
        threshold = rule.threshold * 100 if rule.threshold is not None else None
        bars.append(Bar(label, rule.value * 100, threshold))
        rows.append([_("Part {part}", part=rule.part), article, share(rule.value), share(rule.threshold)])
    title = _("Share of the reference population protected against the threshold")
    spec = chart_spec(title, bars, missing_note(without, "Part", "Parts"))
    data = table([_("Part"), _("Alternative"), _("Share protected"), _("Threshold")], rows)
    return chart(spec, title, data)


def country_charts(assessment: Assessment, part: str | None = None) -> list[Block]:
    return [c for c in (rate_chart(assessment, part), coverage_chart(assessment, part)) if c is not None]
