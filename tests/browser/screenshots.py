"""Take the screenshots of the explorer's main views for docs/screenshots, in real Chromium.

    .venv/bin/python -m tests.browser.screenshots [OUT_DIR]

Builds the seeds graph into a throwaway embedded store, serves the API, drives the page as the
browser tests do, and writes search.png, neighbourhood.png, path.png, years-2023.png and
analytics.png at 1280x800.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from api.app import create_app
from graph.memory_store import MemoryStore
from loaders.pipeline import build_graph
from tests.api.live_server import serve
from tests.browser.conftest import PROJECT, SEEDS
from tests.chromium import HEADLESS_FLAGS

OUT = PROJECT / "docs" / "screenshots"


def _settle(page: Page) -> None:
    page.wait_for_selector("body[data-pending='0']", state="attached", timeout=60_000)
    page.wait_for_timeout(600)  # let the camera animation finish before the picture


def _choose(page: Page, field: str, text: str, actor_id: str) -> None:
    page.fill(field, text)
    listbox = page.get_attribute(field, "aria-controls")
    page.wait_for_selector(f"#{listbox} li[data-id='{actor_id}']")
    page.press(field, "Enter")
    _settle(page)


def take(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    graph, _ = build_graph([SEEDS], PROJECT / "curation.yaml", 20_000_000)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        store = MemoryStore(Path(folder) / "store.json")
        store.replace(graph)
        binary = shutil.which("chromium")
        if binary is None:
            raise SystemExit("chromium is not installed (apt-get install -y chromium)")
        with serve(create_app(store=store)) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=binary, headless=True, args=HEADLESS_FLAGS
            )
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(server.url + "/")
            page.wait_for_selector("body[data-ready=true]")

            def shot(name: str) -> None:
                path = out / name
                page.screenshot(path=path)
                written.append(path)

            page.fill("#search", "jica")
            page.wait_for_selector("#search-list li[data-id='agency:jica']")
            shot("search.png")
            page.press("#search", "Enter")
            _settle(page)
            _choose(page, "#search", "Japan", "country:JPN")
            page.click("#fit")
            _settle(page)
            shot("neighbourhood.png")
            page.click("#open-paths")
            _choose(page, "#path-from", "jica", "agency:jica")
            _choose(page, "#path-to", "India", "country:IND")
            page.click("#paths-form button[type=submit]")
            _settle(page)
            shot("path.png")
            page.goto(server.url + "/?focus=country%3AJPN&types=SIGNED_MOC&since=2023&until=2023")
            page.wait_for_selector("body[data-ready=true]")
            _settle(page)
            page.click("#shown summary")
            shot("years-2023.png")
            page.goto(server.url + "/?focus=country%3AJPN&measure=betweenness&communities=1")
            page.wait_for_selector("body[data-ready=true]")
            _settle(page)
            shot("analytics.png")
            browser.close()
    return written


if __name__ == "__main__":
    for path in take(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(path)
