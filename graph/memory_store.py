"""MemoryStore: the embedded store, held in memory and persisted to one JSON file.

The file is the canonical, normalised graph, so it is byte-identical for the same documents.
Writes go to a temporary file that replaces the old one only once complete (os.replace is
atomic), so a failed build leaves the previous graph as it was. A store opened by the API
notices when a build replaced its file and reloads it.

Queries run on indexes built once per load: a compact CSR adjacency (graph.adjacency) for
neighbourhoods and paths, and a name index (graph.name_index) for search. networkx is not
needed to answer; it stays the model users export (graph.formats) and analyse.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Set
from pathlib import Path as FsPath

import msgspec
import numpy as np

from graph.adjacency import Adjacency, EdgeMask
from graph.errors import StoreCorrupt, StoreUnavailable
from graph.files import write_atomically
from graph.formats.store_file import (
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

__all__ = ["MemoryStore"]


class MemoryStore:
    """A GraphStore held in memory, persisted to `path` (or nowhere when path is None)."""

    backend: Backend = "memory"

    def __init__(self, path: FsPath | None = None) -> None:
        self.path = path
        self._stamp: int | None = None
        self._index(store_file(Graph()))
        if path is not None and path.exists():
            self._reload()

    # --- persistence -------------------------------------------------------------------

    def replace(self, graph: Graph) -> None:
        content = store_file(graph)
        if self.path is not None:
            try:
                write_atomically(self.path, encode_store(content))
                self._stamp = self.path.stat().st_mtime_ns
            except OSError as exc:
                raise StoreUnavailable(
                    f"Cannot write the store file {self.path}: {exc.strerror}. "
                    "Check that its folder exists and is writable."
                ) from exc
        self._index(content)

    def snapshot(self) -> Graph:
        """The whole graph, built on demand: exports and analyses ask for it, queries never."""
        self._refresh()
        table = self._table
        return Graph.model_construct(
            actors=[self._actor(i) for i in self._rows],
            relations=[table.relation(i) for i in range(len(table))],
            documents=list(self._documents.values()),
        )

    def _reload(self) -> None:
        assert self.path is not None
        try:
            stamp = self.path.stat().st_mtime_ns
            data = self.path.read_bytes()
        except OSError as exc:
            raise StoreUnavailable(
                f"Cannot read the store file {self.path}: {exc.strerror}. Run `kizuna build` first."
            ) from exc
        try:
            content = decode_store(data)
        except (msgspec.DecodeError, ValueError) as exc:
            raise StoreCorrupt(
                f"The store file {self.path} is not a Kizuna store of this version ({exc}). "
                "Rebuild it with `kizuna build`."
            ) from exc
        self._index(content)
        self._stamp = stamp

    def _refresh(self) -> None:
        if self.path is None:
            return
        try:
            stamp = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return
        if stamp != self._stamp:
            self._reload()

    def _index(self, content: StoreFile) -> None:
        """Hold the file's content: actors as the file's rows, documents as models, relations in
        columns; model objects of actors and relations are built for an answer only."""
        self._rows = {row.id: row for row in content.actors}
        self._documents = {
            d.name: Document.model_construct(**msgspec.structs.asdict(d)) for d in content.documents
        }
        previous = getattr(self, "_table", None)
        self._table = RelationTable(content)
        if previous is not None:
            previous.forget()
        self._adjacency = Adjacency(
            self._table.ids, [row.type for row in content.actors], self._table
        )
        self._names = NameIndex(name_columns(content), self._table.ids)
        self._stats: dict[float | None, Stats] = {}

    def _actor(self, actor_id: str) -> Actor:
        row = self._rows[actor_id]
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

    def _summary(self, actor_id: str) -> ActorSummary:
        row = self._rows[actor_id]
        return trusted(ActorSummary, id=row.id, name=row.name, type=row.type)

    def _number(self, actor_id: str) -> int:
        """The actor's number in the adjacency; ActorNotFound (with close matches) if unknown."""
        self._refresh()
        number = self._adjacency.number.get(actor_id)
        if number is None:
            raise not_found(self, actor_id)
        return number

    # --- queries -----------------------------------------------------------------------

    def get(self, actor_id: str) -> Actor | None:
        self._refresh()
        return self._actor(actor_id) if actor_id in self._rows else None

    def find_by_name(self, name: str) -> list[Actor]:
        self._refresh()
        return [self._actor(i) for i in self._names.exact(normalise_text(name))]

    def search(
        self,
        query: str,
        actor_type: str | None = None,
        limit: int = 20,
        offset: int = 0,
        min_confidence: float | None = None,
    ) -> SearchPage:
        self._refresh()
        candidates = [self._rows[i] for i in self._names.candidates(normalise_text(query))]
        total, hits = search_page(query, candidates, actor_type, limit, offset)
        adjacency = self._adjacency
        page = [
            h.model_copy(
                update={"degree": adjacency.degree(adjacency.number[h.actor.id], min_confidence)}
            )
            for h in hits
        ]
        return SearchPage(total=total, hits=page)

    def actor(self, actor_id: str, min_confidence: float | None = None) -> ActorDetail:
        node = self._number(actor_id)
        incident = self._adjacency.incident(node, min_confidence)
        relations = sorted(self._table.relations(incident), key=edge_order)
        related = sorted({r.other_end(actor_id) for r in relations} - {actor_id})
        return ActorDetail(
            actor=self._actor(actor_id),
            relations=relations,
            related=[self._summary(i) for i in related],
        )

    def neighbourhood(
        self, actor_id: str, depth: int, filters: Filters, limit: int
    ) -> Neighbourhood:
        centre = self._number(actor_id)
        adjacency = self._adjacency
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
            self._table.relations(np.unique(adjacency.relation[edges]).tolist()),
            key=edge_order,
        )
        ids = adjacency.ids
        return Neighbourhood(
            center=self._summary(actor_id),
            nodes=[
                trusted(NeighbourhoodNode, actor=self._summary(ids[n]), depth=d)
                for d, n in levels.nodes
            ],
            edges=relations,
            truncated=levels.truncated,
            level_counts=levels.counts,
        )

    def paths(
        self, source: str, target: str, max_hops: int, k: int, filters: Filters
    ) -> list[Path]:
        start, end = self._number(source), self._number(target)
        adjacency = self._adjacency
        mask = adjacency.mask(filters)
        routes = k_shortest_routes(adjacency, start, end, max_hops, k, mask)
        return [self._path(route, mask) for route in routes]

    def _path(self, route: list[int], mask: EdgeMask) -> Path:
        """The path along a route: each hop lists every passing relation joining its actors."""
        adjacency = self._adjacency
        ids = [adjacency.ids[n] for n in route]
        hops = []
        for (here, there), (here_id, there_id) in zip(
            itertools.pairwise(route), itertools.pairwise(ids), strict=True
        ):
            relations = self._table.relations(adjacency.relations_between(here, there, mask))
            hops.append(
                Hop(
                    from_id=here_id,
                    to_id=there_id,
                    relations=sorted(relations, key=hop_relation_order),
                )
            )
        return Path(nodes=[self._summary(i) for i in ids], hops=hops)

    def document(self, name: str) -> Document | None:
        self._refresh()
        return self._documents.get(name)

    def projection(self, filters: Filters) -> list[Relation]:
        self._refresh()
        adjacency, table = self._adjacency, self._table
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
        self._refresh()
        return document_facts(self._documents.values())

    def documents(self, min_confidence: float | None = None) -> list[DocumentSummary]:
        self._refresh()
        return document_summaries(
            self._documents.values(), self._rows.values(), self._table, min_confidence
        )

    def stats(self, min_confidence: float | None = None) -> Stats:
        """The graph's counts, computed once per loaded graph and floor: /health asks for
        them on every call, and at a million relations they take tens of milliseconds."""
        self._refresh()
        counted = self._stats.get(min_confidence)
        if counted is None:
            counted = self._stats[min_confidence] = self._counted(min_confidence)
        return counted.model_copy(deep=True)  # the caller may change its copy

    def _counted(self, min_confidence: float | None) -> Stats:
        adjacency, table = self._adjacency, self._table
        degrees = adjacency.degrees(min_confidence)
        order = np.lexsort((np.arange(len(degrees)), -degrees))[:10]
        top = [(int(degrees[n]), adjacency.ids[n]) for n in order.tolist() if degrees[n]]
        kept = table.passing(min_confidence)
        by_type = np.bincount(table.type[kept], minlength=len(table.types)).tolist()
        return Stats(
            actors=len(self._rows),
            relations=int(np.count_nonzero(kept)),
            documents=len(self._documents),
            evidence=int(np.diff(table.evidence_ptr)[kept].sum()),
            actors_by_type=dict(sorted(Counter(row.type for row in self._rows.values()).items())),
            relations_by_type={t: n for t, n in zip(table.types, by_type, strict=True) if n},
            most_connected=[RankedActor(**self._summary(n).model_dump(), degree=d) for d, n in top],
            min_confidence=min_confidence,
            hidden_relations=len(table) - int(np.count_nonzero(kept)),
        )

    def ping(self) -> None:
        self._refresh()

    def close(self) -> None:
        """Nothing to release: the file is only open while it is read or written."""
