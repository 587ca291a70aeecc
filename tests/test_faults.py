"""Faults during a CLI ingest: a full disk, a locked SQLite file, PostgreSQL restarted or gone.

Each must end with a clear message, leave no half-written document, and let
the same command complete afterwards. The disk and restart cases need root
(a tmpfs mount, pg_ctlcluster) and skip without it; CI runs as root.
(kill -9 of the CLI is tests/test_crash.py.)
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def _feed(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = (
                f"Report {i} from Dara{i}\n\nKABUL (Reuters) - Commander Ali Rahimi{i} said on Monday that {i + 3} fighters "
                f"had left the village of Dara{i}. \u201cWe will not return,\u201d said a spokesman for the Front. " * 3
            )
            fh.write(json.dumps({"text": text, "published": "2024-02-05"}) + "\n")
    return path


def _ingest(feed: Path, db: str, timeout: float = 600, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph.cli", "ingest", str(feed), "--db", db],
        capture_output=True, text=True, timeout=timeout, env={**os.environ, **env},
    )


def _counts(db: str) -> tuple[int, int]:
    """(documents, documents without their mentions) in any store."""
    import sqlalchemy as sa

    from claimgraph.store import database_url

    engine = sa.create_engine(database_url(db))
    try:
        with engine.connect() as con:
            docs = con.execute(sa.text("SELECT count(*) FROM documents")).scalar_one()
            bare = con.execute(sa.text(
                "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.document = d.id)"
            )).scalar_one()
            return int(docs), int(bare)
    finally:
        engine.dispose()


@pytest.mark.skipif(not ROOT_USER or not shutil.which("mount"), reason="mounting a small tmpfs needs root")
def test_disk_full_stops_cleanly_and_rerun_completes(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 300)
    small = tmp_path / "small"
    small.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(small)], capture_output=True).returncode:
        pytest.skip("this machine refuses a tmpfs mount")
    try:
        db = str(small / "kb.db")
        full = _ingest(feed, db)
        assert full.returncode == 2, full.stderr
        assert "disk is full" in full.stderr and "run the same command again" in full.stderr
        assert "Traceback" not in full.stderr
        stored, bare = _counts(db)
        assert 0 < stored < 300 and bare == 0
        # more room (what an analyst does after freeing space), the same command again
        subprocess.run(["mount", "-o", "remount,size=64m", str(small)], check=True)
        again = _ingest(feed, db)
        assert again.returncode == 0, again.stderr
        assert _counts(db) == (300, 0)
        assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        subprocess.run(["umount", "-l", str(small)], capture_output=True)


def test_locked_database_file_is_a_clear_error(tmp_path: Path) -> None:
    feed = _feed(tmp_path / "feed.jsonl", 3)
    db = tmp_path / "kb.db"
    assert _ingest(_feed(tmp_path / "first.jsonl", 1), str(db)).returncode == 0
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")  # another program writing, and not letting go
    try:
        locked = _ingest(feed, str(db), CLAIMGRAPH_LOCK_TIMEOUT="1")
    finally:
        holder.rollback()
        holder.close()
    assert locked.returncode == 2 and "database is locked" in locked.stderr, locked.stderr
    assert "Traceback" not in locked.stderr
    assert _counts(str(db)) == (1, 0)
    again = _ingest(feed, str(db))
    assert again.returncode == 0 and _counts(str(db)) == (3, 0)


def _local_cluster() -> tuple[str, str] | None:
    """(version, name) of the local PostgreSQL cluster behind CLAIMGRAPH_TEST_PG, when this process may restart it."""
    url = os.environ.get("CLAIMGRAPH_TEST_PG", "")
    if not url or not ROOT_USER or not shutil.which("pg_lsclusters") or "127.0.0.1" not in url and "localhost" not in url:
        return None
    out = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout.split()
    return (out[0], out[1]) if len(out) >= 2 else None


@pytest.mark.skipif(_local_cluster() is None, reason="needs root and the local PostgreSQL cluster of CLAIMGRAPH_TEST_PG")
def test_postgresql_restart_mid_run_and_outage(tmp_path: Path) -> None:
    from conftest import empty_postgres

    cluster = _local_cluster()
    assert cluster is not None
    url = empty_postgres()
    feed = _feed(tmp_path / "feed.jsonl", 200)
    cmd = [sys.executable, "-m", "claimgraph.cli", "ingest", str(feed), "--db", url]

    def wait_for(n: int, proc: subprocess.Popen[str]) -> None:
        deadline = time.time() + 180
        while time.time() < deadline and proc.poll() is None:
            try:
                if _counts(url)[0] >= n:
                    return
            except Exception:
                pass
            time.sleep(0.3)

    # a restart: the run rides it out (lost connections are retried)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(10, proc)
    subprocess.run(["pg_ctlcluster", *cluster, "restart"], check=True)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert _counts(url) == (200, 0)

    # an outage longer than the retry window: a clear stop, then a rerun completes
    url2 = empty_postgres()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "CLAIMGRAPH_RETRY_SECONDS": "2"})
    wait_for(10, proc)
    subprocess.run(["pg_ctlcluster", *cluster, "stop"], check=True)
    try:
        _, err = proc.communicate(timeout=600)
    finally:
        subprocess.run(["pg_ctlcluster", *cluster, "start"], check=True)
    assert proc.returncode == 2 and "unavailable" in err and "Traceback" not in err, err
    stored, bare = _counts(url2)
    assert 0 < stored < 200 and bare == 0
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert _counts(url2) == (200, 0)
