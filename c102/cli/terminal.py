"""Text for the terminal: characters that would act on it instead of being shown are shown as escapes.

A description can hold ESC, BEL, a carriage return or a right-to-left override inside a quoted text;
printed raw, ``ESC ] 0 ; title BEL`` sets the window title and ``ESC [ 2 J`` clears the screen. Every
text the CLI prints goes through ``visible``: such characters come out as ``\\u001b``, the escape
the description language itself uses, so the output still reads (and ``c102 fmt`` still parses).
"""

from __future__ import annotations

import re
from typing import Any, TextIO

# C0 controls but tab and line feed, DEL, C1 controls, bidirectional overrides and isolates,
# line/paragraph separators, and lone surrogates (which no terminal encoding can write).
_ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def visible(text: str) -> str:
    """``text`` with every character that controls the terminal written as its ``\\uXXXX`` escape."""
    return _ACTIVE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class VisibleStream:
    """A text stream that writes through ``visible``; everything else is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
