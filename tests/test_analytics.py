"""graph.analytics equals networkx's own results, on both stores' projections, every time."""

from __future__ import annotations

import networkx as nx
import pytest

from bench.synthetic_graph import synthetic_graph
from graph import analytics
from graph.errors import InvalidQuery
from graph.model import Graph, Relation
from graph.querying import Filters
from graph.store import GraphStore


def reference_graph(relations: list[Relation]) -> nx.Graph:
    """The undirected ties, built independently: sorted actors, then sorted pairs."""
    pairs = sorted({tuple(sorted((r.source, r.target))) for r in relations if r.source != r.target})
    graph = nx.Graph()
    graph.add_nodes_from(sorted({a for pair in pairs for a in pair}))
    graph.add_edges_from(pairs)
    return graph


@pytest.fixture(scope="module")
def small_synthetic() -> Graph:
    return synthetic_graph(actors=300, relations=900, seed=11, documents=5)


@pytest.mark.parametrize("measure", ["degree", "betweenness", "eigenvector"])
def test_centrality_equals_networkx_on_a_small_synthetic_graph(
    small_synthetic: Graph, measure: str
) -> None:
    expected = {
        "degree": nx.degree_centrality,
        "betweenness": nx.betweenness_centrality,
        "eigenvector": lambda g: nx.eigenvector_centrality(g, max_iter=1000, tol=1e-9),
    }[measure](reference_graph(small_synthetic.relations))
    found = analytics.centrality(small_synthetic.relations, measure)
    assert dict(found.scores) == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert [s for _, s in found.scores] == sorted((s for _, s in found.scores), reverse=True)
    assert not found.approximate


def test_communities_equal_networkx_louvain_with_the_fixed_seed(small_synthetic: Graph) -> None:
    reference = reference_graph(small_synthetic.relations)
    expected = nx.community.louvain_communities(reference, seed=analytics.SEED)
    found = analytics.communities(small_synthetic.relations)
    assert sorted(map(sorted, expected)) == sorted(found.groups)
    assert [len(g) for g in found.groups] == sorted((len(g) for g in found.groups), reverse=True)
    assert found.modularity == pytest.approx(nx.community.modularity(reference, expected))


def test_the_same_relations_in_another_order_give_the_same_answers(small_synthetic: Graph) -> None:
    shuffled = list(reversed(small_synthetic.relations))
    assert analytics.communities(shuffled) == analytics.communities(small_synthetic.relations)
    for measure in analytics.MEASURES:
        assert analytics.centrality(shuffled, measure) == analytics.centrality(
            small_synthetic.relations, measure
        )


def test_both_stores_projections_give_networkx_answers(
    store: GraphStore, contract_graph: Graph
) -> None:
    relations = store.projection(Filters())
    reference = reference_graph(contract_graph.relations)
    found = analytics.centrality(relations, "betweenness")
    assert dict(found.scores) == pytest.approx(nx.betweenness_centrality(reference))
    groups = nx.community.louvain_communities(reference, seed=analytics.SEED)
    assert sorted(analytics.communities(relations).groups) == sorted(map(sorted, groups))


def test_large_views_estimate_betweenness_from_seeded_samples_and_say_so() -> None:
    ring = [
        Relation(
            source=f"country:A{i:04d}", target=f"country:A{(i + 1) % 3200:04d}", type="SUPPORTS"
        )
        for i in range(3200)
    ]
    first = analytics.centrality(ring, "betweenness")
    assert first.approximate
    assert "sampled" in first.method
    assert analytics.centrality(ring, "betweenness") == first


def test_an_empty_view_has_no_scores_and_no_communities() -> None:
    assert analytics.centrality([], "eigenvector").scores == []
    assert analytics.communities([]).groups == []


def test_an_unknown_measure_names_the_known_ones() -> None:
    with pytest.raises(InvalidQuery, match="degree, betweenness, eigenvector"):
        analytics.centrality([], "pagerank")
