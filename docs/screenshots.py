"""Screenshots of the workbench for the README, taken on the seed article and the examples.

Builds a store from ../shared/corpus/seed/taliban-al-qaeda-ties.txt (when
../shared is there; the examples alone otherwise) and examples/, adds the
example agreement, serves it on a free loopback port and drives Debian's
chromium with Playwright through the main views.

    .venv/bin/python docs/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seed" / "taliban-al-qaeda-ties.txt"
CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(page: Any, fn: str, timeout: float = 30.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if page.evaluate(fn):
            return
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {fn}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    args = ap.parse_args()
    import uvicorn
    from playwright.sync_api import sync_playwright

    from claimgraph import Store, ingest
    from claimgraph.analysis.commitments import validate_agreement
    from claimgraph.web.app import create_app

    tmp = Path(tempfile.mkdtemp())
    db = str(tmp / "kb.db")
    with Store(db) as store:
        if SEED.exists():
            ingest([str(SEED)], store, published="2021-02-16")
        else:
            print(f"{SEED} not found: screenshots of the examples only", file=sys.stderr)
        ingest([str(ROOT / "examples")], store)
        import yaml

        agreement = validate_agreement(yaml.safe_load((ROOT / "examples" / "zamora-ceasefire-agreement.yaml").read_text()), "example")
        store.add_agreement(agreement["id"], agreement)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, None), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    url = f"http://127.0.0.1:{port}/"
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        _wait(page, "() => Boolean(window.cgGraph && window.cgGraph.edges().length > 0)")
        # the best-supported edge: the relation with the most evidence
        mid = page.evaluate(
            "() => { const e = window.cgGraph.edges().max((x) => x.data('width')).ele;"
            " const p = e.renderedMidpoint(); return [p.x, p.y]; }"
        )
        box = page.locator("#graph").bounding_box()
        page.mouse.click(box["x"] + mid[0], box["y"] + mid[1])
        page.wait_for_selector("#evidence h3")
        page.screenshot(path=str(args.out / "graph.png"))
        page.click("button[data-view=documents]")
        page.locator("#documents button").first.click()
        page.wait_for_selector("#reader mark")
        page.screenshot(path=str(args.out / "reader.png"))
        for view in ("contradictions", "commitments", "timeline"):
            page.click(f"button[data-view={view}]")
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.out / f"{view}.png"))
        browser.close()
    server.should_exit = True
    print(f"screenshots in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
