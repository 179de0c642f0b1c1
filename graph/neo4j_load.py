"""Loading a whole graph into Neo4j: staged in batches, switched in by one transaction.

The new graph is written beside the one in use, in batches of `UNWIND $rows`, each its own
transaction (memory stays bounded however large the graph; relationships are written by several
sessions at once); one short transaction then retires the old graph and promotes the new one. A
load that fails anywhere before the switch leaves the previous graph as it was, and the next
load clears what it staged. A digest of the switched-in graph lets an unchanged graph be skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from graph import cypher
from graph.errors import StoreUnavailable
from graph.formats.neo4j_csv import write_import_csv
from graph.model import Actor, Graph, Relation, relation_facts
from graph.schema import domain_schema

__all__ = [
    "BulkTimes",
    "ImportTarget",
    "LoadReport",
    "StagedLoad",
    "actor_props",
    "bulk_import",
    "graph_digest",
    "load_report",
    "relation_props",
]

_T = TypeVar("_T")
_CORE = ("id", "name", "type", "aliases", "documents", "discovered")
_LAYOUT = 1  # raise when the way a graph is written to Neo4j changes


@dataclass(frozen=True)
class LoadReport:
    """What one load changed: counts in the store after it, and how many stale items went."""

    actors: int
    relations: int
    documents: int
    mentions: int
    deleted_actors: int
    deleted_relations: int
    deleted_documents: int


def _batches(rows: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def actor_props(actor: Actor) -> dict[str, Any]:
    """An actor as node properties: identifiers become properties of their own."""
    props: dict[str, Any] = {k: v for k, v in actor.identifiers.items() if k not in _CORE}
    props.update(
        id=actor.id,
        name=actor.name,
        type=actor.type,
        aliases=sorted(set(actor.aliases)),
        documents=sorted(set(actor.documents)),
        discovered=actor.discovered,
    )
    return props


def relation_props(relation: Relation) -> dict[str, Any]:
    """A relation as relationship properties; evidence as parallel lists (no maps in Neo4j)."""
    return {
        "key": relation.key,
        **relation_facts(relation),
        "evidence_docs": [e.doc for e in relation.evidence],
        "evidence_quotes": [e.quote for e in relation.evidence],
        "evidence_starts": [e.start for e in relation.evidence],
        "evidence_ends": [e.end for e in relation.evidence],
    }


def load_report(graph: Graph, removed: tuple[int, int, int]) -> LoadReport:
    """What a load of `graph` leaves in the store, and how many actors, relations and
    documents it removed."""
    documents = {d.name for d in graph.documents}
    return LoadReport(
        actors=len(graph.actors),
        relations=len(graph.relations),
        documents=len(graph.documents),
        mentions=sum(len(set(a.documents) & documents) for a in graph.actors),
        deleted_actors=removed[0],
        deleted_relations=removed[1],
        deleted_documents=removed[2],
    )


def graph_digest(graph: Graph) -> str:
    """A digest of everything a load writes: equal digests mean an identical graph."""
    content = hashlib.sha256(f"kizuna-neo4j-layout-{_LAYOUT}\n".encode())
    content.update(graph.model_dump_json().encode("utf-8"))
    return content.hexdigest()


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
    ) -> None:
        self.session = session
        self.open_session = open_session
        self.batch_size = batch_size
        self.writers = writers
        self.after_batch = after_batch
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
        return load_report(graph, removed=(0, 0, 0))

    def run(self, graph: Graph, relations: list[Relation], wipe: bool, digest: str) -> LoadReport:
        schema = domain_schema()
        for actor in graph.actors:
            cypher.label(actor.type)  # refuses a type the schema does not have
        for relation in relations:
            cypher.rel_type(relation.type)

        self._auto(cypher.CLEAR_LEFTOVERS)  # what a load that died earlier left behind
        old_actors = {r["id"] for r in self._auto(cypher.EXISTING_ACTORS)}
        old_documents = {r["name"] for r in self._auto(cypher.EXISTING_DOCUMENTS)}
        old_keys = {r["key"] for r in self._auto(cypher.EXISTING_RELATION_KEYS)}

        self._batched(cypher.STAGE_DOCUMENTS, [d.model_dump() for d in graph.documents])
        staged = self._batched(cypher.STAGE_ACTORS, [actor_props(a) for a in graph.actors])
        element = {r["id"]: r["element"] for r in staged}
        documents = {d.name for d in graph.documents}
        mentioning = [a for a in graph.actors if a.documents]
        by_type: dict[str, list[Relation]] = defaultdict(list)
        for relation in relations:
            if relation.source in element and relation.target in element:
                by_type[relation.type].append(relation)

        def mention_rows(actors: Sequence[Actor]) -> Callable[[], list[Any]]:
            return lambda: [
                {"element": element[a.id], "documents": sorted(set(a.documents) & documents)}
                for a in actors
            ]

        def relation_rows(chunk: Sequence[Relation]) -> Callable[[], list[Any]]:
            return lambda: [
                {
                    "source": element[r.source],
                    "target": element[r.target],
                    "props": relation_props(r),
                }
                for r in chunk
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


class ImportTarget(Protocol):
    """What a bulk import needs of the store it fills (Neo4jStore)."""

    def ensure_schema(self) -> None: ...

    def imported(self, graph: Graph, digest: str | None = None) -> LoadReport: ...


@dataclass(frozen=True)
class BulkTimes:
    """Seconds from the start of a bulk import to the end of each of its stages."""

    written: float  # the CSV files (the server stops meanwhile)
    imported: float  # neo4j-admin import and the restarted server (the digest meanwhile)
    indexed: float  # constraints and indexes built
    recorded: float  # the digest recorded: the end


def _run_server(server: Path, env: dict[str, str] | None, *args: str) -> None:
    done = subprocess.run(
        [str(server), *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise StoreUnavailable(
            f"`scripts/neo4j-local {' '.join(args)}` failed:\n{done.stdout}{done.stderr}"
        )


def bulk_import(
    store: ImportTarget, graph: Graph, server: Path, env: dict[str, str] | None = None
) -> tuple[LoadReport, BulkTimes]:
    """Replace the content of the local server's database with `graph`, offline.

    The stages overlap where they can: the server shuts down while the CSV files are written
    (its shutdown is mostly waiting), and the digest is computed while neo4j-admin imports.
    The caller has checked that the import applies (the local server, an empty database or a
    wipe asked for); if writing the files fails, the server is started again, unchanged.

    Parameters
    ----------
    store
        The store on that server: it builds the constraints and indexes and records the graph.
    graph
        The graph to import.
    server
        The `scripts/neo4j-local` script that runs the server and the import.
    env
        The environment of the script (its KIZUNA_NEO4J_* variables); this process's if None.
    """
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="kizuna-import-") as folder,
        ThreadPoolExecutor(max_workers=1) as pool,
    ):
        stopping = subprocess.Popen(
            [str(server), "stop"],
            env=env if env is not None else dict(os.environ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            write_import_csv(graph, Path(folder))
        except BaseException:
            stopping.wait()
            with contextlib.suppress(StoreUnavailable):
                _run_server(server, env, "start")
            raise
        _, stop_errors = stopping.communicate()
        if stopping.returncode != 0:
            raise StoreUnavailable(f"`scripts/neo4j-local stop` failed:\n{stop_errors}")
        written = time.perf_counter() - started
        digest = pool.submit(graph_digest, graph)
        _run_server(server, env, "import", folder)
        imported = time.perf_counter() - started
        store.ensure_schema()
        indexed = time.perf_counter() - started
        report = store.imported(graph, digest.result())
    return report, BulkTimes(written, imported, indexed, time.perf_counter() - started)
