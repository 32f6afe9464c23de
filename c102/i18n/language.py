"""Which language c102 speaks right now: a context variable, so a web request or a test can
switch language without touching any other request's output."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

SUPPORTED: tuple[str, ...] = ("en", "fr", "es")
DEFAULT_LANGUAGE = "en"
NAMES = {"en": "English", "fr": "Français", "es": "Español"}  # each language in its own words
ENVIRONMENT_VARIABLE = "C102_LANG"

_active: ContextVar[str] = ContextVar("c102_language", default=DEFAULT_LANGUAGE)


class UnknownLanguage(ValueError):
    """A language code c102 has no catalogue for; the message lists the supported ones."""

    def __init__(self, code: str) -> None:
        super().__init__(f"unknown language {code!r}: choose one of {', '.join(SUPPORTED)}")
        self.code = code


def current_language() -> str:
    """The language of the messages being written now (``en`` unless one was chosen)."""
    return _active.get()


def resolve_language(given: str | None) -> str:
    """The language asked for: ``given`` (``--lang``), else ``C102_LANG``, else English.

    ``fr_FR.UTF-8`` and ``FR`` count as ``fr``; anything else raises ``UnknownLanguage``.
    """
    raw = given if given else os.environ.get(ENVIRONMENT_VARIABLE, "")
    if not raw:
        return DEFAULT_LANGUAGE
    code = raw.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    if code not in SUPPORTED:
        raise UnknownLanguage(raw)
    return code


def set_language(code: str) -> None:
    """Make ``code`` the language of this context from now on (the CLI does this once)."""
    if code not in SUPPORTED:
        raise UnknownLanguage(code)
    _active.set(code)


@contextmanager
def use_language(code: str) -> Iterator[str]:
    """Speak ``code`` inside the block, then return to the language before it."""
    if code not in SUPPORTED:
        raise UnknownLanguage(code)
    token = _active.set(code)
    try:
        yield code
    finally:
        _active.reset(token)
