"""Office files (DOCX, XLSX) are zip packages whose writers stamp the clock: fix every stamp.

Zip entries get a fixed time and mode, and core properties the report's date (else 2000-01-01),
so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DEFAULT_DATE = date(2000, 1, 1)


def fixed_datetime(when: str | None) -> datetime:
    """The report's date at midnight UTC, or the fixed default when there is none."""
    try:
        day = date.fromisoformat(when) if when else DEFAULT_DATE
    except ValueError:
        day = DEFAULT_DATE
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def rezip(data: bytes, edit: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """The package rewritten entry by entry with fixed times; ``edit`` may change an entry's bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            content = source.read(info.filename)
            if edit is not None:
                content = edit(info.filename, content)
            target.writestr(entry, content)
    return buffer.getvalue()
