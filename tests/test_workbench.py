"""The workbench in headless Chromium (Debian's package, driven by Playwright).

Skipped when /usr/bin/chromium is missing; .ci/run installs it. Set
CLAIMGRAPH_SCREENSHOTS=docs to save screenshots of the main views for the README.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
FIXTURES = Path(__file__).parent / "fixtures"
TOKEN = "e2e-token"
XSS = (
    "Hamas and Hezbollah deepen ties\n\n"
    "BEIRUT (Reuters) - Hezbollah has close ties with Hamas, a UN monitoring team said on Monday. "
    "<script>window.__xss = 1</script> <img src=x onerror=\"window.__xss = 2\"> "
    "<a href=\"javascript:window.__xss=3\">click</a>\n\n"
    "“There is clearly a close relationship between Hamas and Hezbollah,” said Maria Lopez, the coordinator of the team."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from claimgraph import Store, ingest
    from claimgraph.web.app import create_app

    folder = tmp_path_factory.mktemp("e2e")
    (folder / "xss.txt").write_text(XSS, encoding="utf-8")
    db = str(folder / "kb.db")
    with Store(db) as store:
        ingest([str(folder / "xss.txt"), str(FIXTURES / "wire.txt")], store, published="2024-01-10")
    port = _free_port()
    config = uvicorn.Config(create_app(db, TOKEN), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


def _wait(page: object, fn: str, timeout: float = 20.0) -> None:
    """Poll a JS function: the page's CSP forbids the eval behind wait_for_function."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if page.evaluate(fn):  # type: ignore[attr-defined]
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {fn}")


def _shot(page: object, name: str) -> None:
    folder = os.environ.get("CLAIMGRAPH_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))  # type: ignore[attr-defined]


def test_graph_edge_click_shows_evidence_and_xss_is_inert(server: str, browser: object, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 800})  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(server + "/")
    _wait(page, "() => Boolean(window.cgGraph && window.cgGraph.edges().length > 0)")
    # a real click on the middle of the first edge, on the canvas
    box = page.locator("#graph").bounding_box()
    mid = page.evaluate("() => { const p = window.cgGraph.edges()[0].renderedMidpoint(); return [p.x, p.y]; }")
    page.mouse.click(box["x"] + mid[0], box["y"] + mid[1])
    page.wait_for_selector("#evidence h3")
    assert "Supporting" in page.inner_text("#evidence")
    assert "close relationship" in page.inner_text("#evidence") or "close ties" in page.inner_text("#evidence")
    _shot(page, "graph")
    # the document with script, onerror and javascript: shows them as text and runs nothing
    page.click("button[data-view=documents]")
    page.get_by_role("button", name="Hamas and Hezbollah deepen ties").click()
    page.wait_for_selector("#reader mark")
    assert "<script>window.__xss = 1</script>" in page.inner_text("#reader")
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("#reader img").count() == 0 and page.locator("#reader a[href^='javascript']").count() == 0
    _shot(page, "reader")
    page.click("button[data-view=contradictions]")
    page.wait_for_timeout(300)
    _shot(page, "contradictions")
    page.click("button[data-view=commitments]")
    page.wait_for_timeout(300)
    _shot(page, "commitments")
    # upload with the token
    page.click("button[data-view=upload]")
    upload = tmp_path / "new.txt"
    upload.write_text("Talks stall in Geneva\n\nOmar Haddad, the spokesman of Hamas, said talks had stalled.", encoding="utf-8")
    page.fill("#token", TOKEN)
    page.set_input_files("#file", str(upload))
    page.click("#upload-form button[type=submit]")
    _wait(page, "() => document.querySelector('#upload-status').textContent.length > 0")
    assert page.inner_text("#upload-status").startswith("Stored")
    # keyboard: the views are buttons reachable with Tab
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement !== document.body")
    assert problems == [], problems
    page.close()


def test_api_docs_page_renders_offline_under_the_csp(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 800})  # type: ignore[attr-defined]
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/docs")
    _wait(page, "() => document.querySelectorAll('#endpoints .endpoint').length > 5")
    text = page.inner_text("#endpoints")
    assert "/api/documents" in text and "POST" in text and "/api/search" in text
    assert not problems, problems  # no CSP violation, no script error
    assert all(u.startswith(server) for u in requests), requests  # nothing from elsewhere
    _shot(page, "api-docs")
