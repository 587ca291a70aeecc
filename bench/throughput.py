"""Throughput: `claimgraph ingest` against raw spaCy `nlp.pipe`, same model, same texts, one run.

Writes the first N Reuters-21578 bodies (from ../shared/corpus/reuters21578)
as JSONL, times raw `nlp.pipe` over the bodies (model already loaded: the
most favourable number for spaCy), then times `claimgraph ingest` of the
JSONL into a fresh SQLite file as a separate process, model load and Python
start-up included. The two alternate ``--repeat`` times; the best run of each
is compared, and every run is printed. Ends with a re-ingest of the stored
corpus. Prints words per second for both and the ratio, and the CPU seconds of
each side: `claimgraph ingest` stores in a second process, so on two cores or
more its wall time is shorter than its CPU time.

    .venv/bin/python bench/throughput.py [--docs 1000] [--repeat 2] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
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


# one raw spaCy process over a JSON list of texts, model loaded before the clock starts
_HALF = """
import json, sys, time, spacy
nlp = spacy.load(sys.argv[1])
texts = json.load(open(sys.argv[2]))
t0 = time.perf_counter()
for _ in nlp.pipe(texts):
    pass
print(time.perf_counter() - t0)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=2, help="interleaved runs of each side; the best is reported")
    ap.add_argument("--workers", type=int, nargs="*", default=[], help="also time `ingest --workers N` for each N")
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
    modes: list[int] = [0, *args.workers]  # 0: one process
    raw_runs: list[float] = []
    # CPU seconds too: `claimgraph ingest` stores in a second process, so its wall time uses two cores
    raw_cpu: list[float] = []
    cpu: dict[int, list[float]] = {m: [] for m in modes}
    runs: dict[int, list[float]] = {m: [] for m in modes}
    summaries: dict[int, str] = {}
    db = tmp / "none.db"
    # interleaved repeats, best of each side: this machine's speed drifts by 10-20 %
    # from minute to minute, and the best run is the least disturbed one
    for n in range(args.repeat):
        nlp = spacy.load(MODEL)
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts):  # spaCy's own default batch size
            pass
        raw_runs.append(time.perf_counter() - t0)
        raw_cpu.append(time.process_time() - c0)
        del nlp
        for mode in modes:
            db = tmp / f"bench{n}-{mode}.db"
            cmd = [str(exe), "ingest", str(jsonl), "--db", str(db)] + (["--workers", str(mode)] if mode else [])
            t0, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            proc = subprocess.run(cmd, capture_output=True, text=True)
            runs[mode].append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)  # every process it started and waited for
            cpu[mode].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if proc.returncode != 0:
                sys.exit(f"claimgraph ingest failed: {proc.stderr.strip()}")
            summaries[mode] = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    # the machine's own ceiling for two processes: raw spaCy on each half of the texts at once
    halves = [tmp / "half0.json", tmp / "half1.json"]
    halves[0].write_text(json.dumps(texts[: len(texts) // 2]))
    halves[1].write_text(json.dumps(texts[len(texts) // 2 :]))
    pair_runs: list[float] = []
    split_runs: list[float] = []
    if args.workers:
        jsonl_halves = [tmp / "half0.jsonl", tmp / "half1.jsonl"]
        lines = jsonl.read_text(encoding="utf-8").splitlines(keepends=True)
        jsonl_halves[0].write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
        jsonl_halves[1].write_text("".join(lines[len(lines) // 2 :]), encoding="utf-8")
        for n in range(args.repeat):
            procs = [subprocess.Popen([sys.executable, "-c", _HALF, MODEL, str(h)], stdout=subprocess.PIPE, text=True) for h in halves]
            pair_runs.append(max(float((p.communicate()[0] or "0").strip()) for p in procs))
            # and two independent `claimgraph ingest` processes, one per half: no Dask, no shared store
            t0 = time.perf_counter()
            procs = [
                subprocess.Popen([str(exe), "ingest", str(h), "--db", str(tmp / f"split{n}-{i}.db")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                for i, h in enumerate(jsonl_halves)
            ]
            for p in procs:
                p.wait()
            split_runs.append(time.perf_counter() - t0)
    raw_s = min(raw_runs)
    one_s = min(runs[0])
    t0 = time.perf_counter()
    subprocess.run([str(exe), "ingest", str(jsonl), "--db", str(tmp / "bench0-0.db")], capture_output=True, text=True, check=True)
    again_s = time.perf_counter() - t0

    result: dict[str, object] = {
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "docs": len(docs),
        "words": words,
        "raw_spacy_runs": [round(x, 2) for x in raw_runs],
        "raw_spacy_seconds": round(raw_s, 2),
        "raw_spacy_words_per_s": round(words / raw_s),
        "claimgraph_runs": [round(x, 2) for x in runs[0]],
        "raw_spacy_cpu_seconds": [round(x, 2) for x in raw_cpu],
        "claimgraph_cpu_seconds": [round(x, 2) for x in cpu[0]],
        "claimgraph_seconds": round(one_s, 2),
        "claimgraph_words_per_s": round(words / one_s),
        "ratio": round(raw_s / one_s, 3),
        "reingest_seconds": round(again_s, 2),
        "reingest_speedup": round(one_s / again_s, 1),
        "ingest_summary": summaries[0],
        "raw_spacy_two_processes_runs": [round(x, 2) for x in pair_runs],
        "raw_spacy_two_process_speedup": round(raw_s / min(pair_runs), 2) if pair_runs else None,
        "claimgraph_two_independent_processes_runs": [round(x, 2) for x in split_runs],
        "claimgraph_two_independent_process_speedup": round(one_s / min(split_runs), 2) if split_runs else None,
        "workers": {
            str(m): {
                "runs": [round(x, 2) for x in runs[m]],
                "seconds": round(min(runs[m]), 2),
                "words_per_s": round(words / min(runs[m])),
                "ratio_to_raw": round(raw_s / min(runs[m]), 3),
                "speedup_over_one_process": round(one_s / min(runs[m]), 2),
                "summary": summaries[m],
            }
            for m in args.workers
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{len(docs)} Reuters bodies, {words:,} words ({result['machine']})")
    print(f"runs (s): raw {result['raw_spacy_runs']}  claimgraph {result['claimgraph_runs']}")
    print(f"raw spaCy nlp.pipe ({MODEL}, model preloaded): {raw_s:7.2f} s  {words / raw_s:9,.0f} words/s")
    print(f"claimgraph ingest (model load included):      {one_s:7.2f} s  {words / one_s:9,.0f} words/s")
    print(f"ratio claimgraph / raw: {result['ratio']:.3f}   re-ingest: {again_s:.2f} s ({result['reingest_speedup']}x faster)")
    print(f"CPU seconds (user + system): raw {result['raw_spacy_cpu_seconds']}  claimgraph ingest, all its processes "
          f"{result['claimgraph_cpu_seconds']}")
    if pair_runs:
        print(f"raw spaCy, two processes on half the texts each: {min(pair_runs):.2f} s "
              f"({result['raw_spacy_two_process_speedup']}x one process: this machine's ceiling for two)")
        print(f"two independent `claimgraph ingest` processes, half the documents each: {min(split_runs):.2f} s "
              f"({result['claimgraph_two_independent_process_speedup']}x one process)")
    for m in args.workers:
        w = result["workers"][str(m)]  # type: ignore[index]
        print(
            f"claimgraph ingest --workers {m}: {w['seconds']:7.2f} s  {w['words_per_s']:9,} words/s  "
            f"ratio to raw {w['ratio_to_raw']:.3f}  {w['speedup_over_one_process']:.2f}x one process   runs {w['runs']}"
        )


if __name__ == "__main__":
    main()
