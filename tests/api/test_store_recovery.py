"""The embedded store keeps answering when its file goes wrong, and says so: a file replaced by
one that cannot be read or is not a store leaves the last good graph serving, /health names
the problem, and the next good file is picked up by itself. Before a graph is built, the
service answers from an empty one and picks the graph up once it is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from api.app import create_app
from graph.files import write_atomically
from graph.formats.store_file import store_bytes
from graph.memory_store import MemoryStore
from graph.model import Graph
from tests.api.live_server import serve


def _damaged(path: Path) -> None:
    write_atomically(path, b'{"format": "kizuna-store", "version": 2, "actors": 7}')


def _a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _restore(path: Path, data: bytes) -> None:
    if path.is_dir():
        path.rmdir()
    write_atomically(path, data)


@pytest.mark.parametrize(
    ("spoil", "said"),
    [(_damaged, "is not a Kizuna store"), (_a_folder, "it is a folder, not a file")],
    ids=["damaged", "folder"],
)
def test_a_store_file_that_fails_to_load_leaves_the_last_good_graph_serving_and_health_says_so(
    tmp_path: Path, contract_graph: Graph, spoil: Callable[[Path], None], said: str
) -> None:
    path = tmp_path / "store.json"
    MemoryStore(path).replace(contract_graph)
    with serve(create_app(store=MemoryStore(path))) as server, server.client() as http:
        assert "warning" not in http.get("/health").json()
        spoil(path)
        health = http.get("/health")
        assert health.status_code == 200
        assert said in health.json()["warning"] and str(path) in health.json()["warning"]
        assert health.json()["actors"] == len(contract_graph.actors)
        assert http.get("/actors/country:JPN").json()["id"] == "country:JPN"
        paths = http.get("/paths", params={"source": "JICA", "target": "India"})
        assert paths.status_code == 200 and paths.json()["paths"]
        smaller = contract_graph.model_copy(update={"relations": contract_graph.relations[:3]})
        _restore(path, store_bytes(smaller))
        healed = http.get("/health").json()
        assert "warning" not in healed
        assert healed["relations"] == len(smaller.normalised().relations)


def test_memory_backend_starts_before_the_graph_is_built_and_picks_it_up(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "not-yet-built.json"
    with serve(create_app(store=MemoryStore(path))) as server, server.client() as http:
        assert http.get("/health").json()["actors"] == 0
        assert http.get("/actors/country:JPN").status_code == 404
        MemoryStore(path).replace(contract_graph)  # what `kizuna build` does
        assert http.get("/actors/country:JPN").status_code == 200
