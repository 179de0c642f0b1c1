"""Kept per loaded graph on Neo4j, never stale after a load: the counts and the search index."""

from __future__ import annotations

import neo4j
import pytest

from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from tests.neo4j_server import Neo4jServer

pytestmark = pytest.mark.neo4j


@pytest.fixture
def another_process(neo4j_driver: neo4j.Driver, neo4j_server: Neo4jServer) -> Neo4jStore:
    """A second store over the same database, with nothing kept in common with `neo4j_store`:
    what another process loading the database would be."""
    return Neo4jStore(neo4j_driver, neo4j_server.database)


def test_counts_follow_a_graph_that_another_process_loaded(
    neo4j_store: Neo4jStore, another_process: Neo4jStore, contract_graph: Graph
) -> None:
    neo4j_store.replace(contract_graph, wipe=True)
    assert neo4j_store.stats().relations == len(contract_graph.relations)
    another_process.load(
        contract_graph.model_copy(update={"relations": contract_graph.relations[2:]})
    )
    assert neo4j_store.stats().relations == len(contract_graph.relations) - 2


def test_a_graph_without_a_recorded_load_is_counted_on_every_call(
    neo4j_store: Neo4jStore, neo4j_driver: neo4j.Driver, contract_graph: Graph
) -> None:
    neo4j_store.replace(contract_graph, wipe=True)
    neo4j_driver.execute_query("MATCH (m:KizunaLoad) DELETE m")
    assert neo4j_store.stats().relations == len(contract_graph.relations)
    neo4j_driver.execute_query(
        "MATCH (:Actor)-[r]->(:Actor) WHERE r.key = $key DELETE r",
        key=contract_graph.relations[0].key,
    )
    assert neo4j_store.stats().relations == len(contract_graph.relations) - 1


def test_a_caller_changing_its_counts_changes_nothing_kept(
    neo4j_contract_store: Neo4jStore,
) -> None:
    neo4j_contract_store.stats().actors_by_type["Country"] = -1
    assert neo4j_contract_store.stats().actors_by_type.get("Country", 0) >= 0


def test_a_search_after_another_process_switched_in_a_graph_answers_from_that_graph(
    neo4j_store: Neo4jStore, another_process: Neo4jStore, contract_graph: Graph
) -> None:
    neo4j_store.replace(contract_graph, wipe=True)
    assert [h.actor.id for h in neo4j_store.search("JICA").hits][:1] == ["agency:jica"]
    without_jica = contract_graph.model_copy(
        update={
            "actors": [a for a in contract_graph.actors if a.id != "agency:jica"],
            "relations": [
                r for r in contract_graph.relations if "agency:jica" not in (r.source, r.target)
            ],
        }
    )
    another_process.load(without_jica)
    assert "agency:jica" not in [h.actor.id for h in neo4j_store.search("JICA").hits]
    japan = neo4j_store.search("Japan").hits[0]
    assert japan.actor.id == "country:JPN"
    assert japan.degree == sum(
        (r.source == "country:JPN") + (r.target == "country:JPN") for r in without_jica.relations
    )
