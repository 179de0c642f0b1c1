"""Neo4jStore: the GraphStore protocol over a Neo4j server, through the official driver.

It answers exactly as MemoryStore does. The searches run inside the database: a path query
first finds the routes of up to three hops from both ends at once (the actors one passing
relation from each end, and the relations between those two sets), and only when they are
fewer than k and longer routes are allowed asks Cypher's `SHORTEST ... GROUPS` search (both
ends bound, filters inside the pattern), which collapses Cypher's paths into routes through
distinct actors in the query itself; a neighbourhood asks for its first two levels in one
query and for each deeper level in one more, cut at the limit in the query. A search reads
the candidates a name index finds (`graph.name_index`, built once per loaded graph), and the
relations between hubs are kept per load (`graph.relation_cache`). The shared functions of
`graph.querying` rank, filter and order what comes back.

A load (`replace`) is staged and switched in by `graph.neo4j_load`: a load that fails anywhere
before the switch leaves the previous graph as it was. Every driver call goes through one
boundary, which translates driver errors (`graph.neo4j_errors`): into StoreUnavailable with
what to do about them, or, for a query the server refuses as wrong, into QueryFailed with an
error id, the Cypher going to the log only.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Set
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import neo4j
from neo4j.exceptions import DriverError, Neo4jError
from pydantic import BaseModel

from graph import cypher
from graph.collector import collector_paused
from graph.errors import KizunaError, QueryFailed, StoreUnavailable
from graph.levels import neighbourhood_levels
from graph.model import Actor, Document, Evidence, Graph, Relation
from graph.name_index import NameIndex, name_table
from graph.neo4j_errors import driver_failure
from graph.neo4j_load import ACTOR_CORE, LoadReport, StagedLoad, graph_digest, load_report
from graph.neo4j_props import graph_digests
from graph.querying import (
    Filters,
    Named,
    edge_order,
    hop_relation_order,
    normalise_text,
    search_page,
)
from graph.relation_cache import RelationCache
from graph.relation_table import trusted
from graph.resolve import not_found, require_known
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
    SearchHit,
    SearchPage,
    Stats,
)

__all__ = ["LoadReport", "Neo4jStore", "graph_digest", "lucene_escape"]

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_FULLTEXT_CANDIDATES = 1000
HUB_DEGREE = 500
"""Relationships (of any kind) that make an actor a hub, whose relations with other hubs the
store keeps built between answers (`RelationCache`)."""
_Model = TypeVar("_Model", bound=BaseModel)


@dataclass(frozen=True)
class _Names:
    """The name index of the graph whose digest is `digest`, and the actors it numbers."""

    digest: str
    actors: dict[str, Named]
    index: NameIndex


def _with_degrees(page: list[SearchHit], degrees: dict[str, int]) -> list[SearchHit]:
    return [h.model_copy(update={"degree": degrees[h.actor.id]}) for h in page]


def lucene_escape(text: str) -> str:
    """`text` with every Lucene query-syntax character escaped, so it is matched literally."""
    escaped = _LUCENE_SPECIAL.sub(r"\\\1", text)
    # Upper-case AND/OR/NOT are operators in Lucene's syntax; lower case is a plain word.
    return " ".join(w.lower() if w in {"AND", "OR", "NOT"} else w for w in escaped.split(" "))


def actor_from(props: dict[str, Any]) -> Actor:
    return Actor(
        id=props["id"],
        name=props["name"],
        type=props["type"],
        aliases=list(props.get("aliases") or []),
        documents=list(props.get("documents") or []),
        discovered=bool(props.get("discovered", False)),
        identifiers={k: str(v) for k, v in props.items() if k not in ACTOR_CORE},
    )


def _validated(model: type[_Model], **values: Any) -> _Model:
    """`model(**values)`: the validating counterpart of `relation_table.trusted`."""
    return model(**values)


def relation_from(
    source: str, target: str, rel_type: str, props: dict[str, Any], validate: bool = True
) -> Relation:
    """The relation of a record. Answers pass `validate=False`: what the database holds was
    validated when it was loaded, and a neighbourhood builds thousands of relations."""
    build = _validated if validate else trusted
    evidence = [
        build(Evidence, doc=d, quote=q, start=s, end=e)
        for d, q, s, e in zip(
            props.get("evidence_docs") or [],
            props.get("evidence_quotes") or [],
            props.get("evidence_starts") or [],
            props.get("evidence_ends") or [],
            strict=True,
        )
    ]
    return build(
        Relation,
        source=source,
        target=target,
        type=rel_type,
        year=props.get("year"),
        date=props.get("date"),
        date_precision=props.get("date_precision"),
        date_source=props.get("date_source"),
        rule=props.get("rule") or "",
        confidence=float(props.get("confidence", 1.0)),
        evidence=evidence,
        curated=bool(props.get("curated", False)),
    )


def _answer_relations(records: Iterable[Mapping[str, Any]]) -> list[Relation]:
    """The relations of records (source, target, type, props), for an answer."""
    return [
        relation_from(r["source"], r["target"], r["type"], r["props"], validate=False)
        for r in records
    ]


def _document_fields(record: dict[str, Any]) -> dict[str, Any]:
    """A document's facts as a record gives them (a fact never written comes as null)."""
    return {"title": None, "source": None, "date": None, **record}


