"""Centrality and communities of the partner network, computed with networkx from a projection.

Both stores hand over the same projection (`GraphStore.projection`: every relation passing the
filters, without evidence), so the embedded store and Neo4j give the same answers; Neo4j
Community has no Graph Data Science library, so nothing is computed inside the database.

The network is read as undirected ties between actors: an MOC, a loan or a membership links
two actors whichever way the relation points, and parallel relations between two actors are one
tie. Nodes and ties are added in sorted order, so equal projections give equal graphs and equal
floating-point results. Communities use Louvain with a fixed seed. Betweenness costs one
breadth-first walk of the whole view per source actor; when walking from every actor would
exceed a fixed budget of work (`BETWEENNESS_WORK`, a few seconds here), it is estimated from
as many sampled sources as the budget allows, with a fixed seed: the sample size depends on
the view's size alone, so the answer stays deterministic, and it says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from graph.errors import InvalidQuery
from graph.model import Relation

__all__ = [
    "BETWEENNESS_WORK",
    "MEASURES",
    "MIN_BETWEENNESS_SAMPLES",
    "SEED",
    "Centrality",
    "Communities",
    "Measure",
    "betweenness_samples",
    "centrality",
    "communities",
    "tie_graph",
]

Measure = Literal["degree", "betweenness", "eigenvector"]

MEASURES: dict[Measure, str] = {
    "degree": "degree: how many partners an actor has in view - the breadth of its ties.",
    "betweenness": "betweenness: who brokers between otherwise separate partner groups.",
    "eigenvector": "eigenvector: who is tied to the well-tied - influence through "
    "well-connected partners.",
}

SEED = 42
BETWEENNESS_WORK = 4_000_000
"""Sources times (actors + ties) that one betweenness may walk: networkx visits about a
million actors and ties a second here, so a few seconds."""
MIN_BETWEENNESS_SAMPLES = 10


@dataclass(frozen=True)
class Centrality:
    """Every actor's score, best first (ties by id), and how it was computed."""

    measure: Measure
    scores: list[tuple[str, float]]
    actors: int
    ties: int
    method: str
    approximate: bool


@dataclass(frozen=True)
class Communities:
    """Communities, largest first, each a sorted list of actor ids, with their modularity."""

    groups: list[list[str]]
    modularity: float
    actors: int
    ties: int
    method: str


def tie_graph(relations: Iterable[Relation]) -> nx.Graph:
    """The undirected graph of ties between actors, built in a canonical order."""
    pairs = sorted({tuple(sorted((r.source, r.target))) for r in relations if r.source != r.target})
    graph = nx.Graph()
    graph.add_nodes_from(sorted({end for pair in pairs for end in pair}))
    graph.add_edges_from(pairs)
    return graph


def centrality(relations: Iterable[Relation], measure: str) -> Centrality:
    """Scores of `measure` for every actor with a tie in the projection."""
    if measure not in MEASURES:
        raise InvalidQuery(
            f"Unknown measure: {measure}. Choose one of: {', '.join(MEASURES)}.",
            unknown=[measure],
            known=list(MEASURES),
        )
    graph = tie_graph(relations)
    approximate = False
    method = "networkx " + measure + "_centrality"
    if graph.number_of_nodes() == 0:
        values: dict[str, float] = {}
    elif measure == "degree":
        values = nx.degree_centrality(graph)
    elif measure == "betweenness":
        samples = betweenness_samples(graph.number_of_nodes(), graph.number_of_edges())
        if samples is not None:
            approximate = True
            method += f" estimated from {samples} sampled sources (seed {SEED})"
        values = nx.betweenness_centrality(graph, k=samples, seed=SEED)
    else:
        values = _eigenvector(graph)
    scores = sorted(values.items(), key=lambda item: (-item[1], item[0]))
    return Centrality(
        measure=measure,
        scores=scores,
        actors=graph.number_of_nodes(),
        ties=graph.number_of_edges(),
        method=method,
        approximate=approximate,
    )


def betweenness_samples(actors: int, ties: int) -> int | None:
    """How many sources betweenness walks from within the budget of work; None for all."""
    affordable = BETWEENNESS_WORK // max(1, actors + ties)
    if affordable >= actors:
        return None
    return min(actors, max(MIN_BETWEENNESS_SAMPLES, affordable))


def _eigenvector(graph: nx.Graph) -> dict[str, float]:
    try:
        values: dict[str, float] = nx.eigenvector_centrality(graph, max_iter=1000, tol=1e-9)
    except nx.PowerIterationFailedConvergence as exc:
        raise InvalidQuery(
            "Eigenvector centrality did not converge on this view; narrow the filters "
            "or use degree or betweenness."
        ) from exc
    return values


def communities(relations: Iterable[Relation]) -> Communities:
    """Louvain communities (fixed seed) of the ties in the projection."""
    graph = tie_graph(relations)
    if graph.number_of_nodes() == 0:
        groups: list[list[str]] = []
        modularity = 0.0
    else:
        found = nx.community.louvain_communities(graph, seed=SEED)
        groups = sorted((sorted(c) for c in found), key=lambda g: (-len(g), g[0]))
        modularity = nx.community.modularity(graph, [set(g) for g in groups])
    return Communities(
        groups=groups,
        modularity=modularity,
        actors=graph.number_of_nodes(),
        ties=graph.number_of_edges(),
        method=f"networkx louvain_communities (seed {SEED})",
    )
