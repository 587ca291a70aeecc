"""Ingest: readers for each format, bad input reported per item, content ids, datelines."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from claimgraph.errors import IngestError
from claimgraph.ingest import MAX_BYTES, RawInput, document_from_text, fetch_url, iter_documents
from claimgraph.model import Document

FIXTURES = Path(__file__).parent / "fixtures"


def _split(items):  # type: ignore[no-untyped-def]
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError)]
    return docs, errors


def test_text_file_title_dateline_and_raw_text_kept() -> None:
    docs, errors = _split(list(iter_documents([str(FIXTURES / "wire.txt")])))
    assert not errors
    (doc,) = docs
    raw = (FIXTURES / "wire.txt").read_text(encoding="utf-8")
    assert doc.text == raw  # never rewritten
    assert doc.title == "Rebels accused of breaking truce in Norland"
    assert doc.published == "2022-06-03" and doc.published_from == "dateline"
    assert doc.dateline_span is not None
    assert raw[doc.dateline_span[0] : doc.dateline_span[1]].startswith("MERIDIA, Norland")


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Zamora slams rebels\n\n(Zamora Times)\u2013The ministry on Sunday slammed the rebels.", "(Zamora Times)\u2013"),
        ("Zamora slams rebels\n\n(AP) \u2014 The ministry slammed the rebels.", "(AP) \u2014 "),
        ("Zamora slams rebels\n\nThe ministry (MoD) - a body of note - spoke.", None),
        ("Zamora slams rebels\n\n(1) - The first point.", None),
    ],
)
def test_an_outlet_credit_opening_a_line_is_a_dateline(text: str, credit: str | None) -> None:
    # the analysis skips it: the parser took "Zamora Times" for the subject of "slammed"
    doc = document_from_text(RawInput(text, "t.txt"))
    if credit is None:
        assert doc.dateline_span is None
    else:
        assert doc.dateline_span is not None and text[doc.dateline_span[0] : doc.dateline_span[1]] == credit


def test_published_option_only_fills_a_missing_date(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Headline\n\nThe minister said on Monday that talks would go on.\n", encoding="utf-8")
    (doc,) = _split(list(iter_documents([str(f)], published="2021-02-16")))[0]
    assert doc.published == "2021-02-16" and doc.published_from == "option"
    (dated,) = _split(list(iter_documents([str(FIXTURES / "wire.txt")], published="2021-02-16")))[0]
    assert dated.published == "2022-06-03"


def test_same_text_same_id(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text("Same words here.\n", encoding="utf-8")
    b.write_text("Same words here.\n", encoding="utf-8")
    docs, _ = _split(list(iter_documents([str(a), str(b)])))
    assert docs[0].id == docs[1].id
    assert docs[0].id == Document.id_for("Same words here.\n")


def test_html_page_text_title_date_outlet() -> None:
    (doc,) = _split(list(iter_documents([str(FIXTURES / "page.html")])))[0]
    assert doc.title == "Talks resume in Norland"
    assert doc.published == "2022-06-10" and doc.published_from == "metadata"
    assert doc.outlet == "Example Courier"
    assert "Both delegations came with new proposals" in doc.text
    assert "<p>" not in doc.text and "Home" not in doc.text


def test_jsonl_good_lines_and_a_malformed_line(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text(
        json.dumps({"text": "First story text.", "id": "x1", "published": "2020-01-02", "outlet": "Wire"})
        + "\n{not json\n"
        + json.dumps({"title": "no text"})
        + "\n"
        + json.dumps({"text": "Second story text.", "url": "http://example.org/2"})
        + "\n",
        encoding="utf-8",
    )
    docs, errors = _split(list(iter_documents([str(f)])))
    assert [d.text for d in docs] == ["First story text.", "Second story text."]
    assert docs[0].published == "2020-01-02" and docs[0].outlet == "Wire" and docs[0].id == "x1"
    assert docs[1].url == "http://example.org/2"
    assert [e.source for e in errors] == [f"{f}:2", f"{f}:3"]
    assert "malformed JSON" in errors[0].reason


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait \xff\xfe", "not UTF-8"),
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path: Path, content: bytes, reason: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    docs, errors = _split(list(iter_documents([str(f)])))
    assert not docs
    (err,) = errors
    assert err.source == str(f) and reason in err.reason
    assert str(f) in str(err) and "\n" not in str(err)


def test_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    assert f.stat().st_size > MAX_BYTES
    (err,) = _split(list(iter_documents([str(f)])))[1]
    assert "too large" in err.reason


def test_jsonl_is_streamed_and_the_limit_holds_per_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimgraph.ingest import readers

    monkeypatch.setattr(readers, "MAX_BYTES", 200)
    f = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": f"Story number {i} from the wire."}) for i in range(50)]  # the file is far over 200 bytes
    lines.insert(3, json.dumps({"text": "x" * 500}))  # one document over the limit
    lines.insert(7, '{"text": "caf\xe9"}'.replace("\\xe9", "\xe9"))
    f.write_bytes(("\n".join(lines) + "\n").encode("utf-8").replace("caf\xc3\xa9".encode("latin-1"), b"caf\xe9"))
    docs, errors = _split(list(iter_documents([str(f)])))
    assert len(docs) == 50 and docs[0].text.startswith("Story number 0")
    assert [e.source for e in errors] == [f"{f}:4", f"{f}:8"]
    assert "larger than" in errors[0].reason and "UTF-8" in errors[1].reason


def test_missing_path_and_unsupported_scheme_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A fine story.\n", encoding="utf-8")
    docs, errors = _split(list(iter_documents([str(tmp_path / "nope.txt"), "ftp://example.org/x", str(good)])))
    assert [d.text for d in docs] == ["A fine story.\n"]
    assert "no such file" in errors[0].reason
    assert "only http and https" in errors[1].reason


def test_directory_is_read_recursively_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("one\n", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("two\n", encoding="utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text("three\n", encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4")
    docs, errors = _split(list(iter_documents([str(tmp_path)])))
    assert sorted(d.text for d in docs) == ["one\n", "two\n"] and not errors


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Piped story.\n")))
    (doc,) = _split(list(iter_documents(["-"])))[0]
    assert doc.text == "Piped story.\n" and doc.source == "<stdin>"


def test_unreachable_url_fails_fast_with_reason() -> None:
    # port 9 (discard) on loopback: nothing listens, the connection is refused at once
    with pytest.raises(IngestError) as info:
        fetch_url("http://127.0.0.1:9/article", timeout=2)
    assert "unreachable" in info.value.reason


def test_url_content_type_and_size_limits() -> None:
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = b"x" * 5000 if self.path == "/big" else b"%PDF"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain" if self.path == "/big" else "application/pdf")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        with pytest.raises(IngestError, match="unsupported content type"):
            fetch_url(base + "/doc.pdf", timeout=5)
        with pytest.raises(IngestError, match="larger than"):
            fetch_url(base + "/big", timeout=5, max_bytes=1000)
    finally:
        server.shutdown()


def test_no_publication_date_is_never_guessed() -> None:
    doc = document_from_text(RawInput(text="Officials said on Monday that talks would resume.", source="t"))
    assert doc.published is None and doc.published_from is None
