"""kill -9 during a long ingest, then the same command again: complete, no duplicates, no partial documents.

On a SQLite file and on the real PostgreSQL server (when CLAIMGRAPH_TEST_PG names one).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _feed(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = (
                f"Report {i}\n\nCommander Ali Rahimi{i} said on Monday that {i + 3} fighters had left the village of Dara{i}. "
                f"“We will not return,” said a spokesman for the Front, according to officials in Kabul."
            )
            # dated: "on Monday" resolves, so the derived timeline has rows to be consistent about
            fh.write(json.dumps({"text": text, "published": "2024-03-06"}) + "\n")


def _counts(db: str) -> dict[str, int]:
    import sqlalchemy as sa

    from claimgraph.store import database_url

    engine = sa.create_engine(database_url(db))
    try:
        with engine.connect() as con:
            out = {t: con.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in ("documents", "attributions", "mentions")}
            # every stored document has its facts: no document without mentions
            out["bare_documents"] = con.execute(sa.text(
                "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.document = d.id)"
            )).scalar_one()
            return out
    finally:
        engine.dispose()


def test_kill_then_rerun(db_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    _feed(feed, 400)
    cmd = [sys.executable, "-m", "claimgraph.cli", "ingest", str(feed), "--db", db_url]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.5)
        try:
            if _counts(db_url)["documents"] >= 20:
                break
        except Exception:  # not created yet
            pass
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _counts(db_url)
    assert 0 < partial["documents"] < 400
    assert partial["bare_documents"] == 0
    # the derived tables hold what the stored documents give, no more and no less
    from claimgraph import Store
    from claimgraph.analysis import KnowledgeBase

    with Store(db_url) as store:
        assert store.derived_state() is None
        kb = KnowledgeBase(store)
        assert store.count("timeline") > 0
        assert kb.verify() == []

    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    done = _counts(db_url)
    assert done["documents"] == 400 and done["bare_documents"] == 0

    # the same as one uninterrupted run
    clean = str(tmp_path / "clean.db")
    subprocess.run(cmd[:-1] + [clean], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    assert _counts(clean) == done
