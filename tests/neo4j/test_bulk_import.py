"""The offline bulk load: CSV files imported by neo4j-admin into a second, throwaway server.

It runs its own server (own home, own ports, small heap) because an import needs the server
stopped; the session's server is not touched. The home is the module's; each test starts
with the server stopped and its database empty.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import neo4j
import pytest

from graph.formats.neo4j_csv import write_import_csv
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.neo4j_props import actor_digest, relation_digest
from graph.neo4j_store import Neo4jStore
from tests.neo4j_server import PROJECT, START_TIMEOUT, Connect

pytestmark = pytest.mark.neo4j

SCRIPT = PROJECT / "scripts" / "neo4j-local"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Throwaway:
    """The throwaway server: the environment of `scripts/neo4j-local` and of `kizuna` for it
    (its home and ports, NEO4J_URI, and KIZUNA_STORE naming `store`), and drivers to it."""

    env: dict[str, str]
    uri: str
    store: Path
    connect: Connect

    def driver(self) -> neo4j.Driver:
        return self.connect(neo4j_uri=self.uri)


def _session_home() -> Path:
    """The home of the session's server (scripts/neo4j-local's default, or the one set)."""
    return Path(os.environ.get("KIZUNA_NEO4J_HOME") or PROJECT / ".neo4j")


@pytest.fixture(scope="module")
def throwaway_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The throwaway server's environment, for the whole module: one home (its jars those of
    the session's server when that one has fetched them, as the script would fetch the same
    ones; its password set on its first start), stopped at the end."""
    root = tmp_path_factory.mktemp("throwaway")
    home = root / "neo4j-home"
    home.mkdir()
    jars = _session_home() / "lib"
    if (jars / ".pom.sha256").is_file():
        (home / "lib").symlink_to(jars, target_is_directory=True)
    bolt = _free_port()
    env = {
        **os.environ,
        "KIZUNA_NEO4J_HOME": str(home),
        "KIZUNA_NEO4J_BOLT_PORT": str(bolt),
        "KIZUNA_NEO4J_HTTP_PORT": str(_free_port()),
        "KIZUNA_NEO4J_HEAP": "512m",
        "KIZUNA_NEO4J_PAGECACHE": "128m",
        "NEO4J_URI": f"bolt://127.0.0.1:{bolt}",
        "KIZUNA_STORE": str(root / "store.json"),
    }
    try:
        yield env
    finally:
        subprocess.run([str(SCRIPT), "stop"], env=env, check=False, timeout=300)


@pytest.fixture
def throwaway_server(throwaway_home: dict[str, str], neo4j_connect: Connect) -> Iterator[Throwaway]:
    """The throwaway server, stopped, its database `neo4j` empty (its system database, with
    the password, kept): each test starts from a server that holds no graph."""
    subprocess.run([str(SCRIPT), "stop"], env=throwaway_home, check=False, timeout=300)
    data = Path(throwaway_home["KIZUNA_NEO4J_HOME"]) / "data"
    for folder in (data / "databases" / "neo4j", data / "transactions" / "neo4j"):
        shutil.rmtree(folder, ignore_errors=True)
    store = Path(throwaway_home["KIZUNA_STORE"])
    store.unlink(missing_ok=True)
    yield Throwaway(throwaway_home, throwaway_home["NEO4J_URI"], store, neo4j_connect)


def test_imported_csv_gives_the_same_graph_as_a_bolt_load(
    throwaway_server: Throwaway, contract_graph: Graph, tmp_path: Path
) -> None:
    write_import_csv(contract_graph, tmp_path / "csv")
    done = subprocess.run(
        [str(SCRIPT), "import", str(tmp_path / "csv")],
        env=throwaway_server.env,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "IMPORT DONE" in done.stdout
    driver = throwaway_server.driver()
    store = Neo4jStore(driver)
    store.ensure_schema()
    assert store.snapshot() == contract_graph.normalised()
    assert store.search("JICA").hits[0].actor.id == "agency:jica"
    records = driver.execute_query(
        "MATCH (d:Document)-[:MENTIONS]->(:Agency {id: 'agency:jica'}) RETURN d.name AS n"
    ).records
    assert [r["n"] for r in records] == ["contract.txt"]
    # The import writes the digests a Bolt load writes, so that a reload compares them.
    actors = driver.execute_query("MATCH (a:Actor) RETURN a.id AS id, a.digest AS d").records
    assert {r["id"]: r["d"] for r in actors} == {
        a.id: actor_digest(a) for a in contract_graph.actors
    }
    relations = driver.execute_query(
        "MATCH (:Actor)-[r]->(:Actor) RETURN r.key AS key, r.digest AS d"
    ).records
    assert {r["key"]: r["d"] for r in relations} == {
        r.key: relation_digest(r) for r in contract_graph.relations
    }
    store.replace(contract_graph)  # a Bolt load over the import changes nothing
    assert store.snapshot() == contract_graph.normalised()


def _kizuna(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROJECT / ".venv" / "bin" / "kizuna"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
        check=False,
    )


def test_bulk_load_imports_the_built_graph_and_refuses_a_database_that_holds_one(
    throwaway_server: Throwaway, contract_graph: Graph
) -> None:
    MemoryStore(throwaway_server.store).replace(contract_graph)
    first = _kizuna(throwaway_server.env, "neo4j", "load", "--bulk")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "bulk import" in first.stdout
    again = _kizuna(throwaway_server.env, "neo4j", "load", "--bulk")
    assert again.returncode == 1
    assert "imports into an empty database" in again.stdout
    driver = throwaway_server.driver()
    store = Neo4jStore(driver)
    assert store.snapshot() == contract_graph.normalised()
    elements = "MATCH (a:Actor) RETURN a.id AS id, elementId(a) AS e ORDER BY id"
    before = driver.execute_query(elements).records
    # The import recorded the graph as in use: loading it over Bolt writes nothing.
    assert store.load(contract_graph.normalised()).mode == "unchanged"
    assert driver.execute_query(elements).records == before
    # A changed graph is written as a delta over the import.
    graph = contract_graph.normalised()
    changed = graph.model_copy(update={"relations": graph.relations[1:]})
    report = store.load(changed)
    assert (report.mode, report.deleted_relations) == ("delta", 1)
    assert store.snapshot() == changed
    assert driver.execute_query(elements).records == before


def test_bulk_load_says_it_does_not_apply_to_a_remote_server(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NEO4J_URI": "neo4j+s://example.databases.neo4j.io",
        "KIZUNA_STORE": str(tmp_path / "store.json"),
    }
    MemoryStore(tmp_path / "store.json").replace(Graph())
    done = _kizuna(env, "neo4j", "load", "--bulk")
    assert done.returncode == 1
    assert "does not apply to neo4j+s://example.databases.neo4j.io" in done.stdout


def test_bulk_load_with_wipe_stops_a_running_server_and_replaces_its_graph(
    throwaway_server: Throwaway, contract_graph: Graph
) -> None:
    env, store = throwaway_server.env, throwaway_server.store
    started = subprocess.run(
        [str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=START_TIMEOUT
    )
    assert started.returncode == 0, started.stdout + started.stderr
    old = contract_graph.normalised()
    old = old.model_copy(update={"relations": old.relations[:1]})
    MemoryStore(store).replace(old)
    assert _kizuna(env, "neo4j", "load").returncode == 0  # over Bolt, the server running
    MemoryStore(store).replace(contract_graph)
    done = _kizuna(env, "neo4j", "load", "--bulk", "--wipe")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(contract_graph.relations)} relations" in done.stdout
    assert Neo4jStore(throwaway_server.driver()).snapshot() == contract_graph.normalised()
