"""When the store cannot be reached the API answers 503 in JSON, keeps running, and answers
again by itself once the store is back."""

from __future__ import annotations

from pathlib import Path

from api.app import create_app
from graph.memory_store import MemoryStore
from graph.model import Graph
from tests.api.live_server import serve


def test_memory_store_that_cannot_be_read_is_503_until_it_is_restored(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "store.json"
    store = MemoryStore(path)
    store.replace(contract_graph)
    with serve(create_app(store=store)) as server, server.client() as http:
        assert http.get("/actors/country:JPN").status_code == 200
        saved = path.read_bytes()
        path.unlink()
        path.mkdir()  # the store file is now something that cannot be read

        down = http.get("/health")
        assert down.status_code == 503
        body = down.json()
        assert body["error"] == "StoreUnavailable" and body["backend"] == "memory"
        assert str(path) in body["message"]
        assert http.get("/actors/country:JPN").status_code == 503
        assert http.get("/paths", params={"source": "JICA", "target": "India"}).status_code == 503

        path.rmdir()
        path.write_bytes(saved)
        assert http.get("/actors/country:JPN").json()["id"] == "country:JPN"
        assert http.get("/health").json()["actors"] == len(contract_graph.actors)


def test_memory_backend_starts_before_the_graph_is_built_and_picks_it_up(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "not-yet-built.json"
    with serve(create_app(store=MemoryStore(path))) as server, server.client() as http:
        assert http.get("/health").json()["actors"] == 0
        assert http.get("/actors/country:JPN").status_code == 404
        MemoryStore(path).replace(contract_graph)  # what `kizuna build` does
        assert http.get("/actors/country:JPN").status_code == 200
