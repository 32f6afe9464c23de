"""The workbench over HTTP (Starlette's TestClient): the JSON API and its OpenAPI description,
the pages, downloads, saving, escaping, and one broken file beside good ones."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from c102.web.app import make_app
from c102.web.guard import Limits
from tests.serve.conftest import EXAMPLIA, copy_countries

SICKNESS_RATE = 'rate: 60%  source "Social Security Act 2010, s. 100"'
HOSTILE = EXAMPLIA.read_text(encoding="utf-8").replace(
    'country "Examplia"', 'country "<script>alert(1)</script>Hostilia"'
).replace('"Social Security Act 2010, s. 100"', '"\\"><img src=x onerror=alert(2)>"')


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    files = copy_countries(tmp_path)
    (tmp_path / "hostile.c102").write_text(HOSTILE, encoding="utf-8")
    app = make_app([*files, str(tmp_path / "hostile.c102")], Limits(allowed_hosts={"testserver"}, max_body=200_000))
    with TestClient(app) as test_client:
        yield test_client


def test_openapi_describes_every_api_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    routes = {route.path for route in client.app.routes if route.path.startswith("/api/")}  # type: ignore[attr-defined]
    assert routes <= set(spec["paths"]) and routes


def test_assess_sent_text_gives_the_assessment_and_the_server_time(client: TestClient) -> None:
    response = client.post("/api/assess", json={"text": EXAMPLIA.read_text(encoding="utf-8")})
    assert response.status_code == 200
    assert response.json()["country"]["name"] == "Examplia"
    assert response.json()["parts"]["III"]["verdict"] == "compliant"
    assert response.headers["server-timing"].startswith("assess;dur=")


def test_assess_a_broken_text_gives_positioned_diagnostics(client: TestClient) -> None:
    response = client.post("/api/assess", json={"text": 'country "X" {\n  iso: XX\n  bogus here\n}\n'})
    assert response.status_code == 422
    first = response.json()["diagnostics"][0]
    assert (first["line"], first["severity"]) == (3, "error") and first["column"] > 0


def test_check_gives_errors_and_warnings_with_positions(client: TestClient) -> None:
    text = EXAMPLIA.read_text(encoding="utf-8").replace("as_of: 2025-01-01", "as_of: 2025-13-45")
    data = client.post("/api/check", json={"text": text}).json()
    assert data["errors"] == 1
    error = next(d for d in data["diagnostics"] if d["severity"] == "error")
    assert (error["line"], error["column"]) == (8, 10)


def test_explain_follows_a_verdict_down_to_facts_and_sources(client: TestClient) -> None:
    data = client.post("/api/explain", json={"country": "examplia", "target": "III-16-benefit-level"}).json()
    assert data["verdict"] == "compliant"

    def facts(node: dict[str, object]) -> list[dict[str, object]]:
        children = node.get("children") or []
        assert isinstance(children, list)
        own = [node] if node.get("kind") == "fact" else []
        return own + [f for c in children for f in facts(c)]

    rate = next(f for f in facts(data) if str(f["id"]).endswith("benefit.sickness.rate"))
    assert rate["source"] == "Social Security Act 2010, s. 100" and rate["text"].endswith("= 60%")  # type: ignore[union-attr]
    assert client.post("/api/explain", json={"country": "examplia", "target": "nope"}).status_code == 404


def test_the_api_sees_the_edited_state_of_a_served_country(client: TestClient) -> None:
    text = EXAMPLIA.read_text(encoding="utf-8").replace(SICKNESS_RATE, SICKNESS_RATE.replace("60%", "30%"))
    edited = client.post("/country/examplia/edit", json={"text": text})
    assert edited.status_code == 200 and edited.json()["errors"] == 0
    assert client.post("/api/assess", json={"country": "examplia"}).json()["parts"]["III"]["verdict"] == "not_compliant"
    saved = client.post("/api/assess", json={"country": "examplia", "state": "file"}).json()
    assert saved["parts"]["III"]["verdict"] == "compliant"
    countries = {c["country"]: c for c in client.get("/api/countries").json()}
    assert countries["examplia"]["parts"]["III"] == "compliant"  # the index shows the files
    assert countries["broken"]["passes_check"] is False


@pytest.mark.parametrize(
    ("body", "kind", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b'{"text": 5}', "application/json", 400),
        (b'{"country": "atlantis"}', "application/json", 404),
    ],
)
def test_bad_api_requests_are_refused_with_a_reason(client: TestClient, body: bytes, kind: str, status: int) -> None:
    response = client.post("/api/assess", content=body, headers={"content-type": kind})
    assert response.status_code == status and response.json()["error"]


def test_a_request_larger_than_the_limit_is_refused(client: TestClient) -> None:
    response = client.post("/api/check", json={"text": "#" * 300_000})
    assert response.status_code == 413


def test_every_page_links_back_to_the_index(client: TestClient) -> None:
    for path in (
        "/",
        "/country/examplia",
        "/country/broken",
        "/country/examplia/explain/V",
        "/country/examplia/walkthrough/V",
        "/compare",
        "/country/atlantis",
        "/nowhere",
    ):
        page = client.get(path)
        assert page.headers["content-type"].startswith("text/html"), path
        assert 'href="/"' in page.text, path


def test_description_text_is_escaped_in_every_page(client: TestClient) -> None:
    client.post("/country/hostile/edit", json={"text": HOSTILE + "\n# <script>alert(3)</script>\n"})
    for path in (
        "/",
        "/country/hostile",
        "/country/hostile/explain/III-16-benefit-level",
        "/country/hostile/explain/III-16-benefit-level?state=file",
        "/country/hostile/walkthrough/III",
        "/country/hostile/report?kind=gap&format=html",
        "/compare",
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "<script>alert" not in page.text and "<img src=x" not in page.text, path
    assert "&lt;script&gt;alert(1)" in client.get("/country/hostile").text
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_one_broken_file_does_not_take_down_the_others(client: TestClient) -> None:
    index = client.get("/")
    assert index.status_code == 200 and "Examplia" in index.text and "does not pass c102 check" in index.text
    broken = client.get("/country/broken")
    assert broken.status_code == 200 and "line 3" in broken.text
    assert client.get("/country/examplia").status_code == 200
    compare = client.get("/compare")
    assert compare.status_code == 200 and "broken.c102" in compare.text and "Examplia" in compare.text
    assert client.get("/country/broken/walkthrough/V").status_code == 422


def test_reports_of_the_edited_state_download_in_every_format_of_the_pipeline(client: TestClient) -> None:
    from c102.cli.report import FORMATS, KINDS
    from c102.web.documents import formats_for

    text = EXAMPLIA.read_text(encoding="utf-8").replace(SICKNESS_RATE, SICKNESS_RATE.replace("60%", "30%"))
    client.post("/country/examplia/edit", json={"text": text})
    # every format once (a PDF takes seconds), every kind once
    assert formats_for("gap") == list(FORMATS)
    for kind, fmt in [("gap", fmt) for fmt in FORMATS] + [(kind, "html") for kind in KINDS if kind != "gap"]:
        response = client.get("/country/examplia/report", params={"kind": kind, "format": fmt, "part": "III"})
        assert response.status_code == 200, (kind, fmt)
        disposition = response.headers["content-disposition"]
        assert disposition.startswith("attachment;") and "edited" in disposition and disposition.endswith(f'.{fmt}"')
        assert response.content
    data = json.loads(client.get("/country/examplia/report", params={"kind": "gap", "format": "json"}).content)
    assert data["parts"]["III"]["verdict"] == "not_compliant"
    assert client.get("/country/examplia/report", params={"kind": "gap", "format": "exe"}).status_code == 400
    if "xlsx" not in formats_for("article22"):
        assert client.get("/country/examplia/report", params={"kind": "article22", "format": "xlsx"}).status_code == 400


def test_save_as_writes_a_new_file_and_never_overwrites(client: TestClient, tmp_path: Path) -> None:
    text = EXAMPLIA.read_text(encoding="utf-8").replace(SICKNESS_RATE, SICKNESS_RATE.replace("60%", "30%"))
    first = client.post("/country/examplia/save", json={"name": "reform", "text": text})
    assert first.status_code == 201 and first.json() == {"file": "reform.c102", "slug": "reform", "url": "/country/reform"}
    assert (tmp_path / "reform.c102").read_text(encoding="utf-8") == text
    again = client.post("/country/examplia/save", json={"name": "reform.c102", "text": "changed"})
    assert again.status_code == 409 and (tmp_path / "reform.c102").read_text(encoding="utf-8") == text
    assert client.post("/country/examplia/save", json={"name": "togo", "text": "x"}).status_code == 409
    for bad in ("../escape", "/etc/x", "a/b", ""):
        assert client.post("/country/examplia/save", json={"name": bad, "text": "x"}).status_code == 400, bad
    assert not list(tmp_path.glob(".*.tmp")) and not (tmp_path.parent / "escape.c102").exists()
    assert client.get("/country/reform").status_code == 200


def test_paths_outside_the_served_files_are_not_found(client: TestClient) -> None:
    for path in (
        "/country/" + "9" * 5000,
        "/country/examplia/walkthrough/XX",
        "/country/..%2F..%2Fetc%2Fpasswd",
        "/static/../../pyproject.toml",
        "/static/report.css",
    ):
        assert client.get(path).status_code == 404, path


def test_a_form_post_without_javascript_reassesses_too(client: TestClient) -> None:
    text = EXAMPLIA.read_text(encoding="utf-8").replace(SICKNESS_RATE, SICKNESS_RATE.replace("60%", "30%"))
    page = client.post("/country/examplia/edit", data={"text": text})
    assert page.status_code == 200 and 'class="changed"' in page.text


def test_work_over_the_time_limit_is_answered_busy(tmp_path: Path) -> None:
    app = make_app(copy_countries(tmp_path), Limits(allowed_hosts={"testserver"}, work_seconds=0.000001))
    with TestClient(app) as slow:
        response = slow.post("/api/assess", json={"country": "examplia"})
    assert response.status_code == 503 and "longer than" in response.json()["error"]


def test_a_host_other_than_the_bound_address_is_refused(tmp_path: Path) -> None:
    app = make_app(copy_countries(tmp_path), Limits(allowed_hosts={"127.0.0.1:8102"}))
    with TestClient(app, base_url="http://127.0.0.1:8102") as local:
        assert local.get("/").status_code == 200
        assert local.get("/", headers={"host": "attacker.example"}).status_code == 400
        assert local.get("/", headers={"host": "127.0.0.1:9999"}).status_code == 400


def test_whatif_reports_the_verdicts_a_change_moves(client: TestClient) -> None:
    path = 'scheme."Sickness, maternity and employment injury insurance".benefit.sickness.rate'
    response = client.post("/api/whatif", json={"country": "examplia", "changes": {path: "30%"}})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["changes"][0]["before"] == "60%" and data["changes"][0]["after"] == "30%"
    moved = {d["id"]: (d["before"]["verdict"], d["after"]["verdict"]) for d in data["differences"]}
    assert moved["III"] == ("compliant", "not_compliant")
    assert client.post("/api/whatif", json={"country": "examplia", "changes": {"scheme.nowhere.rate": "1%"}}).status_code == 400


def test_diff_compares_two_descriptions_rule_by_rule(client: TestClient) -> None:
    text = EXAMPLIA.read_text(encoding="utf-8")
    after = text.replace(SICKNESS_RATE, SICKNESS_RATE.replace("60%", "30%"))
    data = client.post("/api/diff", json={"before": {"text": text}, "after": {"text": after}}).json()
    assert any(d["id"] == "III-16-benefit-level" and d["verdict_changed"] for d in data["differences"])
    assert [f["path"] for f in data["facts"]] == ['scheme."Sickness, maternity and employment injury insurance".benefit.sickness.rate']
