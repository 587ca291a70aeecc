"""Read inputs into Documents: text and Markdown files, HTML, JSONL, URLs and stdin.

Every reader either yields a Document or an IngestError naming the input and
the reason, so one bad file never stops a batch. Nothing here touches the
store or the language model.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
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
]

#: Largest input we read, file or URL. News articles are a few tens of kB;
#: anything this big is a dump or a mistake, and would stall the pipeline.
MAX_BYTES = 10 * 1024 * 1024
URL_TIMEOUT = 20.0
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


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(str(path), f"file too large ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB limit)")
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), exc.strerror or str(exc)) from None


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
        fh = path.open("rb")
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
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        yield IngestError(where, "expected an object with a string 'text'")
        return
    if not obj["text"].strip():
        yield IngestError(where, "empty 'text'")
        return
    yield RawInput(
        text=obj["text"],
        source=where,
        title=obj.get("title"),
        published=obj.get("published") or obj.get("date"),
        outlet=obj.get("outlet"),
        url=obj.get("url"),
        id=str(obj["id"]) if obj.get("id") not in (None, "") else None,
    )


def _inputs_from_bytes(data: bytes, source: str, suffix: str) -> Iterator[RawInput | IngestError]:
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
        yield from _inputs_from_bytes(data, str(path), path.suffix.lower())
    except IngestError as exc:
        yield exc


def fetch_url(url: str, timeout: float = URL_TIMEOUT, max_bytes: int = MAX_BYTES) -> RawInput:
    """Fetch one http(s) URL: timeout, size limit and content-type check."""
    request = urllib.request.Request(url, headers={"User-Agent": "claimgraph/0.1 (+offline analysis)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:  # noqa: S310 (scheme checked by caller)
            ctype = (resp.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype and not ctype.startswith(_HTML_TYPES + _TEXT_TYPES):
                raise IngestError(url, f"unsupported content type {ctype!r}")
            data = resp.read(max_bytes + 1)
    except IngestError:
        raise
    except urllib.error.HTTPError as exc:
        raise IngestError(url, f"HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise IngestError(url, f"unreachable ({reason})") from None
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
                yield from _inputs_from_bytes(data, "<stdin>", suffix)
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
