"""Loading into the real Neo4j server: idempotent, complete, and safe when a load dies midway."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections import Counter
from pathlib import Path

import neo4j
import pytest

from bench.synthetic_graph import synthetic_graph
from graph.errors import StoreUnavailable
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from graph.querying import Filters
from tests.neo4j_server import PROJECT, Connect, Neo4jServer

pytestmark = pytest.mark.neo4j


def _counted(driver: neo4j.Driver, query: str) -> dict[str, int]:
    return {r["name"]: r["n"] for r in driver.execute_query(query).records}


def _counts(driver: neo4j.Driver) -> dict[str, object]:
    """The graph in use (actors, documents, what links them), counted with plain Cypher."""
    labels = _counted(
        driver,
        "MATCH (n) WHERE n:Actor OR n:Document "
        "UNWIND labels(n) AS label RETURN label AS name, count(*) AS n",
    )
    rels = _counted(
        driver,
        "MATCH (a)-[r]->(b) WHERE (a:Actor OR a:Document) AND b:Actor "
        "RETURN type(r) AS name, count(*) AS n",
    )
    return {"labels": labels, "relationships": rels}


def _leftovers(driver: neo4j.Driver) -> int:
    """Nodes that are neither an actor nor a document in use (what a dead load staged)."""
    records = driver.execute_query(
        "MATCH (n) WHERE NOT n:Actor AND NOT n:Document AND NOT n:KizunaLoad RETURN count(n) AS n"
    ).records
    return int(records[0]["n"])


def _expected(graph: Graph) -> dict[str, object]:
    """The same counts, from the graph as the embedded store holds it."""
    labels = Counter(a.type for a in graph.actors)
    labels["Actor"] = len(graph.actors)
    if graph.documents:
        labels["Document"] = len(graph.documents)
    rels = Counter(r.type for r in graph.relations)
    mentions = sum(len(a.documents) for a in graph.actors)
    if mentions:
        rels["MENTIONS"] = mentions
    return {"labels": dict(labels), "relationships": dict(rels)}


@pytest.fixture
def embedded(tmp_path: Path) -> tuple[Path, Graph]:
    """A built embedded store file holding a synthetic graph of 500 actors, 3000 relations."""
    path = tmp_path / "graph.json"
    MemoryStore(path).replace(synthetic_graph(500, 3000, seed=11, documents=7))
    return path, MemoryStore(path).snapshot()


def test_counts_match_the_embedded_store_after_one_and_after_two_loads(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver, embedded: tuple[Path, Graph]
) -> None:
    _, graph = embedded
    neo4j_store.replace(graph, wipe=True)
    assert _counts(neo4j_driver) == _expected(graph)
    neo4j_store.replace(graph)
    assert _counts(neo4j_driver) == _expected(graph)
    assert neo4j_store.snapshot() == graph


def test_several_writers_in_small_batches_write_the_same_graph_as_one(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver, embedded: tuple[Path, Graph]
) -> None:
    _, graph = embedded
    for writers in (4, 1):
        store = Neo4jStore(neo4j_driver, neo4j_store.database, batch_size=50, writers=writers)
        store.load(graph, wipe=True)  # dozens of batches, shared hubs: writers contend
        assert _counts(neo4j_driver) == _expected(graph)
        assert store.snapshot() == graph
        assert _leftovers(neo4j_driver) == 0


def test_a_smaller_graph_replaces_a_larger_one_completely(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver, contract_graph: Graph
) -> None:
    neo4j_store.replace(synthetic_graph(300, 1000, seed=3, documents=4), wipe=True)
    neo4j_store.replace(contract_graph)
    assert _counts(neo4j_driver) == _expected(contract_graph)
    assert neo4j_store.snapshot() == contract_graph.normalised()


def _element_ids(driver: neo4j.Driver) -> dict[str, str]:
    records = driver.execute_query("MATCH (a:Actor) RETURN a.id AS id, elementId(a) AS element")
    return {r["id"]: r["element"] for r in records.records}


def test_reloading_the_same_graph_writes_nothing(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver, contract_graph: Graph
) -> None:
    neo4j_store.replace(contract_graph, wipe=True)
    before = _element_ids(neo4j_driver)
    report = neo4j_store.load(contract_graph)
    assert _element_ids(neo4j_driver) == before  # the very same nodes: nothing was rewritten
    assert (report.actors, report.relations) == (
        len(contract_graph.actors),
        len(contract_graph.relations),
    )
    assert report.deleted_actors == report.deleted_relations == 0
    assert neo4j_store.snapshot() == contract_graph.normalised()


def test_a_changed_graph_or_wipe_is_written_again(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver, contract_graph: Graph
) -> None:
    neo4j_store.replace(contract_graph, wipe=True)
    before = _element_ids(neo4j_driver)
    neo4j_store.load(contract_graph, wipe=True)
    assert not set(before.values()) & set(_element_ids(neo4j_driver).values())
    smaller = contract_graph.model_copy(update={"relations": contract_graph.relations[1:]})
    neo4j_store.load(smaller)
    assert neo4j_store.stats().relations == len(contract_graph.relations) - 1


def test_documents_mentioning_jica_are_one_match(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver
) -> None:
    records = neo4j_driver.execute_query(
        "MATCH (d:Document)-[:MENTIONS]->(:Actor {id: 'agency:jica'}) RETURN d.name AS name"
    ).records
    assert [r["name"] for r in records] == ["contract.txt"]


def test_each_actor_type_is_a_label_and_year_and_evidence_are_properties(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver
) -> None:
    record = neo4j_driver.execute_query(
        "MATCH (:Country {id: 'country:JPN'})-[r:SIGNED_MOC]->(:Country {id: 'country:DNK'}) "
        "RETURN r.year AS year, r.evidence_quotes AS quotes, r.evidence_docs AS docs"
    ).records[0]
    assert record["year"] == 2021
    assert record["quotes"] == ["Japan and Denmark signed a Memorandum of Cooperation in 2021."]
    assert record["docs"] == ["contract.txt"]


def test_a_load_that_fails_in_a_late_batch_leaves_the_previous_graph(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver, contract_graph: Graph
) -> None:
    big = synthetic_graph(400, 2000, seed=5, documents=3)
    written: list[int] = []

    class DyingStore(Neo4jStore):
        def after_batch(self, batches: int) -> None:
            written.append(batches)
            if batches == 25:  # actors and many relations are written by now
                raise RuntimeError("load killed midway")

    store = DyingStore(neo4j_driver, neo4j_contract_store.database, batch_size=100)
    with pytest.raises(RuntimeError, match="killed midway"):
        store.load(big)
    assert written[-1] == 25
    assert store.snapshot() == contract_graph.normalised()
    assert _counts(neo4j_driver) == _expected(contract_graph)
    assert [p.nodes[-1].id for p in store.paths("agency:jica", "country:IND", 3, 1, Filters())] == [
        "country:IND"
    ]
    assert _leftovers(neo4j_driver) == 0  # the failed load cleared what it had staged


_KILLED_LOADER = """
import time

