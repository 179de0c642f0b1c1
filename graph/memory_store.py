"""MemoryStore: the embedded store, held in memory and persisted to one JSON file.

The file is the canonical, normalised graph, so it is byte-identical for the same documents.
Writes go to a temporary file that replaces the old one only once complete (os.replace is
atomic), so a failed build leaves the previous graph as it was. A store opened by the API
notices when a build replaced its file and reloads it.

Queries run on indexes built once per load: a compact CSR adjacency (graph.adjacency) for
neighbourhoods and paths, and a name index (graph.name_index) for search. networkx is not
needed to answer; it stays the model users export (graph.formats) and analyse.

The indexes of one load form one immutable `Snapshot`, swapped in by a single assignment.
Each query takes the snapshot once, at its start, and answers from it alone, so a reload
under running queries never mixes two graphs in one answer. A replaced file is reloaded once,
by the first query that notices it, while the others keep answering from the current
snapshot; a file that then fails to load (damaged, unreadable) leaves the last good snapshot
serving, and `problem()` says what is wrong with the file until it is replaced again.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import os
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Set
from pathlib import Path as FsPath

import msgspec
import numpy as np

from graph.adjacency import Adjacency, EdgeMask
from graph.errors import StoreCorrupt, StoreUnavailable
from graph.files import file_problem, write_atomically
from graph.formats.store_file import (
    ActorRow,
    StoreFile,
    decode_store,
    encode_store,
    name_columns,
    store_file,
)
from graph.levels import neighbourhood_levels
from graph.model import Actor, Document, Graph, Relation
from graph.name_index import NameIndex
from graph.paths import k_shortest_routes
from graph.querying import Filters, edge_order, hop_relation_order, normalise_text, search_page
from graph.relation_table import (
    NO_YEAR,
    RelationTable,
    document_facts,
    document_summaries,
    trusted,
)
from graph.resolve import not_found
from graph.store import Backend
from graph.views import (
    ActorDetail,
    ActorSummary,
    DocumentFacts,
    DocumentSummary,
    Hop,
    Neighbourhood,
    NeighbourhoodNode,
    Path,
    RankedActor,
    SearchPage,
    Stats,
)

__all__ = ["MemoryStore", "Snapshot"]

Stamp = tuple[int, int, int, int]
"""What tells one store file from its replacement: inode, size, mtime and ctime (ns)."""

_generations = itertools.count(1)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):  # not glibc
        return None
    return trim


def _give_back_memory() -> None:
    """Return the memory of a dropped snapshot to the system: glibc keeps what Python frees
    in its arenas, and a store replaced every few seconds would hold several graphs' worth."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _stamp(status: os.stat_result) -> Stamp:
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


class Snapshot:
    """The indexes of one loaded graph. Never changed once built (the counts it computes on
    first demand, per confidence floor, and the relations its table remembers, are derived
    from it alone)."""

    def __init__(self, content: StoreFile) -> None:
        self.generation = next(_generations)
        self.rows: dict[str, ActorRow] = {row.id: row for row in content.actors}
        self.documents = {
            d.name: Document.model_construct(**msgspec.structs.asdict(d)) for d in content.documents
        }
        self.table = RelationTable(content)
        self.adjacency = Adjacency(self.table.ids, [row.type for row in content.actors], self.table)
        self.names = NameIndex(name_columns(content), self.table.ids)
        self.counted: dict[float | None, Stats] = {}


