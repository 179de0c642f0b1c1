"""Shared fixtures: the stores under contract, and the sample graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.store import GraphStore
from tests.contract.sample_graph import sample_graph

pytest_plugins = ["tests.neo4j_server"]

STORE_KINDS = ["memory", "neo4j"]


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
