"""Where the comments of a .c102 text stand, so ``c102 fmt`` can print them back.

Comments are not part of the model, but they are a specialist's notes and must survive
formatting. A light scan of the source text (strings and comments told apart with the grammar's
own patterns) records each comment by line: a full-line comment belongs to the next line with
code on it, a trailing comment to the line it ends. The printer then re-attaches them through
the ``position`` the model keeps on every fact and block. The scan also matches braces, since a
comment before a ``}`` belongs to the block it closes and the model does not record that line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

# Continuation lines: an indented ``source "`` or ``note "`` right under a field (grammar's _CONT).
_CONTINUATION = re.compile(r"[ \t]+(source|note)[ \t]+\"")

Anchor = tuple[int, int]  # (line, column) of a block's keyword, as the model's position has it


@cache
def _token() -> re.Pattern[str]:
    """One rough token of a line: a string or a comment (the grammar's patterns), punctuation, a word."""
    from c102.language.grammar import parser

    terminals = {t.name: t for t in parser().terminals}
    string = terminals["STRING"].pattern.to_regexp()
    comment = terminals["COMMENT"].pattern.to_regexp()
    return re.compile(rf"(?P<string>{string})|(?P<comment>{comment})|(?P<punct>[{{}}:])|[^\s{{}}:\"#]+|\"")


@dataclass(frozen=True)
class Comment:
    """One comment: its text from ``#`` to the end of the line (trailing spaces removed)."""

    line: int
    text: str


@dataclass
class Group:
    """The full-line comments before one line of code; ``""`` marks a blank line between them."""

    lines: list[str]
    blank_after: bool  # a blank line separates the last comment from the code below
    first: int  # source line of the first comment

    def texts(self) -> list[str]:
        return [line for line in self.lines if line]


@dataclass
class Layout:
    """The comments of one text, keyed by the source lines the model's positions name."""

    comments: list[Comment] = field(default_factory=list)
    header: Group | None = None  # comments before the first line of code
    before: dict[int, Group] = field(default_factory=dict)  # line of code -> comments above it
    trailing: dict[int, list[Comment]] = field(default_factory=dict)  # field line -> comments on it
    owner: dict[int, tuple[str, int]] = field(default_factory=dict)  # who a trailing comment follows
    closes: dict[Anchor, int] = field(default_factory=dict)  # block keyword -> line of its '}'
    top_blocks: dict[str, Anchor] = field(default_factory=dict)  # top-level keyword -> its anchor
    end: Group | None = None  # comments after the last line of code


def _group(pending: list[tuple[int, str]], blank_after: bool) -> Group:
    lines: list[str] = []
    previous = pending[0][0]
    for line, text in pending:
        if line > previous + 1 and lines:
            lines.append("")  # one blank line, however many the source had
        lines.append(text)
        previous = line
    return Group(lines, blank_after, pending[0][0])


def scan(text: str) -> Layout:
    """The comments of a .c102 text and the line structure they are attached through."""
    token = _token()
    layout = Layout()
    stack: list[Anchor] = []
    pending: list[tuple[int, str]] = []  # full-line comments waiting for the next line of code
    last_code = 0  # last line with code, for blank-line detection
    logical = 0  # the field line a continuation line belongs to
    previous_code = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            previous_code = False
            continue
        if line.lstrip().startswith("#"):
            comment = Comment(number, line.strip())
            layout.comments.append(comment)
            pending.append((number, comment.text))
            previous_code = False
            continue
        if previous_code and _CONTINUATION.match(line):
            here = logical
        else:
            here = logical = number
        previous_code = True
        if pending:
            blank_after = number > pending[-1][0] + 1
            if last_code == 0:
                layout.header = _group(pending, True)
            else:
                layout.before[number] = _group(pending, blank_after)
            pending = []
        last_code = number
        segment_start = True  # the next word opens an item (a field's key or a block's keyword)
        keyword: Anchor | None = None
        keyword_word = ""
        has_colon = has_close = False
        opened: Anchor | None = None
        for m in token.finditer(line):
            kind = m.lastgroup
            if kind == "comment":
                comment = Comment(number, m.group().rstrip())
                layout.comments.append(comment)
                layout.trailing.setdefault(here, []).append(comment)
                break
            value = m.group()
            if value == "{":
                anchor = keyword if keyword is not None else (number, m.start() + 1)
                if not stack:
                    layout.top_blocks.setdefault(keyword_word, anchor)
                stack.append(anchor)
                opened = anchor
                segment_start, keyword = True, None
            elif value == "}":
                if stack:
                    layout.closes[stack.pop()] = number
                has_close = True
                segment_start, keyword = True, None
            elif value == ":":
                has_colon = True
            elif segment_start:
                keyword, keyword_word = (number, m.start() + 1), value
                segment_start = False
        if has_close:
            layout.owner[here] = ("close", 0)
        elif has_colon:
            layout.owner[here] = ("fact", 0)
        elif opened is not None:
            layout.owner[here] = ("open", opened[1])
    if pending:
        if last_code == 0:
            layout.header = _group(pending, True)
        else:
            layout.end = _group(pending, False)
    return layout


def header_lines(text: str) -> list[str]:
    """The comment lines at the top of a file (``""`` for a blank line between them).

    Line-based, so it serves YAML sources as well as .c102 ones: both write comments with ``#``.
    """
    pending: list[tuple[int, str]] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped.startswith("#"):
            pending.append((number, stripped))
        elif stripped:
            break
    return _group(pending, True).lines if pending else []


class Attacher:
    """Hands each comment to the first printed item that claims its line, once.

    Whatever no item claims (a comment inside a block that prints nothing, such as an empty
    ``choices``) is kept too: ``rest`` returns it for the end of the file, so nothing is lost.
    """

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._before = dict(layout.before)
        self._trailing = {line: list(comments) for line, comments in layout.trailing.items()}

    def header(self) -> list[str]:
        return self.layout.header.lines if self.layout.header else []

    def before(self, line: int | None) -> Group | None:
        """The comments above ``line``, if no item printed earlier took them."""
        return None if line is None else self._before.pop(line, None)

    def trailing(self, line: int | None, kind: str, column: int = 0) -> list[str]:
        """Comments ending ``line`` when they follow this kind of item (fact, open or close)."""
        if line is None or self.layout.owner.get(line) != (kind, column):
            return []
        return [comment.text for comment in self._trailing.pop(line, [])]

    def close_line(self, anchor: Anchor | None) -> int | None:
        return None if anchor is None else self.layout.closes.get(anchor)

    def top_block(self, keyword: str) -> Anchor | None:
        return self.layout.top_blocks.get(keyword)

    def rest(self) -> list[str]:
        """Unclaimed comments in source order, then the comments that end the file."""
        left: list[Comment] = [c for comments in self._trailing.values() for c in comments]
        for group in self._before.values():
            left.extend(Comment(group.first, text) for text in group.texts())
        left.sort(key=lambda c: c.line)
        self._before, self._trailing = {}, {}
        lines = [c.text for c in left]
        if self.layout.end is not None:
            lines.extend(self.layout.end.lines)
        return lines
