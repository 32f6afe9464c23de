"""The descriptions a workbench serves, the drafts edited in the page, and what c102 makes of each.

Only the files named on the command line (and files saved from the page beside them) are
reachable, each under a short name taken from its file name, never a path from the request. A file
is re-read when it changes on disk; an unreadable or broken file gives an outcome with its
diagnostics, so one bad file never takes down the pages of the others.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from c102.errors import C102Error, Diagnostic, Position
from c102.i18n import _, current_language

if TYPE_CHECKING:
    from c102.evaluate.assessment import Assessment

SUFFIXES = (".c102", ".yaml", ".yml", ".json")
SAVE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$")


@dataclass(frozen=True)
class Country:
    """One served file: the short name in its URLs and where it lives."""

    slug: str
    path: Path


@dataclass
class Outcome:
    """A description's text and what c102 made of it, with the server time that took."""

    text: str
    diagnostics: list[Diagnostic]
    assessment: Assessment | None
    milliseconds: float
    failure: str | None = None  # an internal error of c102 on this text, shown instead of verdicts
    language: str = field(default_factory=current_language)  # the language its messages are in

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def name(self) -> str | None:
        return self.assessment.description.country.name if self.assessment is not None else None


@dataclass
class _Cached:
    stamp: tuple[int, int]
    outcome: Outcome


class SaveRefused(Exception):
    """A save the user must change: a bad name (400), or a file that already exists (409: never
    overwritten)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Library:
    """The served countries, their cached baselines and their drafts; safe to share across threads."""

    countries: list[Country] = field(default_factory=list)
    _drafts: dict[str, Outcome] = field(default_factory=dict)
    _cache: dict[tuple[str, str], _Cached] = field(default_factory=dict)  # (slug, language)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def of_files(cls, files: list[str]) -> Library:
        library = cls()
        for name in files:
            library._register(Path(name))
        return library

    def find(self, slug: str) -> Country | None:
        return next((c for c in self.countries if c.slug == slug), None)

    def baseline(self, country: Country) -> Outcome:
        """The file as it is on disk now, assessed (cached until the file changes)."""
        try:
            info = country.path.stat()
        except OSError as error:
            return _unreadable(country, _("cannot read: {reason}", reason=error.strerror))
        stamp = (info.st_mtime_ns, info.st_size)
        with self._lock:
            cached = self._cache.get((country.slug, current_language()))
        if cached is not None and cached.stamp == stamp:
            return cached.outcome
        try:
            text = country.path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return _unreadable(country, _("not UTF-8 text ({reason} at byte {byte})", reason=error.reason, byte=error.start))
        except OSError as error:
            return _unreadable(country, _("cannot read: {reason}", reason=error.strerror))
        outcome = evaluate(text, str(country.path))
        with self._lock:
            self._cache[(country.slug, outcome.language)] = _Cached(stamp, outcome)
        return outcome

    def draft(self, country: Country) -> Outcome | None:
        """The edited state, its messages in the language of this request (re-assessed if needed)."""
        with self._lock:
            draft = self._drafts.get(country.slug)
        if draft is not None and draft.language != current_language():
            draft = self.edit(country, draft.text)
        return draft

    def current(self, country: Country) -> Outcome:
        """The edited state if the page has sent one, else the file."""
        return self.draft(country) or self.baseline(country)

    def edit(self, country: Country, text: str) -> Outcome:
        """Assess an edited text and keep it as the country's draft for the other pages."""
        outcome = evaluate(text, str(country.path))
        with self._lock:
            self._drafts[country.slug] = outcome
        return outcome

    def discard(self, country: Country) -> None:
        with self._lock:
            self._drafts.pop(country.slug, None)

    def save_as(self, country: Country, name: str, text: str) -> Country:
        """Write ``text`` as a new file beside the country's file, atomically; an existing file is
        never replaced (the name is refused instead)."""
        if not SAVE_NAME.match(name) or ".." in name:
            raise SaveRefused(_("a file name is letters, digits, '.', '-' or '_' (no folders)"), 400)
        suffix = country.path.suffix
        target = country.path.with_name(name if name.endswith(suffix) else name + suffix)
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
            os.link(temp, target)  # atomic, and fails if the name is taken
        except FileExistsError:
            raise SaveRefused(_('{name} already exists; choose another name', name=target.name), 409) from None
        finally:
            os.unlink(temp)
        return self._register(target)

    def _register(self, path: Path) -> Country:
        with self._lock:
            for known in self.countries:
                if known.path == path:
                    return known
            base = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "country"
            slug, n = base, 2
            taken = {c.slug for c in self.countries}
            while slug in taken:
                slug, n = f"{base}-{n}", n + 1
            country = Country(slug, path)
            self.countries.append(country)
            return country


def evaluate(text: str, path: str) -> Outcome:
    """``c102 check`` then ``c102 assess`` on a text; never raises for what the text contains."""
    from c102 import assess
    from c102.language.diagnose import check_text

    start = time.perf_counter()
    try:
        description, diagnostics = check_text(text, path)
        assessment = assess(description) if description is not None else None
        failure = None
    except C102Error as error:
        description, assessment, failure = None, None, None
        diagnostics = error.diagnostics or [Diagnostic(Position(path), str(error))]
    except Exception as error:
        # A bug in c102 on this text: shown on this country's page, the others are not affected.
        assessment, diagnostics = None, []
        failure = _("internal error in c102: {kind}: {error}", kind=type(error).__name__, error=error)
    return Outcome(text, diagnostics, assessment, (time.perf_counter() - start) * 1000, failure)


def _unreadable(country: Country, message: str) -> Outcome:
    return Outcome("", [Diagnostic(Position(str(country.path)), message, code="file")], None, 0.0)
