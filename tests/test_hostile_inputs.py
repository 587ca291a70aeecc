"""Hostile inputs to the readers: special files, wrong JSON field types, servers that trickle.

Each case ends in one IngestError naming the input (and line and field), and
the rest of the batch is read; none needs the model.
"""

from __future__ import annotations

import http.server
import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.errors import IngestError
from claimgraph.ingest import RawInput, document_from_text, fetch_url, iter_documents
from claimgraph.model import Document


def _split(items: list[Document | IngestError]) -> tuple[list[Document], list[IngestError]]:
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, IngestError)]


@pytest.mark.parametrize(
    "field, value, said",
    [
        ("title", 42, "field 'title' is a number, not a string"),
        ("title", {"a": 1}, "field 'title' is an object, not a string"),
        ("published", ["2024-01-01"], "field 'published' is a list"),
        ("outlet", True, "field 'outlet' is a boolean"),
        ("url", 3.5, "field 'url' is a number"),
        ("id", {"x": 1}, "field 'id' is an object"),
        ("text", 7, "field 'text' is a number, not a string"),
        ("title", "t" * 5000, "longer than 2000 characters"),
    ],
)
def test_jsonl_field_of_the_wrong_type_fails_its_line_only(tmp_path: Path, field: str, value: object, said: str) -> None:
    feed = tmp_path / "feed.jsonl"
    bad = {"text": "A story from the wire.", field: value}
    lines = [json.dumps({"text": f"Story {i} about the talks.", "title": f"Story {i}"}) for i in range(3)]
    lines.insert(1, json.dumps(bad))
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _split(list(iter_documents([str(feed)])))
    assert [d.title for d in docs] == ["Story 0", "Story 1", "Story 2"]
    (err,) = errors
    assert err.source == f"{feed}:2" and said in err.reason
    assert "\n" not in str(err)


def test_jsonl_numeric_id_is_taken_as_text_and_a_non_object_line_is_refused(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "A story.", "id": 17}) + "\n[1, 2]\n\"text\"\n", encoding="utf-8")
    docs, errors = _split(list(iter_documents([str(feed)])))
    assert [d.id for d in docs] == ["17"]
    assert [e.reason for e in errors] == ["expected a JSON object, not list", "expected a JSON object, not string"]


def test_nul_characters_in_a_text_or_a_field_are_refused() -> None:
    with pytest.raises(IngestError, match="NUL characters in the text"):
        document_from_text(RawInput(text="A story\x00 with a NUL.", source="s"))
    with pytest.raises(IngestError, match="NUL characters in the title"):
        document_from_text(RawInput(text="A story.", source="s", title="bad\x00title"))


def test_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    started = time.monotonic()
    docs, errors = _split(list(iter_documents(["/dev/zero"])))
    assert not docs and "not a regular file (a device)" in errors[0].reason
    assert time.monotonic() - started < 5


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_in_a_directory_neither_hangs_nor_stops_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The first story.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")  # nobody ever writes to it: opening it for reading would block
    os.mkfifo(tmp_path / "c.jsonl")
    (tmp_path / "d.txt").write_text("The last story.\n", encoding="utf-8")
    result: list[Document | IngestError] = []
    reader = threading.Thread(target=lambda: result.extend(iter_documents([str(tmp_path)])), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading a directory with a FIFO in it hung"
    docs, errors = _split(result)
    assert [d.text for d in docs] == ["The first story.\n", "The last story.\n"]
    assert sorted(e.source for e in errors) == [str(tmp_path / "b.txt"), str(tmp_path / "c.jsonl")]
    assert all("not a regular file (a FIFO)" in e.reason for e in errors)


@pytest.fixture
def trickling_server() -> Iterator[str]:
    """A server that sends its answer one byte every 0.2 s, for a minute if let."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(300):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/slow"
    finally:
        server.shutdown()


def test_url_fetch_has_a_total_deadline_not_only_a_read_timeout(trickling_server: str) -> None:
    # every read gets a byte well within its 1 s timeout; only the total deadline can end this
    started = time.monotonic()
    with pytest.raises(IngestError, match="no complete answer within 1.5 s"):
        fetch_url(trickling_server, timeout=1.5, read_timeout=1.0)
    assert time.monotonic() - started < 3.0
