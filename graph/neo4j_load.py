"""Loading a whole graph into Neo4j: staged in batches, switched in by one transaction.

The new graph is written beside the one in use, in batches of `UNWIND $rows`, each its own
transaction (memory stays bounded however large the graph; relationships are written by several
sessions at once); one short transaction then retires the old graph and promotes the new one. A
load that fails anywhere before the switch leaves the previous graph as it was, and the next
load clears what it staged. A digest of the switched-in graph lets an unchanged graph be skipped.

A reload that changes little is a delta instead: every actor and relation in the database
carries a digest of what was written for it (`graph.neo4j_props`), the load reads them, and
when the difference is small it writes only that, in one transaction (all or nothing, as the
switch). A large difference, a database written by an older layout, or a wipe is loaded whole.
"""

from __future__ import annotations

import contextlib
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from graph import cypher
from graph.collector import collector_paused
from graph.model import Actor, Document, Graph, Relation
from graph.neo4j_props import (
    ACTOR_CORE,
    GraphDigests,
    actor_props,
    graph_digests,
    relation_props,
)
from graph.schema import domain_schema

__all__ = [
    "ACTOR_CORE",
    "DELTA_LIMIT",
    "Delta",
    "InUse",
    "LoadReport",
    "StagedLoad",
    "actor_props",
    "graph_delta",
    "graph_digest",
    "load_report",
    "relation_props",
]

_T = TypeVar("_T")
DELTA_LIMIT = 50_000
"""The most items (actors, relations, documents written or deleted) a reload writes as a
delta, in one transaction; a larger change, or one of more than half the graph, is staged
and switched in whole."""

LoadMode = Literal["unchanged", "delta", "full"]


@dataclass(frozen=True)
class LoadReport:
    """What one load changed: counts in the store after it, how many stale items went, how
    many actors and relations it wrote, and how (`unchanged`, `delta` or `full`)."""

    actors: int
    relations: int
    documents: int
    mentions: int
    deleted_actors: int
    deleted_relations: int
    deleted_documents: int
    mode: LoadMode = "full"
    written_actors: int = 0
    written_relations: int = 0


