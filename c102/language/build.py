"""Generic blocks and fields -> the typed model, driven by the dataclasses of ``c102.model``.

How each field is written comes from ``fields`` (the specs of the dataclasses), how each value is
read from ``conversion``; this module walks the blocks and collects every error on the way.
"""

from __future__ import annotations

import typing
from typing import Any, Literal, get_args, get_origin

from c102.errors import Diagnostic, Position
from c102.i18n import _
from c102.language.conversion import (
    BadValue,
    check_atom,
    check_text,
    convert,
    expected,
    suggest,
)
from c102.language.fields import (
    BLOCK,
    BLOCKS,
    FACT,
    LABEL,
    LINES,
    FieldSpec,
    block_info,
    specs,
)
from c102.language.lines import SourceLines
from c102.language.nodes import Atom, BlockNode, FieldNode, Raw
from c102.model.description import Description
from c102.model.values import Fact

__all__ = [
    "Builder",
    "build_description",
]


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
        label, required, positioned = block_info(cls)
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
