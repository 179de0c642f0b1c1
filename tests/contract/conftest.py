"""Fixtures of the contract suite beyond the shared `store`: stores holding the routes graph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.memory_store import MemoryStore
from graph.store import GraphStore
from tests.conftest import STORE_KINDS
from tests.contract.routes_graph import routes_graph


@pytest.fixture(
    params=[
        pytest.param(kind, marks=[pytest.mark.neo4j] if kind == "neo4j" else [])
        for kind in STORE_KINDS
    ]
)
def routes_store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    """Each store kind, holding the routes graph."""
    if request.param == "memory":
        store: GraphStore = MemoryStore()
    else:
        store = request.getfixturevalue(f"{request.param}_store")
    store.replace(routes_graph())
    yield store
    store.close()
