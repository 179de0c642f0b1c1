"""What only the Neo4j backend does: the equivalent Cypher with a Neo4j Browser link, a driver
opened once by the app from the settings, and 503 then recovery when Neo4j goes away."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import neo4j

from api.app import create_app
from api.settings import Settings
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from tests.api.live_server import serve
from tests.api.tcp_proxy import TcpProxy
from tests.neo4j_server import Neo4jServer

BROWSER = "http://127.0.0.1:7474/browser/"


def _path_ids(records: list[neo4j.Record]) -> list[list[str]]:
    return [[node["id"] for node in record["p"].nodes] for record in records]


def _answer(store: Neo4jStore, path: str, params: dict[str, object]) -> dict[str, Any]:
    app = create_app(Settings(neo4j_browser_url=BROWSER), store=store)
    with serve(app) as server, server.client() as http:
        response = http.get(path, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_paths_answer_carries_cypher_that_gives_the_same_paths_and_a_browser_link(
    neo4j_api_store: Neo4jStore, neo4j_driver: neo4j.Driver, contract_graph: Graph
) -> None:
    neo4j_api_store.replace(contract_graph)
    body = _answer(
        neo4j_api_store,
        "/paths",
        {"source": "JICA", "target": "India", "k": 3, "max_hops": 3, "types": "FUNDS,LOCATED_IN"},
    )
    expected = [[n["id"] for n in p["nodes"]] for p in body["paths"]]
    assert expected == [["agency:jica", "project:mahsr", "country:IND"]]
    cypher = body["cypher"]
    assert cypher["parameters"]["source"] == "agency:jica"
    records, _, _ = neo4j_driver.execute_query(cypher["cypher"], cypher["parameters"])
    assert _path_ids(records) == expected

    link = urlsplit(cypher["browser_url"])
    assert f"{link.scheme}://{link.netloc}{link.path}" == BROWSER
    query = parse_qs(link.query)
    assert query["cmd"] == ["edit"]
    (inlined,) = query["arg"]
    assert "$" not in inlined and '"agency:jica"' in inlined
    records, _, _ = neo4j_driver.execute_query(inlined)  # what Browser runs on one click
    assert _path_ids(records) == expected

    params_link = parse_qs(urlsplit(cypher["browser_params_url"]).query)
    assert params_link["cmd"] == ["params"]
    assert params_link["arg"][0].startswith('{source: "agency:jica"')


def test_unfiltered_paths_cypher_walks_only_between_actors(
    neo4j_api_store: Neo4jStore, neo4j_driver: neo4j.Driver, contract_graph: Graph
) -> None:
    neo4j_api_store.replace(contract_graph)
    body = _answer(
        neo4j_api_store, "/paths", {"source": "JICA", "target": "India", "k": 3, "max_hops": 3}
    )
    expected = [[n["id"] for n in p["nodes"]] for p in body["paths"]]
    cypher = body["cypher"]
    records, _, _ = neo4j_driver.execute_query(cypher["cypher"], cypher["parameters"])
    assert _path_ids(records) == expected


def test_unfiltered_neighbourhood_cypher_reaches_the_same_actors(
    neo4j_api_store: Neo4jStore, neo4j_driver: neo4j.Driver, contract_graph: Graph
) -> None:
    neo4j_api_store.replace(contract_graph)
    body = _answer(neo4j_api_store, "/actors/JICA/neighbourhood", {"depth": 2})
    cypher = body["cypher"]
    records, _, _ = neo4j_driver.execute_query(cypher["cypher"], cypher["parameters"])
    reached = {ids[-1] for ids in _path_ids(records)}
    assert reached == {n["id"] for n in body["nodes"]} - {"agency:jica"}


def test_neighbourhood_answer_carries_cypher_reaching_the_same_actors(
    neo4j_api_store: Neo4jStore, neo4j_driver: neo4j.Driver, contract_graph: Graph
) -> None:
    neo4j_api_store.replace(contract_graph)
    body = _answer(
        neo4j_api_store, "/actors/country:JPN/neighbourhood", {"since": 2023, "until": 2023}
    )
    cypher = body["cypher"]
    assert cypher["parameters"]["since"] == 2023
    records, _, _ = neo4j_driver.execute_query(cypher["cypher"], cypher["parameters"])
    reached = {ids[-1] for ids in _path_ids(records)}
    assert reached == {n["id"] for n in body["nodes"]} - {"country:JPN"}
    assert reached == {"country:SAU", "country:UKR"}


def test_neo4j_going_away_is_503_and_the_service_recovers_by_itself(
    neo4j_server: Neo4jServer, neo4j_api_store: Neo4jStore, contract_graph: Graph
) -> None:
    neo4j_api_store.replace(contract_graph)
    bolt = urlsplit(neo4j_server.uri)
    proxy = TcpProxy((bolt.hostname or "127.0.0.1", bolt.port or 7687))
    proxy.start()
    settings = Settings(
        backend="neo4j",
        neo4j_uri=f"bolt://127.0.0.1:{proxy.port}",
        neo4j_user=neo4j_server.user,
        neo4j_password=neo4j_server.password,
        neo4j_database=neo4j_server.database,
    )
    try:
        with serve(create_app(settings)) as server, server.client() as http:
            health = http.get("/health").json()
            assert (health["backend"], health["actors"]) == ("neo4j", len(contract_graph.actors))

            proxy.stop()
            down = http.get("/health")
            assert down.status_code == 503
            assert down.json()["error"] == "StoreUnavailable"
            assert down.json()["backend"] == "neo4j"
            assert "neo4j-local" in down.json()["message"]
            for path in (
                "/actors/country:JPN",
                "/actors?q=Japan",
                "/paths?source=JICA&target=India",
            ):
                response = http.get(path)
                assert response.status_code == 503, response.text
                assert response.json()["error"] == "StoreUnavailable"

            proxy.start()
            assert http.get("/actors/country:JPN").json()["id"] == "country:JPN"
            assert http.get("/health").status_code == 200
    finally:
        proxy.stop()


def test_app_started_while_neo4j_is_down_answers_503_not_a_crash(
    neo4j_server: Neo4jServer,
) -> None:
    proxy = TcpProxy(("127.0.0.1", 9))  # never started: nothing listens on its port
    settings = Settings(
        backend="neo4j",
        neo4j_uri=f"bolt://127.0.0.1:{proxy.port}",
        neo4j_user=neo4j_server.user,
        neo4j_password=neo4j_server.password,
    )
    with serve(create_app(settings)) as server, server.client() as http:
        response = http.get("/actors/JICA/neighbourhood")
        assert response.status_code == 503
        assert response.json()["error"] == "StoreUnavailable"
