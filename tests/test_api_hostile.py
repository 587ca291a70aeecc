"""The server against hostile requests: foreign Host names, huge bodies, bad tokens, NUL bytes.

The guard's answers are checked at the ASGI level too, with a ``receive`` that
fails the test if the body is read at all.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from claimgraph import Store
from claimgraph.web.app import MAX_BODY, create_app

TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def app(tmp_path: Path) -> Any:
    return create_app(str(tmp_path / "api.db"), TOKEN)


@pytest.fixture
def client(app: Any) -> TestClient:
    return TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False)


def _call(app: Any, method: str, path: str, headers: dict[str, str], body_chunks: list[bytes] | None = None) -> tuple[int, dict[str, Any], int]:
    """Run one request through the ASGI app; returns (status, JSON answer, body bytes the app read)."""
    read = 0
    chunks = list(body_chunks or [])
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        if body_chunks is None:
            raise AssertionError("the body was read")
        body = chunks.pop(0) if chunks else b""
        read += len(body)
        return {"type": "http.request", "body": body, "more_body": bool(chunks)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()],
        "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
    }
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(body or b"{}"), read


def test_unauthenticated_huge_body_is_refused_before_a_byte_is_read(app: Any) -> None:
    headers = {"host": "127.0.0.1:8000", "content-type": "application/json", "content-length": str(200 * 1024 * 1024)}
    status, answer, read = _call(app, "POST", "/api/documents", headers)
    assert status == 401 and "token" in answer["error"] and read == 0


def test_token_without_bearer_is_refused(app: Any, client: TestClient) -> None:
    headers = {"host": "127.0.0.1", "content-type": "application/json", "content-length": "20", "authorization": TOKEN}
    assert _call(app, "POST", "/api/documents", headers)[0] == 401
    r = client.post("/api/documents", json={"text": "A story."}, headers={"Authorization": f"Token {TOKEN}"})
    assert r.status_code == 401


def test_body_over_the_limit_is_refused_by_its_length_unread(app: Any) -> None:
    headers = {"host": "localhost:8000", "content-type": "application/json", "content-length": str(MAX_BODY + 1), **AUTH}
    status, answer, read = _call(app, "POST", "/api/documents", headers)
    assert status == 413 and "larger than" in answer["error"] and read == 0


def test_chunked_body_over_the_limit_is_cut_off_while_it_arrives(app: Any) -> None:
    headers = {"host": "127.0.0.1", "content-type": "application/json", "transfer-encoding": "chunked", **AUTH}
    chunk = b" " * (256 * 1024)
    status, answer, read = _call(app, "POST", "/api/documents", headers, [b'{"text": "', *[chunk] * 40])
    assert status == 413 and "larger than" in answer["error"]
    assert read <= MAX_BODY + len(chunk)  # it stopped reading at the limit, not after 10 MB


def test_foreign_host_names_are_not_served(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "api.db"), TOKEN, allowed_hosts=["kb.example.org"])
    for host, status in [
        ("evil.example", 400), ("127.0.0.1:8000", 200), ("localhost", 200), ("[::1]:8000", 200),
        ("kb.example.org:8000", 200), ("KB.EXAMPLE.ORG", 200), ("kb.example.org.evil.example", 400), ("", 400),
    ]:
        got, answer, _ = _call(app, "GET", "/api/documents", {"host": host})
        assert got == status, (host, answer)
        if status == 400:
            assert "not served here" in answer["error"]


def test_nul_bytes_in_a_query_are_a_400_not_a_500(client: TestClient) -> None:
    r = client.get("/api/search?q=%00%00")
    assert r.status_code == 400 and "NUL" in r.json()["error"]
    r = client.get("/api/actors/%00")
    assert r.status_code == 400


def test_search_ignores_control_characters(any_store: Store) -> None:
    assert any_store.search("\x00\x00") == []
    assert any_store.search('"\x00 ') == []


def test_docs_page_works_offline_under_the_csp(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200 and "docs.js" in r.text
    assert "<script>" not in r.text and "cdn" not in r.text.lower() and "http" not in r.text.split("<body>")[0]
    assert "unsafe-inline" not in r.headers["content-security-policy"]
    js = client.get("/docs.js")
    assert js.status_code == 200 and "innerHTML" not in js.text and "openapi.json" in js.text
    assert client.get("/openapi.json").json()["paths"]["/api/documents"]
    assert client.get("/redoc").status_code == 404


@pytest.mark.model
def test_jsonl_upload_stores_one_document_per_line(client: TestClient) -> None:
    feed = "\n".join(json.dumps({"text": f"Story {i}: talks resumed in Dara.", "title": f"Story {i}"}) for i in range(3))
    feed += "\n" + json.dumps({"text": "Bad title.", "title": 5}) + "\n"
    r = client.post("/api/upload", files={"file": ("feed.jsonl", feed.encode(), "application/x-ndjson")}, headers=AUTH)
    assert r.status_code == 201
    answer = r.json()
    assert [d["title"] for d in answer["documents"]] == ["Story 0", "Story 1", "Story 2"]
    assert answer["errors"] == ["upload:feed.jsonl:4: field 'title' is a number, not a string"]
    assert client.get("/api/documents").json()["total"] == 3


@pytest.mark.model
def test_utf16_upload_is_read_as_the_cli_reads_it(client: TestClient) -> None:
    text = "Talks resume in Dara\n\nThe talks resumed on Monday, officials said."
    r = client.post("/api/upload", files={"file": ("story.txt", text.encode("utf-16"), "text/plain")}, headers=AUTH)
    assert r.status_code == 201 and r.json()["title"] == "Talks resume in Dara"


def test_speaker_filter_takes_percent_and_underscore_literally(any_store: Store) -> None:
    from claimgraph.model import Attribution, Document, DocumentAnalysis, Speaker

    doc = Document(id="d1", text="x" * 100, source="s")
    atts = [
        Attribution(f"a{i}", "d1", "c", (i, i + 1), False, "said", Speaker(None, desc, (0, 1), desc, True))
        for i, desc in enumerate(["officials", "100% sure sources", "under_score people"])
    ]
    any_store.save(DocumentAnalysis(document=doc, attributions=atts))
    assert [a.speaker.description for a in any_store.attributions(speaker="%")] == ["100% sure sources"]
    assert [a.speaker.description for a in any_store.attributions(speaker="_")] == ["under_score people"]
    assert [a.speaker.description for a in any_store.attributions(speaker="ffic")] == ["officials"]


@pytest.mark.model
def test_nul_in_a_posted_text_is_a_400_on_every_database(db_url: str) -> None:
    client = TestClient(create_app(db_url, TOKEN), base_url="http://127.0.0.1", raise_server_exceptions=False)
    r = client.post("/api/documents", json={"text": "Talks resumed\u0000 in Dara."}, headers=AUTH)
    assert r.status_code == 400 and "NUL" in r.json()["error"]
    r = client.post("/api/documents", json={"text": "Talks resumed in Dara.", "title": "a\u0000b"}, headers=AUTH)
    assert r.status_code == 400
    assert client.get("/api/documents").json()["total"] == 0
    assert client.get("/api/search", params={"q": "\x01\x02 talks"}).status_code == 200
