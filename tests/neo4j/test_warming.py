"""`kizuna serve --backend neo4j` warms the store before it serves: the name index that
searches use is built and the counts /health reads (at the server's confidence floor) are
kept before the first request, so the first answers after a start are not the ones that pay
for them (bench/neo4j_warm.py measures the first searches, cold and warmed)."""

from __future__ import annotations

from api.app import create_app
from graph.neo4j_store import Neo4jStore
from tests.api.live_server import serve
from tests.neo4j_server import Neo4jServer


def test_serving_neo4j_builds_the_name_index_and_the_counts_before_the_first_request(
    neo4j_server: Neo4jServer, neo4j_contract_store: Neo4jStore
) -> None:
    settings = neo4j_server.settings().model_copy(update={"backend": "neo4j"})
    app = create_app(settings)
    with serve(app) as server:
        store = app.state.store
        assert isinstance(store, Neo4jStore)
        assert store._names is not None and store._names.actors
        assert settings.min_confidence in store._counted
        with server.client() as http:
            assert http.get("/actors", params={"q": "Japan"}).json()["hits"]
