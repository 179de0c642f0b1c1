"""Breadth-first levels of a neighbourhood, cut at a limit: the rule both stores share.

Nodes are ordered by (depth, id) and cut at `limit` (the centre not counted). Expansion stops
as soon as the levels found so far fill the limit; one more level is asked for only to know
whether the cut hid anything (`truncated`).
"""

from __future__ import annotations

from collections.abc import Callable, Set

__all__ = ["Expand", "neighbourhood_levels"]

Expand = Callable[[list[str], Set[str]], set[str]]
"""Given a frontier and the nodes already placed, the unplaced nodes one relation away."""


def neighbourhood_levels(
    centre: str, depth: int, limit: int, expand: Expand
) -> tuple[list[tuple[int, str]], bool]:
    """The kept (depth, id) pairs in order, and whether more actors were reachable."""
    depth_of = {centre: 0}
    frontier = [centre]
    found = 0
    truncated = False
    for level in range(1, depth + 1):
        if not frontier:
            break
        reached = sorted(expand(frontier, depth_of.keys()) - depth_of.keys())
        if found >= limit:
            truncated = bool(reached)
            break
        for node in reached:
            depth_of[node] = level
        found += len(reached)
        frontier = reached
    nodes = sorted((d, n) for n, d in depth_of.items() if n != centre)
    return nodes[:limit], truncated or len(nodes) > limit
