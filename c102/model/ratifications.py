"""Which member States have ratified C102, which Parts they accepted and which ceased (Art 2, 3, 75).

The facts live in ``countries/ratifications.yaml``, each with its public source and a flag saying
whether it was checked against that source. ``c102 assess`` shows the accepted Parts next to the
verdicts, so an accepted Part that fails stands out. Unchecked facts are kept (flagged
``verified: false``) rather than dropped, so a reader can see what still needs checking in NORMLEX.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from c102.errors import DescriptionError, Diagnostic, Position

if TYPE_CHECKING:
    from c102.model.description import Description

PART_ORDER = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True)
class Checked:
    """Provenance of one fact: the public source, and whether it was checked against it."""

    source: str
    verified: bool
    note: str | None = None


@dataclass(frozen=True)
class CeasedParts:
    """C102 Parts whose obligations ended because a later Convention was ratified (Art 75)."""

    parts: tuple[str, ...]
    by: str
    checked: Checked
    registered: dt.date | None = None  # of the later Convention: its Parts end once it is in force


@dataclass(frozen=True)
class RatificationRecord:
    """One State's ratification of C102, as far as public sources show it."""

    country: str
    iso: str
    iso3: str | None
    registered: dt.date | None
    registered_year: int
    registered_checked: Checked
    parts: tuple[str, ...] | None
    parts_checked: Checked | None
    article_3_in_force: bool | None
    article_3_exceptions: tuple[str, ...]
    article_3_checked: Checked | None
    ceased: tuple[CeasedParts, ...]
    verified: bool
    note: str | None = None

    @property
    def parts_in_force(self) -> tuple[str, ...] | None:
        """Accepted Parts whose C102 obligations still apply after Art 75 (None when Parts unknown)."""
        if self.parts is None:
            return None
        gone = {p for c in self.ceased for p in c.parts}
        return tuple(p for p in self.parts if p not in gone)

    @property
    def sources(self) -> tuple[str, ...]:
        """Every distinct source cited for this entry, in order of appearance."""
        found: list[str] = [self.registered_checked.source]
        for chk in (self.parts_checked, self.article_3_checked, *(c.checked for c in self.ceased)):
            if chk is not None and chk.source not in found:
                found.append(chk.source)
        return tuple(found)


def ratifications_path() -> Path:
    from c102.resources import data_path

    return data_path("countries") / "ratifications.yaml"


