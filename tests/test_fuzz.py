"""Fuzzing the readers and the write API: random fields and bytes give a document or one clear
error, never a traceback, a 500 or a document stored by halves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import IngestError
from claimgraph.ingest import inputs_from_bytes, iter_documents
from claimgraph.model import Document
from claimgraph.web.app import create_app

TOKEN = "fuzz-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
fields = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(st.text(max_size=200), json_values),
        "title": json_values,
        "published": st.one_of(st.sampled_from(["2024-01-05", "5 March 2023", "yesterday", "2024-13-45", ""]), json_values),
        "date": json_values,
        "outlet": json_values,
        "url": json_values,
        "id": json_values,
        "html": st.booleans(),
    },
)
SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".ndjson"]


def _one_line(err: IngestError) -> None:
    assert "\n" not in str(err) and "Traceback" not in str(err) and err.reason


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(SUFFIXES))
def test_any_bytes_give_documents_or_one_line_errors(data: bytes, suffix: str) -> None:
    try:
        items = list(inputs_from_bytes(data, "fuzz" + suffix, suffix))
    except IngestError as err:
        _one_line(err)
        return
    for item in items:
        if isinstance(item, IngestError):
            _one_line(item)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(fields, min_size=1, max_size=4), st.booleans())
def test_any_jsonl_fields_give_documents_or_errors_naming_line_and_field(tmp_path: Path, lines: list[dict[str, Any]], garbage: bool) -> None:
    feed = tmp_path / "feed.jsonl"
    body = "\n".join(json.dumps(x) for x in lines) + ("\n{\"text\": [" if garbage else "") + "\n"
    feed.write_text(body, encoding="utf-8")
    items = list(iter_documents([str(feed)]))
    for item in items:
        if isinstance(item, IngestError):
            _one_line(item)
            assert item.source.startswith(f"{feed}:")
        else:
            assert isinstance(item, Document)
            assert isinstance(item.text, str) and item.text.strip()
            assert all(v is None or isinstance(v, str) for v in (item.title, item.published, item.outlet, item.url))
    assert len(items) == len(lines) + garbage or any(isinstance(i, IngestError) for i in items)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestClient, Any]:
    app = create_app(str(tmp_path_factory.mktemp("fuzz") / "api.db"), TOKEN)
    return TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False), app.state.store


def _complete(store: Any) -> None:
    """Every stored document has its facts: a mention, attribution or claim of a document points at it,
    and nothing points at a document that is not there (one transaction per document)."""
    docs = {d.id for d in store.documents(with_text=False)}
    an = store.analysis()
    for x in (*an.mentions, *an.attributions, *an.claims, *an.quantities):
        assert x.document in docs


@pytest.mark.model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields)
def test_post_documents_with_any_fields_never_500_nor_half_stored(api: tuple[TestClient, Any], body: dict[str, Any]) -> None:
    client, store = api
    before = store.count("documents")
    r = client.post("/api/documents", json=body, headers=AUTH)
    assert r.status_code in (201, 400, 413, 422), (r.status_code, r.text)
    assert "error" in r.json() or r.status_code == 201
    after = store.count("documents")
    if r.status_code == 201:
        assert after - before == (1 if r.json()["added"] else 0)
    else:
        assert after == before
    _complete(store)


@pytest.mark.model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.html", "a.jsonl", "noext", "a.pdf"]))
def test_upload_of_any_bytes_never_500(api: tuple[TestClient, Any], data: bytes, name: str) -> None:
    client, store = api
    r = client.post("/api/upload", files={"file": (name, data, "application/octet-stream")}, headers=AUTH)
    assert r.status_code in (201, 400, 413, 422), (r.status_code, r.text)
    _complete(store)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_search_and_filters_with_any_text_never_500(api: tuple[TestClient, Any], q: str) -> None:
    client, _ = api
    for path, params in [("/api/search", {"q": q}), ("/api/attributions", {"speaker": q}), ("/api/actors", {"q": q})]:
        r = client.get(path, params=params)
        assert r.status_code in (200, 400, 422), (path, q, r.status_code, r.text)
    r = client.get("/api/actors/" + (quote(q, safe="") or "x"))
    assert r.status_code in (200, 400, 404, 422), (q, r.status_code, r.text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_post_documents_with_any_bytes_as_its_body_never_500(api: tuple[TestClient, Any], data: bytes) -> None:
    client, store = api
    before = store.count("documents")
    r = client.post("/api/documents", content=data, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code in (201, 400, 413, 422), (r.status_code, r.text)
    assert r.status_code == 201 or store.count("documents") == before
