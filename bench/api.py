"""API latency: actor page, relation evidence and search on a store of N synthetic claims.

Builds a store of synthetic documents (actors, mentions, attributions and
claims drawn from a fixed seed, so every run builds the same store) in a SQLite
file or a PostgreSQL database (``--db postgresql://...``, built when empty),
then asks the API for random actor pages, relation evidence panels and
searches for actor names through the ASGI app in-process, and prints
p50/p95/max per endpoint.

The store is read into memory first, as a server that has been up a while has it:
the SQLite file into the OS page cache, a PostgreSQL database into its shared
buffers with pg_prewarm (when the extension exists in that database: a superuser
runs ``CREATE EXTENSION pg_prewarm``; the bench says when it does not). ``--cold``
skips that: after a reboot, first reads come from disk and cost several times more.

    .venv/bin/python bench/api.py [--claims 100000] [--requests 300] [--db bench/out/api.db]
    .venv/bin/python bench/api.py --claims 1000000 --db postgresql://claimgraph:claimgraph@127.0.0.1/claimgraph_bench
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from pathlib import Path

from claimgraph import Store
from claimgraph.model import Actor, Attribution, Claim, Document, DocumentAnalysis, Mention, Role, Speaker

ROOT = Path(__file__).resolve().parent.parent
PREDICATES = ["allied_with", "protects", "trains", "fights_alongside", "funds", "attacks", "negotiates_with"]


def build(db: str, n_claims: int, per_doc: int = 50, n_actors: int = 2000, seed: int = 7) -> None:
    rng = random.Random(seed)
    orgs = [Actor(Actor.id_for(f"Group {i}", "organization"), f"Group {i}", "organization", "armed_group") for i in range(n_actors // 2)]
    people = [
        Actor(Actor.id_for(f"Person {i}", "person"), f"Person {i}", "person", roles=[Role("spokesman", orgs[i % len(orgs)].id, orgs[i % len(orgs)].name)])
        for i in range(n_actors // 2)
    ]
    everyone = orgs + people
    with Store(str(db)) as store:
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
            store.save(DocumentAnalysis(doc, [a for a in everyone if a.id in used], mentions, atts, [], [], claims), resolve=False)


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
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "api.db"), help="SQLite file or postgresql:// URL")
    ap.add_argument("--cold", action="store_true", help="do not read the store into memory first")
    args = ap.parse_args()
    if "://" not in args.db:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    with Store(args.db) as store:
        empty = store.count("documents") == 0
    if empty:
        t0 = time.perf_counter()
        build(args.db, args.claims)
        print(f"built {args.db} with {args.claims:,} claims in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    import sqlalchemy as sa
    from fastapi.testclient import TestClient

    from claimgraph.web.app import create_app

    with Store(str(args.db)) as store:
        n_claims = store.count("claims")
        actor_ids = [a.id for a in store.actors(type_="organization")]
        names = [a.name for a in store.actors(aliases=False)]
        with store.engine.connect() as conn:
            relation_ids = [r[0] for r in conn.execute(sa.text("SELECT DISTINCT relation FROM claims LIMIT 5000"))]
    if not args.cold:
        warm(args.db)
    rng = random.Random(1)
    timings: dict[str, list[float]] = {"actor page": [], "relation evidence": [], "search": []}
    # one client for every request: its event loop and worker thread start once, as a server's do
    app = create_app(str(args.db), None)
    gc.collect()
    gc.freeze()  # as `claimgraph serve` does: start-up objects leave the cyclic GC's walks
    with TestClient(app, base_url="http://127.0.0.1") as client:
        for _ in range(args.requests):
            for name, url in (
                ("actor page", f"/api/actors/{rng.choice(actor_ids)}"),
                ("relation evidence", f"/api/relations/{rng.choice(relation_ids)}"),
                ("search", f"/api/search?q={rng.choice(names).replace(' ', '+')}"),
            ):
                t0 = time.perf_counter()
                r = client.get(url)
                timings[name].append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, r.text
    print(f"store: {Store(args.db).dialect}, {n_claims:,} claims; {args.requests} requests per endpoint, in-process ASGI")
    for name, ms in timings.items():
        ms.sort()
        p95 = ms[int(0.95 * len(ms)) - 1]
        print(f"{name:18s} p50 {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   max {ms[-1]:6.1f} ms")


if __name__ == "__main__":
    main()
