"""Templates speak the active language: Jinja's i18n extension wired to c102's own ``_`` and
``ngettext``, so a template writes ``{{ _("Figures of the chart") }}`` or
``{{ _("{count} countries", count=n) }}`` with the same named placeholders as the code, and the
text is escaped like any other value (a placeholder may hold description text)."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from c102.i18n.language import NAMES, SUPPORTED, current_language
from c102.i18n.messages import _, ngettext
from c102.i18n.numbers import number, percent

if TYPE_CHECKING:
    import jinja2


def install(environment: jinja2.Environment) -> jinja2.Environment:
    """Add the i18n extension and c102's callables; globals: ``current_language()``, ``languages``
    (code and name of each), ``format_number(value, places)`` and ``format_percent(value, places)``."""
    environment.add_extension("jinja2.ext.i18n")
    environment.install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=False)  # type: ignore[attr-defined]
    environment.globals["current_language"] = current_language
    environment.globals["languages"] = tuple((code, NAMES[code]) for code in SUPPORTED)
    environment.globals["format_number"] = lambda value, places=0: number(Fraction(value), places)
    environment.globals["format_percent"] = lambda value, places=1: percent(Fraction(value), places)
    return environment
