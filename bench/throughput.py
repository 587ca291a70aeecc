"""Throughput: `claimgraph ingest` against raw spaCy `nlp.pipe`, same model, same texts, one run.

Writes the first N Reuters-21578 bodies (from ../shared/corpus/reuters21578)
as JSONL, times raw `nlp.pipe` over the bodies (model already loaded: the
most favourable number for spaCy), then times `claimgraph ingest` of the
JSONL into a fresh SQLite file as a separate process, model load and Python
start-up included. The two alternate ``--repeat`` times; the best run of each
is compared, and every run is printed. Ends with a re-ingest of the stored
corpus. Prints words per second for both and the ratio.

    .venv/bin/python bench/throughput.py [--docs 1000] [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus" / "reuters21578"


def reuters_bodies(n: int) -> list[dict[str, str]]:
    if not SHARED.is_dir():
        sys.exit(f"bench/throughput.py: {SHARED} is missing; this benchmark needs ../shared beside the repository")
    out: list[dict[str, str]] = []
    for path in sorted(SHARED.glob("reut2-*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            body = (item.get("body") or "").strip()
            if body:
                out.append({"text": body, "title": item.get("title") or "", "source": f"reuters:{path.name}"})
                if len(out) >= n:
                    return out
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=2, help="interleaved runs of each side; the best is reported")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "throughput.json")
    args = ap.parse_args()

    docs = reuters_bodies(args.docs)
    words = sum(len(d["text"].split()) for d in docs)
    tmp = Path(tempfile.mkdtemp(prefix="cg-bench-"))
    jsonl = tmp / "reuters.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps({"text": d["text"], "title": d["title"]}) + "\n")

    import spacy

    from claimgraph.nlp import MODEL

    exe = Path(sys.executable).parent / "claimgraph"
    texts = [d["text"] for d in docs]
    raw_runs: list[float] = []
    ours_runs: list[float] = []
    proc = None
    # interleaved repeats, best of each side: this machine's speed drifts by 10-20 %
    # from minute to minute, and the best run is the least disturbed one
    for n in range(args.repeat):
        nlp = spacy.load(MODEL)
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts):  # spaCy's own default batch size
            pass
        raw_runs.append(time.perf_counter() - t0)
        del nlp
        db = tmp / f"bench{n}.db"
        env = dict(os.environ, CLAIMGRAPH_DB=str(db))
        t0 = time.perf_counter()
        proc = subprocess.run([str(exe), "ingest", str(jsonl)], env=env, capture_output=True, text=True)
        ours_runs.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            sys.exit(f"claimgraph ingest failed: {proc.stderr.strip()}")
    assert proc is not None
    raw_s, ours_s = min(raw_runs), min(ours_runs)
    t0 = time.perf_counter()
    subprocess.run([str(exe), "ingest", str(jsonl)], env=env, capture_output=True, text=True, check=True)
    again_s = time.perf_counter() - t0

    result = {
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "docs": len(docs),
        "words": words,
        "raw_spacy_runs": [round(x, 2) for x in raw_runs],
        "claimgraph_runs": [round(x, 2) for x in ours_runs],
        "raw_spacy_seconds": round(raw_s, 2),
        "raw_spacy_words_per_s": round(words / raw_s),
        "claimgraph_seconds": round(ours_s, 2),
        "claimgraph_words_per_s": round(words / ours_s),
        "ratio": round(raw_s / ours_s, 3),
        "reingest_seconds": round(again_s, 2),
        "reingest_speedup": round(ours_s / again_s, 1),
        "ingest_summary": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{len(docs)} Reuters bodies, {words:,} words ({result['machine']})")
    print(f"runs (s): raw {result['raw_spacy_runs']}  claimgraph {result['claimgraph_runs']}")
    print(f"raw spaCy nlp.pipe ({MODEL}, model preloaded): {raw_s:7.2f} s  {words / raw_s:9,.0f} words/s")
    print(f"claimgraph ingest (model load included):      {ours_s:7.2f} s  {words / ours_s:9,.0f} words/s")
    print(f"ratio claimgraph / raw: {result['ratio']:.3f}   re-ingest: {again_s:.2f} s ({result['reingest_speedup']}x faster)")


if __name__ == "__main__":
    main()
