"""Loading an instrument's rulebook from its folder, checking every file on every load.

An instrument is a folder ``rules/<instrument>/`` holding ``instrument.yaml`` (id, Parts, articles
with no checkable requirement), optionally ``choices.yaml``, and one ``part-NN.yaml`` per Part. Every
file is validated against ``rules/schema.json``, then checked across files (unique rule ids, Parts
known to instrument.yaml, Schedule rows and declarations that exist). Any problem is a
``RulebookError`` whose diagnostics name file, line, column, rule id and field.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from c102.errors import Diagnostic, Position, RulebookError
from c102.rules.model import (
    Choice,
    PartInfo,
    Rule,
    Rulebook,
    ScheduleRow,
    StandardBeneficiary,
)
from c102.rules.schema import field_name
from c102.rules.yaml_source import YamlSource, display_path, read_yaml

INSTRUMENT_FILE = "instrument.yaml"
CHOICES_FILE = "choices.yaml"
PART_FILE_PREFIX = "part-"


def load_rulebook(instrument: str = "c102", root: Path | None = None, *, validate: bool | None = None) -> Rulebook:
    """The rulebook of ``instrument`` (a folder under ``root``, default the bundled ``rules/``).

    Cached per (instrument, root): the evaluator calls this for every assessment. A rulebook from
    another folder is checked against ``rules/schema.json`` on every load; the bundled one is
    checked by the tests (``tests/foundation/test_bundled_data_valid.py``) and by
    ``c102 rules --validate``, not on every run, which saves most of a cold start. The cross-file
    checks run on every load.
    """
    check = root is not None if validate is None else validate
    return _load_cached(instrument.lower(), root.resolve() if root is not None else None, check)


@cache
def _load_cached(instrument: str, root: Path | None, validate: bool) -> Rulebook:
    from c102.resources import data_path

    rules_root = root if root is not None else data_path("rules")
    return _load(rules_root, instrument, validate)


def available_instruments(root: Path | None = None) -> list[str]:
    """Instrument folders (those holding an instrument.yaml) under the rules root."""
    from c102.resources import data_path

    rules_root = root if root is not None else data_path("rules")
    return sorted(p.name for p in rules_root.iterdir() if (p / INSTRUMENT_FILE).is_file())


def schema_path_for(rules_root: Path) -> Path:
    """The schema next to the instrument folders, else the one shipped with c102."""
    from c102.resources import data_path

    local = rules_root / "schema.json"
    return local if local.is_file() else data_path("rules") / "schema.json"


def _load(rules_root: Path, instrument: str, check_schema: bool = True) -> Rulebook:
    from c102.rules.schema import validate

    folder = rules_root / instrument
    if not (folder / INSTRUMENT_FILE).is_file():
        known = available_instruments(rules_root) if rules_root.is_dir() else []
        raise RulebookError(
            f"no rulebook for instrument {instrument!r}",
            [
                Diagnostic(
                    Position(display_path(folder)),
                    f"no rulebook for instrument {instrument!r} (missing {INSTRUMENT_FILE})",
                    hint=f"available: {', '.join(known)}" if known else None,
                    code="rulebook",
                )
            ],
        )
    paths = sorted(folder.glob("*.yaml"))
    schema_path = schema_path_for(rules_root)
    diagnostics: list[Diagnostic] = []
    sources: dict[str, YamlSource] = {}
    for path in paths:
        try:
            source = read_yaml(path)
        except RulebookError as error:
            diagnostics.extend(error.diagnostics)
            continue
        sources[path.name] = source
        if path.name not in (INSTRUMENT_FILE, CHOICES_FILE) and not path.name.startswith(PART_FILE_PREFIX):
            diagnostics.append(
                source.diagnostic(
                    [],
                    f"unexpected file {path.name!r} in the rulebook folder",
                    hint="name Part files part-NN.yaml; the others are instrument.yaml and choices.yaml",
                )
            )
            continue
        if check_schema:
            diagnostics.extend(validate(source, schema_path))
    _raise_if(diagnostics)

    rulebook = _build(folder, sources, paths)
    return rulebook


def _raise_if(diagnostics: list[Diagnostic]) -> None:
    if diagnostics:
        count = len(diagnostics)
        raise RulebookError(f"the rulebook has {count} error{'s' if count > 1 else ''}", diagnostics)


def _build(folder: Path, sources: dict[str, YamlSource], paths: list[Path]) -> Rulebook:
    instrument_src = sources[INSTRUMENT_FILE]
    meta: dict[str, Any] = instrument_src.data
    instrument_id = str(meta["id"])
    prefix = f"rules/{folder.name}/"
    diagnostics: list[Diagnostic] = []

    if instrument_id.lower() != folder.name.lower():
        diagnostics.append(
            instrument_src.diagnostic(
                ["id"], f"field 'id': {instrument_id!r} does not name the folder {folder.name!r}"
            )
        )

    parts: dict[str, PartInfo] = {}
    part_entries: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(meta["parts"]):
        numeral = entry["part"]
        if numeral in part_entries:
            diagnostics.append(
                instrument_src.diagnostic(["parts", index, "part"], f"Part {numeral} listed twice")
            )
        part_entries[numeral] = entry

    # Part files: header against instrument.yaml, then their rules.
    rules_by_part: dict[str, list[Rule]] = {}
    part_files: dict[str, str] = {}
    first_seen: dict[str, tuple[YamlSource, int]] = {}
    schedule_src: YamlSource | None = None
    for name, source in sources.items():
        if not name.startswith(PART_FILE_PREFIX):
            continue
        data = source.data
        numeral = data["part"]
        if data["instrument"] != instrument_id:
            diagnostics.append(
                source.diagnostic(
                    ["instrument"],
                    f"field 'instrument': {data['instrument']!r} but instrument.yaml says {instrument_id!r}",
                )
            )
        entry = part_entries.get(numeral)
        if entry is None:
            diagnostics.append(
                source.diagnostic(
                    ["part"], f"field 'part': Part {numeral} is not listed in {INSTRUMENT_FILE}"
                )
            )
        else:
            for key in ("title", "branch"):
                if data[key] != entry[key]:
                    diagnostics.append(
                        source.diagnostic(
                            [key],
                            f"field {key!r}: {data[key]!r} differs from {INSTRUMENT_FILE} ({entry[key]!r})",
                        )
                    )
        # A long Part may be split over several files (part-06.yaml, part-06-care.yaml); the first names it.
        part_files.setdefault(numeral, prefix + name)
        if "schedule" in data or "standard_beneficiaries" in data:
            if schedule_src is not None:
                diagnostics.append(
                    source.diagnostic(
                        ["schedule"], f"the Schedule is already defined in {schedule_src.display}"
                    )
                )
            else:
                schedule_src = source
        part_rules: list[Rule] = []
        for index, raw in enumerate(data["rules"]):
            rule_id = raw["id"]
            if not rule_id.startswith(f"{numeral}-"):
                diagnostics.append(
                    source.diagnostic(
                        ["rules", index, "id"],
                        f"rule {rule_id}: field 'id' must start with the Part, '{numeral}-'",
                    )
                )
            if rule_id in first_seen:
                other, other_index = first_seen[rule_id]
                line, column = other.locate(["rules", other_index, "id"])
                diagnostics.append(
                    source.diagnostic(
                        ["rules", index, "id"],
                        f"rule {rule_id}: field 'id' is a duplicate; "
                        f"first defined at {other.display}:{line}:{column}",
                        hint="rule ids are unique across the instrument and stable across releases",
                    )
                )
                continue
            first_seen[rule_id] = (source, index)
            line, _ = source.locate(["rules", index])
            part_rules.append(
                Rule(
                    id=rule_id,
                    instrument=instrument_id,
                    part=numeral,
                    articles=tuple(raw["articles"]),
                    title=raw["title"].strip(),
                    summary=" ".join(raw["summary"].split()),
                    topic=raw["topic"],
                    kind=raw["kind"],
                    params=raw["params"],
                    question=" ".join(raw["question"].split()) if raw.get("question") else None,
                    applies_to_declaration=raw.get("applies_to_declaration"),
                    file=prefix + name,
                    line=line,
                )
            )
        rules_by_part.setdefault(numeral, []).extend(part_rules)

    for numeral, entry in part_entries.items():
        span = entry["articles"]
        parts[numeral] = PartInfo(
            part=numeral,
            title=entry["title"],
            branch=entry["branch"],
            articles=tuple(str(n) for n in range(span["from"], span["to"] + 1)),
            file=part_files.get(numeral, ""),
        )
    rules = [rule for numeral in part_entries for rule in rules_by_part.get(numeral, [])]

    beneficiaries, schedule = _schedule(schedule_src, parts, diagnostics)
    choices = _choices(sources.get(CHOICES_FILE), instrument_id, diagnostics)
    no_checkable = {
        str(e["article"]): " ".join(str(e["reason"]).split())
        for e in meta.get("no_checkable_requirement", [])
    }
    final = meta.get("final_provisions")
    final_range = (int(final["from"]), int(final["to"])) if final else None

    _cross_check(rules, schedule, first_seen, sources, meta, final_range, diagnostics)
    _raise_if(diagnostics)

    digest = hashlib.sha256()
    for path in paths:  # sorted path order
        digest.update(sources[path.name].raw)
    return Rulebook(
        instrument=instrument_id,
        title=str(meta["title"]),
        rules=rules,
        parts=parts,
        schedule=schedule,
        standard_beneficiaries=beneficiaries,
        choices=choices,
        sha256=digest.hexdigest(),
        year=meta.get("year"),
        no_checkable_requirement=no_checkable,
        final_provisions=final_range,
        files=tuple(prefix + p.name for p in paths),
    )


def _schedule(
    source: YamlSource | None, parts: dict[str, PartInfo], diagnostics: list[Diagnostic]
) -> tuple[dict[str, StandardBeneficiary], dict[str, ScheduleRow]]:
    """The Schedule to Part XI (or the instrument's equivalent), checked for dangling references."""
    beneficiaries: dict[str, StandardBeneficiary] = {}
    schedule: dict[str, ScheduleRow] = {}
    if source is None:
        return beneficiaries, schedule
    for index, raw in enumerate(source.data.get("standard_beneficiaries", [])):
        if raw["id"] in beneficiaries:
            diagnostics.append(
                source.diagnostic(
                    ["standard_beneficiaries", index, "id"],
                    f"standard beneficiary {raw['id']!r} listed twice",
                )
            )
        beneficiaries[raw["id"]] = StandardBeneficiary(
            id=raw["id"], label=raw["label"], spouse=raw["spouse"], children=raw["children"]
        )
    for index, raw in enumerate(source.data.get("schedule", [])):
        where: list[str | int] = ["schedule", index]
        if raw["row"] in schedule:
            diagnostics.append(
                source.diagnostic([*where, "row"], f"Schedule row {raw['row']!r} listed twice")
            )
        if raw["standard_beneficiary"] not in beneficiaries:
            diagnostics.append(
                source.diagnostic(
                    [*where, "standard_beneficiary"],
                    f"Schedule row {raw['row']!r}: "
                    f"unknown standard beneficiary {raw['standard_beneficiary']!r}",
                    hint=f"defined: {', '.join(sorted(beneficiaries)) or 'none'}",
                )
            )
        if raw["part"] not in parts:
            diagnostics.append(
                source.diagnostic(
                    [*where, "part"], f"Schedule row {raw['row']!r}: unknown Part {raw['part']}"
                )
            )
        schedule[raw["row"]] = ScheduleRow(
            row=raw["row"],
            part=raw["part"],
            contingency=raw["contingency"],
            standard_beneficiary=raw["standard_beneficiary"],
            percent=raw["percent"],
        )
    return beneficiaries, schedule


def _choices(
    source: YamlSource | None, instrument_id: str, diagnostics: list[Diagnostic]
) -> dict[str, Choice]:
    choices: dict[str, Choice] = {}
    if source is None:
        return choices
    if source.data["instrument"] != instrument_id:
        diagnostics.append(
            source.diagnostic(
                ["instrument"],
                f"field 'instrument': {source.data['instrument']!r}, expected {instrument_id!r}",
            )
        )
    for index, raw in enumerate(source.data["choices"]):
        if raw["id"] in choices:
            diagnostics.append(
                source.diagnostic(["choices", index, "id"], f"choice {raw['id']!r} listed twice")
            )
        choices[raw["id"]] = Choice(
            id=raw["id"],
            articles=tuple(raw["articles"]),
            question=" ".join(raw["question"].split()),
            default=raw["default"],
            effect=" ".join(raw["effect"].split()),
        )
    return choices


def article_number(citation: str) -> int:
    """``29`` from ``"29(2)(a)"``."""
    return int(citation.split("(", 1)[0])


def _cross_check(
    rules: list[Rule],
    schedule: dict[str, ScheduleRow],
    located: dict[str, tuple[YamlSource, int]],
    sources: dict[str, YamlSource],
    meta: dict[str, Any],
    final_range: tuple[int, int] | None,
    diagnostics: list[Diagnostic],
) -> None:
    """References between files: Schedule rows, declarations, rule ids, article numbers."""
    last_article = max(p["articles"]["to"] for p in meta["parts"])
    if final_range:
        last_article = max(last_article, final_range[1])
    exceptions: set[str] | None = None
    for rule in rules:
        if rule.kind == "article_3":
            exceptions = set(rule.params["exceptions"])
    ids = {rule.id for rule in rules}

    for rule in rules:
        source, index = located[rule.id]
        problems: list[tuple[list[str | int], str, str | None]] = []
        for position, citation in enumerate(rule.articles):
            if not 1 <= article_number(citation) <= last_article:
                problems.append(
                    (
                        ["articles", position],
                        f"{citation!r} cites an article the instrument does not have",
                        None,
                    )
                )
        rows: list[tuple[list[str | int], str]] = []
        if rule.kind == "benefit_level":
            rows = [(["params", "rows", i], row) for i, row in enumerate(rule.params["rows"])]
        elif rule.kind == "qualifying_period_max":
            rows = [(["params", "row"], rule.params["row"])]
        for field, row in rows:
            if row not in schedule:
                known = ", ".join(sorted(schedule)) or "none"
                problems.append((field, f"Schedule row {row!r} does not exist", f"rows: {known}"))
        declarations: list[tuple[list[str | int], str]] = []
        if rule.applies_to_declaration:
            declarations.append((["applies_to_declaration"], rule.applies_to_declaration))
        for i, alternative in enumerate(rule.params.get("alternatives", []) or []):
            if isinstance(alternative, dict) and "requires_declaration" in alternative:
                declarations.append(
                    (
                        ["params", "alternatives", i, "requires_declaration"],
                        alternative["requires_declaration"],
                    )
                )
        for field, declared in declarations:
            if exceptions is not None and declared not in exceptions:
                problems.append(
                    (field, f"{declared!r} is not an exception listed by the article_3 rule", None)
                )
        for i, target in enumerate(rule.params.get("refers_to", []) if rule.kind == "information" else []):
            if target not in ids:
                problems.append((["params", "refers_to", i], f"refers to unknown rule {target!r}", None))
        for field, message, hint in problems:
            dotted = field_name(field)
            where = ["rules", index, *field]
            diagnostics.append(
                source.diagnostic(where, f"rule {rule.id}: field '{dotted}': {message}", hint=hint)
            )

    instrument_src = sources[INSTRUMENT_FILE]
    seen: set[str] = set()
    for index, entry in enumerate(meta.get("no_checkable_requirement", [])):
        article = str(entry["article"])
        low, _, high = article.partition("-")
        bad = int(low) > last_article or (high and (int(high) < int(low) or int(high) > last_article))
        where = ["no_checkable_requirement", index, "article"]
        if bad:
            diagnostics.append(
                instrument_src.diagnostic(where, f"article {article!r} is outside the instrument")
            )
        if article in seen:
            diagnostics.append(instrument_src.diagnostic(where, f"article {article!r} listed twice"))
        seen.add(article)
