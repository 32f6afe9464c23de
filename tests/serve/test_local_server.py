"""The local server: localhost by default, pages re-assessed per request, only the given files."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from c102.serve import make_server

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    country = tmp_path / "examplia.c102"
    country.write_text((ROOT / "countries" / "examples" / "examplia.c102").read_text(encoding="utf-8"), encoding="utf-8")
    server = make_server([str(country)], port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}", country
    finally:
        server.shutdown()
        server.server_close()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_binds_to_localhost_by_default() -> None:
    server = make_server([], port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_pages_show_the_file_as_it_is_now(served: tuple[str, Path]) -> None:
    base, country = served
    status, page = get(f"{base}/country/0")
    assert status == 200 and "Examplia" in page
    country.write_text(country.read_text(encoding="utf-8").replace('country "Examplia"', 'country "Reformia"'), encoding="utf-8")
    status, page = get(f"{base}/country/0")
    assert status == 200 and "Reformia" in page


def test_walkthrough_json_and_comparison_are_served(served: tuple[str, Path]) -> None:
    base, _ = served
    assert get(f"{base}/country/0/walkthrough/V")[0] == 200
    status, data = get(f"{base}/country/0.json")
    assert status == 200 and '"instrument": "C102"' in data
    assert get(f"{base}/compare")[0] == 200


def test_unknown_paths_and_files_outside_the_list_are_not_found(served: tuple[str, Path]) -> None:
    base, _ = served
    assert get(f"{base}/country/7")[0] == 404
    assert get(f"{base}/../../etc/passwd")[0] == 404


def test_a_broken_description_shows_its_errors_escaped(served: tuple[str, Path]) -> None:
    base, country = served
    country.write_text('country "<b>X</b>" {\n  iso XX\n}\n', encoding="utf-8")
    status, page = get(f"{base}/country/0")
    assert status == 422
    assert "<b>X</b>" not in page and "examplia.c102:2:" in page