class MemoryStore:
    """A GraphStore held in memory, persisted to `path` (or nowhere when path is None)."""

    backend: Backend = "memory"

    def __init__(self, path: FsPath | None = None, snapshot: Snapshot | None = None) -> None:
        """A store persisted to `path` (None: in memory only), holding `snapshot` (by default
        the graph in the file, or none)."""
        self.path = path
        self._swap = threading.Lock()  # one reload (or replace) at a time
        self._stamp: Stamp | None = None
        self._failed: tuple[Stamp, str] | None = None
        self.reloads = 0
        """How many times the file was read (tests count one per replacement)."""
        self._snapshot = snapshot or Snapshot(store_file(Graph()))
        if snapshot is None and path is not None and path.exists():
            with self._swap:
                self._reload(strict=True)

    # --- persistence -------------------------------------------------------------------

    def replace(self, graph: Graph) -> None:
        content = store_file(graph)
        with self._swap:
            if self.path is not None:
                try:
                    write_atomically(self.path, encode_store(content))
                    self._stamp = _stamp(self.path.stat())
                except OSError as exc:
                    raise StoreUnavailable(
                        f"Cannot write the store file {self.path}: {file_problem(exc)}. "
                        "Check that its folder exists and is writable."
                    ) from exc
            self._failed = None
            self._install(Snapshot(content))

    def snapshot(self) -> Graph:
        """The whole graph, built on demand: exports and analyses ask for it, queries never."""
        snap = self._current()
        table = snap.table
        return Graph.model_construct(
            actors=[_actor(snap, i) for i in snap.rows],
            relations=[table.relation(i) for i in range(len(table))],
            documents=list(snap.documents.values()),
        )

    def problem(self) -> str | None:
        """What is wrong with the store file on disk, while the last good graph is served
        in its place (None when the file is the graph served, or there is none yet)."""
        self._current()
        failed = self._failed
        return None if failed is None else failed[1]

    def generation(self) -> str:
        """Which loaded graph answers now: a new value after each reload or replace."""
        return f"memory-{self._current().generation}"

    def pinned(self) -> MemoryStore:
        """A store answering from the snapshot this one holds now, whatever is loaded later
        (an analysis and the names of its actors come from one graph)."""
        return MemoryStore(None, self._current())

    def _install(self, snapshot: Snapshot) -> None:
        previous, self._snapshot = self._snapshot, snapshot
        previous.table.forget()  # queries still holding it rebuild what they ask
        weakref.finalize(previous, _give_back_memory)  # once the last query lets it go

    def _reload(self, strict: bool = False) -> None:
        """Read the file into a new snapshot and swap it in; hold `_swap`. A file that fails
        to load raises when `strict` (opening a store), else leaves the snapshot serving and
        is remembered, by its stamp, as failed."""
        assert self.path is not None
        self.reloads += 1
        try:
            with self.path.open("rb") as handle:
                stamp = _stamp(os.fstat(handle.fileno()))
                data = handle.read()
        except OSError as exc:
            error: StoreUnavailable | StoreCorrupt = StoreUnavailable(
                f"Cannot read the store file {self.path}: {file_problem(exc)}. "
                "Run `kizuna build` first."
            )
            failed_stamp = self._stat_stamp()
            if strict or failed_stamp is None:
                raise error from exc
            self._failed = (failed_stamp, error.message)
            return
        try:
            content = decode_store(data)
        except (msgspec.DecodeError, ValueError) as exc:
            error = StoreCorrupt(
                f"The store file {self.path} is not a Kizuna store of this version ({exc}). "
                "Rebuild it with `kizuna build`."
            )
            if strict:
                raise error from exc
            self._failed = (stamp, error.message)
            return
        self._install(Snapshot(content))
        self._stamp, self._failed = stamp, None

    def _stat_stamp(self) -> Stamp | None:
        assert self.path is not None
        try:
            return _stamp(self.path.stat())
        except OSError:
            return None

    def _current(self) -> Snapshot:
        """The snapshot to answer from. The first query to notice a replaced file reloads
        it; the others answer from the current snapshot meanwhile."""
        snapshot = self._snapshot
        if self.path is None:
            return snapshot
        stamp = self._stat_stamp()
        failed = self._failed
        if stamp is None or stamp == self._stamp or (failed is not None and failed[0] == stamp):
            return snapshot
        if not self._swap.acquire(blocking=False):
            return snapshot
        try:
            if self._stat_stamp() not in (self._stamp, None):
                self._reload()
        finally:
            self._swap.release()
        return self._snapshot

    def _number(self, snap: Snapshot, actor_id: str) -> int:
        """The actor's number in the adjacency; ActorNotFound (with close matches) if unknown."""
        number = snap.adjacency.number.get(actor_id)
        if number is None:
            raise not_found(self, actor_id)
        return number

    # --- queries: each takes one snapshot at its start and answers from it alone ------------

    def get(self, actor_id: str) -> Actor | None:
        snap = self._current()
        return _actor(snap, actor_id) if actor_id in snap.rows else None

    def find_by_name(self, name: str) -> list[Actor]:
        snap = self._current()
        return [_actor(snap, i) for i in snap.names.exact(normalise_text(name))]

    def search(
        self,
        query: str,
        actor_type: str | None = None,
        limit: int = 20,
        offset: int = 0,
        min_confidence: float | None = None,
    ) -> SearchPage:
        snap = self._current()
        candidates = [snap.rows[i] for i in snap.names.candidates(normalise_text(query))]
        total, hits = search_page(query, candidates, actor_type, limit, offset)
        adjacency = snap.adjacency
        page = [
            h.model_copy(
                update={"degree": adjacency.degree(adjacency.number[h.actor.id], min_confidence)}
            )
            for h in hits
        ]
        return SearchPage(total=total, hits=page)

    def actor(self, actor_id: str, min_confidence: float | None = None) -> ActorDetail:
        snap = self._current()
        node = self._number(snap, actor_id)
        incident = snap.adjacency.incident(node, min_confidence)
        relations = sorted(snap.table.relations(incident), key=edge_order)
        related = sorted({r.other_end(actor_id) for r in relations} - {actor_id})
        return ActorDetail(
            actor=_actor(snap, actor_id),
            relations=relations,
            related=[_summary(snap, i) for i in related],
        )

    def neighbourhood(
        self, actor_id: str, depth: int, filters: Filters, limit: int
    ) -> Neighbourhood:
        snap = self._current()
        centre = self._number(snap, actor_id)
        adjacency = snap.adjacency
        mask = adjacency.mask(filters)

        def expand(frontier: list[int], placed: Set[int], wanted: int) -> tuple[list[int], int]:
            reached = adjacency.neighbours(np.array(frontier, dtype=np.int32), mask)
            reached = reached[adjacency.enterable(reached, mask)]
            reached = reached[~np.isin(reached, np.fromiter(placed, np.int32, len(placed)))]
            return reached[:wanted].tolist(), len(reached)

        levels = neighbourhood_levels(centre, depth, limit, expand)
        kept = np.array(sorted({centre, *(n for _, n in levels.nodes)}), dtype=np.int32)
        edges = adjacency.passing(adjacency.half_edges(kept), mask)
        edges = edges[np.isin(adjacency.other[edges], kept)]
        relations = sorted(
            snap.table.relations(np.unique(adjacency.relation[edges]).tolist()),
            key=edge_order,
        )
        ids = adjacency.ids
        return Neighbourhood(
            center=_summary(snap, actor_id),
            nodes=[
                trusted(NeighbourhoodNode, actor=_summary(snap, ids[n]), depth=d)
                for d, n in levels.nodes
            ],
            edges=relations,
            truncated=levels.truncated,
            level_counts=levels.counts,
        )

    def paths(
        self, source: str, target: str, max_hops: int, k: int, filters: Filters
    ) -> list[Path]:
        snap = self._current()
        start, end = self._number(snap, source), self._number(snap, target)
        mask = snap.adjacency.mask(filters)
        routes = k_shortest_routes(snap.adjacency, start, end, max_hops, k, mask)
        return [_path(snap, route, mask) for route in routes]

    def document(self, name: str) -> Document | None:
        return self._current().documents.get(name)

    def projection(self, filters: Filters) -> list[Relation]:
        snap = self._current()
        adjacency, table = snap.adjacency, snap.table
        mask = adjacency.mask(filters)
        numbers = np.arange(len(table), dtype=np.int64)
        keep = np.ones(len(table), dtype=bool)
        if mask.types is not None:
            keep &= mask.types[table.type]
        if mask.min_confidence is not None:
            keep &= table.confidence >= mask.min_confidence
        if mask.since is not None or mask.until is not None:
            keep &= table.year != NO_YEAR
            if mask.since is not None:
                keep &= table.year >= mask.since
            if mask.until is not None:
                keep &= table.year <= mask.until
        if mask.actor_types is not None:
            keep &= adjacency.enterable(table.source, mask)
            keep &= adjacency.enterable(table.target, mask)
        return [table.relation(i, evidence=False) for i in numbers[keep].tolist()]

    def document_facts(self) -> list[DocumentFacts]:
        return document_facts(self._current().documents.values())

    def documents(self, min_confidence: float | None = None) -> list[DocumentSummary]:
        snap = self._current()
        return document_summaries(
            snap.documents.values(), snap.rows.values(), snap.table, min_confidence
        )

    def stats(self, min_confidence: float | None = None) -> Stats:
        """The graph's counts, computed once per loaded graph and floor: /health asks for
        them on every call, and at a million relations they take tens of milliseconds."""
        snap = self._current()
        counted = snap.counted.get(min_confidence)
        if counted is None:
            counted = snap.counted[min_confidence] = _counted(snap, min_confidence)
        return counted.model_copy(deep=True)  # the caller may change its copy

    def ping(self) -> None:
        self._current()

    def close(self) -> None:
        """Nothing to release: the file is only open while it is read or written."""


