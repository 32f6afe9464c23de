"""Checks on ``absent:`` statements: a branch is either served by a scheme or stated absent, once.

An ``absent:`` line says, with its source, that the law provides no benefit at all for a branch;
it is what turns "the description does not say" into "the law provides none" (issue 10, Art 2).
A branch stated absent and also served by a scheme, or stated absent twice, is a contradiction
the reader must resolve, so each is a positioned error at the branch word.
"""

from __future__ import annotations

import re

from c102.errors import Diagnostic, Position
from c102.i18n import _
from c102.language.lines import SourceLines
from c102.model.description import Description
from c102.model.values import Branch, Fact


def branch_position(
    description: Description, fact: Fact[list[Branch]], branch: str, lines: SourceLines | None = None
) -> Position | None:
    """Where the branch word is written in an ``absent:`` line (the line's start if not found)."""
    where = fact.position
    if where is None or not description.text:
        return where
    line = (lines or SourceLines(description.text)).get(where.line)
    if line is None:
        return where
    found = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(branch)}(?![A-Za-z0-9_])").search(
        line, max(where.column - 1, 0)
    )
    return Position(where.file, where.line, found.start() + 1) if found else where


def absence_diagnostics(description: Description) -> list[Diagnostic]:
    """Contradictions between ``absent:`` statements and the schemes of the description."""
    file = description.path or "<string>"
    lines = SourceLines(description.text)
    out: list[Diagnostic] = []

    def add(where: Position | None, message: str, hint: str) -> None:
        position = where or Position(file, 1, 1)
        source = lines.get(position.line)
        out.append(Diagnostic(position, message, "error", source, hint, "consistency"))

    first: dict[str, Position | None] = {}
    for fact in description.absent:
        for branch in fact.value:
            where = branch_position(description, fact, branch, lines)
            words = branch.replace("_", " ")
            if branch in first:
                earlier = first[branch]
                if earlier is not None:
                    message = _("{words} is stated absent twice (first at line {line})", words=words, line=earlier.line)
                else:
                    message = _("{words} is stated absent twice", words=words)
                add(where, message, _("keep one statement, with its source"))
                continue
            first[branch] = where
            serving = description.schemes_for(branch)
            if serving:
                scheme = serving[0]
                if scheme.position is not None:
                    message = _(
                        '{words} is stated absent, but scheme "{name}" at line {line} serves it',
                        words=words,
                        name=scheme.name,
                        line=scheme.position.line,
                    )
                else:
                    message = _('{words} is stated absent, but scheme "{name}" serves it', words=words, name=scheme.name)
                add(
                    where,
                    message,
                    _('remove {branch} from this statement, or from the branches of "{name}"', branch=branch, name=scheme.name),
                )
    return out
