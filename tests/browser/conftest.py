"""The explorer page in real headless Chromium (Debian's, driven by Playwright; no browser
download), over a live API holding the seeds graph on each store kind.

Every page records its console errors and uncaught exceptions; `Explorer.assert_clean` fails
a test whose page logged any.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from playwright.sync_api import Browser, Page

from api.app import create_app
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from tests.api.live_server import LiveServer, serve
from tests.neo4j_server import Neo4jServer

PROJECT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT / "seeds"


class Explorer:
    """A live API over one store kind, and the pages opened on it."""

    def __init__(self, kind: str, server: LiveServer, store: GraphStore, browser: Browser) -> None:
        self.kind = kind
        self.server = server
        self.store = store
        self.browser = browser
        self.problems: list[str] = []
        self.allowed: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return self.server.url

    def open(self, path: str = "/") -> Page:
        """A new 1280x800 page at `path`, once the explorer says it is ready."""
        context = self.browser.new_context(
            viewport={"width": 1280, "height": 800}, accept_downloads=True
        )
        page = context.new_page()
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught: {error}"))
        page.goto(self.url + path)
        page.wait_for_selector("body[data-ready=true]", timeout=60_000)
        return page

    def _console(self, message: Any) -> None:
        if message.type == "error" and not message.text.startswith(self.allowed):
            self.problems.append(f"console: {message.text}")

    def assert_clean(self) -> None:
        assert self.problems == [], self.problems


@pytest.fixture(scope="session")
def _memory_server(
    tmp_path_factory: pytest.TempPathFactory, seeds_graph: Graph
) -> Iterator[tuple[LiveServer, GraphStore]]:
    store = MemoryStore(tmp_path_factory.mktemp("explorer") / "store.json")
    store.replace(seeds_graph)
    with serve(create_app(store=store)) as server:
        yield server, store


@pytest.fixture(scope="session")
def _neo4j_server(
    neo4j_driver: neo4j.Driver, neo4j_server: Neo4jServer
) -> Iterator[tuple[LiveServer, GraphStore]]:
    store = Neo4jStore(neo4j_driver, neo4j_server.database)
    with serve(create_app(store=store)) as server:
        yield server, store


@pytest.fixture(params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def explorer(
    request: pytest.FixtureRequest, chromium: Browser, seeds_graph: Graph
) -> Iterator[Explorer]:
    """The explorer over the seeds graph, on each store kind; the Neo4j database is shared with
    other tests, so it is reloaded with the seeds every time."""
    server, store = request.getfixturevalue(f"_{request.param}_server")
    if request.param == "neo4j":
        store.replace(seeds_graph)
    yield Explorer(request.param, server, store, chromium)


@pytest.fixture
def memory_explorer(chromium: Browser, tmp_path: Path, seeds_graph: Graph) -> Iterator[Explorer]:
    """The explorer over a memory store of its own, which a test may empty or break."""
    store = MemoryStore(tmp_path / "store.json")
    store.replace(seeds_graph)
    with serve(create_app(store=store)) as server:
        yield Explorer("memory", server, store, chromium)
