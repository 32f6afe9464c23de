"""The YAML/JSON form of a description: the same blocks as nested mappings, positions kept.

``country: {name: Examplia, iso: XE}``, ``scheme: [{name: ..., benefit: [{branch: old_age, ...}]}]``.
A value is a scalar in the language's value syntax (``"15 years"``, ``"1_000 per month"``,
``"men 62, women 60"``) or ``{value: ..., source: ..., note: ...}``. The file is composed into
YAML nodes (never constructed into objects first) so every error keeps its line and column; it is
validated against ``c102/schemas/description.schema.json`` and then built by the same builder as
the .c102 form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, get_args, get_origin

from c102.errors import Diagnostic, Position
from c102.i18n import _, ngettext
from c102.language.build import Builder
from c102.language.conversion import NONE, BadValue, expected, suggest
from c102.language.fields import BLOCK, BLOCKS, FACT, FACTS, LABEL, LINES, specs
from c102.language.nodes import Atom, BlockNode, FieldNode, Raw
from c102.model.description import Description

FACT_KEYS = ("value", "source", "note", "complete")


@dataclass(slots=True)
class Node:
    """A YAML/JSON node: a mapping (list of key/value pairs), a sequence or a scalar, with position."""

    kind: str  # map | seq | scalar
    line: int
    column: int
    items: list[tuple[Node, Node]] = field(default_factory=list)  # map
    elements: list[Node] = field(default_factory=list)  # seq
    raw: Raw | None = None  # scalar

    @property
    def key_text(self) -> str:
        return self.raw.text if self.raw is not None else "?"


def _from_yaml(node: Any) -> Node:
    import yaml

    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        return Node("map", line, column, items=[(_from_yaml(k), _from_yaml(v)) for k, v in node.value])
    if isinstance(node, yaml.SequenceNode):
        return Node("seq", line, column, elements=[_from_yaml(v) for v in node.value])
    tag = str(node.tag).rsplit(":", 1)[-1]
    return Node("scalar", line, column, raw=Raw(str(node.value), tag, line, column, node.style in ('"', "'")))


def _from_json(value: Any) -> Node:
    """A parsed JSON value as nodes without positions (used if YAML cannot compose the JSON text)."""
    if isinstance(value, dict):
        return Node("map", 0, 0, items=[(_from_json(k), _from_json(v)) for k, v in value.items()])
    if isinstance(value, list):
        return Node("seq", 0, 0, elements=[_from_json(v) for v in value])
    if value is None:
        return Node("scalar", 0, 0, raw=Raw("null", "null", 0, 0))
    if isinstance(value, bool):
        return Node("scalar", 0, 0, raw=Raw("true" if value else "false", "bool", 0, 0))
    tag = "float" if isinstance(value, _JsonFloat) else "int" if isinstance(value, _JsonInt) else "str"
    return Node("scalar", 0, 0, raw=Raw(str(value), tag, 0, 0, tag == "str"))


class _JsonFloat(str):
    """A JSON number with a fraction, kept as its text so no float rounding creeps in."""


class _JsonInt(str):
    """A JSON integer, kept as its text."""


def plain(node: Node) -> Any:
    """The node as plain Python data, for JSON Schema validation."""
    if node.kind == "map":
        return {k.key_text: plain(v) for k, v in node.items}
    if node.kind == "seq":
        return [plain(v) for v in node.elements]
    assert node.raw is not None
    raw = node.raw
    if raw.tag == "null":
        return None
    if raw.tag == "bool":
        return raw.text.lower() in ("yes", "true", "on", "y")
    if raw.tag in ("int", "float"):
        try:
            number = float(raw.text.replace("_", ""))
            return int(number) if raw.tag == "int" and number.is_integer() else number
        except ValueError:
            return raw.text
    return raw.text


def locate(root: Node, path: list[str | int]) -> Node:
    """The node at a JSON-Schema error path (the deepest one that exists)."""
    node = root
    for step in path:
        if node.kind == "map":
            found = next((v for k, v in node.items if k.key_text == step), None)
        elif node.kind == "seq" and isinstance(step, int) and step < len(node.elements):
            found = node.elements[step]
        else:
            found = None
        if found is None:
            break
        node = found
    return node


# ---------------------------------------------------------------- nodes -> generic blocks


def _fact_field(key: Node, value: Node) -> FieldNode:
    """A fact: a scalar or sequence, or ``{value, source, note}`` (the schema has checked the keys)."""
    out = FieldNode(key.key_text, key.line, key.column)
    if value.kind == "map":
        for k, v in value.items:
            name = k.key_text
            if name == "value":
                _put_raw(out, v)
            elif name in ("source", "note") and v.raw is not None:
                setattr(out, name, v.raw.text)
            elif name == "complete" and v.raw is not None and v.raw.text.lower() in ("true", "yes"):
                out.complete = (k.line, k.column)
    else:
        _put_raw(out, value)
    return out


def _put_raw(out: FieldNode, value: Node) -> None:
    if value.kind == "seq":
        out.raw = [e.raw for e in value.elements if e.raw is not None]
    else:
        out.raw = value.raw


def to_block(cls: type, keyword: str, node: Node) -> BlockNode:
    """A mapping as the block it stands for, using the dataclass to tell fields from blocks."""
    block = BlockNode(keyword, node.line, node.column)
    fields = specs(cls)
    for key, value in node.items:
        spec = fields.get(key.key_text)
        if spec is not None and spec.kind == LABEL:
            block.label = value.raw
        elif spec is not None and spec.kind == BLOCK:
            block.items.append(to_block(spec.type, key.key_text, value))
        elif spec is not None and spec.kind == BLOCKS:
            for element in value.elements:
                block.items.append(to_block(spec.type, key.key_text, element))
        elif spec is not None and spec.kind == LINES:
            # A list of statements, each a fact; a single mapping or scalar is one statement.
            elements = value.elements if value.kind == "seq" else [value]
            block.items.extend(_fact_field(key, element) for element in elements)
        elif spec is not None and spec.kind == FACTS:
            sub = BlockNode(key.key_text, key.line, key.column)
            sub.items = [_fact_field(k, v) for k, v in value.items]
            block.items.append(sub)
        elif (spec is not None and spec.kind == FACT) or value.kind != "map":
            block.items.append(_fact_field(key, value))
        else:
            block.items.append(BlockNode(key.key_text, key.line, key.column))
    return block


# ---------------------------------------------------------------- scalars -> atoms


def read_raw(tp: Any, raw: Raw) -> list[Atom]:
    """A YAML/JSON scalar as atoms of the language, read according to the field's type."""
    column = raw.column + (1 if raw.quoted else 0)
    if raw.tag == "null":
        raise BadValue(_('no value; expected {expected}', expected=expected(tp)), Atom("text", "", raw.text, raw.line, raw.column))
    if tp is str:
        return [Atom("text", raw.text, raw.text, raw.line, column)]
    if raw.tag == "bool":
        word = "yes" if raw.text.lower() in ("yes", "true", "on", "y") else "no"
        return [Atom("word", word, raw.text, raw.line, column)]
    if get_origin(tp) is list and get_args(tp)[0] is str and "," not in raw.text:
        kind = "word" if raw.text == NONE else "text"  # none: the empty list, as in the .c102 form
        return [Atom(kind, raw.text, raw.text, raw.line, column)]
    from lark.exceptions import UnexpectedInput

    from c102.language.syntax import parse_value

    try:
        atoms = parse_value(raw.text)
    except UnexpectedInput:
        if tp is Any:
            return [Atom("text", raw.text, raw.text, raw.line, column)]
        raise BadValue(
            _("cannot read '{text}' as {expected}", text=raw.text, expected=expected(tp)),
            Atom("text", raw.text, raw.text, raw.line, raw.column),
            _("write it in the syntax of the .c102 language (docs/language.md)"),
        ) from None
    for atom in atoms:
        if atom.line == 1:
            atom.column += column - 1
        atom.line += raw.line - 1
    return atoms


