"""A load whose connection to Neo4j dies right after it switched the new graph in says so: the
message reads which graph is in use from Neo4j instead of claiming that nothing changed, and
says that it cannot tell when Neo4j does not answer. The crash is real: the connection goes
through a TCP forwarder that is cut at that moment (tests.api.tcp_proxy)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import neo4j
import pytest

from graph.errors import StoreUnavailable
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from tests.api.tcp_proxy import TcpProxy
from tests.neo4j_server import Neo4jServer


@pytest.fixture
def proxy(neo4j_server: Neo4jServer) -> Iterator[TcpProxy]:
    bolt = urlsplit(neo4j_server.uri)
    forwarder = TcpProxy((bolt.hostname or "127.0.0.1", bolt.port or 7687))
    forwarder.start()
    yield forwarder
    forwarder.stop()


def _driver(neo4j_server: Neo4jServer, proxy: TcpProxy) -> neo4j.Driver:
    settings = neo4j_server.settings().model_copy(
        update={"neo4j_uri": f"bolt://127.0.0.1:{proxy.port}"}
    )
    return settings.neo4j_driver(max_connection_lifetime=60, connection_timeout=5)


class _CutAfterTheSwitch(Neo4jStore):
    """Cuts every connection to Neo4j once the switch has committed, so that the rest of the
    load fails; `back` says whether Neo4j answers again by the time the load, having failed,
    asks which graph is in use (a network cut) or stays away (a crashed server)."""

    proxy: TcpProxy
    back: bool

    def after_switch(self) -> None:
        self.proxy.stop()

    def _in_use_after_failure(self, new_digest: str) -> str:
        if self.back:
            self.proxy.start()
        return super()._in_use_after_failure(new_digest)


@pytest.mark.parametrize("back", [True, False], ids=["connection-dropped", "server-gone"])
def test_a_load_cut_right_after_its_switch_says_which_graph_is_in_use(
    neo4j_server: Neo4jServer,
    neo4j_contract_store: Neo4jStore,
    contract_graph: Graph,
    proxy: TcpProxy,
    back: bool,
) -> None:
    smaller = contract_graph.model_copy(update={"relations": contract_graph.relations[:-2]})
    driver = _driver(neo4j_server, proxy)
    try:
        store = _CutAfterTheSwitch(driver, neo4j_server.database)
        store.proxy, store.back = proxy, back
        with pytest.raises(StoreUnavailable) as failed:
            store.load(smaller, wipe=True)
    finally:
        driver.close()
    message = failed.value.message
    assert "was not changed" not in message
    if back:
        assert "The new graph is in use" in message
    else:
        assert "cannot be told" in message and "run the load again" in message
    assert neo4j_contract_store.snapshot() == smaller.normalised()