def _schema() -> dict[str, Any]:
    path = Path(__file__).resolve().parent.parent / "schemas" / "ratifications.schema.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _jsonable(value: Any) -> Any:
    """YAML turns unquoted dates into ``date`` objects; the schema sees them as ISO strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _schema_errors(data: Any) -> list[Any]:
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    return sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])


def _fail(path: Path, message: str, hint: str | None = None) -> DescriptionError:
    return DescriptionError(message, [Diagnostic(Position(str(path)), message, hint=hint)])


def _checked(raw: dict[str, Any]) -> Checked:
    return Checked(source=str(raw["source"]), verified=bool(raw["verified"]), note=raw.get("note"))


def _entry_label(data: Any, index: int) -> str:
    if isinstance(data, dict):
        entries = data.get("ratifications")
        if isinstance(entries, list) and index < len(entries) and isinstance(entries[index], dict):
            name = entries[index].get("country")
            if name:
                return f"entry {index + 1} ({name})"
    return f"entry {index + 1}"


def _record(raw: dict[str, Any], path: Path, label: str) -> RatificationRecord:
    reg = raw["registered"]["value"]
    if isinstance(reg, int):
        registered, year = None, reg
    else:
        try:
            registered = dt.date.fromisoformat(reg)
        except ValueError:
            raise _fail(path, f"{label}: registered date {reg!r} is not a calendar date") from None
        year = registered.year
    parts_raw = raw.get("parts")
    parts = None
    if parts_raw is not None:
        parts = tuple(sorted(parts_raw["value"], key=PART_ORDER.index))
    art3 = raw.get("article_3")
    ceased = tuple(
        CeasedParts(
            tuple(sorted(c["parts"], key=PART_ORDER.index)),
            c["by"],
            _checked(c),
            dt.date.fromisoformat(c["registered"]) if c.get("registered") else None,
        )
        for c in raw.get("ceased", [])
    )
    if parts is not None:
        for c in ceased:
            stray = [p for p in c.parts if p not in parts]
            if stray:
                raise _fail(
                    path,
                    f"{label}: Parts {', '.join(stray)} ceased under {c.by} "
                    "but are not among the Parts accepted",
                    hint="list the Part under 'parts' too: Art 75 ends obligations for accepted Parts",
                )
    checked_all = [raw["registered"], *(x for x in (parts_raw, art3) if x), *raw.get("ceased", [])]
    if raw["verified"] and not all(c["verified"] for c in checked_all):
        raise _fail(
            path,
            f"{label}: marked 'verified: true' while one of its facts is 'verified: false'",
            hint="an entry is verified only when every fact in it was checked against its source",
        )
    return RatificationRecord(
        country=raw["country"],
        iso=raw["iso"],
        iso3=raw.get("iso3"),
        registered=registered,
        registered_year=year,
        registered_checked=_checked(raw["registered"]),
        parts=parts,
        parts_checked=_checked(parts_raw) if parts_raw else None,
        article_3_in_force=art3["in_force"] if art3 else None,
        article_3_exceptions=tuple(art3.get("exceptions", [])) if art3 else (),
        article_3_checked=_checked(art3) if art3 else None,
        ceased=ceased,
        verified=bool(raw["verified"]),
        note=raw.get("note"),
    )


def parse_ratifications(text: str, path: Path, validate: bool = True) -> dict[str, RatificationRecord]:
    """Validate the YAML text and index its entries by ISO alpha-2, alpha-3 and country name.

    ``validate=False`` skips the JSON Schema for the bundled file, which the tests validate: a run
    then neither imports jsonschema nor walks the schema (most of a cold start's cost).
    """
    import yaml

    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        column = mark.column + 1 if mark is not None else 0
        message = f"not valid YAML: {getattr(exc, 'problem', None) or exc}"
        source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else None
        raise DescriptionError(
            message, [Diagnostic(Position(str(path), line, column), message, source_line=source_line)]
        ) from None
    data = _jsonable(data)
    errors = _schema_errors(data) if validate else []
    if errors:
        err = errors[0]
        where = list(err.absolute_path)
        label = _entry_label(data, where[1]) if len(where) > 1 and where[0] == "ratifications" else "file"
        field = "/".join(str(p) for p in where[2:]) or "(entry)"
        hint = "see c102/schemas/ratifications.schema.json"
        raise _fail(path, f"{label}, {field}: {err.message}", hint=hint)
    index: dict[str, RatificationRecord] = {}
    for i, raw in enumerate(data["ratifications"]):
        label = _entry_label(data, i)
        record = _record(raw, path, label)
        for key in (record.iso, record.iso3, record.country, record.country.casefold()):
            if key is None:
                continue
            other = index.get(key)
            if other is not None and other is not record:
                raise _fail(path, f"{label}: {key!r} is already used by {other.country}")
            index[key] = record
    return index


@dataclass(frozen=True)
class PublishedTotal:
    """A count of C102 ratifications the ILO published at a date: the yardstick for completeness."""

    date: dt.date
    count: int
    source: str


@cache
def load_totals() -> tuple[PublishedTotal, ...]:
    """The published totals recorded in the ratifications file (validated with the entries)."""
    import yaml

    load_ratifications()
    data = _jsonable(yaml.safe_load(ratifications_path().read_text(encoding="utf-8")))
    return tuple(
        PublishedTotal(dt.date.fromisoformat(t["date"]), int(t["count"]), str(t["source"]))
        for t in data.get("totals", [])
    )


def registered_by(record: RatificationRecord, day: dt.date) -> bool | None:
    """Whether the ratification was registered on or before ``day`` (None: a year-only date cannot say)."""
    if record.registered is not None:
        return record.registered <= day
    if record.registered_year != day.year:
        return record.registered_year < day.year
    return None


@cache
def load_ratifications() -> dict[str, RatificationRecord]:
    """All recorded ratifications of C102, keyed by ISO alpha-2, ISO alpha-3 and country name."""
    path = ratifications_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise _fail(path, f"cannot read the ratifications file: {exc.strerror}") from None
    # The bundled file is validated by tests/foundation/test_bundled_data_valid.py, not on every run.
    return parse_ratifications(text, path, validate=False)


def ratification_for(description: Description) -> RatificationRecord | None:
    """The recorded ratification for a description's country (by ISO code, then name), if any."""
    if description.country.fictional is not None and description.country.fictional.value:
        return None
    table = load_ratifications()
    iso = description.country.iso
    if iso is not None and iso.value:
        found = table.get(str(iso.value).upper())
        if found is not None:
            return found
    return table.get(description.country.name) or table.get(description.country.name.casefold())


__all__ = [
    "CeasedParts",
    "Checked",
    "PublishedTotal",
    "RatificationRecord",
    "load_ratifications",
    "load_totals",
    "parse_ratifications",
    "ratification_for",
    "ratifications_path",
    "registered_by",
]
