"""Breadth-first levels of a neighbourhood, cut at a limit: the rule both stores share.

Nodes are ordered by (depth, id) and cut at `limit` (the centre not counted). A level is
expanded only while the levels before it leave room under the limit: a level that overflows
the limit is cut in id order and nothing deeper is looked at, so a hub's crowd of neighbours
never makes a query walk the hub's whole two-relation ball. Each level counted says how many
actors it holds in all (`counts`), even when only the first few are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, field
from typing import Generic, TypeVar

__all__ = ["Expand", "Levels", "neighbourhood_levels"]

Node = TypeVar("Node")

Expand = Callable[[list[Node], Set[Node], int], tuple[list[Node], int]]
"""Given a frontier, the nodes already placed and how many are wanted: the first `wanted`
unplaced nodes one relation away, in id order, and how many such nodes there are in all."""


@dataclass
class Levels(Generic[Node]):
    """The kept (depth, node) pairs in order, whether the limit hid any, and per-level counts."""

    nodes: list[tuple[int, Node]] = field(default_factory=list)
    truncated: bool = False
    counts: list[int] = field(default_factory=list)


def neighbourhood_levels(
    centre: Node, depth: int, limit: int, expand: Expand[Node]
) -> Levels[Node]:
    """Expand level by level from `centre`, keeping at most `limit` nodes."""
    levels: Levels[Node] = Levels()
    placed = {centre}
    frontier = [centre]
    for level in range(1, depth + 1):
        if not frontier:
            break
        room = limit - len(levels.nodes)
        reached, total = expand(frontier, placed, max(room, 1))
        levels.counts.append(total)
        if total > room:
            levels.nodes.extend((level, n) for n in reached[:room])
            levels.truncated = True
            break
        levels.nodes.extend((level, n) for n in reached)
        placed.update(reached)
        frontier = reached
    return levels
