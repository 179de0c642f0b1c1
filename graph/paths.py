"""k shortest simple paths over any adjacency, in the canonical order of `path_order`.

Used by the embedded store directly. The search walks node sequences in lexicographic order of
ids, pruned by the exact distance to the target, so it stops after `k` paths instead of
enumerating every path in the graph.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

from graph.model import Relation
from graph.querying import Filters, hop_relation_order, path_order
from graph.views import ActorSummary, Hop, Path

__all__ = ["k_shortest_paths"]

Incident = Callable[[str], list[Relation]]


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
                other = rel.other_end(node)
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
    """The first `k` routes from source to target by `path_order`; k counts routes, not
    combinations of parallel relations."""
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
            found.append(_route(nodes, incident, summary))
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
        for other in {r.other_end(source) for r in incident(source)}
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
        for other in sorted({r.other_end(node) for r in incident(node)}):
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


def _route(nodes: list[str], incident: Incident, summary: Callable[[str], ActorSummary]) -> Path:
    """The path along a node sequence: each hop lists every relation joining its two actors."""
    hops = [
        Hop(
            from_id=here,
            to_id=there,
            relations=sorted(
                (r for r in incident(here) if r.other_end(here) == there),
                key=hop_relation_order,
            ),
        )
        for here, there in itertools.pairwise(nodes)
    ]
    return Path(nodes=[summary(n) for n in nodes], hops=hops)
