"""Languages of c102's prose: English (the source), French and Spanish.

The active language lives in a context variable (``c102.i18n.language``); messages go through
gettext catalogues kept as ``c102/locale/<lang>/LC_MESSAGES/c102.po`` (``c102.i18n.messages``);
numbers, percentages and dates are formatted per language in one place (``c102.i18n.numbers``);
the rulebook's titles, summaries and questions are translated as data (``c102.i18n.rulebook``).
English costs nothing: no catalogue, Babel or YAML is loaded while English is active.
See docs/languages.md.
"""

from __future__ import annotations

from c102.i18n.language import DEFAULT_LANGUAGE, SUPPORTED, current_language, resolve_language, use_language
from c102.i18n.messages import N_, LazyMessage, _, lazy_gettext, ngettext

__all__ = [
    "DEFAULT_LANGUAGE",
    "N_",
    "SUPPORTED",
    "LazyMessage",
    "_",
    "current_language",
    "lazy_gettext",
    "ngettext",
    "resolve_language",
    "use_language",
]
