"""Both stores give the same answers through the API: every endpoint's JSON on each store other
than the embedded one equals the embedded store's, field for field, except the Neo4j-only
`cypher` block (and the `backend` name)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from graph.memory_store import MemoryStore
from graph.model import Graph
from tests.api.conftest import Api
from tests.api.live_server import LiveServer, serve
from tests.conftest import STORE_KINDS

CONTRACT_QUERIES = [
    "/health",
    "/stats",
    "/stats?min_confidence=0",
    "/documents",
    "/actors?q=japan&limit=50",
    "/actors?q=Tokyo",
    "/actors?q=Japan&type=Agency",
    "/actors?q=a&limit=3&offset=2",
    "/actors/country:JPN",
    "/actors/org:eu",
    "/actors/JICA/neighbourhood?depth=3",
    "/actors/country:JPN/neighbourhood?depth=2&limit=4",
    "/actors/country:JPN/neighbourhood?since=2021&until=2023&types=SIGNED_MOC,PARTNERS_WITH",
    "/actors/country:JPN/neighbourhood?depth=2&actor_types=Country,Organization",
    "/paths?source=JICA&target=India&k=10&max_hops=5",
    "/paths?source=country:IND&target=university:university-of-tokyo&k=3",
    "/paths?source=JICA&target=Denmark&k=4&types=PART_OF,SIGNED_MOC,FUNDS",
    "/actors/JICAA",
    "/paths?source=JICA&target=nowhere",
]

SEEDS_QUERIES = [
    "/stats",
    "/stats?min_confidence=0",
    "/documents",
    "/actors/agency:jica?min_confidence=0",
    "/actors?q=jica",
    "/actors?q=digital&limit=100",
    "/actors/country:JPN",
    "/actors/agency:jica",
    "/actors/country:JPN/neighbourhood?depth=2&limit=500",
    "/actors/country:JPN/neighbourhood?since=2019&until=2024",
    "/actors/agency:jica/neighbourhood?depth=3&limit=500",
    "/paths?source=JICA&target=India&k=10&max_hops=4",
    "/paths?source=country:JPN&target=org:asean&k=5&max_hops=3",
]


OTHER_STORES = pytest.mark.parametrize(
    "api_server", [kind for kind in STORE_KINDS if kind != "memory"], indirect=True
)
"""The API server over every store kind but the embedded one, which is the reference."""


def _comparable(body: Any) -> Any:
    if isinstance(body, dict):
        return {k: _comparable(v) for k, v in body.items() if k not in ("cypher", "backend")}
    if isinstance(body, list):
        return [_comparable(v) for v in body]
    return body


def _reference(graph: Graph, folder: Path) -> Iterator[LiveServer]:
    store = MemoryStore(folder / "reference.json")
    store.replace(graph)
    with serve(create_app(store=store)) as server:
        yield server


@pytest.fixture(scope="module")
def contract_reference(
    contract_graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    yield from _reference(contract_graph, tmp_path_factory.mktemp("reference-contract"))


@pytest.fixture(scope="module")
def seeds_reference(
    seeds_graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    yield from _reference(seeds_graph, tmp_path_factory.mktemp("reference-seeds"))


def _compare(api: Api, reference: LiveServer, queries: list[str]) -> None:
    assert api.kind != "memory", "the embedded store is the reference, not compared with itself"
    with reference.client() as expected:
        for query in queries:
            want = expected.get(query)
            got = api.http.get(query)
            assert got.status_code == want.status_code, f"{query}: {got.text}"
            assert _comparable(got.json()) == _comparable(want.json()), query


@OTHER_STORES
def test_every_endpoint_answers_the_contract_graph_like_the_embedded_store(
    api: Api, contract_reference: LiveServer
) -> None:
    _compare(api, contract_reference, CONTRACT_QUERIES)


@OTHER_STORES
def test_every_endpoint_answers_the_seeds_graph_like_the_embedded_store(
    seeds_api: Api, seeds_reference: LiveServer
) -> None:
    _compare(seeds_api, seeds_reference, SEEDS_QUERIES)
