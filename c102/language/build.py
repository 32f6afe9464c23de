"""Generic blocks and fields -> the typed model, driven by the dataclasses of ``c102.model``.

The dataclasses say everything: a field typed ``Fact[X]`` is a line ``key: value``, a nested
dataclass a block, ``list[Dataclass]`` a block that may repeat, ``dict[str, Fact[Any]]`` a block
of free keys (``choices``, ``answers``), field metadata ``label=True`` the text after a block's
keyword. Adding a field to the model adds it to the language, the YAML form, ``fmt`` and the
JSON Schema with no change here.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, Union, get_args, get_origin

from c102.errors import Diagnostic, Position
from c102.i18n import N_, _
from c102.language.lines import SourceLines
from c102.language.nodes import Atom, BlockNode, FieldNode, Raw
from c102.model.description import Description
from c102.model.values import Count, Duration, Fact, Money, Percent, SexSplit

LABEL, FACT, BLOCK, BLOCKS, FACTS = "label", "fact", "block", "blocks", "facts"
LINES = "lines"  # ``list[Fact[X]]``: a field line that may repeat, each line its own fact


@dataclass(frozen=True)
class FieldSpec:
    """How one dataclass field is written in the language."""

    name: str
    kind: str  # label | fact | block | blocks | facts | lines
    type: Any  # the value type (inside Fact[...]) or the dataclass of a block
    required: bool
    doc: str


def _strip_optional(tp: Any) -> tuple[Any, bool]:
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) < len(get_args(tp)):
            return (args[0] if len(args) == 1 else Union[tuple(args)]), True  # noqa: UP007
    return tp, False


_SPECS: dict[type, dict[str, FieldSpec]] = {}


def specs(cls: type) -> dict[str, FieldSpec]:
    """The language view of a model dataclass, in field order (which is also ``fmt``'s order)."""
    known = _SPECS.get(cls)
    if known is None:
        known = _SPECS[cls] = _specs(cls)
    return known


def _specs(cls: type) -> dict[str, FieldSpec]:
    hints = typing.get_type_hints(cls)
    out: dict[str, FieldSpec] = {}
    for f in dataclasses.fields(cls):
        if f.name == "position" or f.metadata.get("internal"):
            continue
        tp, _ = _strip_optional(hints[f.name])
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        doc = str(f.metadata.get("doc", ""))
        if f.metadata.get("label"):
            kind = LABEL
        elif get_origin(tp) is Fact:
            kind, tp = FACT, get_args(tp)[0]
        elif dataclasses.is_dataclass(tp):
            kind = BLOCK
        elif get_origin(tp) is list and dataclasses.is_dataclass(get_args(tp)[0]):
            kind, tp = BLOCKS, get_args(tp)[0]
        elif get_origin(tp) is list and get_origin(get_args(tp)[0]) is Fact:
            kind, tp = LINES, get_args(get_args(tp)[0])[0]
        elif get_origin(tp) is dict:
            kind, tp = FACTS, get_args(get_args(tp)[1])[0]
        else:
            raise TypeError(f"{cls.__name__}.{f.name}: type {tp!r} has no form in the language")
        out[f.name] = FieldSpec(f.name, kind, tp, required, doc)
    return out


_BLOCK_INFO: dict[type, tuple[FieldSpec | None, list[FieldSpec], bool]] = {}


def _block_info(cls: type) -> tuple[FieldSpec | None, list[FieldSpec], bool]:
    """Label, required fields (other than the label), and whether it records its position."""
    info = _BLOCK_INFO.get(cls)
    if info is None:
        required = [s for s in specs(cls).values() if s.required and s.kind != LABEL]
        positioned = "position" in {f.name for f in dataclasses.fields(cls)}
        info = _BLOCK_INFO[cls] = (label_spec(cls), required, positioned)
    return info


def label_spec(cls: type) -> FieldSpec | None:
    return next((s for s in specs(cls).values() if s.kind == LABEL), None)


# ---------------------------------------------------------------- values


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


# ---------------------------------------------------------------- blocks


class Builder:
    """Builds one description, collecting every error rather than stopping at the first."""

    def __init__(
        self, file: str, lines: str | list[str], read_raw: typing.Callable[[Any, Raw], list[Atom]]
    ) -> None:
        self.file = file
        self.lines = SourceLines(lines) if isinstance(lines, str) else lines
        self.read_raw = read_raw
        self.diagnostics: list[Diagnostic] = []

    def error(
        self, line: int, column: int, message: str, hint: str | None = None, code: str = "model"
    ) -> None:
        if isinstance(self.lines, SourceLines):
            source = self.lines.get(line)
        else:
            source = self.lines[line - 1] if 0 < line <= len(self.lines) else None
        self.diagnostics.append(
            Diagnostic(Position(self.file, line, column), message, "error", source, hint, code)
        )

    def position(self, line: int, column: int) -> Position:
        return Position(self.file, line, column)

    def atoms(self, tp: Any, node: FieldNode) -> list[Atom]:
        if node.atoms is not None:
            return node.atoms
        if isinstance(node.raw, list):  # a YAML/JSON sequence: each element is one value
            element = get_args(tp)[0] if get_origin(tp) is list else tp
            return [atom for raw in node.raw for atom in self.read_raw(element, raw)]
        return self.read_raw(tp, node.raw) if node.raw is not None else []

    def fact(self, tp: Any, node: FieldNode) -> Fact[Any] | None:
        try:
            atoms = self.atoms(tp, node)
            for atom in atoms:
                check_atom(atom)
            for text in (node.source, node.note):
                if text is not None:
                    check_text(text, None)
            if not atoms and isinstance(node.raw, list) and get_origin(tp) is list:
                return Fact([], node.source, node.note, self.position(node.line, node.column))  # [] = none
            if not atoms:
                raise BadValue(_("'{key}' has no value; expected {expected}", key=node.key, expected=expected(tp)))
            value = convert(tp, atoms)
        except BadValue as bad:
            where = bad.where
            line, column = (where.line, where.column) if where else (node.line, node.column)
            self.error(line, column, bad.message, bad.hint, code="value")
            return None
        first = atoms[0]
        if node.complete is not None and get_origin(tp) is not list:
            line, column = node.complete
            self.error(
                line,
                column,
                _("'complete' marks a list as the whole of what the law provides; '{key}' is not a list", key=node.key),
                _("leave 'complete' out"),
                code="value",
            )
        whole = node.complete is not None and isinstance(value, list) and bool(value)
        return Fact(value, node.source, node.note, self.position(first.line, first.column), whole)

    def block(self, cls: type, node: BlockNode) -> Any:
        before = len(self.diagnostics)
        fields = specs(cls)
        kwargs: dict[str, Any] = {}
        seen: dict[str, int] = {}
        label, required, positioned = _block_info(cls)
        if node.label is not None:
            if label is None:
                self.error(
                    node.label.line,
                    node.label.column,
                    _("block '{keyword}' takes no label", keyword=node.keyword),
                    _("write '{keyword} {{' on its own", keyword=node.keyword),
                    code="label",
                )
            else:
                fact = self.fact(
                    label.type,
                    FieldNode(
                        label.name,
                        node.line,
                        node.column,
                        [node.label] if isinstance(node.label, Atom) else None,
                        node.label if isinstance(node.label, Raw) else None,
                    ),
                )
                if fact is not None:
                    kwargs[label.name] = fact.value
        elif label is not None and label.required:
            self.error(
                node.line,
                node.column,
                _("block '{keyword}' needs a label after its keyword", keyword=node.keyword),
                _('write {keyword} {label_example} {{ (the label is {expected})', keyword=node.keyword, label_example=_label_example(label), expected=expected(label.type)),
                code="label",
            )
        for item in node.items:
            key = item.key if isinstance(item, FieldNode) else item.keyword
            spec = fields.get(key)
            if spec is None or spec.kind == LABEL:
                self._unknown(cls, node, item, key)
                continue
            if key in seen and spec.kind not in (BLOCKS, LINES):
                self.error(
                    item.line,
                    item.column,
                    _("'{key}' is given twice in this block (first at line {seen})", key=key, seen=seen[key]),
                    _("keep one"),
                    code="duplicate",
                )
                continue
            seen.setdefault(key, item.line)
            if spec.kind in (FACT, LINES):
                if not isinstance(item, FieldNode):
                    self.error(
                        item.line,
                        item.column,
                        _("'{key}' is a field, not a block", key=key),
                        _('write {key}: ... on one line ({expected})', key=key, expected=expected(spec.type)),
                        code="shape",
                    )
                    continue
                fact = self.fact(spec.type, item)
                if fact is not None and spec.kind == LINES:
                    kwargs.setdefault(key, []).append(fact)
                elif fact is not None:
                    kwargs[key] = fact
            elif not isinstance(item, BlockNode):
                self.error(
                    item.line,
                    item.column,
                    _("'{key}' is a block, not a field", key=key),
                    _('write {key} {{ ... }} with one field per line inside', key=key),
                    code="shape",
                )
            elif spec.kind == BLOCK:
                kwargs[key] = self.block(spec.type, item)
            elif spec.kind == BLOCKS:
                kwargs.setdefault(key, []).append(self.block(spec.type, item))
            else:
                kwargs[key] = self.facts(spec.type, item)
        for spec in required:
            if spec.name not in seen:
                self.error(
                    node.line,
                    node.column,
                    _("block '{keyword}' is missing '{name}'", keyword=node.keyword, name=spec.name),
                    _("add a line '{name}: ...' ({expected})", name=spec.name, expected=expected(spec.type)),
                    code="missing",
                )
        if len(self.diagnostics) > before:
            return None
        if positioned:
            kwargs["position"] = self.position(node.line, node.column)
        return cls(**kwargs)

    def facts(self, tp: Any, node: BlockNode) -> dict[str, Fact[Any]]:
        out: dict[str, Fact[Any]] = {}
        lines: dict[str, int] = {}
        for item in node.items:
            if not isinstance(item, FieldNode):
                self.error(
                    item.line, item.column, _("'{keyword}' holds fields only, not blocks", keyword=node.keyword), code="shape"
                )
                continue
            try:
                check_text(item.key, None)
            except BadValue as bad:
                self.error(item.line, item.column, bad.message, bad.hint, code="value")
                continue
            if item.key in out:
                self.error(
                    item.line,
                    item.column,
                    _("'{key}' is given twice (first at line {lines})", key=item.key, lines=lines[item.key]),
                    code="duplicate",
                )
                continue
            fact = self.fact(tp, item)
            if fact is not None:
                out[item.key] = fact
                lines[item.key] = item.line
        return out

    def _unknown(self, cls: type, node: BlockNode, item: FieldNode | BlockNode, key: str) -> None:
        names = [n for n, s in specs(cls).items() if s.kind != LABEL]
        hint = suggest(key, names) or _("the fields of '{keyword}' are: {names}", keyword=node.keyword, names=", ".join(names))
        self.error(
            item.line, item.column, _("unknown field '{key}' in block '{keyword}'", key=key, keyword=node.keyword), hint, code="unknown"
        )


def _label_example(spec: FieldSpec) -> str:
    if spec.type is str:
        return '"Name"'
    if spec.type is int:
        return "2023"
    return get_args(spec.type)[0] if get_origin(spec.type) is Literal else "label"


def build_description(builder: Builder, items: list[FieldNode | BlockNode]) -> Description | None:
    """The top level of a file is the body of a ``Description``: its blocks, in any order.

    ``items`` is consumed: each block's nodes are let go once it is built, so the syntax nodes of
    a large file and its model are never in memory whole at the same time.
    """
    before = len(builder.diagnostics)
    fields = specs(Description)
    kwargs: dict[str, Any] = {}
    seen: dict[str, int] = {}
    items.reverse()
    while items:
        item = items.pop()
        key = item.key if isinstance(item, FieldNode) else item.keyword
        spec = fields.get(key)
        if spec is None:
            hint = suggest(key, fields) or _("a description is made of the blocks: {blocks}", blocks=", ".join(fields))
            builder.error(item.line, item.column, _("unknown block '{key}'", key=key), hint, code="unknown")
            continue
        if spec.kind == LINES:
            if isinstance(item, FieldNode):
                fact = builder.fact(spec.type, item)
                if fact is not None:
                    kwargs.setdefault(key, []).append(fact)
            else:
                builder.error(
                    item.line,
                    item.column,
                    _("'{key}' is a field, not a block", key=key),
                    _('write {key}: ... on one line ({expected})', key=key, expected=expected(spec.type)),
                    code="shape",
                )
            continue
        if not isinstance(item, BlockNode):
            builder.error(
                item.line,
                item.column,
                _("'{key}' is a block, not a field", key=key),
                _('write {key} {{ ... }}', key=key),
                code="shape",
            )
            continue
        if key in seen and spec.kind != BLOCKS:
            builder.error(
                item.line,
                item.column,
                _("block '{key}' is given twice (first at line {seen})", key=key, seen=seen[key]),
                _("merge the two blocks"),
                code="duplicate",
            )
            continue
        seen[key] = item.line
        if spec.kind == BLOCK:
            kwargs[key] = builder.block(spec.type, item)
        elif spec.kind == BLOCKS:
            kwargs.setdefault(key, []).append(builder.block(spec.type, item))
        else:
            kwargs[key] = builder.facts(spec.type, item)
    if "country" not in seen:
        builder.error(
            1,
            1,
            _("the description has no 'country' block"),
            _('start with: country "Name" { ... }'),
            code="missing",
        )
    if len(builder.diagnostics) > before:
        return None
    return Description(**kwargs)