# ---------------------------------------------------------------- the whole file


def compose(text: str, file: str, json: bool) -> tuple[Node | None, list[Diagnostic]]:
    """The node tree of a YAML or JSON text, or the syntax error with its line and column."""
    import yaml

    lines = text.splitlines()

    def at(line: int, column: int, message: str, hint: str | None = None) -> Diagnostic:
        source = lines[line - 1] if 0 < line <= len(lines) else None
        return Diagnostic(Position(file, line, column), message, "error", source, hint, "syntax")

    if json:
        import json as json_module

        try:
            data = json_module.loads(text, parse_float=_JsonFloat, parse_int=_JsonInt)
        except json_module.JSONDecodeError as error:
            return None, [at(error.lineno, error.colno, _("invalid JSON: {problem}", problem=error.msg))]
    alias = None if json or "*" not in text else _first_alias(text)
    if alias is not None:
        return None, [
            at(
                alias.start_mark.line + 1,
                alias.start_mark.column + 1,
                _("YAML alias '*{anchor}' is not allowed in a description", anchor=alias.anchor),
                _("write the value out in full; aliases can make a small file expand without bound"),
            )
        ]
    try:
        composed = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        if json:
            return _json_fallback(data), []
        mark, opened = error.problem_mark, error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        hint = error.context
        if hint and opened is not None:
            hint = _("{context} opened at line {line}, column {column}", context=hint, line=opened.line + 1, column=opened.column + 1)
        return None, [at(line, column, _("invalid YAML: {problem}", problem=error.problem), hint)]
    except yaml.YAMLError as error:
        if json:
            return _json_fallback(data), []
        return None, [at(0, 0, _("invalid YAML: {problem}", problem=error))]
    if composed is None:
        return None, [at(1, 1, _("the file is empty"), _('start with a mapping: country: {name: "..."}'))]
    return _from_yaml(composed), []


