"""The Python API: ingest documents into a store, analyse texts, with progress through callbacks.

The CLI is a thin wrapper over these functions. Library code never prints:
``on_event`` receives an ``IngestEvent`` per input (added, skipped, failed),
and the caller decides how to show it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from queue import Queue
from typing import TYPE_CHECKING

from claimgraph.errors import ClaimgraphError, IngestError, StoreUnavailable
from claimgraph.ingest import RawInput, document_from_text, iter_documents
from claimgraph.model import Analysis, Document, DocumentAnalysis
from claimgraph.store import Store

if TYPE_CHECKING:
    from claimgraph.analysis.knowledge import KnowledgeBase

__all__ = ["Callback", "IngestEvent", "IngestSummary", "analyze", "ingest", "ingest_documents", "recorder", "store_analysis"]


@dataclass
class IngestEvent:
    """What happened to one input: ``added``, ``skipped`` (stored already) or ``failed``."""

    status: str
    source: str
    document: str | None = None
    error: str | None = None
    words: int = 0


@dataclass
class IngestSummary:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    document_ids: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0


Callback = Callable[[IngestEvent], None]


def _words(text: str) -> int:
    return len(text.split())


def recorder(summary: IngestSummary, on_event: Callback | None = None) -> Callback:
    """A callback that counts events into ``summary`` (thread-safe) and passes them on."""
    emit = on_event or (lambda e: None)
    lock = threading.Lock()
    seen: set[str] = set()

    def record(event: IngestEvent) -> None:
        with lock:
            if event.status == "added":
                summary.added += 1
                summary.words += event.words
            elif event.status == "skipped":
                summary.skipped += 1
            else:
                summary.failed += 1
                summary.errors.append(f"{event.source}: {event.error}")
            if event.document and event.document not in seen:
                seen.add(event.document)
                summary.document_ids.append(event.document)
            emit(event)

    return record


def _knowledge(store: Store | KnowledgeBase) -> KnowledgeBase:
    from claimgraph.analysis.knowledge import KnowledgeBase

    return store if isinstance(store, KnowledgeBase) else KnowledgeBase(store)


def store_analysis(store: Store | KnowledgeBase, analysis: DocumentAnalysis, record: Callback) -> None:
    """Store one analysis and record what happened to it.

    A document the database rejects is recorded as failed; ``StoreUnavailable``
    (the database, not this document) propagates, so that the batch stops and
    a rerun continues where it did.
    """
    doc = analysis.document
    try:
        added = _knowledge(store).save(analysis)
    except StoreUnavailable:
        raise
    except ClaimgraphError as exc:
        # the event names the source already; the store's message may start with it too
        reason = str(exc).removeprefix(f"{doc.source}: ")
        record(IngestEvent("failed", doc.source, doc.id, error=reason))
        return
    record(IngestEvent("added" if added else "skipped", doc.source, doc.id, words=_words(doc.text)))


def ingest_documents(
    documents: Iterable[Document | IngestError],
    store: Store | KnowledgeBase,
    on_event: Callback | None = None,
    batch_size: int = 64,
) -> IngestSummary:
    """Analyse and store documents; already stored ones are skipped before any NLP.

    On a file or server database the writes run on a second thread, so that
    storing one batch overlaps with parsing the next (the parser releases the
    GIL in its matrix code). Each document is still one transaction.
    """
    summary = IngestSummary()
    record = recorder(summary, on_event)
    kb = _knowledge(store)
    store = kb.store

    fatal: list[StoreUnavailable] = []

    def save(analysis: DocumentAnalysis) -> None:
        try:
            store_analysis(kb, analysis, record)
        except StoreUnavailable as exc:
            fatal.append(exc)  # raised on the caller's thread, below

    def fresh() -> Iterator[Document]:
        for item in documents:
            if isinstance(item, IngestError):
                record(IngestEvent("failed", item.source, error=item.reason))
                continue
            if store.has_document(item.id):
                record(IngestEvent("skipped", item.source, item.id))
                continue
            yield item

    stream = fresh()
    first = next(stream, None)
    if first is None:
        return summary
    # spaCy is imported here, not at module level: listing commands start fast
    from claimgraph.nlp import analyze_docs, load_pipeline

    nlp = load_pipeline()

    def chained() -> Iterator[Document]:
        assert first is not None
        yield first
        yield from stream

    def failed(document: Document, exc: Exception) -> None:
        record(IngestEvent("failed", document.source, document.id, error=str(exc)))

    analyses = analyze_docs(nlp, chained(), batch_size=batch_size, on_error=failed)
    if not store.supports_concurrent_writes:
        for analysis in analyses:
            save(analysis)
            if fatal:
                raise fatal[0]
        return summary
    queue: Queue[DocumentAnalysis | None] = Queue(maxsize=2 * batch_size)

    def writer() -> None:
        while (item := queue.get()) is not None:
            if not fatal:
                save(item)

    thread = threading.Thread(target=writer, name="claimgraph-writer", daemon=True)
    thread.start()
    try:
        for analysis in analyses:
            if fatal:
                break
            queue.put(analysis)
    finally:
        queue.put(None)
        thread.join()
    if fatal:
        raise fatal[0]
    return summary


def ingest(
    paths: Iterable[str],
    store: Store,
    published: date | str | None = None,
    on_event: Callback | None = None,
    batch_size: int = 64,
) -> IngestSummary:
    """Read paths, directories, URLs or ``-``; analyse and store every new document."""
    return ingest_documents(iter_documents(paths, published), store, on_event, batch_size)


def _looks_like_path(item: str) -> bool:
    if item == "-" or re.match(r"^https?://", item, re.IGNORECASE):
        return True
    if "\n" in item or len(item) > 1024:
        return False
    try:
        return Path(item).exists()
    except (OSError, ValueError):  # a name too long for the file system, a NUL: a text, not a path
        return False


def analyze(
    paths_or_texts: str | Iterable[str],
    published: date | str | None = None,
    store: Store | None = None,
    on_event: Callback | None = None,
) -> Analysis:
    """Analyse files, URLs or raw texts and return the analysis of those documents.

    Uses an in-memory store unless one is given. Items that are existing paths,
    URLs or ``-`` are read; any other string is taken as the text itself.
    """
    items = [paths_or_texts] if isinstance(paths_or_texts, str) else list(paths_or_texts)
    own = store is None
    target = store or Store(":memory:")

    def documents() -> Iterator[Document | IngestError]:
        for n, item in enumerate(items):
            if _looks_like_path(item):
                yield from iter_documents([item], published)
            else:
                try:
                    yield document_from_text(RawInput(text=item, source=f"<text {n + 1}>"), published)
                except IngestError as exc:
                    yield exc

    try:
        summary = ingest_documents(documents(), target, on_event)
        return _knowledge(target).analysis(summary.document_ids)
    finally:
        if own:
            target.close()