from api.settings import Settings
from bench.synthetic_graph import synthetic_graph
from graph.neo4j_store import Neo4jStore

settings = Settings()  # the test's server, passed down in NEO4J_* variables
graph = synthetic_graph(2000, 20000, seed=9, documents=5)
driver = settings.neo4j_driver()


class ReportingStore(Neo4jStore):
    def after_batch(self, batches):
        print(f"batch {batches}", flush=True)
        if batches == 40:
            time.sleep(600)  # the test kills this process here, in the middle of the load


store = ReportingStore(driver, settings.neo4j_database, batch_size=200)
store.load(graph)
print("finished", flush=True)
"""


def test_a_loading_process_killed_midway_leaves_the_previous_graph(
    neo4j_contract_store: Neo4jStore,
    neo4j_driver: neo4j.Driver,
    neo4j_server: Neo4jServer,
    contract_graph: Graph,
) -> None:
    server = {
        "NEO4J_URI": neo4j_server.uri,
        "NEO4J_USER": neo4j_server.user,
        "NEO4J_PASSWORD": neo4j_server.password,
        "NEO4J_DATABASE": neo4j_server.database,
    }
    process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_LOADER],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **server, "PYTHONPATH": str(PROJECT)},
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if line.strip() == "batch 40":
                break
        else:
            pytest.fail("the loading process ended before it was killed")
        # Midway: the transaction holds actors and thousands of relations, uncommitted.
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert neo4j_contract_store.snapshot() == contract_graph.normalised()
    assert _counts(neo4j_driver) == _expected(contract_graph)
    assert neo4j_contract_store.search("JICA").hits[0].actor.id == "agency:jica"
    assert _leftovers(neo4j_driver) > 0  # the killed load's staged nodes, invisible to queries
    neo4j_contract_store.replace(contract_graph)  # the next load clears them
    assert _leftovers(neo4j_driver) == 0
    assert _counts(neo4j_driver) == _expected(contract_graph)


def test_constraints_and_indexes_exist(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver
) -> None:
    constraints = {
        r["name"]: (r["type"], r["labelsOrTypes"], r["properties"])
        for r in neo4j_driver.execute_query("SHOW CONSTRAINTS").records
    }
    assert constraints["actor_id"] == ("UNIQUENESS", ["Actor"], ["id"])
    assert constraints["document_name"] == ("UNIQUENESS", ["Document"], ["name"])
    indexes = {
        r["name"]: r
        for r in neo4j_driver.execute_query(
            "SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties, options"
        ).records
    }
    names = indexes["actor_names"]
    assert (names["type"], names["labelsOrTypes"], names["properties"]) == (
        "FULLTEXT",
        ["Actor"],
        ["name", "aliases"],
    )
    assert names["options"]["indexConfig"]["fulltext.analyzer"] == "standard-folding"
    assert names["state"] == "ONLINE"


def test_a_store_pointed_at_a_closed_port_raises_store_unavailable(
    neo4j_connect: Connect,
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = Neo4jStore(neo4j_connect(neo4j_uri=f"bolt://127.0.0.1:{port}"))
    with pytest.raises(StoreUnavailable, match="scripts/neo4j-local start"):
        store.get("country:JPN")
    with pytest.raises(StoreUnavailable):
        store.ping()
    with pytest.raises(StoreUnavailable):
        store.replace(Graph())


def test_wrong_password_raises_store_unavailable_naming_the_settings(
    neo4j_server: Neo4jServer, neo4j_connect: Connect
) -> None:
    driver = neo4j_connect(neo4j_password="not-the-password")
    with pytest.raises(StoreUnavailable, match="NEO4J_PASSWORD"):
        Neo4jStore(driver, neo4j_server.database).ping()
