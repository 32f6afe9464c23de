"""Errors a user can act on, and the exit codes the CLI maps them to.

Exit codes (documented in the README and ``c102 --help``):
    0  success
    1  the assessment found gaps and ``--fail-on-gap`` was given
    2  bad input or usage: a description, rule file or option the user can fix
    3  internal error: a bug in c102 (run with C102_DEBUG=1 for the traceback)
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_GAPS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a source file, 1-based, as editors and compilers print it.

    Slotted: a description holds one per fact and block, so its size sets the parse's memory.
    """

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass
class Diagnostic:
    """One message about a user's file: where, how bad, what, and what to do."""

    position: Position
    message: str
    severity: str = "error"  # "error" | "warning"
    source_line: str | None = None
    hint: str | None = None
    code: str | None = None

    def render(self) -> str:
        """Compiler-style text: location, message, the line with a caret, a hint; the words
        ``error``, ``warning`` and ``hint`` in the active language."""
        from c102.i18n import _

        severity = _("warning") if self.severity == "warning" else _("error")
        out = [
            _(
                "{position}: {severity}: {message}",
                position=self.position,
                severity=severity,
                message=self.message,
            )
        ]
        if self.source_line is not None and self.position.column:
            text = self.source_line.rstrip("\n")
            out.append(f"  {text}")
            caret_at = min(self.position.column - 1, len(text))
            prefix = "".join(ch if ch == "\t" else " " for ch in text[:caret_at])
            out.append(f"  {prefix}^")
        if self.hint:
            out.append("  " + _("hint: {hint}", hint=self.hint))
        return "\n".join(out)

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.position.file,
            "line": self.position.line,
            "column": self.position.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


class C102Error(Exception):
    """A mistake in user input; the CLI prints it and exits with ``exit_code``."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.diagnostics: list[Diagnostic] = diagnostics or []

    def render(self) -> str:
        if self.diagnostics:
            return "\n".join(d.render() for d in self.diagnostics)
        from c102.i18n import _

        return _("error: {message}", message=str(self))


@dataclass
class DescriptionError(C102Error):
    """A scheme description that cannot be read or does not make sense."""

    message: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        C102Error.__init__(self, self.message, self.diagnostics)


class RulebookError(C102Error):
    """A rule file that breaks the rulebook schema."""


class UsageError(C102Error):
    """A command-line option or argument that does not fit."""
