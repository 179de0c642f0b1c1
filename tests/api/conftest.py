"""API fixtures: one real uvicorn server per store kind, holding the contract graph.

`api` is parametrised over every store kind the suite knows (tests.conftest.STORE_KINDS), so
each API test runs over real HTTP against each store.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import neo4j
import pytest

from api.app import create_app
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore
from tests.api.live_server import LiveServer, serve
from tests.conftest import STORE_KINDS
from tests.neo4j_server import Neo4jServer

PROJECT = Path(__file__).resolve().parents[2]


class Api:
    """A running API server over one store kind, with an HTTP client."""

    def __init__(self, kind: str, server: LiveServer, store: GraphStore) -> None:
        self.kind = kind
        self.server = server
        self.store = store
        self.http = server.client()
        self.holds = "contract"

    def load(self, name: str, graph: Graph) -> None:
        """Make the store hold `graph`; a shared Neo4j database is reloaded every time,
        because another test may have given it another graph."""
        if self.holds != name or self.kind != "memory":
            self.store.replace(graph)
            self.holds = name

    @property
    def url(self) -> str:
        return self.server.url

    def get(self, path: str, **params: object) -> httpx.Response:
        return self.http.get(path, params=params or None)


def _store_for(kind: str, request: pytest.FixtureRequest, folder: Path, graph: Graph) -> GraphStore:
    if kind == "memory":
        memory = MemoryStore(folder / "store.json")
        memory.replace(graph)
        return memory
    store: GraphStore = request.getfixturevalue(f"{kind}_api_store")
    store.replace(graph)
    return store


@pytest.fixture(scope="session")
def neo4j_api_store(neo4j_driver: neo4j.Driver, neo4j_server: Neo4jServer) -> Neo4jStore:
    """A Neo4jStore over the test server, kept for the whole session by the API server."""
    return Neo4jStore(neo4j_driver, neo4j_server.database)


@pytest.fixture(scope="session", params=STORE_KINDS)
def api_server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    contract_graph: Graph,
) -> Iterator[Api]:
    """A live API server over each store kind, started once per test session."""
    kind: str = request.param
    store = _store_for(kind, request, tmp_path_factory.mktemp(f"api-{kind}"), contract_graph)
    with serve(create_app(store=store)) as server:
        client = Api(kind, server, store)
        yield client
        client.http.close()


@pytest.fixture
def api(api_server: Api, contract_graph: Graph) -> Api:
    """The live API over each store kind, holding the contract graph."""
    api_server.load("contract", contract_graph)
    return api_server


@pytest.fixture
def seeds_api(api_server: Api, seeds_graph: Graph) -> Api:
    """The live API over each store kind, holding the seeds graph."""
    api_server.load("seeds", seeds_graph)
    return api_server
