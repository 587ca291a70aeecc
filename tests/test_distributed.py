"""Ingest on a real Dask LocalCluster of processes: same store as one process, resumable, a killed worker."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimgraph import Store, ingest
from claimgraph.distributed import ingest_distributed, open_client
from claimgraph.export import export

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _feed(path: Path, n: int, offset: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(offset, offset + n):
            text = (
                f"Clashes near Dara{i}\n\nKABUL (Reuters) - Commander Ali Rahimi{i} said on Monday that {i + 3} fighters "
                f"had left the village of Dara{i}. The Taliban have close ties with al-Qaeda, a UN monitoring team said. "
                f"\u201cWe will not return,\u201d said a spokesman for the Front."
            )
            fh.write(json.dumps({"text": text, "published": "2024-02-05"}) + "\n")
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    c = open_client(workers=2)  # the cluster `claimgraph ingest --workers 2` starts
    cluster = c.cluster
    yield c
    c.close()
    cluster.close()


def test_local_cluster_workers_get_claimgraph_dask_settings(client: Any) -> None:
    def settings() -> tuple[Any, ...]:
        import dask

        return (
            os.environ.get("MALLOC_TRIM_THRESHOLD_"),
            os.environ.get("OMP_NUM_THREADS"),
            dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"),
            dask.config.get("distributed.admin.system-monitor.interval"),
            dask.config.get("distributed.worker.memory.monitor-interval"),
        )

    seen = client.run(settings)
    assert len(seen) == 2
    # MALLOC_TRIM_THRESHOLD_ unset keeps glibc's adaptive mmap threshold (see data/dask.yaml)
    assert set(seen.values()) == {(None, "1", False, "1s", "2s", "1s")}


@pytest.mark.skipif(sys.platform == "win32", reason="no forkserver on Windows")
def test_local_cluster_workers_start_with_the_model_loaded(client: Any) -> None:
    def loaded() -> tuple[bool, bool, bool]:
        import claimgraph.distributed

        # a spawned worker never imports claimgraph._forkserver; a forked one inherits it.
        # A worker needs the pipeline, not the store: importing SQLAlchemy and the store
        # there delayed every worker's start.
        return "claimgraph._forkserver" in sys.modules, claimgraph.distributed._NLP is not None, "sqlalchemy" in sys.modules

    assert set(client.run(loaded).values()) == {(True, True, False)}


def _dump(db: str) -> str:
    with Store(db) as store:
        return export(store, "jsonl") or ""


def test_cluster_ingest_matches_one_process_and_resumes(client: Any, db_url: str, tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 40)
    with Store(db_url) as store:
        summary = ingest_distributed([str(feed)], store, client=client, shard_size=8)
    assert (summary.added, summary.failed) == (40, 0)
    reference = str(tmp_path / "one.db")
    with Store(reference) as store:
        ingest([str(feed)], store)
    assert _dump(db_url) == _dump(reference)  # same ids, same facts, same resolution
    with Store(db_url) as store:
        again = ingest_distributed([str(feed)], store, client=client, shard_size=8)
    assert (again.added, again.skipped) == (0, 40)  # a rerun sends nothing to the cluster


def test_killed_worker_loses_and_duplicates_nothing(client: Any, tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 120, offset=1000)
    db = str(tmp_path / "kb.db")
    result: dict[str, Any] = {}

    def run() -> None:
        with Store(db) as store:
            result["summary"] = ingest_distributed([str(feed)], store, client=client, shard_size=8)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.time() + 180
    killed = False
    victim = -1
    while time.time() < deadline and thread.is_alive():
        time.sleep(0.3)
        with Store(db) as store:
            if store.count("documents") >= 8:
                pids = client.run(os.getpid)  # worker address -> process id
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed = True
                break
    thread.join(300)
    assert killed, "the run ended before a worker could be killed"
    assert victim not in client.run(os.getpid).values()  # the nanny started a new process
    summary = result["summary"]
    assert (summary.added, summary.failed) == (120, 0), summary.errors[:3]
    reference = str(tmp_path / "one.db")
    with Store(reference) as store:
        ingest([str(feed)], store)
    assert _dump(db) == _dump(reference)


def test_cli_scheduler_option(client: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimgraph.cli import cli

    feed = _feed(tmp_path / "feed.jsonl", 6, offset=5000)
    db = str(tmp_path / "kb.db")
    address = client.scheduler.address
    r = CliRunner().invoke(cli, ["ingest", str(feed), "--db", db, "--scheduler", address])
    assert r.exit_code == 0, r.output
    assert "added 6" in r.output
    both = CliRunner().invoke(cli, ["ingest", str(feed), "--db", db, "--scheduler", address, "--workers", "2"])
    assert both.exit_code == 2 and "not both" in both.output
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        gone = CliRunner().invoke(cli, ["ingest", str(feed), "--db", db, "--scheduler", "tcp://127.0.0.1:9"])
    assert gone.exit_code == 1 and "cannot reach tcp://127.0.0.1:9" in gone.output


def _break_on_kaboom() -> None:
    """Run on each worker: the pipeline raises on any document that says KABOOM."""
    import claimgraph.nlp.extract as ex

    real = getattr(ex, "_real_doc_to_analysis", ex.doc_to_analysis)
    ex._real_doc_to_analysis = real  # type: ignore[attr-defined]

    def flaky(doc: Any, document: Any) -> Any:
        if "KABOOM" in document.text:
            raise RuntimeError("a component broke")
        return real(doc, document)

    ex.doc_to_analysis = flaky


def _mend() -> None:
    import claimgraph.nlp.extract as ex

    ex.doc_to_analysis = getattr(ex, "_real_doc_to_analysis", ex.doc_to_analysis)


def test_a_failing_document_costs_only_itself_not_its_shard(client: Any, tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 16, offset=7000)
    lines = feed.read_text(encoding="utf-8").splitlines()
    lines[5] = json.dumps({"text": "Clashes near Dara\n\nKABOOM went the talks in Dara on Monday.", "published": "2024-02-05"})
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    client.run(_break_on_kaboom)
    try:
        with Store(str(tmp_path / "kb.db")) as store:
            summary = ingest_distributed([str(feed)], store, client=client, shard_size=8)
            assert store.count("documents") == 15
    finally:
        client.run(_mend)
    assert (summary.added, summary.failed) == (15, 1)
    assert summary.errors == [f"{feed}:6: analysis failed (RuntimeError: a component broke)"]
