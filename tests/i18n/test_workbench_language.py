"""The workbench speaks the language chosen in its selector (``?lang=``, then remembered), else the
language it was started in; each request in its own language, without leaking into the next."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from c102.i18n import current_language
from c102.web.app import make_app
from c102.web.guard import Limits
from tests.serve.conftest import copy_countries

pytestmark = pytest.mark.usefixtures("french_catalogue")


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = make_app(copy_countries(tmp_path), Limits(allowed_hosts={"testserver"}))
    with TestClient(app) as test_client:
        yield test_client


def test_the_selector_lists_the_three_languages(client: TestClient) -> None:
    page = client.get("/").text
    assert '<html lang="en">' in page
    for value, name in (("en", "English"), ("fr", "Français"), ("es", "Español")):
        assert f'<option value="{value}"' in page and name in page


def test_a_chosen_language_is_used_and_remembered(client: TestClient) -> None:
    first = client.get("/?lang=fr")
    assert '<html lang="fr">' in first.text and "<h1>Pays</h1>" in first.text
    assert "c102_lang=fr" in first.headers["set-cookie"]
    again = client.get("/")  # the cookie carries the choice
    assert '<html lang="fr">' in again.text and "<h1>Pays</h1>" in again.text
    assert current_language() == "en"  # the server's own context is untouched


def test_an_unknown_language_falls_back_to_the_default(client: TestClient) -> None:
    page = client.get("/?lang=de")
    assert '<html lang="en">' in page.text and "set-cookie" not in page.headers


def test_the_server_default_is_the_language_it_was_started_in(tmp_path: Path) -> None:
    app = make_app(copy_countries(tmp_path), Limits(allowed_hosts={"testserver"}), language="fr")
    with TestClient(app) as french:
        assert "<h1>Pays</h1>" in french.get("/").text
        assert "<h1>Countries</h1>" in french.get("/?lang=en").text


def test_api_messages_follow_the_request_language(client: TestClient) -> None:
    response = client.post("/api/check?lang=fr", json={"country": "nowhere"})
    assert response.status_code == 404
    assert response.json()["error"] == "aucun pays servi ne s'appelle 'nowhere' (voir /api/countries)"
