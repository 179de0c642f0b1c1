"""GET /analytics/*: both stores answer what networkx computes on the seeds graph."""

from __future__ import annotations

import networkx as nx
import pytest

from graph import analytics
from graph.model import Graph
from tests.api.conftest import Api
from tests.test_analytics import reference_graph


def _view(graph: Graph, since: int | None = None) -> nx.Graph:
    kept = [
        r
        for r in graph.relations
        if r.confidence >= 0.5 and (since is None or (r.year is not None and r.year >= since))
    ]
    return reference_graph(kept)


@pytest.mark.parametrize("measure", ["degree", "betweenness", "eigenvector"])
def test_centrality_over_http_equals_networkx_on_the_seeds(
    seeds_api: Api, seeds_graph: Graph, measure: str
) -> None:
    expected = {
        "degree": nx.degree_centrality,
        "betweenness": nx.betweenness_centrality,
        "eigenvector": lambda g: nx.eigenvector_centrality(g, max_iter=1000, tol=1e-9),
    }[measure](_view(seeds_graph))
    answer = seeds_api.get("/analytics/centrality", measure=measure, limit=500).json()
    assert {a["id"]: a["score"] for a in answer["actors"]} == pytest.approx(expected)
    assert answer["actors_in_view"] == len(expected)
    assert answer["reading"] == analytics.MEASURES[measure]
    assert answer["approximate"] is False
    assert answer["actors"][0]["name"]


def test_japan_is_the_seeds_broker(seeds_api: Api) -> None:
    answer = seeds_api.get("/analytics/centrality", measure="betweenness", limit=1).json()
    assert answer["actors"][0]["id"] == "country:JPN"


def test_a_year_filter_ranks_only_the_relations_of_those_years(
    seeds_api: Api, seeds_graph: Graph
) -> None:
    expected = nx.degree_centrality(_view(seeds_graph, since=2023))
    answer = seeds_api.get("/analytics/centrality", since=2023, limit=500).json()
    assert {a["id"]: a["score"] for a in answer["actors"]} == pytest.approx(expected)
    assert answer["filters"]["since"] == 2023


def test_communities_over_http_equal_networkx_louvain_and_repeat(
    seeds_api: Api, seeds_graph: Graph
) -> None:
    reference = _view(seeds_graph)
    expected = nx.community.louvain_communities(reference, seed=analytics.SEED)
    first = seeds_api.get("/analytics/communities").json()
    assert sorted(c["members"] for c in first["communities"]) == sorted(map(sorted, expected))
    assert first["modularity"] == pytest.approx(nx.community.modularity(reference, expected))
    assert seeds_api.get("/analytics/communities").json() == first


def test_an_unknown_measure_or_type_answers_422(seeds_api: Api) -> None:
    assert seeds_api.get("/analytics/centrality", measure="pagerank").status_code == 422
    wrong = seeds_api.get("/analytics/communities", types="NOT_A_TYPE")
    assert wrong.status_code == 422
    assert "NOT_A_TYPE" in wrong.json()["message"]
