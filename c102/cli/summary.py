"""The terminal summary of an assessment: what a specialist reads first."""

from __future__ import annotations

from c102.evaluate.assessment import ARTICLE_2_WORDS, Assessment
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NEEDS_REVIEW, NOT_APPLICABLE, NOT_COMPLIANT

MARK = {
    COMPLIANT: "ok",
    NOT_COMPLIANT: "FAIL",
    NEEDS_REVIEW: "review",
    INSUFFICIENT_DATA: "no data",
    NOT_APPLICABLE: "n/a",
}


def summary_text(
    assessment: Assessment, parts: list[str] | None = None, show_all: bool = False, worst: int = 8
) -> str:
    country = assessment.country_json()
    lines = [
        f"{country['name']} ({country['iso'] or '-'}), as of {country['as_of'] or 'unknown date'}"
        + (" — fictional teaching example" if country["fictional"] else "")
    ]
    rat = assessment.ratification
    if rat.accepted_parts:
        year = str(rat.record["registered"])[:4] if rat.record and rat.record.get("registered") else None
        when = rat.registered or (f"in {year}, exact date not recorded" if year else "date unknown")
        lines.append(f"Ratified C102 (registered {when}); Parts accepted: {', '.join(rat.accepted_parts)}")
    lines.append("")
    lines.append("Part  verdict          ok fail review no-data  alternative  title")
    for part in assessment.parts.values():
        if parts and part.part not in parts:
            continue
        c = part.counts
        flags = []
        if part.accepted:
            flags.append("accepted")
        if part.ceased_by:
            flags.append(f"ceased: {part.ceased_by}")
        flag = f"  [{', '.join(flags)}]" if flags else ""
        lines.append(
            f"{part.part:<5} {part.verdict:<16} {c[COMPLIANT]:>2} {c[NOT_COMPLIANT]:>4} {c[NEEDS_REVIEW]:>6} "
            f"{c[INSUFFICIENT_DATA]:>7}  {part.alternative or '':<11}  {part.title}{flag}"
        )
    lines.append("")
    lines.append(f"Article 2: {ARTICLE_2_WORDS.get(rat.verdict, rat.verdict)}. {rat.explanation}")
    if rat.accepted_but_failing:
        lines.append(
            f"Accepted Parts that the description does not meet: {', '.join(rat.accepted_but_failing)}"
        )
    chosen = [c for c in assessment.choices if c["stated"]]
    if chosen:
        lines.append(
            "Choices: "
            + "; ".join(
                f"{c['id']} = {c['value']}" + (f" [{c['source']}]" if c["source"] else "") for c in chosen
            )
        )
    rules = [r for r in assessment.rules if not parts or r.part in parts]
    shown = rules if show_all else [r for r in rules if r.verdict == NOT_COMPLIANT]
    gaps = sorted(
        shown,
        key=lambda r: (
            r.verdict != NOT_COMPLIANT,
            -(
                float(r.threshold - r.value)
                if r.value is not None and r.threshold is not None and r.unit == "percent"
                else 0
            ),
        ),
    )
    if gaps:
        lines.append("")
        lines.append("Rules:" if show_all else "Gaps, largest first:")
        for r in gaps if show_all else gaps[:worst]:
            failing = [d.explanation for d in r.details if d.verdict == r.verdict]
            detail = r.gap or (" ".join(failing) if failing else r.explanation)
            lines.append(f"  {MARK[r.verdict]:<7} {r.id:<36} Art {r.articles[0]:<9} {detail}")
            if r.remedy and r.verdict == NOT_COMPLIANT:
                lines.append(f"  {'':<7} {'':<36} {'':<13} to close: {r.remedy}")
            for closing in r.closings or []:
                exact = f" (exactly {closing['exact']})" if closing["exact"] else ""
                lines.append(f"  {'':<7} {'':<36} {'':<13} smallest change: {closing['text']}{exact}")
        if not show_all and len(gaps) > worst:
            lines.append(f"  ... {len(gaps) - worst} more (use --all)")
    review = [r for r in rules if r.verdict == NEEDS_REVIEW]
    missing = sorted({m for r in rules for m in r.missing})
    lines.append("")
    lines.append(
        f"{len(review)} questions for a specialist, {len(missing)} missing facts (c102 report for the full list)."
    )
    return "\n".join(lines)
