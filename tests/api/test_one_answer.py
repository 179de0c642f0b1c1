"""One answer everywhere: on the graph built from seeds/ (with one co-occurrence added, "JICA
SUPPORTS India" at 0.3, so that a relation below the floor lies on JICA's routes whatever the
extractor finds), every endpoint answers at the server's one confidence floor, so that the JICA profile, a search hit's degree, the statistics,
Japan's and JICA's neighbourhood counts and the JICA -> India paths agree with each other, on
every store; and the Browser guide's path query, run on Neo4j with the guide's
`:param min_confidence`, finds the same shortest routes as the API.

Each check compares two answers of the program with each other (and each relation's
confidence with the floor), never with figures copied from its output.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import neo4j
import pytest

from api.browser_guide import ready_queries
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from tests.api.conftest import Api
from tests.neo4j_server import Neo4jServer

HUBS = ["country:JPN", "agency:jica"]


@pytest.fixture
def seeds_api(api_server: Api, seeds_graph_with_cooccurrence: Graph) -> Api:
    """The live API over each store kind, holding the seeds' graph and the co-occurrence."""
    api_server.load("seeds+cooccurrence", seeds_graph_with_cooccurrence)
    return api_server


def _floor(api: Api) -> float:
    floor: float = api.get("/explorer/config").json()["default_min_confidence"]
    return floor


def _profile_relations(api: Api, actor: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    body = api.get(f"/actors/{actor}").json()
    relations = [r for group in body["relations"].values() for r in group]
    assert len(relations) == body["relation_count"] < body["limit"]  # one page holds them all
    return body, relations


@pytest.mark.parametrize("actor", HUBS)
def test_a_profile_lists_and_counts_only_relations_at_the_floor(seeds_api: Api, actor: str) -> None:
    floor = _floor(seeds_api)
    body, relations = _profile_relations(seeds_api, actor)
    assert body["min_confidence"] == floor
    assert relations and all(r["confidence"] >= floor for r in relations)
    assert body["relation_counts"] == dict(Counter(r["type"] for r in relations))
    everything = seeds_api.get(f"/actors/{actor}", min_confidence=0).json()
    hidden = everything["relation_count"] - body["relation_count"]
    below = [r for g in everything["relations"].values() for r in g if r["confidence"] < floor]
    assert hidden == len(below)


def test_jicas_relations_below_the_floor_are_not_in_its_profile(seeds_api: Api) -> None:
    """The bug this was written for: JICA's profile listed "Japan LEADS JICA" at 0.3."""
    floor = _floor(seeds_api)
    everything = seeds_api.get("/actors/agency:jica", min_confidence=0).json()
    low = {r["id"] for g in everything["relations"].values() for r in g if r["confidence"] < floor}
    assert low, "JICA has relations below the floor"
    _, relations = _profile_relations(seeds_api, "agency:jica")
    assert not low & {r["id"] for r in relations}


@pytest.mark.parametrize("actor", HUBS)
def test_a_search_hits_degree_is_its_profiles_relation_count(seeds_api: Api, actor: str) -> None:
    body, _ = _profile_relations(seeds_api, actor)
    hits = seeds_api.get("/actors", q=body["name"], limit=50).json()["hits"]
    (hit,) = [h for h in hits if h["id"] == actor]
    assert hit["degree"] == body["relation_count"]


def test_the_most_connected_actors_degrees_are_their_profiles_counts(seeds_api: Api) -> None:
    stats = seeds_api.get("/stats").json()
    assert stats["min_confidence"] == _floor(seeds_api)
    for ranked in stats["most_connected"][:3]:
        body, _ = _profile_relations(seeds_api, ranked["id"])
        assert ranked["degree"] == body["relation_count"]
    everything = seeds_api.get("/stats", min_confidence=0).json()
    assert stats["relations"] + stats["hidden_relations"] == everything["relations"]
    assert stats["hidden_relations"] > 0
    assert seeds_api.get("/health").json()["relations"] == stats["relations"]


@pytest.mark.parametrize("actor", HUBS)
def test_a_neighbourhood_counts_what_the_profile_lists(seeds_api: Api, actor: str) -> None:
    _, relations = _profile_relations(seeds_api, actor)
    around = seeds_api.get(f"/actors/{actor}/neighbourhood", depth=1, limit=500).json()
    assert not around["truncated"]
    others = {r["other"]["id"] for r in relations} - {actor}
    assert {n["id"] for n in around["nodes"] if n["depth"] == 1} == others
    assert around["level_counts"] == [len(others)]
    incident = {e["id"] for e in around["edges"] if actor in (e["source"], e["target"])}
    assert incident == {r["id"] for r in relations}


def _shortest_paths(api: Api, **params: object) -> list[dict[str, Any]]:
    """The JICA -> India paths of the shortest length, every hop's relations at the answer's
    floor. Paths come shortest first, so all of the shortest length are there when fewer
    than k come back or the last is longer."""
    body = api.get("/paths", source="JICA", target="India", k=10, max_hops=6, **params).json()
    floor = body["filters"]["min_confidence"]
    paths: list[dict[str, Any]] = body["paths"]
    assert paths
    shortest = min(p["length"] for p in paths)
    assert len(paths) < 10 or paths[-1]["length"] > shortest
    for path in paths:
        for hop in path["hops"]:
            assert all(r["confidence"] >= floor for r in hop["relations"])
    return [p for p in paths if p["length"] == shortest]


def _hops(paths: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(h["from"], h["to"]) for p in paths for h in p["hops"]}


def test_jica_to_india_avoids_the_relations_below_the_floor(seeds_api: Api) -> None:
    """The first route once began on the 0.3 edge "Japan LEADS JICA"."""
    floor = _floor(seeds_api)
    unfloored = seeds_api.get(
        "/paths", source="JICA", target="India", k=10, max_hops=6, min_confidence=0
    ).json()["paths"]
    low = {
        (h["from"], h["to"])
        for p in unfloored
        for h in p["hops"]
        if all(r["confidence"] < floor for r in h["relations"])
    }
    assert low, "without the floor, a route takes the co-occurrence"
    assert not low & _hops(_shortest_paths(seeds_api))


GUIDE_PATHS = "Paths from JICA to India, hop by hop with evidence"


@pytest.fixture
def seeds_in_neo4j(neo4j_store: Neo4jStore, seeds_graph_with_cooccurrence: Graph) -> Neo4jStore:
    neo4j_store.replace(seeds_graph_with_cooccurrence)
    return neo4j_store


def test_the_browser_guides_paths_are_the_apis_shortest_routes(
    seeds_api: Api,
    seeds_in_neo4j: Neo4jStore,
    neo4j_driver: neo4j.Driver,
    neo4j_server: Neo4jServer,
) -> None:
    paths = _shortest_paths(seeds_api)  # the API over this store kind, at its floor
    routes = {tuple(n["name"] for n in p["nodes"]) for p in paths}
    (query,) = [q for q in ready_queries() if q.title == GUIDE_PATHS]
    records, _, _ = neo4j_driver.execute_query(
        query.cypher, {"min_confidence": _floor(seeds_api)}, database_=neo4j_server.database
    )
    assert {tuple(r["route"]) for r in records} == routes
