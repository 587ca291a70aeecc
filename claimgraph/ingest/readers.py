"""Read inputs into Documents: text and Markdown files, HTML, JSONL, URLs and stdin.

Every reader either yields a Document or an IngestError naming the input and
the reason, so one bad file never stops a batch. Nothing here touches the
store or the language model.
"""

from __future__ import annotations

import codecs
import http.client
import json
import os
import re
import socket
import stat
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from claimgraph.errors import IngestError
from claimgraph.ingest.dates import dateline_span, find_dateline, parse_date
from claimgraph.ingest.furniture import find_furniture
from claimgraph.model import Document

__all__ = [
    "MAX_BYTES",
    "TEXT_SUFFIXES",
    "RawInput",
    "iter_documents",
    "document_from_text",
    "read_path",
    "fetch_url",
    "html_input",
    "inputs_from_bytes",
    "raw_input_from_fields",
]

#: Largest input we read, file or URL. News articles are a few tens of kB;
#: anything this big is a dump or a mistake, and would stall the pipeline.
MAX_BYTES = 10 * 1024 * 1024
#: the whole fetch of a URL (connect, headers, body, redirects) ends within this many seconds
URL_TIMEOUT = 20.0
#: and no single network read waits longer than this
URL_READ_TIMEOUT = 10.0
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown")


@dataclass
class RawInput:
    """Decoded text with whatever metadata its container gave."""

    text: str
    source: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    id: str | None = None


