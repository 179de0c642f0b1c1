"""A replaced store file is read once, whatever the number of queries running when it changes:
the first query to notice reloads it and the others answer from the graph they have."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

import graph.memory_store as memory_store
from bench.synthetic_graph import synthetic_graph
from graph.files import write_atomically
from graph.formats.store_file import StoreFile, store_bytes
from graph.memory_store import MemoryStore
from graph.querying import Filters

READERS = 8
REPLACEMENTS = 6


def test_one_reload_per_replacement_whatever_the_number_of_concurrent_queries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graphs = [synthetic_graph(1000, 5000, seed=1), synthetic_graph(1100, 5000, seed=2)]
    files = [store_bytes(g) for g in graphs]
    path = tmp_path / "store.json"
    path.write_bytes(files[0])
    store = MemoryStore(path)
    decoded = 0
    count_lock = threading.Lock()
    real_decode = memory_store.decode_store

    def counting_decode(data: bytes) -> StoreFile:
        nonlocal decoded
        with count_lock:
            decoded += 1
        return real_decode(data)

    monkeypatch.setattr(memory_store, "decode_store", counting_decode)
    stop = threading.Event()
    failures: list[BaseException] = []
    hub = graphs[0].actors[0].id

    def reader() -> None:
        while not stop.is_set():
            try:
                store.search("ka", limit=5)
                store.neighbourhood(hub, 1, Filters(), 20)
                store.stats()
            except BaseException as exc:
                failures.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    try:
        for turn in range(1, REPLACEMENTS + 1):
            wanted = graphs[turn % 2]
            write_atomically(path, files[turn % 2])
            deadline = time.monotonic() + 30
            while store.stats().actors != len(wanted.actors):
                assert time.monotonic() < deadline, "the store never picked the file up"
                time.sleep(0.01)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert decoded == REPLACEMENTS
    assert failures == []
