"""Analytics are bounded: one computation at a time per worker, the same question computed
once and kept for its graph, a request that cannot get its turn in time answered 503 with
Retry-After, and /health answered all the while (its p50 is printed; bench/analytics_load.py
measures it at scale)."""

from __future__ import annotations

import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from bench.synthetic_graph import synthetic_graph
from graph import analytics
from graph.memory_store import MemoryStore
from tests.api.live_server import LiveServer, serve


class Spy:
    """Wraps graph.analytics.centrality: how many run at once, at most, and with what."""

    def __init__(self, real: Callable[..., analytics.Centrality]) -> None:
        self.real = real
        self.running = 0
        self.most = 0
        self.calls: Counter[str] = Counter()
        self.lock = threading.Lock()

    def __call__(self, relations: Any, measure: str) -> analytics.Centrality:
        relations = list(relations)
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
            self.calls[f"{measure}/{len(relations)}"] += 1
        try:
            return self.real(relations, measure)
        finally:
            with self.lock:
                self.running -= 1


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Spy:
    spy = Spy(analytics.centrality)
    monkeypatch.setattr(analytics, "centrality", spy)
    return spy


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("heavy") / "store.json"
    MemoryStore(path).replace(synthetic_graph(600, 3000, seed=3, documents=10))
    return path


@contextmanager
def _server(path: Path, wait: float) -> Iterator[LiveServer]:
    settings = Settings(store=path, analytics_wait=wait)
    with serve(create_app(settings=settings, store=MemoryStore(path))) as server:
        yield server


def _together(url: str, asked: list[dict[str, Any]]) -> list[httpx.Response]:
    """Ask for every centrality at once, each from its own client."""
    answers: list[httpx.Response | None] = [None] * len(asked)

    def ask(i: int) -> None:
        with httpx.Client(base_url=url, timeout=300) as http:
            answers[i] = http.get("/analytics/centrality", params=asked[i])

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(len(asked))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(a is not None for a in answers)
    return [a for a in answers if a is not None]


def test_analyses_run_one_at_a_time_and_the_same_one_is_computed_once(
    store_file: Path, spy: Spy
) -> None:
    betweenness = {"measure": "betweenness", "limit": 5}
    asked = [betweenness] * 4 + [
        {"measure": "eigenvector", "limit": 5},
        {"measure": "betweenness", "since": 2000, "limit": 5},
    ]
    health: list[tuple[int, float]] = []
    done = threading.Event()
    with _server(store_file, wait=120) as server:
        url = server.url

        def poll() -> None:
            with httpx.Client(base_url=url, timeout=60) as http:
                while not done.is_set():
                    began = time.perf_counter()
                    status = http.get("/health").status_code
                    health.append((status, time.perf_counter() - began))
                    time.sleep(0.02)

        poller = threading.Thread(target=poll)
        poller.start()
        try:
            answers = _together(server.url, asked)
        finally:
            done.set()
            poller.join()
        with httpx.Client(base_url=server.url, timeout=60) as http:
            again = http.get("/analytics/centrality", params=betweenness)
    assert [a.status_code for a in answers] == [200] * len(asked)
    assert spy.most == 1, "two analyses ran at once"
    same = [a.json() for a in answers[:4]]
    assert all(answer == same[0] for answer in same)
    assert sum(n for key, n in spy.calls.items() if key.startswith("betweenness")) == 2
    assert spy.calls.total() == 3
    assert again.json() == same[0]  # kept for this graph: no fourth computation
    assert spy.calls.total() == 3
    assert health and {status for status, _ in health} == {200}
    p50 = statistics.median(seconds for _, seconds in health) * 1000
    print(f"/health p50 while analyses ran: {p50:.1f} ms over {len(health)} requests")


def test_an_analysis_that_cannot_get_its_turn_in_time_is_503_with_retry_after(
    store_file: Path, spy: Spy
) -> None:
    asked = [
        {"measure": "betweenness", "limit": 5},
        {"measure": "betweenness", "limit": 5, "until": 2020},
    ]
    with _server(store_file, wait=0.2) as server:
        answers = _together(server.url, asked)
    codes = sorted(a.status_code for a in answers)
    assert codes == [200, 503], [a.text for a in answers]
    refused = next(a for a in answers if a.status_code == 503)
    assert refused.json()["error"] == "Busy"
    assert "Retry in a moment" in refused.json()["message"]
    assert int(refused.headers["Retry-After"]) >= 1
    assert spy.most == 1
