"""A Neo4j driver error is told one way: the API's handler answers one that escaped a store
with the same advice the Neo4j store gives when it translates the error at its boundary."""

from __future__ import annotations

import socket

import neo4j
import pytest
from neo4j.exceptions import ServiceUnavailable

from api.app import create_app
from graph.errors import StoreUnavailable
from graph.memory_store import MemoryStore
from graph.neo4j_store import Neo4jStore
from graph.views import Stats
from tests.api.live_server import serve
from tests.neo4j_server import Connect


class EscapingStore(MemoryStore):
    """A store that lets a driver error through, a fault no real store can be made to have."""

    def stats(self, min_confidence: float | None = None) -> Stats:
        raise ServiceUnavailable("Couldn't connect to 127.0.0.1:1")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _advice(message: str) -> str:
    """A message without its first sentence, which names what was being done."""
    return message.split(". ", 1)[1]


def test_an_escaped_driver_error_answers_503_with_the_stores_own_advice(
    neo4j_connect: Connect,
) -> None:
    driver: neo4j.Driver = neo4j_connect(neo4j_uri=f"bolt://127.0.0.1:{_closed_port()}")
    with pytest.raises(StoreUnavailable) as raised:
        Neo4jStore(driver).ping()
    with serve(create_app(store=EscapingStore())) as server, server.client() as http:
        response = http.get("/stats")
    assert response.status_code == 503
    body = response.json()
    assert (body["error"], body["backend"]) == ("StoreUnavailable", "neo4j")
    assert _advice(body["message"]) == _advice(raised.value.message)
    assert "scripts/neo4j-local start" in body["message"]
