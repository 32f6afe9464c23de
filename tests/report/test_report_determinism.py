"""Fixed stamps: the DOCX zip entries and core properties carry no clock time.

Byte-identical output across processes is tested in test_determinism_across_processes.py."""

from __future__ import annotations

import io
import zipfile

from report_fixture import make_assessment

from c102.report.kinds.comparative import comparative_document
from c102.report.output import render_document


def test_comparative_docx_is_byte_identical_with_fixed_stamps() -> None:
    first = render_document(comparative_document([make_assessment()]), "docx", "2025-01-01")
    second = render_document(comparative_document([make_assessment()]), "docx", "2025-01-01")
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    assert "2025-01-01T00:00:00Z" in core
