"""pytest plugin: the real Neo4j server the test run talks to, and a Neo4jStore over it.

Unless NEO4J_URI is set, the session starts the local server with `scripts/neo4j-local start`
(which fetches Neo4j from Maven Central on a fresh machine) and stops it at the end if it was
the one that started it. A server that cannot start fails the tests that need it: nothing is
skipped, except when KIZUNA_SKIP_NEO4J=1 is set explicitly (never under CI=true).

Every driver a test uses is built from the run's settings (`run_settings`: the environment's
NEO4J_* variables, else the local server's): the session's `neo4j_driver`, and the drivers
`neo4j_connect` opens to another server or with one setting changed.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import neo4j
import pytest

from api.settings import Settings
from graph.model import Graph
from graph.neo4j_store import Neo4jStore

__all__ = ["Connect", "Neo4jServer", "run_settings"]

PROJECT = Path(__file__).resolve().parent.parent
SCRIPT = PROJECT / "scripts" / "neo4j-local"
START_TIMEOUT = 1800  # a first run downloads Neo4j from Maven Central


@dataclass(frozen=True)
class Neo4jServer:
    """Where the server of this test run answers."""

    uri: str
    user: str
    password: str
    database: str
    http_url: str
    started_here: bool

    def settings(self) -> Settings:
        """Settings that point at this server, as a user's environment would."""
        return Settings(
            neo4j_uri=self.uri,
            neo4j_user=self.user,
            neo4j_password=self.password,
            neo4j_database=self.database,
        )

    def driver(self) -> neo4j.Driver:
        return self.settings().neo4j_driver()


def run_settings() -> Settings:
    """The Neo4j settings of this test run: the environment's NEO4J_URI, NEO4J_USER,
    NEO4J_PASSWORD and NEO4J_DATABASE, with the defaults of Settings (those of the local
    server) for the ones not set; without NEO4J_URI, the local server listens on
    KIZUNA_NEO4J_BOLT_PORT. A .env file is not read: the tests run as the environment says."""
    local = f"bolt://127.0.0.1:{os.environ.get('KIZUNA_NEO4J_BOLT_PORT', '7687')}"
    return Settings(_env_file=None, neo4j_uri=os.environ.get("NEO4J_URI") or local)


def _running(script_output: str) -> bool:
    return "already running" in script_output


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true" or os.environ.get("KIZUNA_SKIP_NEO4J") != "1":
        pytest.fail(f"Neo4j is needed and could not be used: {reason}", pytrace=False)
    pytest.skip(f"KIZUNA_SKIP_NEO4J=1 and Neo4j could not be used: {reason}")


_failure: list[str] = []


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    """The server: the one NEO4J_URI names, or the local one started (and stopped) here."""
    if _failure:
        _unavailable(_failure[0])
    settings = run_settings()
    server = {
        "uri": settings.neo4j_uri,
        "user": settings.neo4j_user,
        "password": settings.neo4j_password,
        "database": settings.neo4j_database,
    }
    if os.environ.get("NEO4J_URI"):
        yield Neo4jServer(
            **server,
            http_url=os.environ.get("NEO4J_HTTP_URL", "http://127.0.0.1:7474"),
            started_here=False,
        )
        return
    try:
        done = subprocess.run(
            [str(SCRIPT), "start"],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        _failure.append(f"scripts/neo4j-local start did not finish: {exc}")
        _unavailable(_failure[0])
        return
    if done.returncode != 0:
        _failure.append(
            f"scripts/neo4j-local start exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
        )
        _unavailable(_failure[0])
        return
    started_here = not _running(done.stdout)
    try:
        yield Neo4jServer(
            **server,
            http_url=f"http://127.0.0.1:{os.environ.get('KIZUNA_NEO4J_HTTP_PORT', '7474')}",
            started_here=started_here,
        )
    finally:
        if started_here:
            subprocess.run([str(SCRIPT), "stop"], cwd=PROJECT, check=False, timeout=300)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server: Neo4jServer) -> Iterator[neo4j.Driver]:
    driver = neo4j_server.driver()
    try:
        driver.verify_connectivity()
    except Exception as exc:
        driver.close()
        _unavailable(f"cannot connect to {neo4j_server.uri}: {exc}")
    yield driver
    driver.close()


Connect = Callable[..., neo4j.Driver]
"""`connect(**changes)`: a driver from the run's settings with `changes` made to them."""


@pytest.fixture
def neo4j_connect() -> Iterator[Connect]:
    """Drivers built from the run's settings, closed after the test: keyword arguments change
    a setting (`neo4j_uri` of another server, a wrong `neo4j_password`). Building one needs
    no server; connecting does."""
    drivers: list[neo4j.Driver] = []

    def connect(**changes: str) -> neo4j.Driver:
        drivers.append(run_settings().model_copy(update=changes).neo4j_driver())
        return drivers[-1]

    yield connect
    for driver in drivers:
        driver.close()


@pytest.fixture
def neo4j_store(neo4j_driver: neo4j.Driver, neo4j_server: Neo4jServer) -> Neo4jStore:
    """A Neo4jStore over the test server's database (whatever it holds)."""
    return Neo4jStore(neo4j_driver, neo4j_server.database)


@pytest.fixture
def neo4j_contract_store(neo4j_store: Neo4jStore, contract_graph: Graph) -> Iterator[Neo4jStore]:
    """A Neo4jStore holding exactly the contract graph, reloaded for every test."""
    neo4j_store.replace(contract_graph, wipe=True)
    yield neo4j_store
    neo4j_store.close()
