"""The local server as users meet it: Browser at /browser/, `kizuna neo4j load`, Cypher views."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import neo4j
import pytest

from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from graph.querying import Filters
from tests.neo4j_server import PROJECT, Neo4jServer

pytestmark = pytest.mark.neo4j


def test_neo4j_browser_is_served_at_browser(neo4j_server: Neo4jServer) -> None:
    response = httpx.get(f"{neo4j_server.http_url}/browser/", timeout=30)
    assert response.status_code == 200
    assert "<title>Neo4j Browser</title>" in response.text


def _kizuna(
    server: Neo4jServer, *args: str, uri: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in os.environ.items() if k != "NEO4J_BROWSER_URL"},
        "NEO4J_URI": uri or server.uri,
        "NEO4J_USER": server.user,
        "NEO4J_PASSWORD": server.password,
        "NEO4J_DATABASE": server.database,
        "COLUMNS": "200",
    }
    return subprocess.run(
        [str(Path(sys.executable).parent / "kizuna"), *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_kizuna_neo4j_load_pushes_the_built_graph(
    neo4j_server: Neo4jServer, neo4j_driver: neo4j.Driver, contract_graph: Graph, tmp_path: Path
) -> None:
    store_file = tmp_path / "graph.json"
    MemoryStore(store_file).replace(contract_graph)
    done = _kizuna(neo4j_server, "neo4j", "load", "--wipe", "--store", str(store_file))
    assert done.returncode == 0, done.stderr + done.stdout
    assert "13 actors, 13 relations, 1 document." in done.stdout
    assert f"Store: {store_file.resolve()}" in done.stdout
    # Browser on the server's own HTTP port (KIZUNA_NEO4J_HTTP_PORT), and no notification.
    assert f"Browse: {neo4j_server.http_url}/browser/" in done.stdout
    assert "notification" not in done.stderr.lower()
    status = _kizuna(neo4j_server, "neo4j", "status")
    assert status.returncode == 0, status.stderr + status.stdout
    assert f"Browser: {neo4j_server.http_url}/browser/" in status.stdout
    records = neo4j_driver.execute_query(
        "MATCH (a:Agency {id: 'agency:jica'}) RETURN a.name AS name, a.aliases AS aliases"
    ).records
    assert [(r["name"], r["aliases"]) for r in records] == [
        ("Japan International Cooperation Agency", ["JICA"])
    ]
    again = _kizuna(neo4j_server, "neo4j", "load", "--store", str(store_file))
    assert again.returncode == 0, again.stderr + again.stdout
    assert "removed 0 actors, 0 relations and 0 documents" in again.stdout


def test_kizuna_neo4j_load_says_what_to_do_without_a_built_graph(
    neo4j_server: Neo4jServer, tmp_path: Path
) -> None:
    done = _kizuna(neo4j_server, "neo4j", "load", "--store", str(tmp_path / "missing.json"))
    assert done.returncode == 1
    assert "Run `kizuna build` first" in done.stdout


def test_kizuna_neo4j_load_says_what_to_do_when_neo4j_is_down(
    neo4j_server: Neo4jServer, contract_graph: Graph, tmp_path: Path
) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store_file = tmp_path / "graph.json"
    MemoryStore(store_file).replace(contract_graph)
    done = _kizuna(
        neo4j_server, "neo4j", "load", "--store", str(store_file), uri=f"bolt://127.0.0.1:{port}"
    )
    assert done.returncode == 1
    assert "scripts/neo4j-local start" in done.stdout


def test_explained_paths_cypher_returns_the_same_paths_in_the_same_order(
    neo4j_contract_store: Neo4jStore, neo4j_driver: neo4j.Driver
) -> None:
    cases = [
        ("agency:jica", "country:IND", 4, 5, Filters()),
        ("country:DNK", "org:g20", 3, 4, Filters()),
        ("agency:jica", "country:IND", 4, 5, Filters.build(actor_types=["Project", "Country"])),
        ("country:JPN", "org:eu", 2, 3, Filters.build(since=2022)),
    ]
    for source, target, hops, k, filters in cases:
        paths = neo4j_contract_store.paths(source, target, hops, k, filters)
        cypher, params = neo4j_contract_store.explain_paths(source, target, hops, k, filters)
        records = neo4j_driver.execute_query(cypher, params).records
        routes: dict[tuple[str, ...], set[tuple[str, int | None]]] = {}
        for r in records:
            route = tuple(n["id"] for n in r["p"].nodes)
            routes.setdefault(route, set()).update(
                (rel.type, rel.get("year")) for rel in r["p"].relationships
            )
        got = [(list(route), sorted(rels, key=str)) for route, rels in routes.items()]
        want = [
            (
                [n.id for n in p.nodes],
                sorted({(r.type, r.year) for h in p.hops for r in h.relations}, key=str),
            )
            for p in paths
        ]
        assert got == want, (source, target, filters)
        assert want  # every case has at least one path
