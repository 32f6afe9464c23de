"""Messages through gettext: ``_`` now, ``N_`` marked for later, ``LazyMessage`` translated when shown.

Messages are whole sentences with named placeholders (``_("{count} rules checked").format(...)``
is wrong: format after translating, ``_("{count} rules checked", count=n)``), so a translation
can move the words around. English returns the text as written, without opening any catalogue.
"""

from __future__ import annotations

from typing import Any

from c102.i18n.language import current_language


def _translate(message: str) -> str:
    language = current_language()
    if language == "en":
        return message
    from c102.i18n.catalogue import translations

    return translations(language).gettext(message)


def _(message: str, /, **values: Any) -> str:
    """``message`` in the active language, its ``{placeholders}`` filled from ``values``."""
    text = _translate(message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, n: int, /, **values: Any) -> str:
    """The singular or plural form for ``n`` in the active language; ``{n}`` is always available."""
    language = current_language()
    if language == "en":
        text = singular if n == 1 else plural
    else:
        from c102.i18n.catalogue import translations

        text = translations(language).ngettext(singular, plural, n)
    return text.format(n=n, **values)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (module-level tables, keys)."""
    return message


class LazyMessage:
    """A message translated each time it is turned into text: module-level constants (``--help``
    texts, labels) are built at import, before the language is chosen."""

    __slots__ = ("message", "values")

    def __init__(self, message: str, values: dict[str, Any]) -> None:
        self.message = message
        self.values = values

    def __str__(self) -> str:
        return _(self.message, **self.values)

    def __repr__(self) -> str:
        return f"LazyMessage({self.message!r})"

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(self.message)

    def __add__(self, other: object) -> str:
        return str(self) + str(other)

    def __radd__(self, other: object) -> str:
        return str(other) + str(self)

    def __mod__(self, other: object) -> str:
        return str(self) % other

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def lazy_gettext(message: str, /, **values: Any) -> LazyMessage:
    """``message`` translated when shown, in whatever language is active then."""
    return LazyMessage(message, values)
