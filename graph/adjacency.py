"""A compact, read-only adjacency of a graph for the embedded store's queries.

Actors are numbered in the order of their ids, and every relation is stored twice, once from
each end, as compressed sparse rows (CSR) in numpy arrays: for actor `i`, its half-edges are
`indptr[i]:indptr[i + 1]`, sorted by the number of the actor at the other end. Numbers sort as
ids do, so a sorted slice is already in the canonical order of ids. Each half-edge carries its
relation's type, year and confidence, so that the filters of a query are applied as masks
while the search walks, never after it. Built once when a graph is loaded; about 30 bytes per
relation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from graph.querying import Filters
from graph.relation_table import NO_YEAR, RelationTable

__all__ = ["Adjacency", "EdgeMask", "Nodes"]

Nodes = npt.NDArray[np.int32]
_NO_YEAR = NO_YEAR


@dataclass(frozen=True)
class EdgeMask:
    """The filters of one query, in the adjacency's numbers."""

    types: npt.NDArray[np.bool_] | None
    actor_types: npt.NDArray[np.bool_] | None
    since: int | None
    until: int | None
    min_confidence: float | None


class Adjacency:
    """Half-edges in CSR form, with each half-edge's relation number, type, year, confidence."""

    def __init__(self, ids: list[str], actor_types: list[str], table: RelationTable) -> None:
        """`ids` in sorted order, `actor_types` the type of each, `table` the relations."""
        self.ids = ids
        self.number = {actor_id: i for i, actor_id in enumerate(ids)}
        actor_type_names = sorted(set(actor_types))
        self.actor_type_names = actor_type_names
        actor_code = {t: i for i, t in enumerate(actor_type_names)}
        self.actor_type = np.fromiter(
            (actor_code[t] for t in actor_types), dtype=np.int16, count=len(actor_types)
        )
        self.type_names = table.types

        count = len(table)
        head = np.concatenate([table.source, table.target])
        tail = np.concatenate([table.target, table.source])
        order = np.argsort(head.astype(np.int64) * len(ids) + tail, kind="stable")
        relation = np.concatenate([np.arange(count, dtype=np.int32)] * 2)[order]
        self.other: Nodes = tail[order]
        self.relation: Nodes = relation
        self.rel_type = table.type[relation]
        self.year = table.year[relation]
        self.confidence = table.confidence[relation]
        self.indptr = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(head, minlength=len(ids)), out=self.indptr[1:])

    def __len__(self) -> int:
        return len(self.ids)

    def mask(self, filters: Filters) -> EdgeMask:
        """The filters as lookup tables over type codes (None where a filter is not set)."""
        types = None
        if filters.relation_types is not None:
            types = np.array([t in filters.relation_types for t in self.type_names], dtype=bool)
        actor_types = None
        if filters.actor_types is not None:
            actor_types = np.array(
                [t in filters.actor_types for t in self.actor_type_names], dtype=bool
            )
        return EdgeMask(types, actor_types, filters.since, filters.until, filters.min_confidence)

    def degree(self, node: int, min_confidence: float | None = None) -> int:
        """The actor's relations (at `min_confidence` or above), counted from each end."""
        start, end = int(self.indptr[node]), int(self.indptr[node + 1])
        if min_confidence is None:
            return end - start
        return int(np.count_nonzero(self.confidence[start:end] >= min_confidence))

    def degrees(self, min_confidence: float | None = None) -> npt.NDArray[np.int64]:
        """Every actor's `degree`, in actor numbers."""
        if min_confidence is None:
            return np.diff(self.indptr)
        heads = np.repeat(np.arange(len(self.ids)), np.diff(self.indptr))
        kept = heads[self.confidence >= min_confidence]
        return np.bincount(kept, minlength=len(self.ids)).astype(np.int64)

    def incident(self, node: int, min_confidence: float | None = None) -> list[int]:
        """The numbers of the actor's relations (at `min_confidence` or above), ascending."""
        start, end = int(self.indptr[node]), int(self.indptr[node + 1])
        numbers = self.relation[start:end]
        if min_confidence is not None:
            numbers = numbers[self.confidence[start:end] >= min_confidence]
        return [int(n) for n in np.unique(numbers)]

    def half_edges(self, nodes: Nodes) -> npt.NDArray[np.int64]:
        """The positions of every half-edge leaving `nodes`, in the order of `nodes`."""
        starts = self.indptr[nodes]
        lengths = self.indptr[nodes + 1] - starts
        total = int(lengths.sum())
        if total == 0:
            return np.empty(0, dtype=np.int64)
        shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        positions: npt.NDArray[np.int64] = np.arange(total, dtype=np.int64) + shift
        return positions

    def passing(self, edges: npt.NDArray[np.int64], mask: EdgeMask) -> npt.NDArray[np.int64]:
        """The half-edges among `edges` whose relation passes the type, year and confidence
        filters."""
        keep = np.ones(len(edges), dtype=bool)
        if mask.types is not None:
            keep &= mask.types[self.rel_type[edges]]
        if mask.min_confidence is not None:
            keep &= self.confidence[edges] >= mask.min_confidence
        if mask.since is not None or mask.until is not None:
            years = self.year[edges]
            keep &= years != _NO_YEAR
            if mask.since is not None:
                keep &= years >= mask.since
            if mask.until is not None:
                keep &= years <= mask.until
        return edges if keep.all() else edges[keep]

    def enterable(self, nodes: Nodes, mask: EdgeMask) -> npt.NDArray[np.bool_]:
        """Which of `nodes` the actor-type filter lets a search enter."""
        if mask.actor_types is None:
            return np.ones(len(nodes), dtype=bool)
        result: npt.NDArray[np.bool_] = mask.actor_types[self.actor_type[nodes]]
        return result

    def neighbours(self, nodes: Nodes, mask: EdgeMask) -> Nodes:
        """Every actor one passing relation away from any of `nodes`, sorted, without repeats
        (the actor filter is not applied here)."""
        others = self.other[self.passing(self.half_edges(nodes), mask)]
        if len(nodes) == 1:
            # One row is sorted already: drop the repeats of parallel relations.
            if len(others) > 1:
                others = others[np.concatenate(([True], others[1:] != others[:-1]))]
            return others
        return np.unique(others)

    def relations_between(self, here: int, there: int, mask: EdgeMask) -> list[int]:
        """The numbers of the passing relations that join two actors."""
        start, end = int(self.indptr[here]), int(self.indptr[here + 1])
        row = self.other[start:end]
        low = start + int(np.searchsorted(row, there, side="left"))
        high = start + int(np.searchsorted(row, there, side="right"))
        edges = self.passing(np.arange(low, high, dtype=np.int64), mask)
        return [int(r) for r in np.unique(self.relation[edges])]
