"""Neo4j's errors reach a client as what they mean, and no more: a query the server refuses as
wrong (syntax, a missing parameter, a constraint) is a bug, answered 500 with an error id
while the Cypher goes to the log only; refused credentials are 503 and never name a password.
Each fault is a real one, caused on the real server."""

from __future__ import annotations

import logging

import neo4j
import pytest

from api.app import create_app
from api.settings import Settings
from graph.model import Document
from graph.neo4j_store import Neo4jStore
from tests.api.live_server import serve
from tests.neo4j_server import Connect, Neo4jServer, run_settings

BROKEN = "MATCH (d:Document {name: $name}) RETURN d LIMT 1"
UNBOUND = "MATCH (d:Document {name: $name}) RETURN d LIMIT $limit"


class _StoreWithAWrongQuery(Neo4jStore):
    """A store whose document query is wrong, as a bug in graph/cypher.py would make it."""

    statement = BROKEN

    def document(self, name: str) -> Document | None:
        records = self._read(self.statement, "read a document", name=name)
        return Document(**records[0]["d"]) if records else None


@pytest.mark.parametrize("statement", [BROKEN, UNBOUND], ids=["syntax", "missing-parameter"])
def test_a_query_neo4j_refuses_is_500_with_an_error_id_and_the_cypher_only_in_the_log(
    neo4j_driver: neo4j.Driver,
    neo4j_server: Neo4jServer,
    caplog: pytest.LogCaptureFixture,
    statement: str,
) -> None:
    store = _StoreWithAWrongQuery(neo4j_driver, neo4j_server.database)
    store.statement = statement
    with (
        caplog.at_level(logging.ERROR),
        serve(create_app(store=store)) as server,
        server.client() as http,
    ):
        answer = http.get("/documents/seed.txt")
    assert answer.status_code == 500, answer.text
    body = answer.json()
    assert body["error"] == "QueryFailed"
    error_id = body["error_id"]
    assert error_id and error_id in body["message"]
    for secret in ("MATCH", "Document {name", "LIMT", "$limit"):
        assert secret not in answer.text
    logged = [r.getMessage() for r in caplog.records if error_id in r.getMessage()]
    assert logged and statement in logged[0]


def test_a_constraint_violation_is_a_query_failure_with_the_cypher_only_in_the_log(
    neo4j_contract_store: Neo4jStore, caplog: pytest.LogCaptureFixture
) -> None:
    from graph.errors import QueryFailed

    duplicate = "CREATE (:Actor:Country {id: 'country:JPN', name: 'Japan again'})"
    store = neo4j_contract_store
    with (
        caplog.at_level(logging.ERROR),
        pytest.raises(QueryFailed) as failed,
        store._boundary("write an actor", duplicate),
        store.driver.session(database=store.database) as session,
    ):
        session.run(duplicate).consume()
    assert "CREATE" not in failed.value.message and "Japan again" not in failed.value.message
    error_id = failed.value.details["error_id"]
    assert any(error_id in r.getMessage() and duplicate in r.getMessage() for r in caplog.records)


def test_refused_credentials_are_503_and_name_no_password(
    neo4j_server: Neo4jServer, neo4j_connect: Connect
) -> None:
    """Refused as a user that does not exist, so that no real account is locked out (by the
    run's server, which must be running to refuse them)."""
    store = Neo4jStore(neo4j_connect(neo4j_user="nobody", neo4j_password="not-the-password"))
    with serve(create_app(store=store)) as server, server.client() as http:
        answer = http.get("/health")
    assert answer.status_code == 503, answer.text
    assert "credentials" in answer.json()["message"]
    default = Settings.model_fields["neo4j_password"].default
    for password in ("not-the-password", default, run_settings().neo4j_password):
        assert password not in answer.text
