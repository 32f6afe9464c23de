"""A workbench on a real uvicorn server on 127.0.0.1 and a random port, over copies of countries."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from c102.web.guard import Limits
from c102.web.server import bind, bound_port, make_server

ROOT = Path(__file__).resolve().parents[2]
EXAMPLIA = ROOT / "countries" / "examples" / "examplia.c102"
BROKEN = 'country "<b>Broken</b>" {\n  iso: XX\n  nonsense here\n}\n'


@dataclass
class Served:
    url: str
    folder: Path
    server: Any


def copy_countries(folder: Path) -> list[str]:
    """Examplia, a real country, and a broken file, in a folder of their own."""
    shutil.copy(EXAMPLIA, folder / "examplia.c102")
    shutil.copy(ROOT / "countries" / "togo.c102", folder / "togo.c102")
    (folder / "broken.c102").write_text(BROKEN, encoding="utf-8")
    return [str(folder / name) for name in ("examplia.c102", "togo.c102", "broken.c102")]


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[Served]:
    yield from run_server(tmp_path, Limits(header_seconds=1.0))


def run_server(folder: Path, limits: Limits) -> Iterator[Served]:
    files = copy_countries(folder)
    sock = bind("127.0.0.1", 0)
    server = make_server(files, sock, limits)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the workbench did not start"
    try:
        yield Served(f"http://127.0.0.1:{bound_port(sock)}", folder, server)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