def _actor(snap: Snapshot, actor_id: str) -> Actor:
    row = snap.rows[actor_id]
    return trusted(
        Actor,
        id=row.id,
        name=row.name,
        type=row.type,
        aliases=list(row.aliases),
        identifiers=dict(row.identifiers),
        documents=list(row.documents),
        discovered=row.discovered,
    )


def _summary(snap: Snapshot, actor_id: str) -> ActorSummary:
    row = snap.rows[actor_id]
    return trusted(ActorSummary, id=row.id, name=row.name, type=row.type)


def _path(snap: Snapshot, route: list[int], mask: EdgeMask) -> Path:
    """The path along a route: each hop lists every passing relation joining its actors."""
    adjacency = snap.adjacency
    ids = [adjacency.ids[n] for n in route]
    hops = []
    for (here, there), (here_id, there_id) in zip(
        itertools.pairwise(route), itertools.pairwise(ids), strict=True
    ):
        relations = snap.table.relations(adjacency.relations_between(here, there, mask))
        hops.append(
            Hop(
                from_id=here_id,
                to_id=there_id,
                relations=sorted(relations, key=hop_relation_order),
            )
        )
    return Path(nodes=[_summary(snap, i) for i in ids], hops=hops)


def _counted(snap: Snapshot, min_confidence: float | None) -> Stats:
    adjacency, table = snap.adjacency, snap.table
    degrees = adjacency.degrees(min_confidence)
    order = np.lexsort((np.arange(len(degrees)), -degrees))[:10]
    top = [(int(degrees[n]), adjacency.ids[n]) for n in order.tolist() if degrees[n]]
    kept = table.passing(min_confidence)
    by_type = np.bincount(table.type[kept], minlength=len(table.types)).tolist()
    return Stats(
        actors=len(snap.rows),
        relations=int(np.count_nonzero(kept)),
        documents=len(snap.documents),
        evidence=int(np.diff(table.evidence_ptr)[kept].sum()),
        actors_by_type=dict(sorted(Counter(row.type for row in snap.rows.values()).items())),
        relations_by_type={t: n for t, n in zip(table.types, by_type, strict=True) if n},
        most_connected=[RankedActor(**_summary(snap, n).model_dump(), degree=d) for d, n in top],
        min_confidence=min_confidence,
        hidden_relations=len(table) - int(np.count_nonzero(kept)),
    )
