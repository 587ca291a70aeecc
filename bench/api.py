"""API latency: every GET endpoint of the OpenAPI on a store of N synthetic claims.

Builds a store of synthetic documents (actors, mentions, attributions and
claims drawn from a fixed seed, so every run builds the same store) in a SQLite
file or a PostgreSQL database (``--db postgresql://...``, built when empty),
through the knowledge base, so the derived tables are kept as a real ingest
keeps them. Then, through the ASGI app in-process:

1. the first call of every GET endpoint after the app starts;
2. one more document posted (``POST /api/documents``, the NLP pipeline run),
   and the first call of every endpoint again;
3. ``--requests`` calls of every endpoint with random ids, filters and pages:
   p50/p95/max.

``--brief`` also times ``claimgraph brief`` on the most mentioned actor (a
separate process, start-up included).

The store is read into memory first, as a server that has been up a while has it:
the SQLite file into the OS page cache, a PostgreSQL database into its shared
buffers with pg_prewarm (when the extension exists in that database: a superuser
runs ``CREATE EXTENSION pg_prewarm``; the bench says when it does not). ``--cold``
skips that: after a reboot, first reads come from disk and cost several times more.

    .venv/bin/python bench/api.py [--claims 100000] [--requests 200] [--db bench/out/api.db] [--brief]
    .venv/bin/python bench/api.py --claims 1000000 --db postgresql://claimgraph:claimgraph@127.0.0.1/claimgraph_bench
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from claimgraph import Store
from claimgraph.model import Actor, Attribution, Claim, Document, DocumentAnalysis, Mention, Role, Speaker

ROOT = Path(__file__).resolve().parent.parent
PREDICATES = ["allied_with", "protects", "trains", "fights_alongside", "funds", "attacks", "negotiates_with"]


def build(db: str, n_claims: int, per_doc: int = 50, n_actors: int = 2000, seed: int = 7, rebuild: bool = False) -> None:
    """The synthetic store. Each document through the knowledge base (its derived tables kept
    as an ingest keeps them), or with ``rebuild`` the facts alone and then one rebuild of the
    derived tables, as a migrated store gets (faster for a million claims)."""
    rng = random.Random(seed)
    orgs = [Actor(Actor.id_for(f"Group {i}", "organization"), f"Group {i}", "organization", "armed_group") for i in range(n_actors // 2)]
    people = [
        Actor(Actor.id_for(f"Person {i}", "person"), f"Person {i}", "person", roles=[Role("spokesman", orgs[i % len(orgs)].id, orgs[i % len(orgs)].name)])
        for i in range(n_actors // 2)
    ]
    everyone = orgs + people
    from claimgraph.analysis import KnowledgeBase

    with Store(str(db)) as store:
        kb = KnowledgeBase(store)
        for d in range(n_claims // per_doc):
            sentences = []
            mentions, atts, claims = [], [], []
            for k in range(per_doc):
                a, b = rng.sample(orgs, 2)
                speaker = rng.choice(people)
                sentence = f"{speaker.name} said {a.name} has ties with {b.name}. "
                start = sum(len(x) for x in sentences)
                sentences.append(sentence)
                s_end = start + len(speaker.name)
                a_start = sentence.index(a.name) + start
                b_start = sentence.rindex(b.name) + start
                mentions += [
                    Mention(speaker.id, speaker.name, (start, s_end), "PERSON"),
                    Mention(a.id, a.name, (a_start, a_start + len(a.name)), "ORG"),
                    Mention(b.id, b.name, (b_start, b_start + len(b.name)), "ORG"),
                ]
                att_id = f"att-{d}-{k}"
                content = (s_end + 6, start + len(sentence) - 2)
                atts.append(Attribution(att_id, f"doc-{d}", sentence[content[0] - start : content[1] - start], content, False, "said", Speaker(speaker.id, speaker.name, (start, s_end))))
                pred = rng.choice(PREDICATES)
                subj, obj = (a.id, b.id) if pred != "allied_with" else tuple(sorted((a.id, b.id)))
                polarity = "affirmed" if rng.random() > 0.1 else "negated"
                span = (start, start + len(sentence))
                claims.append(Claim(Claim.id_for(f"doc-{d}", span, subj, pred, obj, polarity), f"doc-{d}", subj, pred, obj, polarity, sentence, span, att_id))
            text = "".join(sentences)
            used = {m.actor for m in mentions}
            doc = Document(f"doc-{d}", text, f"synthetic-{d}", title=f"Synthetic report {d}", published=f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}")
            analysis = DocumentAnalysis(doc, [a for a in everyone if a.id in used], mentions, atts, [], [], claims)
            if rebuild:
                store.save(analysis, resolve=False)
            else:
                kb.save(analysis, resolve=False)
            if d % 200 == 199:
                print(f"  {(d + 1) * per_doc:,} claims", file=sys.stderr, flush=True)
        if rebuild:
            t0 = time.perf_counter()
            KnowledgeBase(store)  # the store is marked stale: this rebuilds its derived tables
            print(f"rebuilt the derived tables in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def warm(db: str) -> None:
    """Read the whole store into memory (see the module's docstring)."""
    import sqlalchemy as sa

    t0 = time.perf_counter()
    if "://" not in db:
        with open(db, "rb") as fh:
            while fh.read(16 << 20):
                pass
        print(f"read {db} into the page cache in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        return
    with Store(db) as store, store.engine.connect() as conn:
        if conn.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_prewarm'")).first() is None:
            print("pg_prewarm is not installed in this database: measuring a cold cache (CREATE EXTENSION pg_prewarm as a superuser)", file=sys.stderr)
            return
        relations = conn.execute(
            sa.text("SELECT c.oid::regclass::text FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'i')")
        ).scalars().all()
        pages = sum(int(conn.execute(sa.text("SELECT pg_prewarm(CAST(:r AS regclass))"), {"r": r}).scalar_one()) for r in relations)
    print(f"pg_prewarm read {pages:,} pages of {len(relations)} tables and indexes in {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "api.db"), help="SQLite file or postgresql:// URL")
    ap.add_argument("--cold", action="store_true", help="do not read the store into memory first")
    ap.add_argument("--brief", action="store_true", help="also time `claimgraph brief` on the most mentioned actor")
    ap.add_argument("--build-only", action="store_true", help="build the store and stop")
    ap.add_argument("--rebuild", action="store_true", help="build the facts, then the derived tables in one rebuild (faster)")
    args = ap.parse_args()
    if "://" not in args.db:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    with Store(args.db) as store:
        empty = store.count("documents") == 0
    if empty:
        t0 = time.perf_counter()
        build(args.db, args.claims, rebuild=args.rebuild)
        print(f"built {args.db} with {args.claims:,} claims in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if args.build_only:
        return
    import sqlalchemy as sa
    from fastapi.testclient import TestClient

    from claimgraph.web.app import create_app

    with Store(str(args.db)) as store:
        n_claims = store.count("claims")
        actor_ids = [a.id for a in store.actors(type_="organization", aliases=False)]
        people = [a.id for a in store.actors(type_="person", aliases=False)]
        names = [a.name for a in store.actors(aliases=False)]
        with store.engine.connect() as conn:
            relation_ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM relations LIMIT 5000"))]
            doc_ids = [r[0] for r in conn.execute(sa.text("SELECT id FROM documents LIMIT 5000"))]
        top = store.actors_page(None, None, 1, 0, cap=1)[0][0][0].name
    if not args.cold:
        warm(args.db)
    rng = random.Random(1)
    predicates = PREDICATES

    def urls() -> dict[str, str]:
        """One request per GET endpoint of the OpenAPI, with random ids, filters and pages."""
        return {
            "/api/documents": f"/api/documents?offset={rng.randrange(0, 500)}",
            "/api/documents/{id}": f"/api/documents/{rng.choice(doc_ids)}",
            "/api/actors": rng.choice(["/api/actors", "/api/actors?type=person", f"/api/actors?q=group+{rng.randrange(100)}", "/api/actors?offset=50"]),
            "/api/actors/{id}": f"/api/actors/{rng.choice(actor_ids + people)}",
            "/api/relations": rng.choice([
                "/api/relations", f"/api/relations?actor={rng.choice(actor_ids)}", f"/api/relations?predicate={rng.choice(predicates)}",
                "/api/relations?max_credibility=2", f"/api/relations?offset={rng.randrange(0, 2000)}",
            ]),
            "/api/relations/{id}": f"/api/relations/{rng.choice(relation_ids)}",
            "/api/claims": rng.choice(["/api/claims", f"/api/claims?actor={rng.choice(actor_ids)}", "/api/claims?polarity=negated",
                                       f"/api/claims?predicate={rng.choice(predicates)}&offset=100"]),
            "/api/attributions": rng.choice(["/api/attributions", f"/api/attributions?speaker={rng.choice(people)}", "/api/attributions?offset=500"]),
            "/api/contradictions": rng.choice(["/api/contradictions", f"/api/contradictions?actor={rng.choice(actor_ids)}",
                                               "/api/contradictions?kind=polarity&offset=100"]),
            "/api/commitments": "/api/commitments",
            "/api/timeline": rng.choice(["/api/timeline", "/api/timeline?from=2024-06-01", "/api/timeline?from=2024-03&to=2024-04"]),
            "/api/search": f"/api/search?q={rng.choice(names).replace(' ', '+')}",
        }

    def get(client: Any, url: str) -> float:
        t0 = time.perf_counter()
        r = client.get(url)
        ms = (time.perf_counter() - t0) * 1000
        assert r.status_code == 200, (url, r.text)
        return ms

    token = "bench-token"
    app = create_app(str(args.db), token)
    gc.collect()
    gc.freeze()  # as `claimgraph serve` does: start-up objects leave the cyclic GC's walks
    dialect = Store(args.db).dialect
    print(f"store: {dialect}, {n_claims:,} claims; in-process ASGI")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        first = {name: get(client, url) for name, url in urls().items()}
        from claimgraph.nlp import load_pipeline

        load_pipeline()  # the model loads once per server: not part of the post's time
        t0 = time.perf_counter()
        text = (f"Group {rng.randrange(1000)} has close ties with Group {rng.randrange(1000)}, Person {rng.randrange(1000)} "
                f"said on Monday. Group {rng.randrange(1000)} denied it. Bench run {time.time()}.")
        r = client.post("/api/documents", json={"text": text, "published": "2024-12-01"}, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 201, r.text
        posted = (time.perf_counter() - t0) * 1000
        after = {name: get(client, url) for name, url in urls().items()}
        timings: dict[str, list[float]] = {name: [] for name in first}
        for _ in range(args.requests):
            for name, url in urls().items():
                timings[name].append(get(client, url))
    print(f"POST /api/documents: {posted:.0f} ms")
    print(f"{'endpoint':22s} {'first':>8s} {'after post':>11s} {'p50':>8s} {'p95':>8s} {'max':>8s}   ({args.requests} requests each)")
    for name, ms in timings.items():
        ms.sort()
        p95 = ms[int(0.95 * len(ms)) - 1]
        print(f"{name:22s} {first[name]:6.1f}ms {after[name]:9.1f}ms {statistics.median(ms):6.1f}ms {p95:6.1f}ms {ms[-1]:6.1f}ms")
    if args.brief:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimgraph.cli", "brief", top, "--db", args.db], check=True, stdout=subprocess.DEVNULL)
        print(f"claimgraph brief {top!r}: {time.perf_counter() - t0:.2f} s (process start-up included)")


if __name__ == "__main__":
    main()
