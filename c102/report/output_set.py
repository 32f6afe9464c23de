"""Write several output files as one set: a reader sees all the old files or all the new ones.

The files are first produced in memory (a failure writes nothing), then written into a fresh
folder beside the target holding links to the target's other files, and the two folders are
swapped in one step (``renameat2(RENAME_EXCHANGE)`` on Linux). Where that is not available, or the
target cannot be swapped (it is the working folder or a mount point), the files are moved in
one by one from the staged folder, which still leaves no half-written file. Folders left behind
by a killed run are removed by the next one.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

STAGE_PREFIX = ".c102-staging-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def write_set(folder: Path, producers: dict[str, Callable[[], bytes]]) -> list[Path]:
    """Produce every file, then put them all in ``folder`` at once; returns the paths written."""
    contents = {name: produce() for name, produce in producers.items()}
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)
    stage = Path(tempfile.mkdtemp(prefix=STAGE_PREFIX + folder.name + ".", dir=folder.parent))
    try:
        for name, data in contents.items():
            _write_synced(stage / name, data)
        if _swappable(folder) and _link_others(folder, stage, set(contents)) and _exchange(stage, folder):
            shutil.rmtree(stage, ignore_errors=True)  # ``stage`` now holds the old folder
        else:
            for name in contents:
                os.replace(stage / name, folder / name)
            shutil.rmtree(stage, ignore_errors=True)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return [folder / name for name in contents]


def remove_leftovers(folder: Path) -> None:
    """Staging folders and ``.<name>.*.tmp`` files a killed run left beside or in ``folder``."""
    for stale in folder.parent.glob(STAGE_PREFIX + folder.name + ".*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o644)


def _swappable(folder: Path) -> bool:
    """A folder that can be exchanged: not a mount point, not holding the working folder."""
    try:
        here = Path.cwd().resolve()
    except OSError:
        return False
    target = folder.resolve()
    return not os.path.ismount(target) and not (here == target or target in here.parents)


def _link_others(folder: Path, stage: Path, written: set[str]) -> bool:
    """Give the staged folder the target's other entries (hard links, copies where links fail)."""
    try:
        for entry in folder.iterdir():
            if entry.name in written or entry.name.startswith(STAGE_PREFIX):
                continue
            destination = stage / entry.name
            if entry.is_dir() and not entry.is_symlink():
                shutil.copytree(entry, destination, symlinks=True, copy_function=_link_or_copy)
            elif entry.is_symlink():
                os.symlink(os.readlink(entry), destination)
            else:
                _link_or_copy(str(entry), str(destination))
        shutil.copymode(folder, stage)
    except OSError:
        return False
    return True


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2``); False where the system cannot."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        renameat2 = ctypes.CDLL(name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)
