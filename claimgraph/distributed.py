"""Ingest on a Dask cluster: workers run the language pipeline, the client stores.

Documents go to the workers in shards; each worker process loads the model
once and sends back one ``DocumentAnalysis`` per document. The client resolves
and stores the results in input order, one transaction per document, exactly
as a single-process ingest does, so the ids are the same and several workers
never race on the store. A worker that dies takes no stored data with it: the
scheduler runs its shard again elsewhere, and results are only written once
they arrive. A rerun skips what is stored, before any shard is sent.

``workers=N`` starts a local cluster of N processes, with the settings in
``data/dask.yaml``, forked from a process that has loaded the model (so they
start with it); ``scheduler="tcp://..."`` uses a running cluster whose workers
have claimgraph installed.

This module imports the store and the ingest layer only when the client needs
them: a worker imports it to run ``analyze_shard`` and needs the language
pipeline alone.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.errors import ClaimgraphError, IngestError
from claimgraph.model import Document, DocumentAnalysis

if TYPE_CHECKING:
    from distributed import Client

    from claimgraph.api import Callback, IngestSummary
    from claimgraph.store import Store

__all__ = ["analyze_shard", "ingest_distributed", "local_cluster_config", "open_client", "prepare_local_workers"]

_NLP: Any = None


def local_cluster_config() -> dict[str, Any]:
    """``data/dask.yaml`` as dotted keys, ready for ``dask.config.set`` (see that file for why)."""
    flat: dict[str, Any] = {}

    def walk(prefix: str, node: Any) -> None:
        # a dotted key replaces one value; a nested dict given to dask.config.set would
        # replace the whole "distributed" section
        if isinstance(node, dict):
            for key, value in node.items():
                walk(f"{prefix}.{key}" if prefix else str(key), value)
        else:
            flat[prefix] = node

    walk("", load_yaml("dask.yaml"))
    return flat


def analyze_shard(documents: list[Document]) -> tuple[list[DocumentAnalysis], list[tuple[str, str]]]:
    """Run on a worker: analyse a shard with the worker's pipeline (loaded on its first shard).

    Returns the analyses and, for each document that failed, its id and the
    reason: one bad document costs only itself, not its shard.
    """
    global _NLP
    from claimgraph.nlp import analyze_docs, load_pipeline

    if _NLP is None:
        _NLP = load_pipeline()
    failures: list[tuple[str, str]] = []
    analyses = list(
        analyze_docs(_NLP, documents, batch_size=max(1, len(documents)), on_error=lambda d, exc: failures.append((d.id, str(exc))))
    )
    return analyses, failures


def open_client(workers: int | None = None, scheduler: str | None = None) -> Client:
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - a dependency
        raise ClaimgraphError(f"Dask distributed is not installed: {exc}") from None
    try:
        if scheduler:
            # connect timeout: Dask's distributed.comm.timeouts.connect (30 s unless configured)
            return Client(scheduler)  # type: ignore[no-untyped-call]
        import dask

        config = local_cluster_config()
        if prepare_local_workers():
            config["distributed.worker.multiprocessing-method"] = "forkserver"
        with dask.config.set(config):
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers or 2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
        return Client(cluster)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, RuntimeError) as exc:
        where = scheduler or f"a local cluster of {workers} workers"
        raise ClaimgraphError(f"cannot reach {where}: {exc}") from None


def prepare_local_workers() -> bool:
    """Start the process that a local cluster's workers fork from, loading the model there.

    It runs in the background: call this as early as possible (``claimgraph ingest
    --workers`` does, before it imports the store), so that the model loads while
    this process does its own start-up. ``open_client`` calls it too; a second call
    does nothing. Returns False where there is no forkserver (Windows): the workers
    are then spawned and each loads the model on its first shard, as a worker of a
    remote cluster does; so does a worker the nanny restarts.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    from multiprocessing import forkserver

    import dask

    # The workers fork from this server and inherit its environment, so it must start
    # with the one the nanny would give them (data/dask.yaml). As in Dask, a variable
    # already set in this process wins; the nanny later sets the same in os.environ.
    with dask.config.set(local_cluster_config()):
        # a copy: leaving the block restores the defaults in the same dict
        wanted = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}))
    for key, value in wanted.items():
        if value is not None:
            os.environ.setdefault(key, str(value))
    # Dask sets its own preload list on the first cluster it starts ("distributed" and
    # its optional packages); ours replaces it. Once the forkserver runs, a new list no
    # longer applies, so Dask's later call changes nothing.
    multiprocessing.get_context("forkserver").set_forkserver_preload(["distributed", "claimgraph._forkserver"])
    forkserver.ensure_running()
    return True


