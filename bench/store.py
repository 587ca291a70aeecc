"""Store write path: storing analyses, timed without the NLP.

Analyses the first N Reuters-21578 bodies (from ../shared/corpus/reuters21578)
once, untimed, then stores them ``--repeat`` times into an empty database,
one ``store_analysis`` call (one transaction) per document, as an ingest does.
Prints CPU and wall milliseconds per document for each run. That is what an
ingest spends storing: on the writer thread of one process, or on the client
of ``ingest --workers`` while the workers parse.

    .venv/bin/python bench/store.py [--docs 1000] [--repeat 3] [--db postgresql://...]

Without ``--db`` each run writes a new SQLite file. With a PostgreSQL URL each
run writes into a new schema, ``claimgraph_bench_store``, which is dropped
first and at the end; nothing else in that database is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, reuters_bodies  # noqa: E402

SCHEMA = "claimgraph_bench_store"


def _fresh_postgres(url: str) -> str:
    """A URL whose connections use an emptied schema of their own."""
    import sqlalchemy as sa

    from claimgraph.store import database_url

    engine = sa.create_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        conn.execute(sa.text(f"CREATE SCHEMA {SCHEMA}"))
    engine.dispose()
    return url + ("&" if "?" in url else "?") + f"options=-csearch_path%3D{SCHEMA}"


def _drop_postgres(url: str) -> None:
    import sqlalchemy as sa

    from claimgraph.store import database_url

    engine = sa.create_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
    engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--db", help="a PostgreSQL URL; default: a new SQLite file for each run")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "store.json")
    args = ap.parse_args()
    if args.db and not args.db.startswith("postgresql"):
        sys.exit("bench/store.py: --db takes a PostgreSQL URL; SQLite runs use a new file without it")

    from claimgraph.api import store_analysis
    from claimgraph.errors import IngestError
    from claimgraph.ingest import iter_documents
    from claimgraph.nlp import analyze_docs, load_pipeline
    from claimgraph.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="cg-bench-store-"))
    jsonl = tmp / "reuters.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for d in reuters_bodies(args.docs):
            fh.write(json.dumps({"text": d["text"], "title": d["title"]}) + "\n")
    documents = [d for d in iter_documents([str(jsonl)], None) if not isinstance(d, IngestError)]
    t0 = time.perf_counter()
    analyses = list(analyze_docs(load_pipeline(), documents))
    analysed_s = time.perf_counter() - t0

    runs: list[dict[str, float]] = []
    failed: list[str] = []

    def count(event: Any) -> None:
        if event.status == "failed":
            failed.append(f"{event.source}: {event.error}")

    for n in range(args.repeat):
        url = _fresh_postgres(args.db) if args.db else str(tmp / f"store{n}.db")
        store = Store(url)
        cpu, wall = time.process_time(), time.perf_counter()
        for analysis in analyses:
            store_analysis(store, analysis, count)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        store.close()
        if failed:
            sys.exit(f"bench/store.py: {len(failed)} documents failed, the first: {failed[0]}")
        runs.append({"cpu_ms_per_doc": round(1000 * cpu / len(analyses), 2), "wall_ms_per_doc": round(1000 * wall / len(analyses), 2)})
        print(f"run {n + 1}: {runs[-1]['cpu_ms_per_doc']:.2f} ms CPU, {runs[-1]['wall_ms_per_doc']:.2f} ms wall a document")
    if args.db:
        _drop_postgres(args.db)

    result = {
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "store": "postgresql" if args.db else "sqlite",
        "docs": len(analyses),
        "distinct_docs": len({a.document.id for a in analyses}),
        "analysis_seconds": round(analysed_s, 2),
        "runs": runs,
        "best_cpu_ms_per_doc": min(r["cpu_ms_per_doc"] for r in runs),
        "best_wall_ms_per_doc": min(r["wall_ms_per_doc"] for r in runs),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{len(analyses)} Reuters bodies ({result['distinct_docs']} distinct) stored into {result['store']} ({result['machine']}): "
        f"best {result['best_cpu_ms_per_doc']:.2f} ms CPU, {result['best_wall_ms_per_doc']:.2f} ms wall a document"
    )


if __name__ == "__main__":
    main()
