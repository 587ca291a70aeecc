"""The Python API: ingest documents into a store, analyse texts, with progress through callbacks.

The CLI is a thin wrapper over these functions. Library code never prints:
``on_event`` receives an ``IngestEvent`` per input (added, skipped, failed),
and the caller decides how to show it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from queue import Queue
from typing import TYPE_CHECKING, Literal

from claimgraph.errors import ClaimgraphError, IngestError, StoreError, StoreUnavailable
from claimgraph.ingest import RawInput, document_from_text, iter_documents
from claimgraph.model import Analysis, Document, DocumentAnalysis
from claimgraph.store import Store

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

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


def _store_worker(url: str, retry_seconds: float, lock_timeout: float, inbox: Connection, outbox: Connection) -> None:
    """The writer process: store every analysis received, send back what happened to each.

    The parent holds the only sending end of ``inbox``. If it dies (kill -9),
    this process stops after the document in hand, whose transaction either
    committed or never did: it does not store what was still in the pipe.
    """
    from claimgraph.analysis.knowledge import KnowledgeBase

    parent = os.getppid()
    try:
        kb = KnowledgeBase(Store(url, retry_seconds=retry_seconds, lock_timeout=lock_timeout))
        while (item := inbox.recv()) is not None:
            if os.getppid() != parent:
                return  # orphaned: whoever ran the ingest is gone
            store_analysis(kb, item, lambda event: outbox.send(("event", event)))
        kb.store.close()
    except (EOFError, KeyboardInterrupt, BrokenPipeError):
        return
    except StoreUnavailable as exc:
        outbox.send(("unavailable", str(exc)))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
        outbox.send(("error", f"{type(exc).__name__}: {exc}"))
    outbox.send(("done", None))


def _store_in_process(analyses: Iterable[DocumentAnalysis], store: Store, record: Callback, batch_size: int) -> None:
    """Store analyses in a second process, so that the parser keeps this interpreter to itself.

    A writer thread shares the GIL with the parser and, at some 10 ms of Python
    a document, slowed ingest by a third; a process runs on the other core.
    """
    ctx = multiprocessing.get_context("spawn")  # no fork of a process with threads and a loaded model
    inbox_r, inbox_w = ctx.Pipe(duplex=False)
    outbox_r, outbox_w = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_store_worker, name="claimgraph-store", daemon=True,
        args=(store.url, store.retry_seconds, store.lock_timeout, inbox_r, outbox_w),
    )
    child.start()
    inbox_r.close()  # this process keeps only the ends it uses: a dead peer is then seen as EOF
    outbox_w.close()
    failure: list[StoreError] = []

    def receive() -> None:
        while True:
            try:
                kind, value = outbox_r.recv()
            except EOFError:
                return
            if kind == "event":
                record(value)
            elif kind == "unavailable":
                failure.append(StoreUnavailable(value))
            elif kind == "error":
                failure.append(StoreError(value))
            else:
                return

    # spaCy hands analyses over a batch at a time, faster than they can be stored: a pipe holds
    # only a dozen, so a sending thread takes the wait, and the parser goes on with the next batch
    outgoing: Queue[bytes | None] = Queue(maxsize=4 * batch_size)
    gone = threading.Event()

    def forward() -> None:
        while (blob := outgoing.get()) is not None:
            if gone.is_set():
                continue
            try:
                inbox_w.send_bytes(blob)
            except (BrokenPipeError, ConnectionResetError):
                gone.set()  # the store process died; what it said about it is in `failure`
        if not gone.is_set():
            try:
                inbox_w.send(None)
            except (BrokenPipeError, ConnectionResetError):
                pass
        inbox_w.close()

    threads = [threading.Thread(target=receive, name="claimgraph-store-events", daemon=True),
               threading.Thread(target=forward, name="claimgraph-store-send", daemon=True)]
    for t in threads:
        t.start()
    try:
        for analysis in analyses:
            if failure or gone.is_set():
                break
            outgoing.put(pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        outgoing.put(None)
        for t in threads:
            t.join()
        child.join()
    if failure:
        raise failure[0]
    if child.exitcode:
        raise StoreError(f"the store process stopped with exit code {child.exitcode}")


def ingest_documents(
    documents: Iterable[Document | IngestError],
    store: Store | KnowledgeBase,
    on_event: Callback | None = None,
    batch_size: int = 64,
    writer: Literal["thread", "process"] = "thread",
    freeze_gc: bool = False,
) -> IngestSummary:
    """Analyse and store documents; already stored ones are skipped before any NLP.

    ``freeze_gc``: for a process that does nothing else (the CLI), everything
    alive once the pipeline is loaded (the model, the vocabularies) is moved out
    of the cyclic collector's sight (``gc.freeze``), which otherwise walks it
    again at each full collection: 2 to 3 per cent of the analysis time.

    On a file or server database the writes overlap with parsing the next
    batch: on a second thread by default, or with ``writer="process"`` in a
    second process (faster on two cores or more; like any ``spawn``, it needs
    the calling script's entry point under ``if __name__ == "__main__":``).
    Each document is one transaction either way.
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
    if freeze_gc:
        gc.collect()
        gc.freeze()

    def chained() -> Iterator[Document]:
        assert first is not None
        yield first
        yield from stream

    def failed(document: Document, exc: Exception) -> None:
        record(IngestEvent("failed", document.source, document.id, error=str(exc)))

    analyses = analyze_docs(nlp, chained(), batch_size=batch_size, on_error=failed)
    if writer == "process" and store.supports_concurrent_writes:
        _store_in_process(analyses, store, record, batch_size)
        return summary
    if not store.supports_concurrent_writes:
        for analysis in analyses:
            save(analysis)
            if fatal:
                raise fatal[0]
        return summary
    queue: Queue[DocumentAnalysis | None] = Queue(maxsize=2 * batch_size)

    def drain() -> None:
        while (item := queue.get()) is not None:
            if not fatal:
                save(item)

    thread = threading.Thread(target=drain, name="claimgraph-writer", daemon=True)
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
    writer: Literal["thread", "process"] = "thread",
    freeze_gc: bool = False,
) -> IngestSummary:
    """Read paths, directories, URLs or ``-``; analyse and store every new document
    (``writer`` and ``freeze_gc`` as in ``ingest_documents``)."""
    return ingest_documents(iter_documents(paths, published), store, on_event, batch_size, writer, freeze_gc)


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
