"""Benchmark: /health and search while heavy analytics run, and what the analytics answer.

Serves the API over the embedded store of the synthetic graph (10k actors, 100k relations by
default) in its own process, as `kizuna serve` does, then: times /health and a search alone;
sends four different betweenness centralities at once (each a heavy computation) while a
client keeps asking /health and another keeps searching; then sends the same four again
(answered from what was kept for this graph). It prints each analysis's status and time, and
the p50 / p99 of /health and of search alone and during the analyses.

    .venv/bin/python -m bench.analytics_load
    .venv/bin/python -m bench.analytics_load --actors 3000 --relations 20000
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from bench.reload_race import serve_api
from bench.synthetic_graph import add_graph_options, load_average, synthetic_graph
from graph.memory_store import MemoryStore

__all__ = ["main"]

ANALYSES: list[dict[str, str | int]] = [
    {"measure": "betweenness"},
    {"measure": "betweenness", "since": 2000},
    {"measure": "betweenness", "until": 2015},
    {"measure": "betweenness", "types": "FUNDS,SUPPORTS,PARTNERS_WITH"},
]


def _percentiles(seconds: list[float]) -> str:
    if not seconds:
        return "no requests"
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return (
        f"p50 {statistics.median(ordered) * 1000:7.1f} ms  p99 {p99 * 1000:7.1f} ms  "
        f"({len(ordered)} requests)"
    )


def _poll(url: str, path: str, params: dict[str, str], stop: threading.Event) -> list[float]:
    """Ask for `path` one request after another until `stop`; each request's seconds."""
    times: list[float] = []
    with httpx.Client(base_url=url, timeout=600) as http:
        while not stop.is_set():
            began = time.perf_counter()
            http.get(path, params=params).raise_for_status()
            times.append(time.perf_counter() - began)
            time.sleep(0.01)
    return times


@contextmanager
def _polled(url: str) -> Iterator[dict[str, list[float]]]:
    """/health and a search asked one after another, each by its own client, for the block;
    the seconds of each request by name once it ends."""
    stop = threading.Event()
    found: dict[str, list[float]] = {}
    pollers = [
        threading.Thread(target=lambda k=k, p=p, q=q: found.__setitem__(k, _poll(url, p, q, stop)))
        for k, p, q in (("health", "/health", {}), ("search", "/actors", {"q": "karito"}))
    ]
    for poller in pollers:
        poller.start()
    try:
        yield found
    finally:
        stop.set()
        for poller in pollers:
            poller.join()


def _alone(url: str, seconds: float) -> tuple[list[float], list[float]]:
    with _polled(url) as found:
        time.sleep(seconds)
    return found["health"], found["search"]


def _analyses(url: str) -> tuple[list[str], list[float], list[float]]:
    """The four analyses at once, with /health and search polled meanwhile."""
    results: list[str] = [""] * len(ANALYSES)

    def ask(i: int) -> None:
        began = time.perf_counter()
        with httpx.Client(base_url=url, timeout=900) as http:
            answer = http.get("/analytics/centrality", params={**ANALYSES[i], "limit": 5})
        took = time.perf_counter() - began
        how = answer.json().get("method", answer.json().get("message", ""))[:70]
        retry = answer.headers.get("Retry-After")
        results[i] = (
            f"{answer.status_code} in {took:6.1f} s"
            + (f" (Retry-After {retry})" if retry else "")
            + f": {how}"
        )

    with _polled(url) as found:
        askers = [threading.Thread(target=ask, args=(i,)) for i in range(len(ANALYSES))]
        for asker in askers:
            asker.start()
        for asker in askers:
            asker.join()
    return results, found["health"], found["search"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_graph_options(parser)
    parser.set_defaults(actors=10_000, relations=100_000)
    parser.add_argument("--port", type=int, default=8701)
    parser.add_argument("--path", type=Path, default=Path("/tmp/kizuna-analytics-load.json"))
    args = parser.parse_args()
    MemoryStore(args.path).replace(synthetic_graph(args.actors, args.relations, args.seed))
    server: subprocess.Popen[bytes] = serve_api(args.path, args.port)
    url = f"http://127.0.0.1:{args.port}"
    try:
        health, search = _alone(url, 5)
        print(
            f"{args.actors} actors, {args.relations} relations ({load_average()})\n"
            f"/health alone:            {_percentiles(health)}\n"
            f"search alone:             {_percentiles(search)}",
            flush=True,
        )
        for round_ in ("first", "again"):
            results, health, search = _analyses(url)
            print(f"four betweenness at once, {round_} ({load_average()}):")
            for asked, result in zip(ANALYSES, results, strict=True):
                print(f"  {asked}: {result}")
            print(
                f"/health meanwhile:        {_percentiles(health)}\n"
                f"search meanwhile:         {_percentiles(search)}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=60)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
