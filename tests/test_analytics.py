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
    """The ties as networkx reads the edge list itself: an undirected simple graph, in which
    parallel and opposite relations between two actors are one edge."""
    return nx.Graph((r.source, r.target) for r in relations)


def louvain_reference(reference: nx.Graph) -> list[set[str]]:
    """networkx's Louvain with the fixed seed over the reference's actors and ties added in
    sorted order (Louvain's answer depends on the order; analytics documents this one)."""
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(reference))
    ordered.add_edges_from(sorted(tuple(sorted(edge)) for edge in reference.edges))
    found: list[set[str]] = nx.community.louvain_communities(ordered, seed=analytics.SEED)
    return found


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
    found = analytics.communities(small_synthetic.relations)
    assert sorted(found.groups) == sorted(map(sorted, louvain_reference(reference)))
    assert sorted(a for group in found.groups for a in group) == sorted(reference)
    assert [len(g) for g in found.groups] == sorted((len(g) for g in found.groups), reverse=True)
    groups = [set(g) for g in found.groups]
    assert found.modularity == pytest.approx(nx.community.modularity(reference, groups))
    assert (found.actors, found.ties) == (reference.number_of_nodes(), reference.number_of_edges())


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
    groups = louvain_reference(reference)
    assert sorted(analytics.communities(relations).groups) == sorted(map(sorted, groups))


def test_a_relation_of_an_actor_with_itself_is_no_tie() -> None:
    relations = [
        Relation(source="country:JPN", target="country:JPN", type="SUPPORTS"),
        Relation(source="country:JPN", target="org:eu", type="PARTNERS_WITH"),
        Relation(source="org:eu", target="country:JPN", type="SUPPORTS"),
    ]
    found = analytics.centrality(relations, "degree")
    assert (found.actors, found.ties) == (2, 1)
    assert dict(found.scores) == {"country:JPN": 1.0, "org:eu": 1.0}


def test_large_views_estimate_betweenness_from_seeded_samples_and_say_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A budget of work a twentieth of the shipped one keeps the test short: walking from all
    of a 3,200-actor ring's actors costs more than it allows, so sources are sampled."""
    monkeypatch.setattr(analytics, "BETWEENNESS_WORK", analytics.BETWEENNESS_WORK // 20)
    ring = [
        Relation(
            source=f"country:A{i:04d}", target=f"country:A{(i + 1) % 3200:04d}", type="SUPPORTS"
        )
        for i in range(3200)
    ]
    first = analytics.centrality(ring, "betweenness")
    assert first.approximate
    samples = analytics.betweenness_samples(3200, 3200)
    assert samples is not None and f"estimated from {samples} sampled sources" in first.method
    assert analytics.centrality(ring, "betweenness") == first


def test_the_betweenness_sample_fits_the_budget_of_work_and_depends_on_size_alone() -> None:
    budget = analytics.BETWEENNESS_WORK
    assert analytics.betweenness_samples(300, 900) is None  # every source fits: exact
    bigger = analytics.betweenness_samples(10_000, 100_000)
    assert bigger is not None and bigger * 110_000 <= budget
    huge = analytics.betweenness_samples(100_000, 1_000_000)
    assert huge == analytics.MIN_BETWEENNESS_SAMPLES  # the floor, however large the view


def test_an_empty_view_has_no_scores_and_no_communities() -> None:
    assert analytics.centrality([], "eigenvector").scores == []
    assert analytics.communities([]).groups == []


def test_an_unknown_measure_names_the_known_ones() -> None:
    with pytest.raises(InvalidQuery, match="degree, betweenness, eigenvector"):
        analytics.centrality([], "pagerank")