def _batches(rows: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def load_report(
    graph: Graph,
    removed: tuple[int, int, int],
    mode: LoadMode = "full",
    written: tuple[int, int] | None = None,
) -> LoadReport:
    """What a load of `graph` leaves in the store, how many actors, relations and documents
    it removed, and how many actors and relations it wrote (all of them when None)."""
    documents = {d.name for d in graph.documents}
    if written is None:
        written = (len(graph.actors), len(graph.relations))
    return LoadReport(
        actors=len(graph.actors),
        relations=len(graph.relations),
        documents=len(graph.documents),
        mentions=sum(len(set(a.documents) & documents) for a in graph.actors),
        deleted_actors=removed[0],
        deleted_relations=removed[1],
        deleted_documents=removed[2],
        mode=mode,
        written_actors=written[0],
        written_relations=written[1],
    )


def graph_digest(graph: Graph) -> str:
    """A digest of everything a load writes: equal digests mean an identical graph."""
    return graph_digests(graph).graph


@dataclass(frozen=True)
class InUse:
    """What the database holds, as a reload compares it: each actor's digest by id (None when
    an older layout wrote it), the actor each relation leaves by the relation's digest, and
    each document's content by name."""

    actors: dict[str, str | None]
    relations: dict[str | None, str]
    documents: dict[str, list[Any]]


@dataclass
class Delta:
    """The difference between the graph in use and a new one, as the rows a delta writes.

    A relation's digest covers its key (ends, type, year), so a relation in use whose digest
    the new graph lacks went or changed: it is deleted, and a changed one created again."""

    gone_relations: list[dict[str, str]]  # source, digest
    gone_actors: list[str]
    gone_documents: list[str]
    documents: list[dict[str, Any]]  # new or changed
    changed_actors: dict[str, list[dict[str, Any]]]  # by their (new) type
    new_actors: dict[str, list[dict[str, Any]]]  # by type
    mentions: list[dict[str, Any]]  # id, documents: the actors whose MENTIONS are rewritten
    new_relations: dict[str, list[dict[str, Any]]]  # source, target, props; by type

    @property
    def written_actors(self) -> int:
        return sum(map(len, self.changed_actors.values())) + sum(map(len, self.new_actors.values()))

    @property
    def written_relations(self) -> int:
        return sum(map(len, self.new_relations.values()))

    @property
    def size(self) -> int:
        """How many items the delta writes or deletes."""
        return (
            self.written_actors
            + self.written_relations
            + len(self.documents)
            + len(self.gone_actors)
            + len(self.gone_relations)
            + len(self.gone_documents)
        )


_DOCUMENT_KEYS = {key: key for key in ("text", "title", "source", "date")}
"""The document properties EXISTING_DOCUMENTS reads by parameter (`d[$title]`): a key that no
document holds yet (no title anywhere) is then no warning."""


def _document_content(document: Document) -> list[Any]:
    """What EXISTING_DOCUMENTS reads of a document: a changed text changes its sha256; its
    title, source and date are compared too (a store loaded before they were read has none)."""
    return [
        document.sha256,
        document.chars,
        document.words,
        len(document.text),
        document.title,
        document.source,
        document.date,
    ]


def graph_delta(graph: Graph, digests: GraphDigests, in_use: InUse, limit: int) -> Delta | None:
    """What turns the graph in use into `graph`; None when it writes or deletes more than
    `limit` items, or when an item in use has no digest (an older layout wrote it).

    Relations whose actors are not in `graph` are left out, as a full load leaves them out.
    """
    if None in in_use.actors.values() or None in in_use.relations:
        return None
    if abs(len(graph.relations) - len(in_use.relations)) > limit:
        return None

    documents = {d.name for d in graph.documents}
    changed_documents = [
        d.model_dump()
        for d in graph.documents
        if in_use.documents.get(d.name) != _document_content(d)
    ]
    new_documents = {d["name"] for d in changed_documents} - in_use.documents.keys()
    changed_actors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    new_actors: dict[str, list[dict[str, Any]]] = defaultdict(list)
    mentions: list[dict[str, Any]] = []
    written = len(changed_documents)
    for actor, digest in zip(graph.actors, digests.actors, strict=True):
        old = in_use.actors.get(actor.id)
        if old == digest and not (new_documents and new_documents & set(actor.documents)):
            continue
        if old is None:
            new_actors[actor.type].append(actor_props(actor, digest))
        elif old != digest:
            changed_actors[actor.type].append(actor_props(actor, digest))
        mentions.append({"id": actor.id, "documents": sorted(set(actor.documents) & documents)})
        written += 1
        if written > limit:
            return None

    ids = {a.id for a in graph.actors}
    gone_actors = sorted(in_use.actors.keys() - ids)
    relations, relation_digests = graph.relations, digests.relations
    # Set operations over a million digests, and a look at the few that differ: a loop in
    # Python over every relation cost seconds.
    digests_now = set(relation_digests)
    gone = in_use.relations.keys() - digests_now
    fresh = digests_now - in_use.relations.keys()
    if len(fresh) + written > limit:
        return None
    if gone_actors:  # relations of actors that went go too, even if the new graph lists them
        gone.update(
            d
            for r, d in zip(relations, relation_digests, strict=True)
            if d in in_use.relations and (r.source not in ids or r.target not in ids)
        )
    new_relations: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for index in [i for i, d in enumerate(relation_digests) if d in fresh] if fresh else []:
        relation = relations[index]
        if relation.source not in ids or relation.target not in ids:
            continue
        new_relations[relation.type].append(
            {
                "source": relation.source,
                "target": relation.target,
                "props": relation_props(relation, relation_digests[index]),
            }
        )
    gone_relations = [
        {"source": in_use.relations[digest], "digest": str(digest)}
        for digest in sorted(gone, key=str)
    ]
    delta = Delta(
        gone_relations=gone_relations,
        gone_actors=gone_actors,
        gone_documents=sorted(in_use.documents.keys() - documents),
        documents=changed_documents,
        changed_actors=dict(changed_actors),
        new_actors=dict(new_actors),
        mentions=mentions,
        new_relations=dict(new_relations),
    )
    return delta if delta.size <= limit else None


def _apply_delta(
    tx: neo4j.ManagedTransaction, delta: Delta, digest: str, batch_size: int
) -> list[str]:
    """Write `delta` and record the new graph's digest, in one transaction; the keys of the
    relations it deleted."""

    def write(query: str, rows: Sequence[Any]) -> list[neo4j.Record]:
        returned: list[neo4j.Record] = []
        for chunk in _batches(rows, batch_size):
            returned += tx.run(query, {"rows": list(chunk)})
        return returned

    deleted = [r["key"] for r in write(cypher.DELTA_DELETE_RELATIONS, delta.gone_relations)]
    write(cypher.DELTA_DELETE_ACTORS, delta.gone_actors)
    write(cypher.DELTA_DELETE_DOCUMENTS, delta.gone_documents)
    write(cypher.DELTA_WRITE_DOCUMENTS, delta.documents)
    for actor_type, rows in sorted(delta.changed_actors.items()):
        write(cypher.delta_update_actors(actor_type), rows)
    for actor_type, rows in sorted(delta.new_actors.items()):
        write(cypher.delta_create_actors(actor_type), rows)
    write(cypher.DELTA_DELETE_MENTIONS, [m["id"] for m in delta.mentions])
    write(cypher.DELTA_CREATE_MENTIONS, delta.mentions)
    for rel_type, rows in sorted(delta.new_relations.items()):
        write(cypher.delta_create_relations(rel_type), rows)
    tx.run(cypher.RECORD_DIGEST, {"digest": digest}).consume()
    return deleted


def _write_rows(tx: neo4j.ManagedTransaction, query: str, rows: list[Any]) -> list[neo4j.Record]:
    return list(tx.run(query, {"rows": rows}))


def _switch(tx: neo4j.ManagedTransaction, actor_types: list[str], digest: str) -> None:
    """Retire the graph in use and promote the staged one, in one transaction."""
    tx.run(cypher.retire_actors()).consume()
    tx.run(cypher.RETIRE_DOCUMENTS).consume()
    for actor_type in actor_types:
        tx.run(cypher.promote_actors(actor_type), {"type": actor_type}).consume()
    tx.run(cypher.PROMOTE_DOCUMENTS).consume()
    tx.run(cypher.RECORD_DIGEST, {"digest": digest}).consume()


class StagedLoad:
    """The statements of one load: stage in small transactions, switch in one, clean up."""

    def __init__(
        self,
        session: neo4j.Session,
        open_session: Callable[[], neo4j.Session],
        batch_size: int,
        writers: int,
        after_batch: Callable[[int], None],
        after_switch: Callable[[], None] = lambda: None,
    ) -> None:
        self.session = session
        self.open_session = open_session
        self.batch_size = batch_size
        self.writers = writers
        self.after_batch = after_batch
        self.after_switch = after_switch
        self.batches = 0

    def _auto(self, query: str, **params: Any) -> list[neo4j.Record]:
        return list(self.session.run(query, params))

    def _batched(self, query: str, rows: Sequence[Any]) -> list[neo4j.Record]:
        """Write `rows` in batches, each its own transaction; what the statement returns."""
        returned: list[neo4j.Record] = []
        for chunk in _batches(rows, self.batch_size):
            # execute_write retries a batch that meets a transient error (a deadlock with
            # another client's write): each batch is one transaction, so a retry is safe.
            returned += self.session.execute_write(_write_rows, query, list(chunk))
            self.batches += 1
            self.after_batch(self.batches)
        return returned

    def _parallel(self, work: list[tuple[str, Callable[[], list[Any]]]]) -> None:
        """Run (statement, rows) batches over `writers` sessions at once, each batch its own
        transaction; a batch's rows are built by its writer, while others wait on the server.

        The batches only create relationships between staged nodes, so their order does not
        matter. Two writers may deadlock on a shared node; execute_write retries the loser.
        When a batch fails (or `after_batch` raises), the batches not started are dropped and
        the running ones finish before the error goes on, so that nothing commits after it.
        """
        local = threading.local()
        sessions: list[neo4j.Session] = []

        def write(query: str, rows: Callable[[], list[Any]]) -> None:
            session = getattr(local, "session", None)
            if session is None:
                session = local.session = self.open_session()
                sessions.append(session)
            session.execute_write(_write_rows, query, rows())

        pool = ThreadPoolExecutor(max_workers=max(1, self.writers))
        try:
            for future in as_completed([pool.submit(write, q, rows) for q, rows in work]):
                future.result()
                self.batches += 1
                self.after_batch(self.batches)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            for session in sessions:
                session.close()

    def _in_use(self) -> InUse:
        """The digests of the graph in use, read in pages of 10,000 actors, each with the
        digests of the relations it starts (a few large records: the driver spends far more
        on each record than on each value)."""
        actors: dict[str, str | None] = {}
        relations: dict[str | None, str] = {}
        for page in self.session.run(cypher.EXISTING_GRAPH, {"page": 10_000}):
            for actor, digest, starts in zip(
                page["ids"], page["digests"], page["relations"], strict=True
            ):
                actors[actor] = digest
                relations.update(dict.fromkeys(starts, actor))
        documents = {
            r["name"]: r["content"]
            for r in self.session.run(cypher.EXISTING_DOCUMENTS, _DOCUMENT_KEYS)
        }
        return InUse(actors, relations, documents)

    @staticmethod
    def delta_limit(size: int) -> int:
        """The most items a reload into a graph of `size` items writes as a delta."""
        return min(DELTA_LIMIT, size // 2)

    def clear_leftovers_quietly(self) -> None:
        """After a failed load, drop what it staged if the server still answers."""
        with contextlib.suppress(Neo4jError, DriverError, OSError):
            self._auto(cypher.CLEAR_LEFTOVERS)

    def loaded_digest(self) -> str | None:
        """The digest of the graph in use, as the last load recorded it (None if unknown)."""
        records = self._auto(cypher.LOADED_DIGEST)
        return records[0]["digest"] if records else None

    def unchanged(self, graph: Graph) -> LoadReport:
        """The report of a load that found the same graph in use: it only clears what a load
        that died earlier staged."""
        self._auto(cypher.CLEAR_LEFTOVERS)
        return load_report(graph, removed=(0, 0, 0), mode="unchanged", written=(0, 0))

    def run(self, graph: Graph, wipe: bool, digests: GraphDigests) -> LoadReport:
        """Make `graph` the graph in use: as a delta when it differs little from it, else
        staged whole and switched in."""
        schema = domain_schema()
        relations = graph.relations
        digest = digests.graph
        for actor_type in {a.type for a in graph.actors}:
            cypher.label(actor_type)  # refuses a type the schema does not have
        for relation_type in {r.type for r in relations}:
            cypher.rel_type(relation_type)

        self._auto(cypher.CLEAR_LEFTOVERS)  # what a load that died earlier left behind
        size = len(graph.actors) + len(relations) + len(graph.documents)
        with collector_paused():
            in_use = self._in_use()
            delta = None if wipe else graph_delta(graph, digests, in_use, self.delta_limit(size))
        if delta is not None:
            deleted = self.session.execute_write(_apply_delta, delta, digest, self.batch_size)
            self.after_switch()
            rewritten = {
                row["props"]["key"] for rows in delta.new_relations.values() for row in rows
            }
            return load_report(
                graph,
                removed=(
                    len(delta.gone_actors),
                    len(set(deleted) - rewritten),
                    len(delta.gone_documents),
                ),
                mode="delta",
                written=(delta.written_actors, delta.written_relations),
            )
        old_actors, old_documents = set(in_use.actors), set(in_use.documents)
        old_keys = {r["key"] for r in self.session.run(cypher.EXISTING_RELATION_KEYS)}

        self._batched(cypher.STAGE_DOCUMENTS, [d.model_dump() for d in graph.documents])
        staged = self._batched(
            cypher.STAGE_ACTORS,
            [actor_props(a, d) for a, d in zip(graph.actors, digests.actors, strict=True)],
        )
        element = {r["id"]: r["element"] for r in staged}
        documents = {d.name for d in graph.documents}
        mentioning = [a for a in graph.actors if a.documents]
        by_type: dict[str, list[tuple[Relation, str]]] = defaultdict(list)
        for relation, relation_digest in zip(relations, digests.relations, strict=True):
            if relation.source in element and relation.target in element:
                by_type[relation.type].append((relation, relation_digest))

        def mention_rows(actors: Sequence[Actor]) -> Callable[[], list[Any]]:
            return lambda: [
                {"element": element[a.id], "documents": sorted(set(a.documents) & documents)}
                for a in actors
            ]

        def relation_rows(chunk: Sequence[tuple[Relation, str]]) -> Callable[[], list[Any]]:
            return lambda: [
                {
                    "source": element[r.source],
                    "target": element[r.target],
                    "props": relation_props(r, d),
                }
                for r, d in chunk
            ]

        work = [
            (cypher.STAGE_MENTIONS, mention_rows(chunk))
            for chunk in _batches(mentioning, self.batch_size)
        ]
        for rel_type, typed in sorted(by_type.items()):
            query = cypher.stage_relations(rel_type)
            work += [(query, relation_rows(chunk)) for chunk in _batches(typed, self.batch_size)]
        self._parallel(work)

        self.session.execute_write(_switch, sorted(schema.actor_types), digest)  # all or nothing
        self.after_switch()

        self._auto(cypher.CLEAR_LEFTOVERS)
        if wipe:
            self._auto(cypher.WIPE_FOREIGN)
        return load_report(
            graph,
            removed=(
                len(old_actors - {a.id for a in graph.actors}),
                len(old_keys - {r.key for r in relations}),
                len(old_documents - documents),
            ),
        )
