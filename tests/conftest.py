"""Shared fixtures (the stores under contract, the sample graph) and the test markers.

Every test that needs the real Neo4j server is marked `neo4j`, and every test that needs
headless Chromium is marked `browser`, by a collection hook rather than by hand, so that
`pytest -m "not neo4j and not browser"` runs on a machine with neither:

- `neo4j`: the test depends on the `neo4j_server` fixture, directly or through other
  fixtures, or a parametrised fixture gives it the "neo4j" store kind (those fixtures reach
  the server through `request.getfixturevalue`, which the fixture closure cannot see);
- `browser`: the test depends on the `chromium` fixture (tests.chromium), directly or through
  other fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.store import GraphStore
from tests.contract.sample_graph import sample_graph

pytest_plugins = ["tests.neo4j_server", "tests.chromium"]

STORE_KINDS = ["memory", "neo4j"]


def _needs_neo4j(item: pytest.Item) -> bool:
    if "neo4j_server" in getattr(item, "fixturenames", ()):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and "neo4j" in callspec.params.values()


def _needs_chromium(item: pytest.Item) -> bool:
    return "chromium" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _needs_neo4j(item):
            item.add_marker(pytest.mark.neo4j)
        if _needs_chromium(item):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def contract_graph() -> Graph:
    return sample_graph()


def _memory_store(tmp_path: Path, graph: Graph) -> MemoryStore:
    store = MemoryStore(tmp_path / "store.json")
    store.replace(graph)
    return store


@pytest.fixture(params=STORE_KINDS)
def store(
    request: pytest.FixtureRequest, tmp_path: Path, contract_graph: Graph
) -> Iterator[GraphStore]:
    """Each store kind, holding the contract graph."""
    if request.param == "memory":
        memory = _memory_store(tmp_path, contract_graph)
        yield memory
        memory.close()
    else:
        yield request.getfixturevalue(f"{request.param}_contract_store")