def _filter_params(filters: Filters) -> dict[str, Any]:
    """The filters as query parameters, unset ones as null."""
    return {
        "relation_types": sorted(filters.relation_types) if filters.relation_types else None,
        "actor_types": sorted(filters.actor_types) if filters.actor_types else None,
        "since": filters.since,
        "until": filters.until,
        "min_confidence": filters.min_confidence,
    }


def _filtering(params: Mapping[str, Any]) -> cypher.Filtering:
    """Which of the filter parameters are set: the tests a statement is written with."""
    return frozenset(name for name, value in params.items() if value is not None)


class Neo4jStore:
    """A GraphStore held in a Neo4j database. The caller creates and closes the driver."""

    backend: Backend = "neo4j"

    def __init__(
        self,
        driver: neo4j.Driver,
        database: str = "neo4j",
        batch_size: int = 10_000,
        writers: int = 4,
        hub_degree: int = HUB_DEGREE,
    ):
        self.driver = driver
        self.database = database
        self.batch_size = batch_size
        self.writers = writers
        self.hub_degree = hub_degree
        self._hub_relations = RelationCache()
        self._schema_ready = False
        self._names: _Names | None = None
        self._names_lock = threading.Lock()
        self._counted: dict[float | None, tuple[str, Stats]] = {}

    # --- the boundary: every driver call goes through here ------------------------------

    @contextmanager
    def _boundary(self, what: str, statement: str | None = None) -> Iterator[None]:
        """Translate the driver's errors met while trying to do `what` (running `statement`,
        when one is named: it is logged with a refused query, never put in the message)."""
        try:
            yield
        except (DriverError, Neo4jError, OSError) as exc:
            raise driver_failure(exc, what, statement) from exc

    def _read(self, statement: str, what: str, **params: Any) -> list[neo4j.Record]:
        # An auto-commit query in a plain session: a server that is down fails at once
        # (execute_query would retry for half a minute before the user sees a 503).
        with (
            self._boundary(what, statement),
            self.driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS
            ) as session,
        ):
            return list(session.run(statement, params))

    # --- schema and loading -------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the constraints and indexes (IF NOT EXISTS: running it again is harmless)."""
        if self._schema_ready:
            return
        with (
            self._boundary("create the constraints and indexes"),
            self.driver.session(database=self.database) as session,
        ):
            for statement in cypher.schema_statements():
                session.run(statement).consume()
            session.run(cypher.AWAIT_INDEXES).consume()
        self._schema_ready = True

    def replace(self, graph: Graph, wipe: bool = False) -> None:
        self.load(graph, wipe=wipe)

    def load(self, graph: Graph, wipe: bool = False) -> LoadReport:
        """Make `graph` the whole content of the database; on failure the old graph stays.

        The new graph is staged in batches of `batch_size` rows, each its own transaction (so
        memory stays bounded however large the graph; `writers` sessions write the
        relationships at once), then one transaction switches it in.
        With `wipe`, nodes that Kizuna did not write go too. A graph whose digest equals the
        one last switched in is not written again (unless `wipe`); one that differs little is
        written as a delta, in one transaction (see `graph.neo4j_load`).
        """
        self.ensure_schema()
        digests = graph_digests(graph)
        try:
            with (
                self._boundary("load the graph"),
                self.driver.session(database=self.database) as session,
            ):
                loader = StagedLoad(
                    session,
                    lambda: self.driver.session(database=self.database),
                    self.batch_size,
                    self.writers,
                    self.after_batch,
                    self.after_switch,
                )
                if not wipe and loader.loaded_digest() == digests.graph:
                    return loader.unchanged(graph)
                try:
                    return loader.run(graph, wipe, digests)
                except Exception:
                    loader.clear_leftovers_quietly()
                    raise
        except (StoreUnavailable, QueryFailed) as exc:
            exc.message = f"{exc.message} {self._in_use_after_failure(digests.graph)}"
            exc.args = (exc.message,)
            raise

    def _in_use_after_failure(self, new_digest: str) -> str:
        """Which graph a failed load left in use, as Neo4j says when asked after it: the
        failure may have come after the switch (a crash just after it), or before."""
        try:
            now = self._loaded_digest("read which graph is in use")
        except KizunaError:
            return (
                "Whether the load had switched the new graph in before it failed cannot be "
                "told: Neo4j does not answer. Once it does, run the load again: it writes "
                "nothing if the new graph is in use, and finishes the job if not."
            )
        if now == new_digest:
            return (
                "The new graph is in use: the load had switched it in before it failed "
                "(Neo4j says so); nothing needs loading again."
            )
        return "The graph in use was not changed (Neo4j says so); run the load again."

    def imported(self, graph: Graph, digest: str | None = None) -> LoadReport:
        """Record `graph`, which an offline import has just written, as the graph in use (so
        that loading it again over Bolt writes nothing); the report of that import. `digest`
        is `graph_digest(graph)` when the caller computed it already (during the import)."""
        digest = digest or graph_digest(graph)
        with (
            self._boundary("record the imported graph"),
            self.driver.session(database=self.database) as session,
        ):
            session.run(cypher.RECORD_DIGEST, {"digest": digest}).consume()
        return load_report(graph, removed=(0, 0, 0))

    def warm(self, min_confidence: float | None = None) -> None:
        """Read what the first answers need, so that they come as fast as later ones: the
        pages of the indexes and relationships into Neo4j's page cache (cold after a start,
        partly after a load), the name index that searches use (built in this process), the
        counts /health reads, and Neo4j's plans of the questions asked at `min_confidence`
        (the API's floor) and no other filter (a search, an actor, a neighbourhood and paths
        around the most connected actors)."""
        for statement in cypher.WARM_UP:
            self._read(statement, "warm the page cache")
        self._name_index()
        top = [ranked.id for ranked in self.stats(min_confidence).most_connected[:2]]
        if not top:
            return
        floor = Filters(min_confidence=min_confidence)
        self.search(top[0], limit=10, min_confidence=min_confidence)
        self.actor(top[0], min_confidence)
        self.neighbourhood(top[0], 2, floor, 200)
        self.paths(top[0], top[-1], 3, 3, floor)

    def after_batch(self, batches: int) -> None:
        """Called after each committed batch of a load with the number so far; does nothing.

        A subclass may override it to watch a load, or (in tests) to stop one midway.
        """

    def after_switch(self) -> None:
        """Called once a load has switched the new graph in; does nothing.

        A subclass may override it to watch a load, or (in tests) to crash one right after
        its switch.
        """

    # --- queries ------------------------------------------------------------------------

    def snapshot(self) -> Graph:
        actors = [actor_from(r["actor"]) for r in self._read(cypher.ALL_ACTORS, "read the actors")]
        relations = [
            relation_from(r["source"], r["target"], r["type"], r["props"])
            for r in self._read(cypher.ALL_RELATIONS, "read the relations")
        ]
        documents = [
            Document(**r["document"]) for r in self._read(cypher.ALL_DOCUMENTS, "read documents")
        ]
        return Graph(actors=actors, relations=relations, documents=documents).normalised()

    def get(self, actor_id: str) -> Actor | None:
        records = self._read(cypher.ACTOR_BY_ID, "read an actor", id=actor_id)
        return actor_from(records[0]["actor"]) if records else None

    def _fulltext(self, query: str, what: str) -> list[Actor]:
        if not query.strip():
            return []
        records = self._read(cypher.FULLTEXT_ACTORS, what, query=query, limit=_FULLTEXT_CANDIDATES)
        return [actor_from(r["actor"]) for r in records]

    def find_by_name(self, name: str) -> list[Actor]:
        wanted = normalise_text(name)
        if not wanted:
            return []
        candidates = {
            a.id: a for a in self._fulltext(f'"{lucene_escape(wanted)}"', "look up a name")
        }
        exact = self._read(
            cypher.ACTORS_BY_EXACT_NAME, "look up a name", names=sorted({name, name.strip()})
        )
        candidates.update((a.id, a) for a in (actor_from(r["actor"]) for r in exact))
        found = [
            a
            for a in candidates.values()
            if any(normalise_text(n) == wanted for n in (a.name, *a.aliases))
        ]
        return sorted(found, key=lambda a: a.id)

    def _name_index(self) -> _Names | None:
        """The name index of the graph in use, built once per loaded graph (by its digest).

        Each search reads the digest the last load recorded (one small query): a graph that
        another process switched in makes the index be built again. A database without a
        recorded digest has no index (its searches read every name).
        """
        digest = self._loaded_digest("search actors")
        if digest is None:
            return None
        with self._names_lock:
            if self._names is None or self._names.digest != digest:
                actors = self._named_actors()
                index = NameIndex(name_table(actors), [a.id for a in actors])
                self._names = _Names(digest, {a.id: a for a in actors}, index)
            return self._names

    def generation(self) -> str | None:
        """The digest the last load recorded for the graph in use (None when none did): what
        is computed from the graph (the analytics) is kept under it."""
        return self._loaded_digest("read which graph is in use")

    def _loaded_digest(self, purpose: str) -> str | None:
        """The digest the last load recorded for the graph in use (None if none did)."""
        records = self._read(cypher.LOADED_DIGEST, purpose)
        digest: str | None = records[0]["digest"] if records else None
        return digest

    def _named_actors(self) -> list[Named]:
        """Every actor as the ranking reads it (id, name, type, aliases), in id order.

        Every field given: model_construct looks defaults up slowly."""
        return [
            Actor.model_construct(
                id=r["id"],
                name=r["name"],
                type=r["type"],
                aliases=list(r["aliases"] or []),
                identifiers={},
                documents=[],
                discovered=False,
            )
            for r in self._read(cypher.SEARCH_NAMES, "read the actors' names")
        ]

    def _search_candidates(self, wanted: str) -> list[Named]:
        """The actors with a name or alias that can score above zero for `wanted`, in id
        order: those the name index finds (graph.name_index, as the embedded store does)."""
        names = self._name_index()
        if names is None:
            return self._named_actors()
        return [names.actors[i] for i in names.index.candidates(wanted)]

    def search(
        self,
        query: str,
        actor_type: str | None = None,
        limit: int = 20,
        offset: int = 0,
        min_confidence: float | None = None,
    ) -> SearchPage:
        wanted = normalise_text(query)
        if not wanted:
            return SearchPage(total=0, hits=[])
        held = self._names
        if held is not None:
            candidates = [held.actors[i] for i in held.index.candidates(wanted)]
            total, page = search_page(query, candidates, actor_type, limit, offset)
            digest, degrees = self._degrees(page, min_confidence)
            if digest == held.digest:
                return SearchPage(total=total, hits=_with_degrees(page, degrees))
        total, page = search_page(query, self._search_candidates(wanted), actor_type, limit, offset)
        degrees = self._degrees(page, min_confidence)[1]
        return SearchPage(total=total, hits=_with_degrees(page, degrees))

    def _degrees(
        self, page: list[SearchHit], min_confidence: float | None
    ) -> tuple[str | None, dict[str, int]]:
        """The digest of the graph in use and the degrees of the hits' actors, in one query:
        a search from the name index it holds is one round trip, and it is answered again
        from a fresh index when another graph was switched in meanwhile."""
        ids = [h.actor.id for h in page]
        params = _filter_params(Filters(min_confidence=min_confidence))
        statement = cypher.search_degrees(_filtering(params))
        record = self._read(statement, "search actors", ids=ids, **params)[0]
        return record["digest"], dict(record["degrees"])

    def actor(self, actor_id: str, min_confidence: float | None = None) -> ActorDetail:
        actor = self.get(actor_id)
        if actor is None:
            raise not_found(self, actor_id)
        params = _filter_params(Filters(min_confidence=min_confidence))
        records = self._read(
            cypher.actor_relations(_filtering(params)),
            "read an actor's relations",
            id=actor_id,
            **params,
        )
        relations = sorted(_answer_relations(records), key=edge_order)
        related = sorted({r.other_end(actor_id) for r in relations} - {actor_id})
        return ActorDetail(actor=actor, relations=relations, related=self._summaries(related))

    def _summaries(self, ids: Iterable[str]) -> list[ActorSummary]:
        wanted = list(ids)
        if not wanted:
            return []
        records = self._read(cypher.ACTOR_SUMMARIES, "read actor names", ids=wanted)
        by_id = {r["id"]: ActorSummary(id=r["id"], name=r["name"], type=r["type"]) for r in records}
        return [by_id[i] for i in wanted]

    def neighbourhood(
        self, actor_id: str, depth: int, filters: Filters, limit: int
    ) -> Neighbourhood:
        params = _filter_params(filters)

        ahead: list[tuple[list[str], int]] = []

        def expand(frontier: list[str], placed: Set[str], wanted: int) -> tuple[list[str], int]:
            if frontier == [actor_id]:
                return self._first_levels(actor_id, depth, limit, ahead, params)
            if ahead:
                return ahead.pop()
            (record,) = self._read(
                cypher.neighbourhood_step(_filtering(params)),
                "expand a neighbourhood",
                frontier=frontier,
                placed=sorted(placed),
                wanted=wanted,
                **params,
            )
            return list(record["first"]), record["total"]

        # An unknown centre reaches nobody; the kept actors' names then lack it. Asking for it
        # first would cost a round trip on every neighbourhood.
        levels = neighbourhood_levels(actor_id, depth, limit, expand)
        kept = [actor_id, *(n for _, n in levels.nodes)]
        with collector_paused():
            (record,) = self._read(
                cypher.neighbourhood_edges(_filtering(params)),
                "read a neighbourhood's relations",
                kept=kept,
                hub_degree=self.hub_degree,
                **params,
            )
            edges = sorted(
                self._edge_relations(record["generation"], record["edges"]), key=edge_order
            )
        by_id = {a["id"]: ActorSummary(**a) for a in record["actors"]}
        if actor_id not in by_id:
            raise not_found(self, actor_id)
        return Neighbourhood(
            center=by_id[actor_id],
            nodes=[NeighbourhoodNode(actor=by_id[n], depth=d) for d, n in levels.nodes],
            edges=edges,
            truncated=levels.truncated,
            level_counts=levels.counts,
        )

    def _edge_relations(
        self, generation: str | None, edges: list[dict[str, Any]]
    ) -> list[Relation]:
        """The relations of a neighbourhood's edges: those that came whole, and those between
        hubs (which came bare) from the cache, the ones it lacks read by element id."""
        relations = _answer_relations(e for e in edges if e["props"] is not None)
        bare = [e for e in edges if e["props"] is None]
        if generation is None or not bare:
            return relations
        known = self._hub_relations.known(generation, bare)
        expected = {
            e["element"]: (e["source"], e["target"], e["type"])
            for e in bare
            if e["element"] not in known
        }
        if expected:
            (record,) = self._read(
                cypher.RELATIONS_BY_ELEMENT,
                "read a neighbourhood's relations",
                elements=sorted(expected),
            )
            # A load switched in meanwhile may have given an element id to another relation.
            read = [
                r
                for r in record["relations"]
                if expected[r["element"]] == (r["source"], r["target"], r["type"])
            ]
            built = dict(zip((r["element"] for r in read), _answer_relations(read), strict=True))
            if record["generation"] == generation:
                self._hub_relations.keep(generation, built)
            known.update(built)
        return relations + [known[e["element"]] for e in bare if e["element"] in known]

    def _first_levels(
        self,
        actor_id: str,
        depth: int,
        limit: int,
        ahead: list[tuple[list[str], int]],
        params: dict[str, Any],
    ) -> tuple[list[str], int]:
        """The first level of a neighbourhood, and its second one put `ahead` when the first
        leaves it room: one round trip for the two (`cypher.neighbourhood_two_steps`). Each
        is what `neighbourhood_levels` would ask for; an unknown centre reaches nobody."""
        records = self._read(
            cypher.neighbourhood_two_steps(_filtering(params)),
            "expand a neighbourhood",
            centre=actor_id,
            limit=limit,
            wanted=max(limit, 1),
            **params,
        )
        if not records:
            return [], 0
        (record,) = records
        if depth > 1 and record["expanded"]:
            room = max(limit - record["total1"], 1)
            ahead.append((list(record["first2"])[:room], record["total2"]))
        return list(record["first1"]), record["total1"]

    def paths(
        self, source: str, target: str, max_hops: int, k: int, filters: Filters
    ) -> list[Path]:
        known = self._summaries_of([source, target])
        require_known(self, [source, target], known)
        if source == target:
            return []
        routes = self._routes(source, target, max_hops, k, filters)
        return self._paths_along(routes, filters, known)

    def _routes(
        self, source: str, target: str, max_hops: int, k: int, filters: Filters
    ) -> list[list[str]]:
        """The first k routes: those of up to three hops met in the middle, and when they are
        fewer than k and longer routes are allowed, the bidirectional search of Cypher."""
        routes = self._short_routes(source, target, min(max_hops, 3), k, filters)
        if len(routes) >= k or max_hops <= 3:
            return routes
        return self._shortest_groups(source, target, max_hops, k, filters)

    def _short_routes(
        self, source: str, target: str, max_hops: int, k: int, filters: Filters
    ) -> list[list[str]]:
        """The first k routes of at most `max_hops` (<= 3) hops, in the canonical order.

        The actors one passing relation from each end give the routes of one and two hops;
        the passing relations between those two sets give the routes of three, each
        (here, there) pair once however many parallel relations join it.
        """
        params = _filter_params(filters)
        near = {
            r["end"]: r
            for r in self._read(
                cypher.ends_neighbours(_filtering(params)),
                "search paths",
                source=source,
                target=target,
                **params,
            )
        }
        ends = {source, target}
        from_source, from_target = set(near[source]["ids"]), set(near[target]["ids"])
        routes: list[list[str]] = [[source, target]] if target in from_source else []
        if max_hops >= 2:
            routes += [[source, x, target] for x in sorted((from_source & from_target) - ends)]
        if len(routes) >= k or max_hops < 3:
            return routes[:k]
        sides = [near[source], near[target]]
        wide = [
            [e for i, e in zip(side["ids"], side["elements"], strict=True) if i not in ends]
            for side in sides
        ]
        if not wide[0] or not wide[1]:
            return routes
        cheap = 0 if sides[0]["cost"] <= sides[1]["cost"] else 1
        records = self._read(
            cypher.middle_relations(_filtering(params)),
            "search paths",
            expand=wide[cheap],
            into=wide[1 - cheap],
            **params,
        )
        pairs = sorted(
            (r["here"], r["there"]) if cheap == 0 else (r["there"], r["here"]) for r in records
        )
        routes += [[source, a, b, target] for a, b in pairs]
        return routes[:k]

    def _shortest_groups(
        self, source: str, target: str, max_hops: int, k: int, filters: Filters
    ) -> list[list[str]]:
        """The first k routes, found in one query per group of path lengths.

        `SHORTEST g GROUPS` returns every path of the g shortest lengths; a group whose paths
        all revisit an actor holds no route, so when fewer than k routes come back and longer
        lengths remain, the search asks for one group more.
        """
        filtering = _filtering(_filter_params(filters))
        params = {"source": source, "target": target, "k": k, **_filter_params(filters)}
        groups = 1
        while True:
            statement = cypher.routes_query(max_hops, groups, filtering)
            (record,) = self._read(statement, "search paths", **params)
            routes: list[list[str]] = [list(r) for r in record["routes"]]
            lengths: list[int] = record["lengths"]
            if len(routes) >= k or len(lengths) < groups or max(lengths) >= max_hops:
                return routes
            groups += 1

    def _paths_along(
        self, routes: list[list[str]], filters: Filters, known: dict[str, ActorSummary]
    ) -> list[Path]:
        """Each route with its hops: every passing relation between consecutive actors, whole."""
        pairs = sorted({(a, b) for route in routes for a, b in itertools.pairwise(route)})
        between: dict[tuple[str, str], list[Relation]] = defaultdict(list)
        if pairs:
            params = _filter_params(filters)
            (record,) = self._read(
                cypher.hop_relations(_filtering(params)),
                "read the relations of the paths",
                pairs=[list(p) for p in pairs],
                **params,
            )
            hops = record["hops"]
            for r, relation in zip(hops, _answer_relations(hops), strict=True):
                between[(r["here"], r["there"])].append(relation)
        summaries = {**known, **self._summaries_of(sorted({n for r in routes for n in r}))}
        return [
            Path(
                nodes=[summaries[n] for n in route],
                hops=[
                    Hop(
                        from_id=a,
                        to_id=b,
                        relations=sorted(between[(a, b)], key=hop_relation_order),
                    )
                    for a, b in itertools.pairwise(route)
                ],
            )
            for route in routes
        ]

    def _summaries_of(self, ids: list[str]) -> dict[str, ActorSummary]:
        """The actors among `ids` that exist, by id."""
        records = self._read(cypher.ACTOR_SUMMARIES, "read actor names", ids=ids)
        return {r["id"]: ActorSummary(id=r["id"], name=r["name"], type=r["type"]) for r in records}

    def explain_neighbourhood(
        self, actor_id: str, depth: int, filters: Filters, limit: int
    ) -> tuple[str, dict[str, Any]]:
        """A Cypher query (and its parameters) that shows this neighbourhood in Browser."""
        params = {"id": actor_id, "limit": limit, **_filter_params(filters)}
        return cypher.explain_neighbourhood_query(depth), params

    def explain_paths(
        self, source: str, target: str, max_hops: int, k: int, filters: Filters
    ) -> tuple[str, dict[str, Any]]:
        """A Cypher query (and its parameters) that returns these paths, in the same order."""
        params = {"source": source, "target": target, "k": k, **_filter_params(filters)}
        return cypher.explain_paths_query(max_hops), params

    def document(self, name: str) -> Document | None:
        records = self._read(cypher.DOCUMENT_BY_NAME, "read a document", name=name)
        return Document(**records[0]["document"]) if records else None

    def projection(self, filters: Filters) -> list[Relation]:
        params = _filter_params(filters)
        records = self._read(
            cypher.projection(_filtering(params)), "read the relations to analyse", **params
        )
        return [relation_from(r["source"], r["target"], r["type"], r["props"]) for r in records]

    def document_facts(self) -> list[DocumentFacts]:
        records = self._read(cypher.DOCUMENT_FACTS, "list the documents")
        return [DocumentFacts(**_document_fields(r["document"])) for r in records]

    def documents(self, min_confidence: float | None = None) -> list[DocumentSummary]:
        params = _filter_params(Filters(min_confidence=min_confidence))
        records = self._read(
            cypher.document_summaries(_filtering(params)), "list the documents", **params
        )
        counts = dict(records[0]["counts"]) if records else {}
        return [
            DocumentSummary(
                **_document_fields(r["document"]),
                actors=r["actors"],
                relations=counts.get(r["document"]["name"], 0),
            )
            for r in records
        ]

    def stats(self, min_confidence: float | None = None) -> Stats:
        """The graph's counts, kept per loaded graph (by the digest its load recorded, one
        small query) and floor: counting reads every relationship, seconds at a million
        relations, and /health asks on every call. A graph without a recorded digest is
        counted anew."""
        digest = self._loaded_digest("count the graph")
        counted = self._counted.get(min_confidence)
        if digest is None or counted is None or counted[0] != digest:
            counted = (digest or "", self._count(min_confidence))
            if digest is not None:
                self._counted[min_confidence] = counted
        return counted[1].model_copy(deep=True)  # the caller may change its copy

    def _count(self, min_confidence: float | None) -> Stats:
        params = _filter_params(Filters(min_confidence=min_confidence))
        active = _filtering(params)
        actors_by_type = {
            r["type"]: r["n"] for r in self._read(cypher.COUNT_ACTORS_BY_TYPE, "count actors")
        }
        rel_records = self._read(
            cypher.count_relations_by_type(active), "count relations", **params
        )
        every = (
            rel_records
            if min_confidence is None
            else self._read(cypher.count_relations_by_type(frozenset()), "count relations")
        )
        documents = self._read(cypher.COUNT_DOCUMENTS, "count documents")[0]["n"]
        top = self._read(cypher.most_connected(active), "rank actors by degree", limit=10, **params)
        relations = sum(r["n"] for r in rel_records)
        return Stats(
            actors=sum(actors_by_type.values()),
            relations=relations,
            documents=documents,
            evidence=sum(r["evidence"] or 0 for r in rel_records),
            actors_by_type=dict(sorted(actors_by_type.items())),
            relations_by_type=dict(sorted((r["type"], r["n"]) for r in rel_records)),
            most_connected=[
                RankedActor(id=r["id"], name=r["name"], type=r["type"], degree=r["degree"])
                for r in top
            ],
            min_confidence=min_confidence,
            hidden_relations=sum(r["n"] for r in every) - relations,
        )

    def ping(self) -> None:
        with (
            self._boundary("answer a ping"),
            self.driver.session(database=self.database) as session,
        ):
            session.run(cypher.PING).consume()

    def close(self) -> None:
        """Nothing to release: the driver belongs to the caller, who closes it."""
