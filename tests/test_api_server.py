"""The JSON API: reads, filters, token-guarded writes, security headers, JSON errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from claimgraph.web.app import create_app

pytestmark = pytest.mark.model
FIXTURES = Path(__file__).parent / "fixtures"
TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = (
    "Hezbollah keeps close ties with Hamas\n\n"
    "BEIRUT (Reuters) - Hezbollah has close ties with Hamas, a UN monitoring team said on Monday.\n\n"
    "“There is clearly a close relationship between Hamas and Hezbollah,” said Maria Lopez, the coordinator of the team.\n\n"
    "Hezbollah denied that it had ties with Hamas. <script>alert(1)</script>"
)


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(str(tmp_path / "api.db"), TOKEN), base_url="http://127.0.0.1", raise_server_exceptions=False)


def test_post_then_read_everything(client: TestClient) -> None:
    r = client.post("/api/documents", json={"text": TEXT, "published": "2024-01-10"}, headers=AUTH)
    assert r.status_code == 201 and r.json()["added"] is True
    doc_id = r.json()["id"]
    again = client.post("/api/documents", json={"text": TEXT}, headers=AUTH)
    assert again.json()["added"] is False  # same text, same id: nothing new
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["text"] == TEXT and doc["attributions"] and "<script>" in doc["text"]  # data is returned as data
    actors = client.get("/api/actors", params={"q": "hezbollah"}).json()["items"]
    hez = actors[0]["id"]
    page = client.get(f"/api/actors/{hez}").json()
    assert page["relations"] and page["name"] == "Hezbollah"
    rels = client.get("/api/relations", params={"actor": hez, "predicate": "allied_with"}).json()["items"]
    detail = client.get(f"/api/relations/{rels[0]['id']}").json()
    assert detail["supporting_claims"] and detail["supporting_claims"][0]["span"]
    assert client.get("/api/contradictions").json()["items"]
    assert client.get("/api/claims", params={"polarity": "negated"}).json()["items"]
    assert client.get("/api/timeline", params={"from": "2024-01-01"}).json()["total"] >= 1
    hits = client.get("/api/search", params={"q": "close relationship"}).json()["items"]
    assert hits and hits[0]["document"] == doc_id
    assert client.get("/docs").status_code == 200 and client.get("/openapi.json").status_code == 200


def test_writes_need_the_token(client: TestClient) -> None:
    assert client.post("/api/documents", json={"text": "x"}).status_code == 401
    assert client.post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    no_token = TestClient(create_app(":memory:", None), base_url="http://127.0.0.1")
    r = no_token.post("/api/documents", json={"text": "x"}, headers=AUTH)
    assert r.status_code == 403 and "disabled" in r.json()["error"]


def test_upload_size_limit_and_html(client: TestClient) -> None:
    page = (FIXTURES / "page.html").read_bytes()
    r = client.post("/api/upload", files={"file": ("page.html", page, "text/html")}, headers=AUTH)
    assert r.status_code == 201 and r.json()["title"] == "Talks resume in Norland"
    big = b"a" * (2 * 1024 * 1024 + 10)
    r = client.post("/api/upload", files={"file": ("big.txt", big, "text/plain")}, headers=AUTH)
    assert r.status_code == 413 and "error" in r.json()


def test_errors_are_json_and_headers_are_strict(client: TestClient) -> None:
    r = client.get("/api/documents/nope")
    assert r.status_code == 404 and r.json() == {"error": "no document 'nope'"}
    r = client.get("/api/actors", params={"limit": 0})
    assert r.status_code == 422 and r.json()["error"].startswith("invalid request")
    csp = r.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "default-src 'self'" in csp
    assert "access-control-allow-origin" not in r.headers
    r = client.get("/api/search", params={"q": "x"})
    assert r.status_code == 422 and "Traceback" not in r.text


def test_analyst_grade_reaches_cached_views(client: TestClient) -> None:
    client.post("/api/documents", json={"text": TEXT, "published": "2024-01-10"}, headers=AUTH)
    before = client.get("/api/contradictions").json()["items"]
    store = client.app.state.store  # type: ignore[attr-defined]
    lopez = store.actors(name="Maria Lopez")[0]
    store.set_grade(lopez.id, "A")
    after = client.get("/api/contradictions").json()["items"]
    assert "Maria Lopez [A]" in " ".join(c["explanation"] for c in after)
    assert before != after


def test_actor_page_pages_relations_and_commitments_cite_evidence(client: TestClient) -> None:
    text = (
        "Taliban still shelter al-Qaeda\n\n"
        "KABUL (Reuters) - The Taliban continue to protect al-Qaeda despite their deal with the United States, a UN monitoring team said on Monday. "
        "The Taliban have close ties with al-Qaeda and fight alongside the group, the team said."
    )
    assert client.post("/api/documents", json={"text": text, "published": "2024-03-04"}, headers=AUTH).status_code == 201
    taliban = client.get("/api/actors", params={"q": "taliban"}).json()["items"][0]["id"]
    full = client.get(f"/api/actors/{taliban}").json()
    assert full["relations_total"] == len(full["relations"]) >= 2
    first = client.get(f"/api/actors/{taliban}", params={"relations_limit": 1}).json()
    assert len(first["relations"]) == 1 and first["relations_total"] == full["relations_total"]
    second = client.get(f"/api/actors/{taliban}", params={"relations_limit": 1, "relations_offset": 1}).json()
    assert second["relations"][0]["id"] != first["relations"][0]["id"]
    items = client.get("/api/commitments").json()["items"]
    breached = [c for c in items if c["evidence_against"]]
    assert breached, items
    for c in breached:
        assert [x["id"] for x in c["evidence_against_claims"]] == c["evidence_against"]
        assert all(x["text"] and len(x["span"]) == 2 for x in c["evidence_against_claims"])


def test_a_relation_carried_by_copies_of_one_story_has_one_grade_everywhere(client: TestClient) -> None:
    story = (
        "Hamas keeps close ties with Hezbollah, a regional security analyst wrote on Monday in a long report on the "
        "groups, citing meetings between their commanders in Beirut and joint training camps in the south."
    )
    for outlet in ("Wire One", "Wire Two", "Wire Three"):  # three outlets carry the same wire copy
        r = client.post("/api/documents", json={"text": f"{outlet} edition\n\n{story}", "outlet": outlet, "published": "2024-03-04"}, headers=AUTH)
        assert r.status_code == 201 and r.json()["added"]
    listed = [r for r in client.get("/api/relations", params={"predicate": "allied_with"}).json()["items"]]
    assert listed, "the tie is a relation"
    for rel in listed:
        detail = client.get(f"/api/relations/{rel['id']}").json()
        assert detail["credibility"] == rel["credibility"] and detail["grade_reason"] == rel["grade_reason"]
        assert len(detail["supporting"]) == 3 and len(detail["sources"]) == len(rel["sources"]) == 1  # one report
