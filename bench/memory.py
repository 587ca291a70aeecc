"""Memory: peak RSS of `claimgraph ingest` for growing corpora (streaming: it must not grow with the corpus).

Writes the first N Reuters-21578 bodies (../shared/corpus/reuters21578) as one
JSONL file per size, ingests each into a fresh SQLite file in a separate
process, and samples the resident memory of that process and of every process
it starts (Dask workers with ``--workers``) every 0.2 s; prints the peak of the
sum and the peak of the largest single process.

    .venv/bin/python bench/memory.py [--sizes 1000 5000 19000] [--workers 2]
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

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import reuters_bodies  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def peak_rss(cmd: list[str]) -> tuple[float, float, float, str]:
    """(peak total MB, peak single process MB, seconds, last stderr line) of a command and its children."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    total = single = 0.0
    while proc.poll() is None:
        try:
            procs = [root, *root.children(recursive=True)]
            sizes = []
            for p in procs:
                try:
                    sizes.append(p.memory_info().rss / 2**20)
                except psutil.Error:
                    pass
            total = max(total, sum(sizes))
            single = max(single, max(sizes, default=0.0))
        except psutil.Error:
            pass
        time.sleep(0.2)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {err.strip()[-500:]}")
    return total, single, time.perf_counter() - t0, (err.strip().splitlines() or [""])[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 19000])
    ap.add_argument("--workers", type=int, default=0, help="ingest with --workers N (0: one process)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "memory.json")
    args = ap.parse_args()
    bodies = reuters_bodies(max(args.sizes))
    exe = str(Path(sys.executable).parent / "claimgraph")
    tmp = Path(tempfile.mkdtemp(prefix="cg-mem-"))
    rows = []
    for n in args.sizes:
        jsonl = tmp / f"reuters-{n}.jsonl"
        with jsonl.open("w", encoding="utf-8") as fh:
            for d in bodies[:n]:
                fh.write(json.dumps({"text": d["text"], "title": d["title"]}) + "\n")
        cmd = [exe, "ingest", str(jsonl), "--db", str(tmp / f"kb-{n}.db")]
        if args.workers:
            cmd += ["--workers", str(args.workers)]
        total, single, seconds, summary = peak_rss(cmd)
        row = {"docs": min(n, len(bodies)), "peak_total_mb": round(total), "peak_process_mb": round(single),
               "seconds": round(seconds, 1), "summary": summary}
        rows.append(row)
        print(f"{row['docs']:6d} docs: peak RSS {total:7.0f} MB in all, {single:6.0f} MB largest process, "
              f"{seconds:6.1f} s   ({summary})", flush=True)
    result = {
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "workers": args.workers,
        "runs": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
