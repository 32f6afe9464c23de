"""One line of a description's text, for a message, without splitting the whole text.

``text.splitlines()`` on a 10 MB description makes a list of some 300,000 strings (about 60
bytes a line, six times the text); a message needs one line. The index of line starts costs 8
bytes a line and is built only when a line is first asked for. Lines are cut at ``\\n`` only,
as the parser counts them (``splitlines`` would also cut at form feeds and other separators,
which can sit inside a quoted text, and would then show the wrong line).
"""

from __future__ import annotations

from array import array


class SourceLines:
    """The 1-based lines of a text, found on demand."""

    __slots__ = ("_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: array[int] | None = None

    def _index(self) -> array[int]:
        if self._starts is None:
            starts = array("q", [0])
            find, text, at = self.text.find, self.text, 0
            while (at := find("\n", at) + 1) > 0:
                starts.append(at)
            if starts[-1] == len(text) and len(starts) > 1:
                starts.pop()  # a final newline ends the last line; it starts no new one
            self._starts = starts
        return self._starts

    def get(self, number: int) -> str | None:
        """Line ``number`` without its line break, or None past the end (or before line 1)."""
        if number < 1 or not self.text:
            return None
        starts = self._index()
        if number > len(starts):
            return None
        start = starts[number - 1]
        end = starts[number] - 1 if number < len(starts) else len(self.text)
        return self.text[start:end].removesuffix("\n").removesuffix("\r")