def _decode(data: bytes, source: str) -> str:
    if not data.strip():
        raise IngestError(source, "empty input")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(source, f"undecodable UTF-16 text ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise IngestError(source, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            source, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise IngestError(source, "empty input")
    return text


def _check_regular(path: Path) -> os.stat_result:
    """The file's stat, or an error for anything that is not a regular file.

    A FIFO would block the open, and /dev/zero or a socket reports size 0 and
    never ends: only regular files are read.
    """
    try:
        info = path.stat()
    except OSError as exc:
        raise IngestError(str(path), exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "a FIFO" if stat.S_ISFIFO(info.st_mode) else (
            "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "special")
        raise IngestError(str(path), f"not a regular file ({kind})")
    return info


def _too_large(size: float) -> str:
    return f"file too large ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB limit)"


def _read_bytes(path: Path) -> bytes:
    info = _check_regular(path)
    if info.st_size > MAX_BYTES:
        raise IngestError(str(path), _too_large(info.st_size))
    try:
        # O_NONBLOCK: should the path have been swapped for a FIFO since the stat, the open
        # does not wait for a writer; the limit holds while reading, whatever stat said
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise IngestError(str(path), "not a regular file")
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise IngestError(str(path), exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise IngestError(str(path), _too_large(MAX_BYTES + 1))
    return data


def _normalise_published(value: Any, source: str) -> str | None:
    if value in (None, ""):
        return None
    parsed = parse_date(str(value))
    if parsed is None:
        raise IngestError(source, f"unreadable publication date {value!r}")
    return parsed.isoformat()


def html_input(html: str, source: str, url: str | None = None) -> RawInput:
    import trafilatura  # heavy import, only for HTML

    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise IngestError(source, f"cannot extract text from HTML ({exc})") from None
    if result is None:
        raise IngestError(source, "no article text found in the HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise IngestError(source, "no article text found in the HTML")
    # trafilatura separates paragraphs by one line break; a blank line is what
    # the rest of the pipeline (and a reader) takes as a paragraph end
    text = re.sub(r"[ \t]*\n+[ \t]*", "\n\n", text.strip())
    title = data.get("title")
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    return RawInput(
        text=text,
        source=source,
        title=title,
        published=data.get("date"),
        outlet=data.get("sitename"),
        url=url or data.get("url"),
    )


def _guess_title(text: str) -> str | None:
    """First line of a plain-text article when it is set apart like a headline."""
    lines = text.lstrip().split("\n", 2)
    if len(lines) >= 2 and 0 < len(lines[0].strip()) <= 200 and not lines[1].strip():
        return lines[0].strip()
    return None


def document_from_text(raw: RawInput, published: date | str | None = None) -> Document:
    """Make a Document: content id, title, publication date and furniture spans."""
    text = raw.text
    if not text.strip():
        raise IngestError(raw.source, "empty input")
    if "\x00" in text:
        raise IngestError(raw.source, "NUL characters in the text: binary data, not an article")
    for name in ("title", "published", "outlet", "url", "id"):
        value = getattr(raw, name)
        if value is not None and "\x00" in value:
            raise IngestError(raw.source, f"NUL characters in the {name}")
    title = raw.title or _guess_title(text)
    pub: str | None = None
    pub_from: str | None = None
    if raw.published:
        pub, pub_from = _normalise_published(raw.published, raw.source), "metadata"
    if pub is None:
        dateline = find_dateline(text)
        if dateline is not None:
            pub, pub_from = dateline.isoformat(), "dateline"
    if pub is None and published is not None:
        pub = published.isoformat() if isinstance(published, date) else _normalise_published(published, "--published")
        pub_from = "option"
    spans = find_furniture(text, title)
    return Document(
        id=raw.id or Document.id_for(text),
        text=text,
        source=raw.source,
        title=title,
        published=pub,
        published_from=pub_from,
        outlet=raw.outlet,
        url=raw.url,
        dropped=[text[s:e] for s, e in spans],
        dropped_spans=spans,
        dateline_span=dateline_span(text),
    )


def _jsonl_inputs(data: bytes, source: str) -> Iterator[RawInput | IngestError]:
    text = _decode(data, source)
    for lineno, line in enumerate(text.splitlines(), 1):
        yield from _jsonl_line(line, f"{source}:{lineno}")


def _jsonl_file(path: Path) -> Iterator[RawInput | IngestError]:
    """A JSONL file of any length, streamed: the size limit holds per line (one document), not per file."""
    source = str(path)
    try:
        _check_regular(path)
        fh = path.open("rb")
    except IngestError as exc:
        yield exc
        return
    except OSError as exc:
        yield IngestError(source, exc.strerror or str(exc))
        return
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline(MAX_BYTES + 1)
            except OSError as exc:
                yield IngestError(source, exc.strerror or str(exc))
                return
            if not raw:
                return
            lineno += 1
            where = f"{source}:{lineno}"
            if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
                yield IngestError(where, f"line larger than the {MAX_BYTES / 1e6:.0f} MB limit")
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = fh.readline(MAX_BYTES + 1)
                continue
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                yield IngestError(where, "not UTF-8 text")
                continue
            yield from _jsonl_line(line, where)


def _jsonl_line(line: str, where: str) -> Iterator[RawInput | IngestError]:
    if not line.strip():
        return
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        yield IngestError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
        return
    try:
        yield raw_input_from_fields(obj, where)
    except IngestError as exc:
        yield exc


#: the string fields a JSON document may carry besides ``text`` (``date`` is another name for ``published``)
_STRING_FIELDS = ("title", "published", "date", "outlet", "url")
#: longest title, outlet, date or URL accepted: more is not metadata but a mistake
_MAX_FIELD = 2000
#: longest document id accepted (ours are 20 characters)
_MAX_ID = 200


def raw_input_from_fields(obj: Any, where: str) -> RawInput:
    """A RawInput from a JSON object (a JSONL line, an API body), every field checked.

    Raises an IngestError naming ``where`` and the field when a field has the
    wrong type or size, so that a bad line never reaches the database.
    """
    if not isinstance(obj, dict):
        raise IngestError(where, f"expected a JSON object, not {_json_type(obj)}")
    text = obj.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {_json_type(text)}, not a string"
        raise IngestError(where, f"field 'text' is {what}")
    if not text.strip():
        raise IngestError(where, "field 'text' is empty")
    values: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = obj.get(name)
        if value is None or value == "":
            values[name] = None
        elif not isinstance(value, str):
            raise IngestError(where, f"field {name!r} is {_a(_json_type(value))}, not a string")
        elif len(value) > _MAX_FIELD:
            raise IngestError(where, f"field {name!r} is longer than {_MAX_FIELD} characters")
        else:
            values[name] = value
    ident = obj.get("id")
    if ident is None or ident == "":
        doc_id = None
    elif isinstance(ident, bool) or not isinstance(ident, str | int):
        raise IngestError(where, f"field 'id' is {_a(_json_type(ident))}, not a string or an integer")
    else:
        doc_id = str(ident)
        if len(doc_id) > _MAX_ID or _CONTROL.search(doc_id):
            raise IngestError(where, f"field 'id' is longer than {_MAX_ID} characters or holds control characters")
    return RawInput(
        text=text,
        source=where,
        title=values["title"],
        published=values["published"] or values["date"],
        outlet=values["outlet"],
        url=values["url"],
        id=doc_id,
    )


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return "object" if isinstance(value, dict) else type(value).__name__


def inputs_from_bytes(data: bytes, source: str, suffix: str) -> Iterator[RawInput | IngestError]:
    """The inputs in a file's bytes, read by its suffix: a JSONL feed holds one per line.

    Raises an IngestError when the bytes cannot be decoded at all; a bad line
    of a feed is yielded as one, and the rest go on.
    """
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_inputs(data, source)
    elif suffix in HTML_SUFFIXES:
        yield html_input(_decode(data, source), source)
    else:
        yield RawInput(text=_decode(data, source), source=source)


def read_path(path: Path) -> Iterator[RawInput | IngestError]:
    """Inputs in one file (a JSONL file holds many, read line by line)."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl_file(path)
        return
    try:
        data = _read_bytes(path)
        yield from inputs_from_bytes(data, str(path), path.suffix.lower())
    except IngestError as exc:
        yield exc


class _Deadline:
    """Ends a fetch at a wall-clock deadline, whatever the server does.

    A socket timeout bounds each read, but a server that trickles a byte every
    few seconds never trips it; at the deadline this shuts down every socket
    the fetch opened, which wakes a blocked read at once.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                sock.close()
                raise TimeoutError("deadline passed")
            self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def _watched(base: type[http.client.HTTPConnection], deadline: _Deadline) -> Any:
    class Watched(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    return Watched


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._conn = _watched(http.client.HTTPConnection, deadline)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._conn, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._conn = _watched(http.client.HTTPSConnection, deadline)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # as the base class does, with the default context: certificates are checked
        return self.do_open(self._conn, req, context=self._context)  # type: ignore[attr-defined]


def fetch_url(
    url: str, timeout: float = URL_TIMEOUT, max_bytes: int = MAX_BYTES, read_timeout: float = URL_READ_TIMEOUT
) -> RawInput:
    """Fetch one http(s) URL within ``timeout`` seconds in all, each read within ``read_timeout``;
    size limit and content-type check."""
    request = urllib.request.Request(url, headers={"User-Agent": "claimgraph/0.1 (+offline analysis)"})
    started = time.monotonic()
    with _Deadline(timeout) as deadline:
        opener = urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline))
        try:
            with opener.open(request, timeout=min(timeout, read_timeout)) as resp:
                ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                if ctype and not ctype.startswith(_HTML_TYPES + _TEXT_TYPES):
                    raise IngestError(url, f"unsupported content type {ctype!r}")
                chunks: list[bytes] = []
                size = 0
                while size <= max_bytes:
                    # read1: one network read at a time, so the deadline is looked at between reads
                    chunk = resp.read1(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
                data = b"".join(chunks)
        except IngestError:
            raise
        except urllib.error.HTTPError as exc:
            raise IngestError(url, f"HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
            if deadline.expired:
                raise IngestError(url, f"no complete answer within {timeout:g} s") from None
            reason = getattr(exc, "reason", exc)
            raise IngestError(url, f"unreachable ({reason})") from None
        if deadline.expired:
            # a shut-down socket reads as the end of the body: what came is not the whole page
            raise IngestError(url, f"no complete answer within {timeout:g} s ({time.monotonic() - started:.0f} s)")
    if len(data) > max_bytes:
        raise IngestError(url, f"response larger than the {max_bytes / 1e6:.0f} MB limit")
    text = _decode(data, url)
    if ctype.startswith(_HTML_TYPES) or (not ctype and text.lstrip().lower().startswith(("<!doctype", "<html"))):
        return html_input(text, url, url=url)
    return RawInput(text=text, source=url, url=url)


def _walk(path: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root) / name
            if not name.startswith(".") and p.suffix.lower() in SUFFIXES:
                yield p


def _raw_inputs(paths: Iterable[str]) -> Iterator[RawInput | IngestError]:
    for item in paths:
        if item == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                yield IngestError("<stdin>", f"input larger than the {MAX_BYTES / 1e6:.0f} MB limit")
                continue
            stripped = data.lstrip()
            suffix = ".jsonl" if stripped.startswith(b"{") else ".html" if stripped[:1] == b"<" else ".txt"
            try:
                yield from inputs_from_bytes(data, "<stdin>", suffix)
            except IngestError as exc:
                yield exc
            continue
        if re.match(r"^https?://", item, re.IGNORECASE):
            try:
                yield fetch_url(item)
            except IngestError as exc:
                yield exc
            continue
        if re.match(r"^[a-z][a-z0-9+.-]*://", item, re.IGNORECASE):
            yield IngestError(item, "only http and https URLs are supported")
            continue
        path = Path(item)
        if path.is_dir():
            for file in _walk(path):
                yield from read_path(file)
        elif path.exists():
            yield from read_path(path)
        else:
            yield IngestError(item, "no such file or directory")


def iter_documents(
    paths: Iterable[str], published: date | str | None = None
) -> Iterator[Document | IngestError]:
    """Documents from paths, directories, URLs and ``-``, with errors in line."""
    for raw in _raw_inputs(paths):
        if isinstance(raw, IngestError):
            yield raw
            continue
        try:
            yield document_from_text(raw, published)
        except IngestError as exc:
            yield exc
