"""The embedded store's path search: the first k routes through distinct actors, in the
canonical order of `graph.querying.path_order`, over the compact adjacency.

First a breadth-first search meets in the middle from both ends, always widening the side
whose frontier is smaller, to learn the length of the shortest route (and to give up early
when there is none within `max_hops`). Then, for each length from the shortest up, routes are
walked from the source in lexicographic order of ids, pruned by the exact distance to the
target, so the search stops after `k` routes instead of enumerating every path. Relation
filters are masks applied while walking; the actor filter stops the walk at refused actors.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

from graph.adjacency import Adjacency, EdgeMask, Nodes

__all__ = ["k_shortest_routes"]

_FAR = np.iinfo(np.int16).max


def k_shortest_routes(
    adjacency: Adjacency, source: int, target: int, max_hops: int, k: int, mask: EdgeMask
) -> list[list[int]]:
    """The first `k` routes from `source` to `target` of at most `max_hops` hops.

    Parameters
    ----------
    adjacency
        The graph, as compact rows of half-edges.
    source, target
        The actors' numbers in `adjacency`.
    max_hops
        The longest route to consider, in relations.
    k
        How many routes: parallel relations between two actors do not make more routes.
    mask
        The query's filters; intermediate actors must pass its actor filter, the two ends
        need not.

    Returns
    -------
    list[list[int]]
        Each route as the numbers of its actors, shortest first, then in lexicographic order of
        ids.
    """
    if source == target:
        return []
    shortest = _shortest_length(adjacency, source, target, max_hops, mask)
    if shortest is None:
        return []
    routes: list[list[int]] = []
    distance = _Distances(adjacency, target, mask)
    for length in range(shortest, max_hops + 1):
        distance.widen_to(length - 1)
        for route in _routes_of_length(adjacency, source, target, length, mask, distance):
            routes.append(route)
            if len(routes) == k:
                return routes
    return routes


def _shortest_length(
    adjacency: Adjacency, source: int, target: int, max_hops: int, mask: EdgeMask
) -> int | None:
    """The length of the shortest route, searching from both ends; None beyond max_hops."""
    seen = [{source: 0}, {target: 0}]
    frontiers: list[Nodes] = [
        np.array([source], dtype=np.int32),
        np.array([target], dtype=np.int32),
    ]
    radius = [0, 0]
    while radius[0] + radius[1] < max_hops:
        side = 0 if _cost(adjacency, frontiers[0]) <= _cost(adjacency, frontiers[1]) else 1
        other_end = target if side == 0 else source
        frontier = frontiers[side]
        if radius[side] > 0:
            frontier = frontier[adjacency.enterable(frontier, mask)]
        reached = adjacency.neighbours(frontier, mask)
        radius[side] += 1
        mine, theirs = seen[side], seen[1 - side]
        fresh = [int(n) for n in reached if int(n) not in mine]
        best: int | None = None
        for node in fresh:
            if node in theirs and (
                node == other_end or adjacency.enterable(np.array([node]), mask)[0]
            ):
                total = radius[side] + theirs[node]
                best = total if best is None else min(best, total)
        if best is not None:
            return best if best <= max_hops else None
        for node in fresh:
            mine[node] = radius[side]
        frontiers[side] = np.array(fresh, dtype=np.int32)
        if not fresh:
            return None
    return None


def _cost(adjacency: Adjacency, frontier: Nodes) -> int:
    return int((adjacency.indptr[frontier + 1] - adjacency.indptr[frontier]).sum())


class _Distances:
    """Exact distances to the target through enterable actors, widened one ring at a time."""

    def __init__(self, adjacency: Adjacency, target: int, mask: EdgeMask) -> None:
        self.adjacency = adjacency
        self.mask = mask
        self.target = target
        self.of: npt.NDArray[np.int16] = np.full(len(adjacency), _FAR, dtype=np.int16)
        self.of[target] = 0
        self.frontier: Nodes = np.array([target], dtype=np.int32)
        self.radius = 0

    def widen_to(self, radius: int) -> None:
        while self.radius < radius and len(self.frontier):
            frontier = self.frontier
            if self.radius > 0:
                frontier = frontier[self.adjacency.enterable(frontier, self.mask)]
            reached = self.adjacency.neighbours(frontier, self.mask)
            fresh = reached[self.of[reached] == _FAR]
            self.radius += 1
            self.of[fresh] = self.radius
            self.frontier = fresh
        self.radius = max(self.radius, radius)


def _routes_of_length(
    adjacency: Adjacency,
    source: int,
    target: int,
    length: int,
    mask: EdgeMask,
    distance: _Distances,
) -> Iterator[list[int]]:
    """Routes of exactly `length` hops, in lexicographic order of ids."""
    trail = [source]
    on_trail = {source}

    def walk(node: int, remaining: int) -> Iterator[list[int]]:
        if remaining == 1:
            if target in _one(adjacency, node, mask):
                yield [*trail, target]
            return
        nexts = adjacency.neighbours(np.array([node], dtype=np.int32), mask)
        nexts = nexts[distance.of[nexts] <= remaining - 1]
        nexts = nexts[(nexts != target) & adjacency.enterable(nexts, mask)]
        for other in nexts.tolist():
            if other in on_trail:
                continue
            trail.append(other)
            on_trail.add(other)
            yield from walk(other, remaining - 1)
            trail.pop()
            on_trail.discard(other)

    yield from walk(source, length)


def _one(adjacency: Adjacency, node: int, mask: EdgeMask) -> set[int]:
    return set(adjacency.neighbours(np.array([node], dtype=np.int32), mask).tolist())
