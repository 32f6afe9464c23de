"""An output set appears whole or not at all, even when the writing process is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from c102.report.atomic import write_atomic
from c102.report.output_set import write_set


def test_writes_and_replaces_without_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "report.md"
    write_atomic(target, "first\n")
    write_atomic(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert [p.name for p in target.parent.iterdir()] == ["report.md"]


def test_a_failing_producer_writes_nothing_of_the_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_set(out, {"a.md": lambda: b"old a", "b.md": lambda: b"old b"})

    def broken() -> bytes:
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    with pytest.raises(UnicodeEncodeError):
        write_set(out, {"a.md": lambda: b"new a", "b.md": broken})
    assert (out / "a.md").read_bytes() == b"old a" and (out / "b.md").read_bytes() == b"old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_other_files_of_the_folder_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep")
    (out / "sub").mkdir()
    (out / "sub" / "x").write_text("keep too")
    write_set(out, {"a.md": lambda: b"a"})
    assert (out / "mine.txt").read_text() == "keep" and (out / "sub" / "x").read_text() == "keep too"


def test_leftovers_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".comparative.json.abc123.tmp").write_text("half")
    (tmp_path / ".c102-staging-out.zz").mkdir()
    write_set(out, {"a.md": lambda: b"a"})
    assert sorted(p.name for p in out.iterdir()) == ["a.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


_WRITER = """
import sys, time
from pathlib import Path
from c102.report.output_set import write_set
generation, folder = sys.argv[1], Path(sys.argv[2])
def slow(name):
    def produce():
        time.sleep(0.002)
        return (generation + " " + name).encode() * 20000
    return produce
while True:
    write_set(folder, {f"f{i}.txt": slow(f"f{i}") for i in range(4)})
    print("done", flush=True)
    if generation == "old":
        break
"""


def test_a_killed_writer_leaves_all_old_or_all_new_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-c", _WRITER, "old", str(out)], check=True, capture_output=True)
    mixed = 0
    for attempt in range(12):
        process = subprocess.Popen(
            [sys.executable, "-c", _WRITER, f"new{attempt}", str(out)], stdout=subprocess.PIPE
        )
        time.sleep(0.25 + 0.05 * attempt)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert process.stdout is not None
        process.stdout.close()
        generations = {(out / f"f{i}.txt").read_bytes().split(b" ")[0] for i in range(4)}
        mixed += len(generations) != 1
    assert mixed == 0
    write_set(out, {"f0.txt": lambda: b"x"})  # the next run cleans what the kills left
    assert not [p for p in tmp_path.iterdir() if p.name != "out"]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