def _shards(
    documents: Iterable[Document | IngestError], store: Store, record: Callback, size: int
) -> Iterator[list[Document]]:
    """Shards of new documents; input errors and stored documents are reported on the way."""
    from claimgraph.api import IngestEvent

    pending: list[Document] = []

    def flush() -> Iterator[list[Document]]:
        known = store.known_document_ids(d.id for d in pending)
        fresh: list[Document] = []
        ids: set[str] = set()
        for d in pending:
            if d.id in known or d.id in ids:
                record(IngestEvent("skipped", d.source, d.id))
            else:
                ids.add(d.id)
                fresh.append(d)
        pending.clear()
        if fresh:
            yield fresh

    for item in documents:
        if isinstance(item, IngestError):
            record(IngestEvent("failed", item.source, error=item.reason))
            continue
        pending.append(item)
        if len(pending) >= size:
            yield from flush()
    if pending:
        yield from flush()


def ingest_distributed(
    paths: Iterable[str],
    store: Store,
    published: date | str | None = None,
    on_event: Callback | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Client | None = None,
    shard_size: int = 16,
) -> IngestSummary:
    """Like ``claimgraph.ingest``, with the NLP on a Dask cluster (see the module's docstring)."""
    from claimgraph.api import IngestEvent, IngestSummary, _knowledge, recorder, store_analysis
    from claimgraph.ingest import iter_documents

    summary = IngestSummary()
    record = recorder(summary, on_event)
    kb = _knowledge(store)
    own = client is None
    if client is None:
        client = open_client(workers, scheduler)
    n_workers = len(client.scheduler_info().get("workers", {})) or workers or 1
    # enough shards queued to keep every worker busy while the client stores, few enough to bound memory
    max_in_flight = 2 * n_workers + 1
    in_flight: deque[tuple[list[Document], Any]] = deque()

    def store_results(shard: list[Document], future: Any) -> None:
        try:
            analyses, failures = future.result()
        except Exception as exc:  # a shard failed on every worker it was tried on (a worker died each time)
            for d in shard:
                record(IngestEvent("failed", d.source, d.id, error=f"analysis failed on the cluster: {exc}"))
            return
        reasons = dict(failures)
        done = {a.document.id: a for a in analyses}
        # in input order, failures among them, so that the ids and the events match a run without Dask
        for d in shard:
            if d.id in reasons:
                record(IngestEvent("failed", d.source, d.id, error=reasons[d.id]))
            elif d.id in done:
                store_analysis(kb, done[d.id], record)

    try:
        for shard in _shards(iter_documents(paths, published), store, record, shard_size):
            key = "claimgraph-shard-" + hashlib.sha1("|".join(d.id for d in shard).encode()).hexdigest()
            in_flight.append((shard, client.submit(analyze_shard, shard, key=key)))
            while len(in_flight) >= max_in_flight:
                store_results(*in_flight.popleft())
        while in_flight:
            store_results(*in_flight.popleft())
    finally:
        for _, future in in_flight:
            future.cancel()
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()  # type: ignore[no-untyped-call]
            if cluster is not None:
                cluster.close()
    return summary
