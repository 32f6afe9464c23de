"""A YAML file read twice: as plain data, and as a node tree that remembers line and column.

The schema validator reports errors as paths into the data (``rules/3/params/threshold``); the node
tree turns such a path back into the place in the file, so a rule author sees ``file:line:column``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from c102.errors import C102Error, Diagnostic, Position, RulebookError


@dataclass
class YamlSource:
    """One rule file: its path for messages, its text, its data and its node tree."""

    path: Path
    display: str  # the path as messages show it
    raw: bytes
    text: str
    data: Any
    node: Any  # yaml.Node | None (an empty file)
    code: str = "rulebook"  # the diagnostic code of messages about this file

    def line_text(self, line: int) -> str | None:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else None

    def locate(self, path: Iterable[str | int], key: bool = False) -> tuple[int, int]:
        """1-based line and column of the node at ``path``; the deepest existing node if it is absent.

        With ``key`` the mapping key is pointed at rather than its value (for an unknown field).
        """
        import yaml

        node = self.node
        if node is None:
            return (1, 1)
        mark = node.start_mark
        for step in path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == str(step):
                        mark = key_node.start_mark if key else value_node.start_mark
                        node = value_node
                        break
                else:
                    break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
                mark = node.start_mark
            else:
                break
        return (mark.line + 1, mark.column + 1)

    def diagnostic(
        self, path: Iterable[str | int], message: str, hint: str | None = None, key: bool = False
    ) -> Diagnostic:
        line, column = self.locate(path, key=key)
        return Diagnostic(
            position=Position(self.display, line, column),
            message=message,
            source_line=self.line_text(line),
            hint=hint,
            code=self.code,
        )


def display_path(path: Path) -> str:
    """The path relative to the working directory where it lies below it, else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_yaml(
    path: Path, error_class: type[C102Error] = RulebookError, code: str = "rulebook"
) -> YamlSource:
    """Read one file safely (``yaml.SafeLoader`` only); a syntax error becomes ``error_class``
    (a RulebookError for rule files; the test runner reads expectation files the same way)."""
    import yaml

    display = display_path(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise error_class(
            f"{display} is not UTF-8",
            [Diagnostic(Position(display), f"file is not valid UTF-8 ({error.reason})", code=code)],
        ) from None
    try:
        # One parse: the node tree keeps the marks, and the safe constructor builds the data from it.
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        data = yaml.constructor.SafeConstructor().construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        lines = text.splitlines()
        source = lines[line - 1] if 0 < line <= len(lines) else None
        problem = error.problem or "invalid YAML"
        raise error_class(
            f"{display}: {problem}",
            [
                Diagnostic(
                    Position(display, line, column),
                    f"YAML syntax: {problem}",
                    source_line=source,
                    hint=error.context,
                    code=code,
                )
            ],
        ) from None
    except yaml.YAMLError as error:
        raise error_class(
            f"{display}: {error}", [Diagnostic(Position(display), f"YAML: {error}", code=code)]
        ) from None
    return YamlSource(path=path, display=display, raw=raw, text=text, data=data, node=node, code=code)
