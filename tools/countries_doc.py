"""Write ``docs/countries.md`` from the country library itself, so every figure it prints is the engine's.

Run ``python -m tools.countries_doc`` after changing a country file or the engine;
``tests/countries/test_countries_doc.py`` fails while the committed page differs from what this
script writes. ``--table`` prints only the per-country completeness table (for closing notes).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from c102.evaluate.assessment import Assessment
from c102.model.description import Description
from c102.model.values import BRANCHES

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "countries.md"
TEMPLATE = Path(__file__).with_name("countries_doc.md.j2")
_URL = re.compile(r"https?://\S+")


@dataclass
class CountryRow:
    """What one real country file describes, and what the engine makes of it."""

    file: str
    name: str
    as_of: str
    ratification: str
    described: list[str]
    absent: list[str]
    missing: list[str]
    facts: int
    with_provision: int
    with_year: int
    with_url: int
    rules_applicable: int
    rules_insufficient: int
    parts: dict[str, str]
    header: list[str]

    @property
    def insufficient_share(self) -> str:
        if not self.rules_applicable:
            return "n/a"
        return f"{round(100 * Fraction(self.rules_insufficient, self.rules_applicable))}%"


def header_comment(text: str) -> list[str]:
    """The file's opening comment: its as-of date, main sources and what could not be found."""
    out: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        out.append(line[1:].strip())
    return out


def country_row(path: Path, description: Description, assessment: Assessment) -> CountryRow:
    from c102.language.citations import citation_policy, cited_facts

    policy = citation_policy()
    sourced = [fact for _, name, fact in cited_facts(description) if name not in policy.classification_fields]
    sources = [f"{fact.source or ''} {fact.note or ''}" for fact in sourced]
    served = {branch for scheme in description.scheme for branch in scheme.branches.value}
    absent = {branch for fact in description.absent for branch in fact.value}
    applicable = [r for r in assessment.rules if r.verdict != "not_applicable"]
    as_of = description.country.as_of
    ratification = "not ratified"
    record = assessment.ratification.record
    if record is not None and record.get("registered"):
        accepted = ", ".join(assessment.ratification.accepted_parts) or "Parts not recorded"
        ratification = f"ratified {record['registered']} ({accepted})"
    return CountryRow(
        file=path.name,
        name=description.country.name,
        as_of=str(as_of.value) if as_of else "not stated",
        ratification=ratification,
        described=[b for b in BRANCHES if b in served],
        absent=[b for b in BRANCHES if b in absent and b not in served],
        missing=[b for b in BRANCHES if b not in served and b not in absent],
        facts=len(sourced),
        with_provision=sum(any(p.search(s) for p in policy.provisions) for s in sources),
        with_year=sum(bool(policy.year.search(fact.source or "")) for fact in sourced),
        with_url=sum(bool(_URL.search(fact.source or "")) for fact in sourced),
        rules_applicable=len(applicable),
        rules_insufficient=sum(r.verdict == "insufficient_data" for r in applicable),
        parts={number: part.verdict for number, part in assessment.parts.items()},
        header=header_comment(description.text),
    )


def replacement_rates(path: Path, assessment: Assessment) -> list[dict[str, str]]:
    """The standard beneficiary's rate of every benefit the engine could compute."""
    rows = []
    for calc in assessment.calculations:
        if calc.rate is None:
            continue
        rows.append(
            {
                "file": path.name,
                "part": calc.part,
                "row": calc.row.replace("_", " "),
                "scheme": calc.scheme,
                "article": calc.article,
                "rate": f"{float(calc.rate * 100):.1f}%",
                "required": f"{float(calc.required * 100):g}%",
                "meets": "yes" if calc.rate >= calc.required else "no",
            }
        )
    return rows


def wages(path: Path, description: Description) -> list[dict[str, str]]:
    stats = description.statistics
    rows = []
    for name, label in (("skilled_wage", "skilled (Art 65(6))"), ("labourer_wage", "labourer (Art 66(4))")):
        fact = getattr(stats, name, None) if stats else None
        if fact is not None:
            currency = description.country.currency
            rows.append(
                {
                    "file": path.name,
                    "wage": label,
                    "value": f"{currency.value + ' ' if currency else ''}{fact.value}",
                    "note": fact.note or "",
                }
            )
    return rows


def library() -> tuple[list[CountryRow], list[dict[str, str]], list[dict[str, str]]]:
    """Every bundled real country: its row, its computed replacement rates and its wages."""
    from c102 import assess, load_description
    from c102.resources import data_path

    rows, rates, wage_rows = [], [], []
    for path in sorted(data_path("countries").glob("*.c102")):
        description = load_description(str(path))
        assessment = assess(description)
        rows.append(country_row(path, description, assessment))
        rates += replacement_rates(path, assessment)
        wage_rows += wages(path, description)
    return rows, rates, wage_rows


def render() -> str:
    """The whole page, from the bundled real countries and the ratification records."""
    import jinja2

    from c102.model.ratifications import load_ratifications
    from c102.resources import data_path

    countries = data_path("countries")
    rows, rates, wage_rows = library()
    examples = sorted(p.name for p in (countries / "examples").glob("*.c102"))
    records = load_ratifications()
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE.parent)),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template(TEMPLATE.name).render(
        rows=rows,
        rates=rates,
        wages=wage_rows,
        examples=examples,
        ratification_count=len({id(r) for r in records.values()}),
        branches=BRANCHES,
    )


def table(rows: list[CountryRow]) -> str:
    lines = ["| file | described | absent | not described | facts | provision/year/URL | insufficient |"]
    lines.append("|---|---|---|---|---|---|---|")
    for r in rows:
        lines.append(
            f"| {r.file} | {len(r.described)} | {len(r.absent)} | {len(r.missing)} | {r.facts} | "
            f"{r.with_provision}/{r.with_year}/{r.with_url} | {r.insufficient_share} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/countries.md is out of date")
    parser.add_argument("--table", action="store_true", help="print the completeness table only")
    args = parser.parse_args(argv)
    if args.table:
        print(table(library()[0]))
        return 0
    text = render()
    if args.check:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print("docs/countries.md is out of date: run python -m tools.countries_doc", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
