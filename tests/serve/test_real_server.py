"""`c102 serve` as a real process and a real uvicorn server on 127.0.0.1: where it listens, the
Host check, slow and vanished clients, the bound on connections."""

from __future__ import annotations

import http.client
import os
import re
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from c102.web.guard import Limits
from tests.serve.conftest import Served, copy_countries, run_server


@pytest.fixture()
def process(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """``c102 serve FILES --port 0`` in its own process; the port is read from its first line."""
    files = copy_countries(tmp_path)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "c102", "serve", *files, "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert match, line
    try:
        yield proc, int(match.group(1))
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def get(port: int, path: str, host: str | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": host} if host else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    status, body = response.status, response.read()
    connection.close()
    return status, body


def test_serves_on_localhost_only_and_checks_the_host_header(process: tuple[subprocess.Popen[str], int]) -> None:
    _, port = process
    assert get(port, "/")[0] == 200
    assert get(port, "/", host=f"localhost:{port}")[0] == 200
    assert get(port, "/", host="attacker.example")[0] == 400
    assert get(port, "/", host=f"attacker.example:{port}")[0] == 400
    with pytest.raises(OSError):
        address = socket.gethostbyname(socket.gethostname())
        if address.startswith("127."):
            raise OSError("no other interface to try")
        socket.create_connection((address, port), timeout=2).close()


def test_clients_that_vanish_leave_no_traceback(process: tuple[subprocess.Popen[str], int]) -> None:
    proc, port = process
    for _ in range(20):
        half = socket.create_connection(("127.0.0.1", port))
        half.sendall(
            b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000\r\n\r\n{\"text\": \"" % port
        )
        half.close()
        gone = socket.create_connection(("127.0.0.1", port))
        gone.sendall(b"GET /compare HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port)
        gone.close()
        garbage = socket.create_connection(("127.0.0.1", port))
        garbage.sendall(b"\x16\x03\x01 not http at all\r\n\r\n")
        garbage.close()
    assert get(port, "/country/" + "9" * 5000)[0] == 404
    assert get(port, "/compare")[0] == 200  # still serving
    proc.terminate()
    _, errors = proc.communicate(timeout=20)
    assert "Traceback" not in errors and "Error" not in errors, errors


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([sock], [], [], 0.2)
        if ready:
            try:
                return sock.recv(1024) == b""
            except ConnectionResetError:
                return True
    return False


def test_a_request_sent_too_slowly_is_dropped(served: Served) -> None:
    port = int(served.url.rsplit(":", 1)[1])
    slow = socket.create_connection(("127.0.0.1", port))
    slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % port)  # headers never finished
    assert _closed_within(slow, 5), "the server kept a half-sent request open"
    slow.close()
    assert get(port, "/")[0] == 200


def test_connections_past_the_bound_are_answered_busy(tmp_path: Path) -> None:
    for served in run_server(tmp_path, Limits(connections=3, header_seconds=30)):
        port = int(served.url.rsplit(":", 1)[1])
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
        time.sleep(0.3)
        status, _ = get(port, "/")
        assert status == 503
        for sock in idle:
            sock.close()
        time.sleep(0.3)
        assert get(port, "/")[0] == 200
