"""MemoryStore specifics beyond the contract: atomic persistence, reloads, clear failures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.errors import StoreCorrupt, StoreUnavailable
from graph.files import write_atomically
from graph.formats.store_file import store_bytes
from graph.memory_store import MemoryStore
from graph.model import Graph


def test_store_file_is_the_canonical_serialisation(tmp_path: Path, contract_graph: Graph) -> None:
    path = tmp_path / "g.json"
    MemoryStore(path).replace(contract_graph)
    assert path.read_bytes() == store_bytes(contract_graph)
    assert MemoryStore(path).snapshot() == contract_graph.normalised()


def test_failed_write_leaves_the_previous_file_untouched(
    tmp_path: Path, contract_graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.json"
    store = MemoryStore(path)
    store.replace(contract_graph)
    before = path.read_bytes()

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StoreUnavailable, match="Cannot write the store file"):
        store.replace(Graph())
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_write_atomically_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.json"
    write_atomically(target, b"{}")
    assert target.read_bytes() == b"{}"


def test_a_corrupt_store_file_is_reported_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text('{"actors": [{"id": 1}]}')
    with pytest.raises(StoreCorrupt, match="kizuna build"):
        MemoryStore(path)


def test_a_store_notices_when_a_build_replaced_its_file(
    tmp_path: Path, contract_graph: Graph
) -> None:
    path = tmp_path / "g.json"
    serving = MemoryStore(path)
    assert serving.get("country:JPN") is None
    MemoryStore(path).replace(contract_graph)
    assert serving.get("country:JPN") is not None


def test_an_unreadable_store_file_is_unavailable(tmp_path: Path, contract_graph: Graph) -> None:
    path = tmp_path / "g.json"
    store = MemoryStore(path)
    store.replace(contract_graph)
    path.unlink()
    path.mkdir()
    with pytest.raises(StoreUnavailable, match="Cannot read the store file"):
        store.ping()
