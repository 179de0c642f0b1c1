"""MemoryStore: the embedded store, a networkx multigraph persisted to one JSON file.

The file is the canonical, normalised graph, so it is byte-identical for the same documents.
Writes go to a temporary file that replaces the old one only once complete (os.replace is
atomic), so a failed build leaves the previous graph as it was. A store opened by the API
notices when a build replaced its file and reloads it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set
from pathlib import Path as FsPath

import networkx as nx
from pydantic import ValidationError
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from graph.errors import StoreCorrupt, StoreUnavailable
from graph.files import write_atomically
from graph.levels import neighbourhood_levels
from graph.model import Actor, Document, Graph, Relation
from graph.paths import k_shortest_paths
from graph.querying import (
    LIMITS,
    Filters,
    edge_order,
    normalise_text,
    rank_search,
    typo_allowance,
)
from graph.resolve import not_found
from graph.views import (
    ActorDetail,
    ActorSummary,
    Neighbourhood,
    NeighbourhoodNode,
    Path,
    SearchPage,
    Stats,
)

__all__ = ["MemoryStore", "serialise"]


class MemoryStore:
    """A GraphStore held in memory, persisted to `path` (or nowhere when path is None)."""

    def __init__(self, path: FsPath | None = None) -> None:
        self.path = path
        self._stamp: int | None = None
        self._index(Graph())
        if path is not None and path.exists():
            self._reload()

    # --- persistence -------------------------------------------------------------------

    def replace(self, graph: Graph) -> None:
        normalised = graph.normalised()
        if self.path is not None:
            try:
                write_atomically(self.path, serialise(normalised))
                self._stamp = self.path.stat().st_mtime_ns
            except OSError as exc:
                raise StoreUnavailable(
                    f"Cannot write the store file {self.path}: {exc.strerror}. "
                    "Check that its folder exists and is writable."
                ) from exc
        self._index(normalised)

    def snapshot(self) -> Graph:
        self._refresh()
        return self._graph

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
            graph = Graph.model_validate_json(data)
        except ValidationError as exc:
            raise StoreCorrupt(
                f"The store file {self.path} is not a Kizuna graph ({exc.error_count()} errors). "
                "Rebuild it with `kizuna build`."
            ) from exc
        self._index(graph)
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

    def _index(self, graph: Graph) -> None:
        self._graph = graph
        self._actors = {a.id: a for a in graph.actors}
        self._nx: nx.MultiGraph = nx.MultiGraph()
        self._nx.add_nodes_from(self._actors)
        for relation in graph.relations:
            self._nx.add_edge(relation.source, relation.target, key=relation.key, relation=relation)
        self._by_name: dict[str, list[str]] = {}
        for actor in graph.actors:
            for name in {normalise_text(n) for n in (actor.name, *actor.aliases)}:
                self._by_name.setdefault(name, []).append(actor.id)
        self._names = list(self._by_name)
        self._documents = {d.name: d for d in graph.documents}

    def _incident(self, node: str) -> list[Relation]:
        return [data["relation"] for _, _, data in self._nx.edges(node, data=True)]

    def _summary(self, actor_id: str) -> ActorSummary:
        return ActorSummary.of(self._actors[actor_id])

    # --- queries -----------------------------------------------------------------------

    def get(self, actor_id: str) -> Actor | None:
        self._refresh()
        return self._actors.get(actor_id)

    def find_by_name(self, name: str) -> list[Actor]:
        self._refresh()
        ids = sorted(set(self._by_name.get(normalise_text(name), [])))
        return [self._actors[i] for i in ids]

    def search(
        self, query: str, actor_type: str | None = None, limit: int = 20, offset: int = 0
    ) -> SearchPage:
        self._refresh()
        hits = rank_search(query, self._candidates(normalise_text(query)), actor_type)
        page = [
            h.model_copy(update={"degree": self._nx.degree(h.actor.id)})
            for h in hits[offset : offset + limit]
        ]
        return SearchPage(total=len(hits), hits=page)

    def _candidates(self, wanted: str) -> list[Actor]:
        """Actors with a name that could score above zero: containing the query, or close to it."""
        if not wanted:
            return []
        names = {n for n in self._names if wanted in n}
        names.update(
            name
            for name, _, _ in process.extract(
                wanted, self._names, scorer=fuzz.ratio, score_cutoff=LIMITS.fuzzy_cutoff, limit=None
            )
        )
        allowed = typo_allowance(wanted)
        if allowed:
            names.update(
                name
                for name, _, _ in process.extract(
                    wanted,
                    self._names,
                    scorer=Levenshtein.distance,
                    score_cutoff=allowed,
                    limit=None,
                )
            )
        ids = sorted({i for name in names for i in self._by_name[name]})
        return [self._actors[i] for i in ids]

    def actor(self, actor_id: str) -> ActorDetail:
        actor = self.get(actor_id)
        if actor is None:
            raise not_found(self, actor_id)
        relations = sorted(self._incident(actor_id), key=edge_order)
        related = sorted(
            {r.target if r.source == actor_id else r.source for r in relations} - {actor_id}
        )
        return ActorDetail(
            actor=actor, relations=relations, related=[self._summary(i) for i in related]
        )

    def neighbourhood(
        self, actor_id: str, depth: int, filters: Filters, limit: int
    ) -> Neighbourhood:
        centre = self.get(actor_id)
        if centre is None:
            raise not_found(self, actor_id)
        nodes, truncated = neighbourhood_levels(
            actor_id, depth, limit, lambda frontier, seen: self._step(frontier, seen, filters)
        )
        kept = {actor_id} | {n for _, n in nodes}
        edges = sorted(
            (
                data["relation"]
                for u, v, data in self._nx.subgraph(kept).edges(data=True)
                if filters.accepts(data["relation"])
            ),
            key=edge_order,
        )
        return Neighbourhood(
            center=ActorSummary.of(centre),
            nodes=[NeighbourhoodNode(actor=self._summary(n), depth=d) for d, n in nodes],
            edges=edges,
            truncated=truncated,
        )

    def _step(self, frontier: list[str], seen: Set[str], filters: Filters) -> set[str]:
        reached: set[str] = set()
        for node in frontier:
            for relation in self._incident(node):
                other = relation.target if relation.source == node else relation.source
                if (
                    other not in seen
                    and filters.accepts(relation)
                    and filters.accepts_actor(self._actors[other].type)
                ):
                    reached.add(other)
        return reached

    def paths(
        self, source: str, target: str, max_hops: int, k: int, filters: Filters
    ) -> list[Path]:
        for ref in (source, target):
            if self.get(ref) is None:
                raise not_found(self, ref)
        return k_shortest_paths(source, target, max_hops, k, filters, self._incident, self._summary)

    def document(self, name: str) -> Document | None:
        self._refresh()
        return self._documents.get(name)

    def projection(self, filters: Filters) -> list[Relation]:
        self._refresh()
        return [
            r.model_copy(update={"evidence": []})
            for r in self._graph.relations
            if filters.accepts(r) and self._accepts_ends(r, filters)
        ]

    def _accepts_ends(self, relation: Relation, filters: Filters) -> bool:
        return filters.accepts_actor(self._actors[relation.source].type) and filters.accepts_actor(
            self._actors[relation.target].type
        )

    def stats(self) -> Stats:
        graph = self.snapshot()
        degree = sorted((-d, n) for n, d in self._nx.degree() if d)[:10]
        return Stats(
            actors=len(graph.actors),
            relations=len(graph.relations),
            documents=len(graph.documents),
            evidence=sum(len(r.evidence) for r in graph.relations),
            actors_by_type=dict(sorted(Counter(a.type for a in graph.actors).items())),
            relations_by_type=dict(sorted(Counter(r.type for r in graph.relations).items())),
            most_connected=[(self._summary(n), -d) for d, n in degree],
        )

    def ping(self) -> None:
        self._refresh()

    def close(self) -> None:
        """Nothing to release: the file is only open while it is read or written."""


def serialise(graph: Graph) -> bytes:
    """The canonical bytes of a graph: sorted, indented JSON ending in a newline."""
    return (graph.normalised().model_dump_json(indent=1) + "\n").encode("utf-8")
