"""The collector the model checks report to: diagnostics placed at a fact, with its source line."""

from __future__ import annotations

from c102.errors import Diagnostic, Position
from c102.language.lines import SourceLines
from c102.model.description import Description


class Report:
    """Diagnostics of one description, each with the line it points at (default: line 1, column 1)."""

    def __init__(self, description: Description) -> None:
        self.file = description.path or "<string>"
        self.text = description.text
        self.out: list[Diagnostic] = []
        self._lines = SourceLines(self.text)

    def add(
        self,
        where: Position | None,
        message: str,
        hint: str | None = None,
        *,
        severity: str = "error",
        code: str = "consistency",
    ) -> None:
        position = where or Position(self.file, 1, 1)
        source = self._lines.get(position.line)
        self.out.append(Diagnostic(position, message, severity, source, hint, code))
