"""Reloads that write only what changed: the same database as a full load, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import neo4j
import pytest

from bench.synthetic_graph import synthetic_graph
from graph import cypher
from graph.memory_store import MemoryStore
from graph.model import Evidence, Graph
from graph.neo4j_store import Neo4jStore
from tests.neo4j.test_neo4j_server import _kizuna
from tests.neo4j_server import Neo4jServer

pytestmark = pytest.mark.neo4j

Change = Callable[[Graph], Graph]


def _dump(driver: neo4j.Driver) -> tuple[list[str], list[str]]:
    """Every node (labels and properties) and every relationship (ends, type, properties) of
    the database, element ids left out, in a canonical order. The load's generation is left
    out too: each load that writes draws a new one."""
    nodes = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, n {.*, generation: null} AS props"
    ).records
    relationships = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.name) AS source, type(r) AS type, "
        "coalesce(b.id, b.name) AS target, properties(r) AS props"
    ).records
    return (
        sorted(repr((sorted(r["labels"]), sorted(r["props"].items()))) for r in nodes),
        sorted(
            repr((r["source"], r["type"], r["target"], sorted(r["props"].items())))
            for r in relationships
        ),
    )


def _base() -> Graph:
    return synthetic_graph(300, 1500, seed=21, documents=4).normalised()


def _with(graph: Graph, **update: Any) -> Graph:
    return graph.model_copy(update=update)


def _add(graph: Graph) -> Graph:
    """A new actor with two relations, and a new relation between actors in use."""
    actor = graph.actors[5].model_copy(update={"id": "company:syn-new", "name": "Newco Lab"})
    made = [
        graph.relations[0].model_copy(update={"source": actor.id}),
        graph.relations[1].model_copy(update={"target": actor.id}),
        graph.relations[2].model_copy(update={"year": 1901}),
    ]
    return _with(graph, actors=[*graph.actors, actor], relations=[*graph.relations, *made])


def _remove_relations(graph: Graph) -> Graph:
    """Every tenth relation gone."""
    return _with(graph, relations=[r for i, r in enumerate(graph.relations) if i % 10])


def _change_a_relation_property(graph: Graph) -> Graph:
    relations = list(graph.relations)
    relations[7] = relations[7].model_copy(update={"confidence": 0.5, "rule": "edited"})
    return _with(graph, relations=relations)


def _change_evidence(graph: Graph) -> Graph:
    relations = list(graph.relations)
    other: Evidence = relations[9].evidence[0]
    relations[8] = relations[8].model_copy(update={"evidence": [*relations[8].evidence, other]})
    return _with(graph, relations=relations)


def _change_an_actor_type(graph: Graph) -> Graph:
    actors = list(graph.actors)
    index = next(i for i, a in enumerate(actors) if a.type == "Company")
    actors[index] = actors[index].model_copy(update={"type": "University", "name": "Renamed"})
    return _with(graph, actors=actors)


def _remove_an_actor_with_its_relations(graph: Graph) -> Graph:
    gone = graph.relations[3].source
    return _with(
        graph,
        actors=[a for a in graph.actors if a.id != gone],
        relations=[r for r in graph.relations if gone not in (r.source, r.target)],
    )


def _remove_a_document(graph: Graph) -> Graph:
    return _with(graph, documents=graph.documents[1:])


CHANGES: dict[str, Change] = {
    "additions": _add,
    "removed relations": _remove_relations,
    "a changed relation property": _change_a_relation_property,
    "a changed evidence": _change_evidence,
    "an actor whose type changed": _change_an_actor_type,
    "an actor removed with its relations": _remove_an_actor_with_its_relations,
    "a removed document": _remove_a_document,
}


def _all(graph: Graph) -> Graph:
    for change in CHANGES.values():
        graph = change(graph)
    return graph


@pytest.mark.parametrize("change", [*CHANGES.values(), _all], ids=[*CHANGES, "all at once"])
def test_a_delta_leaves_the_same_database_as_a_full_load(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver, change: Change
) -> None:
    base = _base()
    changed = change(base).normalised()
    neo4j_store.load(base, wipe=True)
    report = neo4j_store.load(changed)
    assert report.mode == "delta"
    after_delta = _dump(neo4j_driver)
    snapshot = neo4j_store.snapshot()

    neo4j_store.load(changed, wipe=True)  # staged whole and switched in
    assert _dump(neo4j_driver) == after_delta
    assert snapshot == neo4j_store.snapshot() == changed
    assert (report.actors, report.relations) == (len(changed.actors), len(changed.relations))


def test_a_delta_writes_and_reports_only_what_changed(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver
) -> None:
    base = _base()
    neo4j_store.load(base, wipe=True)
    elements = "MATCH (a:Actor) RETURN a.id AS id, elementId(a) AS element"
    before = {r["id"]: r["element"] for r in neo4j_driver.execute_query(elements).records}

    report = neo4j_store.load(_add(base))
    after = {r["id"]: r["element"] for r in neo4j_driver.execute_query(elements).records}
    assert {k: after[k] for k in before} == before  # the actors in use were not rewritten
    assert (report.mode, report.written_actors, report.written_relations) == ("delta", 1, 3)
    assert (report.deleted_actors, report.deleted_relations) == (0, 0)

    removed = _remove_an_actor_with_its_relations(_add(base))
    gone = len(_add(base).relations) - len(removed.relations)
    report = neo4j_store.load(removed)
    assert (report.mode, report.written_actors, report.written_relations) == ("delta", 0, 0)
    assert (report.deleted_actors, report.deleted_relations) == (1, gone)

    assert neo4j_store.load(removed).mode == "unchanged"


def test_each_load_that_writes_draws_a_new_generation_and_an_unchanged_one_keeps_it(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver
) -> None:
    def generation() -> str:
        query = "MATCH (m:KizunaLoad {name: 'graph'}) RETURN m.generation AS generation"
        value = neo4j_driver.execute_query(query).records[0]["generation"]
        assert isinstance(value, str)
        return value

    base = _base()
    neo4j_store.load(base, wipe=True)
    seen = [generation()]
    assert neo4j_store.load(base).mode == "unchanged"
    assert generation() == seen[-1]
    assert neo4j_store.load(_add(base)).mode == "delta"
    seen.append(generation())
    assert neo4j_store.load(_add(base), wipe=True).mode == "full"
    seen.append(generation())
    assert len(set(seen)) == 3


def test_a_change_of_most_of_the_graph_is_staged_and_switched_in_whole(
    neo4j_store: Neo4jStore, contract_graph: Graph
) -> None:
    neo4j_store.load(contract_graph, wipe=True)
    report = neo4j_store.load(_base())
    assert (report.mode, report.written_relations) == ("full", len(_base().relations))
    assert report.deleted_actors == len(contract_graph.actors)


def test_a_database_written_without_digests_is_loaded_whole_once(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver
) -> None:
    base = _base()
    neo4j_store.load(base, wipe=True)
    # What a load of the earlier layout left: the same graph, no digest on any item.
    neo4j_driver.execute_query("MATCH (a:Actor) REMOVE a.digest")
    neo4j_driver.execute_query("MATCH (:Actor)-[r]->(:Actor) REMOVE r.digest")
    changed = _change_a_relation_property(base)
    assert neo4j_store.load(changed).mode == "full"
    assert neo4j_store.load(_remove_relations(changed)).mode == "delta"
    assert neo4j_store.snapshot() == _remove_relations(changed).normalised()


def test_a_delta_that_fails_before_it_commits_leaves_the_previous_graph(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = _base()
    neo4j_store.load(base, wipe=True)
    before = _dump(neo4j_driver)
    run = neo4j.ManagedTransaction.run

    def dying_run(tx: neo4j.ManagedTransaction, query: str, *args: Any, **kw: Any) -> Any:
        # Every write of the delta has run in the transaction; the server is lost before
        # the digest is recorded and the transaction commits.
        if query == cypher.RECORD_DIGEST:
            raise RuntimeError("connection lost before the commit")
        return run(tx, query, *args, **kw)

    monkeypatch.setattr(neo4j.ManagedTransaction, "run", dying_run)
    with pytest.raises(RuntimeError, match="before the commit"):
        neo4j_store.load(_all(base))
    monkeypatch.undo()

    assert _dump(neo4j_driver) == before
    assert neo4j_store.snapshot() == base
    report = neo4j_store.load(_all(base))  # the next load applies it
    assert report.mode == "delta"
    assert neo4j_store.snapshot() == _all(base).normalised()


def test_kizuna_neo4j_load_says_what_it_wrote(
    neo4j_server: Neo4jServer, contract_graph: Graph, tmp_path: Path
) -> None:
    store_file = tmp_path / "graph.json"
    MemoryStore(store_file).replace(contract_graph)
    first = _kizuna(neo4j_server, "neo4j", "load", "--wipe", "--store", str(store_file))
    assert "wrote 13 actors and 13 relations (the whole graph)" in first.stdout, first.stdout
    again = _kizuna(neo4j_server, "neo4j", "load", "--store", str(store_file))
    assert "wrote nothing (the graph in use is the same)" in again.stdout, again.stdout
    smaller = contract_graph.normalised()
    MemoryStore(store_file).replace(_with(smaller, relations=smaller.relations[1:]))
    delta = _kizuna(neo4j_server, "neo4j", "load", "--store", str(store_file))
    assert delta.returncode == 0, delta.stderr + delta.stdout
    assert (
        "wrote 0 actors and 0 relations (only what changed); "
        "removed 0 actors, 1 relation and 0 documents"
    ) in delta.stdout
