"""Written values -> typed values: an atom of the syntax as the ``Fact`` value its field's type asks for.

A value that does not fit raises ``BadValue`` with its position and what to write instead; the
messages describe the expected form from the type itself (``expected``).
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, Union, get_args, get_origin

from c102.i18n import N_, _
from c102.language.nodes import Atom
from c102.model.values import Count, Duration, Money, Percent, SexSplit


class BadValue(Exception):
    """A value that does not fit its field; carries where and what to do."""

    def __init__(self, message: str, where: Atom | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.where, self.hint = message, where, hint


def suggest(word: str, choices: typing.Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return _("did you mean '{word}'?", word=close[0]) if close else None


def expected(tp: Any) -> str:
    """What a value of this type looks like, for messages and the language reference."""
    origin = get_origin(tp)
    if origin is Literal:
        return _("one of: {values}", values=", ".join(str(a) for a in get_args(tp)))
    if origin is list:
        return _("one or more values separated by commas, each {expected}", expected=expected(get_args(tp)[0]))
    if origin in (Union, types.UnionType):
        alternatives = [expected(a) for a in get_args(tp)]
        text = alternatives[0]
        for alternative in alternatives[1:]:
            text = _("{first} or {second}", first=text, second=alternative)
        return text
    if origin is SexSplit:
        return _("an age, e.g. 65 or men 62, women 60")
    return _(_EXPECTED.get(tp, N_("a value")))


_EXPECTED: dict[Any, str] = {
    str: N_("a word or a quoted text"),
    bool: N_("yes or no"),
    date: N_("a date, e.g. 2025-01-01"),
    int: N_("a whole number"),
    Decimal: N_("a number"),
    Count: N_("a number of persons, e.g. 1_600_000 (men 950_000, women 650_000)"),
    Money: N_("an amount of money, e.g. 1_000 per month"),
    Percent: N_("a percentage, e.g. 40%, 4/3% or 1/60"),
    Duration: N_("a duration, e.g. 15 years"),
}

_WRITE_AS = {
    Percent: N_("write it with a percent sign, e.g. {text}%"),
    Duration: N_("add a unit: {text} days, weeks, months or years"),
}


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: str, atom: Atom | None) -> None:
    """A text a report can print: no lone surrogate (``\\uD800``), not longer than the limit."""
    from c102.language.limits import limits

    found = _SURROGATE.search(text)
    if found is not None:
        raise BadValue(
            _('the text holds a lone surrogate U+{ord:04X}, which is not a character', ord=ord(found.group())),
            atom,
            _("write the character itself, or the \\u escape of a character outside U+D800-U+DFFF"),
        )
    limit = limits().max_text_length
    if len(text) > limit:
        raise BadValue(_('the text is {len:,} characters long, more than the limit of {limit:,}', len=len(text), limit=limit), atom)


def check_atom(atom: Atom) -> None:
    """Refuse numbers too long to mean anything and texts no output can hold, at their position."""
    from c102.language.limits import limits, too_many_digits

    value = atom.value
    if isinstance(value, str):
        check_text(value, atom)
        return
    numbers = value if isinstance(value, tuple) else (value,)
    for number in numbers:
        if isinstance(number, Decimal) and too_many_digits(number):
            raise BadValue(
                _('the number has more than {max_number_digits} digits', max_number_digits=limits().max_number_digits),
                atom,
                _("check the figure; write large amounts with _ between thousands, e.g. 1_600_000"),
            )


def _integral(atom: Atom, value: Decimal) -> int:
    if value != value.to_integral_value():
        raise BadValue(_('expected a whole number, got {text}', text=atom.text), atom)
    return int(value)


def _exact(atom: Atom) -> Decimal | Fraction:
    """A written number kept exact: ``40`` a Decimal, ``4/3`` a Fraction (never a rounded decimal)."""
    if not isinstance(atom.value, tuple):
        return atom.value  # type: ignore[no-any-return]
    numerator, denominator = atom.value
    if denominator == 0:
        raise BadValue(
            _("{text} divides by zero", text=atom.text), atom, _("write the share as the law does, e.g. 1/60 or 4/3%")
        )
    return Fraction(numerator) / Fraction(denominator)


def _mismatch(tp: Any, atom: Atom) -> BadValue:
    hint = _WRITE_AS.get(tp)
    return BadValue(
        _('expected {expected}, got {text}', expected=expected(tp), text=atom.text),
        atom,
        _(hint, text=atom.text) if hint and atom.kind == "num" else None,
    )


_ORIGINS: dict[int, tuple[Any, Any]] = {}


def _origin(tp: Any) -> Any:
    """``get_origin`` memoised by identity (hashing a ``Literal`` walks its values every time)."""
    known = _ORIGINS.get(id(tp))
    if known is None or known[0] is not tp:
        known = _ORIGINS[id(tp)] = (tp, get_origin(tp))  # holding ``tp`` keeps its id unique
    return known[1]


def convert_atom(tp: Any, atom: Atom) -> Any:
    """One atom as a value of type ``tp`` (never a list)."""
    kind = atom.kind
    if tp is str:
        if kind in ("text", "word", "cite"):
            return atom.value
        if kind in ("num", "date", "frac"):
            return atom.text
    elif tp is bool:
        if kind == "word" and atom.value in ("yes", "no"):
            return atom.value == "yes"
    elif tp is date:
        if kind == "date":
            try:
                return date.fromisoformat(atom.value)
            except ValueError:
                raise BadValue(_('{text} is not a calendar date', text=atom.text), atom) from None
    elif tp is int:
        if kind == "num":
            return _integral(atom, atom.value)
    elif tp is Decimal:
        if kind == "num":
            return atom.value
    elif tp is Count:
        if kind == "num":
            return Count(_integral(atom, atom.value))
        if kind == "count":
            total, men, women = atom.value
            return Count(_integral(atom, total), _integral(atom, men), _integral(atom, women))
    elif tp is Money:
        if kind == "num":
            return Money(atom.value)
        if kind == "money":
            amount, per = atom.value
            return Money(amount, per.removesuffix("s"))
    elif tp is Percent:
        if kind == "pct":
            return Percent(_exact(atom))
        if kind == "frac":
            return Percent(Fraction(_exact(atom)) * 100, share=True)
    elif tp is Duration:
        if kind == "duration":
            amount, unit = atom.value
            return Duration(amount, unit if unit.endswith("s") else unit + "s")
    elif (origin := _origin(tp)) is SexSplit:
        if kind == "num":
            return SexSplit(atom.value, atom.value)
        if kind == "sexsplit":
            return SexSplit(*atom.value)
    elif origin is Literal:
        allowed = get_args(tp)
        if kind == "word" and atom.value in allowed:
            return atom.value
        if kind in ("word", "text"):
            raise BadValue(
                _("unknown value '{value}'; expected {expected}", value=atom.value, expected=expected(tp)), atom, suggest(atom.value, allowed)
            )
    elif origin in (Union, types.UnionType):
        for arm in get_args(tp):
            try:
                return convert_atom(arm, atom)
            except BadValue:
                continue
    elif tp is Any:
        return natural(atom)
    raise _mismatch(tp, atom)


def natural(atom: Atom) -> Any:
    """The value of an atom when the field does not fix a type (``choices``, ``answers``)."""
    kind = atom.kind
    if kind == "word" and atom.value in ("yes", "no"):
        return atom.value == "yes"
    for tp, kinds in _NATURAL:
        if kind in kinds:
            return convert_atom(tp, atom)
    return atom.value


_NATURAL: tuple[tuple[Any, tuple[str, ...]], ...] = (
    (Decimal, ("num",)),
    (Percent, ("pct", "frac")),
    (Money, ("money",)),
    (Duration, ("duration",)),
    (date, ("date",)),
    (Count, ("count",)),
    (SexSplit[Decimal], ("sexsplit",)),
)


def convert(tp: Any, atoms: list[Atom]) -> Any:
    """The atoms of one field as its typed value: a list only where the type is a list."""
    is_list, read = _reader(tp)
    if is_list:
        if len(atoms) == 1 and atoms[0].kind == "word" and atoms[0].value == NONE:
            return []  # 'none': the law has none of these, which differs from leaving the field out
        return [read(a) for a in atoms]
    if len(atoms) > 1:
        if tp is Any:
            return [natural(a) for a in atoms]
        raise BadValue(
            _('this field takes one value, not a list; expected {expected}', expected=expected(tp)),
            atoms[1],
            _('keep one value; put any explanation in a note "..."'),
        )
    return read(atoms[0])


NONE = "none"  # the word that states an empty list
_READERS: dict[int, tuple[Any, bool, typing.Callable[[Atom], Any]]] = {}
_TEXTUAL = frozenset({"text", "word", "cite"})


def _reader(tp: Any) -> tuple[bool, typing.Callable[[Atom], Any]]:
    """Whether ``tp`` is a list, and a reader of one atom as (an element of) ``tp``, made once per type.

    Words of a fixed list and texts, the most common values, get a direct reader; the other
    types go through ``convert_atom``.
    """
    known = _READERS.get(id(tp))
    if known is None or known[0] is not tp:
        is_list = _origin(tp) is list
        element = get_args(tp)[0] if is_list else tp
        known = _READERS[id(tp)] = (tp, is_list, _make_reader(element))  # holding ``tp`` keeps its id
    return known[1], known[2]


def _make_reader(tp: Any) -> typing.Callable[[Atom], Any]:
    if _origin(tp) is Literal:
        allowed = frozenset(get_args(tp))

        def read_word(atom: Atom) -> Any:
            if atom.kind == "word" and atom.value in allowed:
                return atom.value
            return convert_atom(tp, atom)  # explains the mistake

        return read_word
    if tp is str:

        def read_text(atom: Atom) -> Any:
            return atom.value if atom.kind in _TEXTUAL else convert_atom(str, atom)

        return read_text
    return lambda atom: convert_atom(tp, atom)
