"""Take the screenshots of the explorer for docs/screenshots, from the current build, in real
Chromium at 1280x800:

    .venv/bin/python -m tests.browser.screenshots [OUT_DIR]

Builds the seeds graph (seeds/ and curation.yaml, as `kizuna build` does) into a throwaway
embedded store, serves the API, drives the page as the browser tests do, and writes
neighbourhood.png (Japan expanded), two-steps.png (two steps around Japan), path.png (JICA to
India with its evidence), years-2023.png (Japan's MOC partners of 2023) and analytics.png
(sized by betweenness, coloured by community). Before each picture it checks, as the tests do,
that no two labels overlap and none runs under a panel; it stops with an error otherwise.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from api.app import create_app
from graph.memory_store import MemoryStore
from loaders.pipeline import build_graph
from tests.api.live_server import serve
from tests.browser.conftest import PROJECT, SEEDS
from tests.browser.driving import assert_labels_readable, choose, find_paths, settle
from tests.chromium import HEADLESS_FLAGS

__all__ = ["take"]

OUT = PROJECT / "docs" / "screenshots"


def _japan(page: Page) -> None:
    choose(page, "#search", "Japan", "country:JPN")


def _two_steps(page: Page) -> None:
    _japan(page)
    page.click("#expand-wide")
    settle(page)
    page.click("#fit")


def _path(page: Page) -> None:
    find_paths(page, ("jica", "agency:jica"), ("India", "country:IND"))
    page.wait_for_selector(".path .context mark")


def _years(page: Page) -> None:
    page.click("#shown summary")


VIEWS: list[tuple[str, str, Callable[[Page], None]]] = [
    ("neighbourhood.png", "/", _japan),
    ("two-steps.png", "/", _two_steps),
    ("path.png", "/", _path),
    ("years-2023.png", "/?focus=country%3AJPN&types=SIGNED_MOC&since=2023&until=2023", _years),
    ("analytics.png", "/?focus=country%3AJPN&measure=betweenness&communities=1", lambda page: None),
]


def _shoot(browser: Browser, url: str, steps: Callable[[Page], None], path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    settle(page)
    steps(page)
    settle(page)
    assert_labels_readable(page)
    page.screenshot(path=path)
    page.close()


def take(out: Path) -> list[Path]:
    binary = shutil.which("chromium")
    if binary is None:
        raise SystemExit("chromium is not installed (apt-get install -y chromium)")
    out.mkdir(parents=True, exist_ok=True)
    graph, _ = build_graph([SEEDS], PROJECT / "curation.yaml", 20_000_000)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        store = MemoryStore(Path(folder) / "store.json")
        store.replace(graph)
        with serve(create_app(store=store)) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=binary, headless=True, args=HEADLESS_FLAGS
            )
            for name, address, steps in VIEWS:
                _shoot(browser, server.url + address, steps, out / name)
                written.append(out / name)
            browser.close()
    return written


if __name__ == "__main__":
    for path in take(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(path)
