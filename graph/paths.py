"""k shortest simple paths over any adjacency, in the canonical order of `path_order`.

Used by the embedded store directly. The search walks node sequences in lexicographic order of
ids, pruned by the exact distance to the target, so it stops after `k` paths instead of
enumerating every path in the graph.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

from graph.model import Relation
from graph.querying import Filters, path_order
from graph.views import ActorSummary, Hop, Path

__all__ = ["k_shortest_paths"]

Incident = Callable[[str], list[Relation]]


def _other(relation: Relation, node: str) -> str:
    return relation.target if relation.source == node else relation.source


def _distances(
    target: str, incident: Incident, passable: Callable[[str], bool], max_hops: int
) -> dict[str, int]:
    dist = {target: 0}
    frontier = [target]
    for step in range(1, max_hops + 1):
        nxt: list[str] = []
        for node in frontier:
            if node != target and not passable(node):
                continue
            for rel in incident(node):
                other = _other(rel, node)
                if other not in dist:
                    dist[other] = step
                    nxt.append(other)
        frontier = nxt
    return dist


def k_shortest_paths(
    source: str,
    target: str,
    max_hops: int,
    k: int,
    filters: Filters,
    incident_all: Incident,
    summary: Callable[[str], ActorSummary],
) -> list[Path]:
    """The first `k` simple paths from source to target by `path_order`."""
    if source == target:
        return []

    def incident(node: str) -> list[Relation]:
        return [r for r in incident_all(node) if filters.accepts(r)]

    def passable(node: str) -> bool:
        return filters.accepts_actor(summary(node).type)

    # A DFS step with `remaining` hops left needs distances up to remaining - 1 <= max_hops - 1,
    # so the widest ring around the target is never expanded.
    dist = _distances(target, incident, passable, max_hops - 1)
    shortest = _distance_of_source(source, target, dist, incident, passable)
    if shortest is None:
        return []
    found: list[Path] = []
    for length in range(shortest, max_hops + 1):
        for nodes in _node_sequences(source, target, length, incident, passable, dist):
            for path in _expand(nodes, incident, summary):
                found.append(path)
                if len(found) == k:
                    return found
    return sorted(found, key=path_order)


def _distance_of_source(
    source: str,
    target: str,
    dist: dict[str, int],
    incident: Incident,
    passable: Callable[[str], bool],
) -> int | None:
    """How many hops the source is from the target, or None when beyond the searched ball."""
    if source in dist:
        return dist[source]
    steps = [
        dist[other]
        for other in {_other(r, source) for r in incident(source)}
        if other in dist and (other == target or passable(other))
    ]
    return 1 + min(steps) if steps else None


def _node_sequences(
    source: str,
    target: str,
    length: int,
    incident: Incident,
    passable: Callable[[str], bool],
    dist: dict[str, int],
) -> Iterator[list[str]]:
    """Simple node sequences of exactly `length` hops, in lexicographic order of ids."""
    trail = [source]
    on_trail = {source}

    def walk(node: str, remaining: int) -> Iterator[list[str]]:
        if remaining == 0:
            if node == target:
                yield list(trail)
            return
        for other in sorted({_other(r, node) for r in incident(node)}):
            if other in on_trail or dist.get(other, remaining + 1) > remaining - 1:
                continue
            if other == target and remaining != 1:
                continue
            if other != target and not passable(other):
                continue
            trail.append(other)
            on_trail.add(other)
            yield from walk(other, remaining - 1)
            trail.pop()
            on_trail.discard(other)

    yield from walk(source, length)


def _expand(
    nodes: list[str], incident: Incident, summary: Callable[[str], ActorSummary]
) -> Iterator[Path]:
    """Every path along a node sequence, one per choice of parallel relation, in order."""
    choices: list[list[Hop]] = []
    for here, there in itertools.pairwise(nodes):
        hops = [
            Hop(
                source=r.source,
                target=r.target,
                type=r.type,
                year=r.year,
                direction="forward" if r.source == here else "backward",
                evidence=r.evidence,
            )
            for r in incident(here)
            if _other(r, here) == there and (r.source, r.target) in ((here, there), (there, here))
        ]
        hops.sort(key=lambda h: (h.type, -1 if h.year is None else h.year, h.direction))
        choices.append(hops)
    actors = [summary(n) for n in nodes]
    for combo in itertools.product(*choices):
        yield Path(nodes=actors, hops=list(combo))
