"""Neo4j plans the path searches from the two bound ends, with the filters inside them: routes of
up to three hops meet in the middle by expanding one relation from each end, longer ones come
from a bidirectional search; every other read starts from an index seek. Never an exhaustive
expansion."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from graph import cypher
from graph.model import Graph
from graph.neo4j_store import Neo4jStore, _filter_params, _filtering
from graph.querying import Filters

pytestmark = pytest.mark.neo4j

_FILTERS = [
    Filters(),
    Filters.build(relation_types=["FUNDS", "SIGNED_MOC"], since=2000, until=2020),
    Filters.build(actor_types=["Country", "Project"], min_confidence=0.5),
]
_EXHAUSTIVE = {"AllNodesScan", "NodeByLabelScan", "VarLengthExpand(All)", "VarLengthExpand(Into)"}


def _operators(plan: Any) -> list[tuple[str, str]]:
    """(operator, details) of every operator of a plan, root first."""
    found = [(plan["operatorType"].split("@")[0], str(plan.get("args", {}).get("Details", "")))]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


def _explain(driver: neo4j.Driver, query: str, params: dict[str, Any]) -> list[tuple[str, str]]:
    with driver.session() as session:
        summary = session.run(f"EXPLAIN {query}", params).consume()
    return _operators(summary.plan)


@pytest.mark.parametrize("filters", _FILTERS)
@pytest.mark.parametrize("max_hops", [2, 3, 6])
def test_the_path_search_is_a_bidirectional_shortest_path_search_with_inline_filters(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver, filters: Filters, max_hops: int
) -> None:
    params = {"source": "agency:jica", "target": "country:IND", "k": 3, **_filter_params(filters)}
    active = _filtering(_filter_params(filters))
    operators = _explain(neo4j_driver, cypher.routes_query(max_hops, 2, active), params)
    names = [name for name, _ in operators]
    assert "StatefulShortestPath(Into)" in names
    assert not _EXHAUSTIVE & set(names)
    search = names.index("StatefulShortestPath(Into)")
    # Nothing filters the paths after the search: the filters are part of it.
    assert "Filter" not in names[:search]
    details = dict(operators)["StatefulShortestPath(Into)"]
    for name in ("relation_types", "since", "until", "min_confidence", "actor_types"):
        assert (f"${name}" in details) == (name in active), name


@pytest.mark.parametrize("filters", _FILTERS)
def test_short_routes_expand_one_relation_from_each_bound_end(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver, filters: Filters
) -> None:
    params = {"source": "agency:jica", "target": "country:IND", **_filter_params(filters)}
    active = _filtering(_filter_params(filters))
    names = [name for name, _ in _explain(neo4j_driver, cypher.ends_neighbours(active), params)]
    assert "NodeUniqueIndexSeek" in names
    assert names.count("Expand(All)") == 1  # one relation out of each end, no deeper
    assert not _EXHAUSTIVE & set(names)
    middle = {"expand": ["4:x:1"], "into": ["4:x:2"], **_filter_params(filters)}
    names = [name for name, _ in _explain(neo4j_driver, cypher.middle_relations(active), middle)]
    assert "NodeByElementIdSeek" in names
    assert names.count("Expand(All)") == 1  # the relations between the two ends' neighbours
    assert not _EXHAUSTIVE & set(names)


@pytest.mark.parametrize("filters", _FILTERS)
def test_neighbourhood_and_hop_reads_start_from_the_id_index(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver, filters: Filters
) -> None:
    active = _filtering(_filter_params(filters))
    reads: list[tuple[str, dict[str, Any]]] = [
        (
            cypher.neighbourhood_step(active),
            {"frontier": ["country:JPN"], "placed": [], "wanted": 5},
        ),
        (
            cypher.neighbourhood_two_steps(active),
            {"centre": "country:JPN", "limit": 5, "wanted": 5},
        ),
        (
            cypher.neighbourhood_edges(active),
            {"kept": ["country:JPN", "org:eu"], "hub_degree": 500},
        ),
        (cypher.hop_relations(active), {"pairs": [["country:JPN", "org:eu"]]}),
    ]
    for query, params in reads:
        operators = _explain(neo4j_driver, query, {**params, **_filter_params(filters)})
        names = [name for name, _ in operators]
        assert "NodeUniqueIndexSeek" in names, query
        # The one scan allowed reads the single node that records the load's generation.
        scans = [details for name, details in operators if name in _EXHAUSTIVE]
        assert all(":KizunaLoad" in details for details in scans), query


def test_relations_are_read_by_element_id_without_a_scan(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver
) -> None:
    operators = _explain(neo4j_driver, cypher.RELATIONS_BY_ELEMENT, {"elements": ["5:x:1"]})
    names = [name for name, _ in operators]
    assert "DirectedRelationshipByElementIdSeek" in names
    scans = [details for name, details in operators if name in _EXHAUSTIVE]
    assert len(scans) == 1 and ":KizunaLoad" in scans[0], scans


def test_search_degrees_come_from_the_degree_store_without_expanding_a_hub(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver
) -> None:
    operators = _explain(neo4j_driver, cypher.search_degrees(), {"ids": ["country:JPN", "org:eu"]})
    names = [name for name, _ in operators]
    assert "NodeUniqueIndexSeek" in names
    assert not {"Expand(All)", "Expand(Into)"} & set(names)
    # The one scan allowed reads the single node that records the loaded graph's digest.
    scans = [details for name, details in operators if name in _EXHAUSTIVE]
    assert len(scans) == 1 and ":KizunaLoad" in scans[0], scans


def test_degrees_count_each_relation_once_from_each_end_as_the_embedded_store_does(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver, contract_graph: Graph
) -> None:
    ids = sorted({r.source for r in contract_graph.relations})
    expected = {
        i: sum((r.source == i) + (r.target == i) for r in contract_graph.relations) for i in ids
    }
    record = neo4j_driver.execute_query(cypher.search_degrees(), ids=ids).records[0]
    assert dict(record["degrees"]) == expected
    assert record["digest"] is not None