def _first_alias(text: str) -> Any:
    """The first alias event of a YAML text, found by streaming events (nothing is expanded)."""
    import yaml

    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, yaml.AliasEvent):
                return event
    except yaml.YAMLError:
        return None  # compose reports the syntax error with its position
    return None


def _json_fallback(data: Any) -> Node:
    return _from_json(data)


def schema_diagnostics(root: Node, file: str, lines: list[str]) -> list[Diagnostic]:
    """Validate against the shipped JSON Schema; each error placed at its node."""
    from c102.language.schema import validator

    out: list[Diagnostic] = []
    for error in sorted(validator().iter_errors(plain(root)), key=lambda e: list(map(str, e.absolute_path))):
        error = _most_telling(error)
        path = list(error.absolute_path)
        node = locate(root, path)
        message, hint, key = _schema_message(error)
        if key is not None:  # point at the unknown key itself
            node = next((k for k, _ in node.items if k.key_text == key), node)
        where = ".".join(str(p) for p in path) or _("top level")
        source = lines[node.line - 1] if 0 < node.line <= len(lines) else None
        out.append(
            Diagnostic(
                Position(file, node.line, node.column),
                _("{where}: {problem}", where=where, problem=message),
                "error",
                source,
                hint,
                "schema",
            )
        )
    return out


def _most_telling(error: Any) -> Any:
    """Inside an ``anyOf``, the error of the alternative that got furthest (an enum, a key)."""
    if error.validator != "anyOf":
        return error
    telling, stack = [], list(error.context or ())
    while stack:
        inner = stack.pop()
        stack.extend(inner.context or ())
        if inner.validator in ("enum", "additionalProperties", "required"):
            telling.append(inner)
    return max(telling, key=lambda e: len(e.absolute_path)) if telling else error


def _schema_message(error: Any) -> tuple[str, str | None, str | None]:
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        hint = suggest(extra[0], allowed) if extra else None
        return (
            ngettext("unknown field {fields}", "unknown fields {fields}", len(extra), fields=", ".join(repr(k) for k in extra)),
            hint or _("allowed: {fields}", fields=", ".join(allowed)),
            extra[0] if extra else None,
        )
    if error.validator == "enum":
        allowed = [str(v) for v in error.validator_value]
        return (
            _("unknown value {value!r}; expected one of: {allowed}", value=error.instance, allowed=", ".join(allowed)),
            suggest(str(error.instance), allowed),
            None,
        )
    if error.validator == "anyOf":
        return (
            _("{value!r} does not fit: {description}", value=error.instance, description=error.schema.get("description") or _("see the schema")),
            None,
            None,
        )
    return error.message, None, None


def diagnose_dict_text(
    text: str, file: str, json: bool = False
) -> tuple[Description | None, list[Diagnostic]]:
    """A YAML or JSON description as the typed model, or the diagnostics that prevent it."""
    from c102.language.limits import size_error

    too_large = size_error(file, len(text))
    if too_large is not None:
        return None, [too_large]
    try:
        return _diagnose_dict_text(text, file, json)
    except RecursionError:
        return None, [
            Diagnostic(Position(file), _("the document is nested too deeply to be a description"), code="syntax")
        ]


def _diagnose_dict_text(text: str, file: str, json: bool) -> tuple[Description | None, list[Diagnostic]]:
    from c102.language.build import build_description

    root, diagnostics = compose(text, file, json)
    if root is None:
        return None, diagnostics
    lines = text.splitlines()
    if root.kind != "map":
        return None, [
            Diagnostic(
                Position(file, root.line, root.column),
                _("the top level must be a mapping of blocks (country, scheme, ...)"),
                code="schema",
            )
        ]
    diagnostics = schema_diagnostics(root, file, lines)
    if diagnostics:
        return None, diagnostics
    top = to_block(Description, "description", root)
    builder = Builder(file, lines, read_raw)
    return build_description(builder, top.items), builder.diagnostics
