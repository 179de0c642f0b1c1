"""Load benchmark of the REST API against the same queries sent straight to the store.

For each backend (memory, neo4j) it loads the synthetic graph (bench/synthetic_graph.py) into
the store (the memory backend writes its store file, which the API process then opens as it
would in service), and runs a fixed workload - search, depth-2 neighbourhood, paths - from
concurrent clients both straight against the store and through the API served by uvicorn in a
separate process. The two alternate in rounds over the same queries, so that both see the same
load on the machine; it prints throughput and p50/p99 latency side by side with the API/store
ratio. Loopback only; the request count is bounded.

    .venv/bin/python -m bench.api_load                          # 100k actors, 1M relations
    .venv/bin/python -m bench.api_load --actors 10000 --relations 100000 --requests 100
    .venv/bin/python -m bench.api_load --backends neo4j         # needs scripts/neo4j-local start
"""

from __future__ import annotations

import argparse
import http.client
import os
import queue
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import httpx

from api.app import open_store
from api.settings import Settings
from bench.synthetic_graph import add_graph_options, load_average, synthetic_graph
from graph.model import Graph
from graph.querying import Filters
from graph.store import GraphStore

__all__ = ["main"]

KINDS = ("search", "neighbourhood", "paths")


@dataclass(frozen=True)
class Query:
    kind: str
    args: tuple[str, ...]

    def on_store(self, store: GraphStore, options: argparse.Namespace) -> None:
        if self.kind == "search":
            store.search(self.args[0], limit=20)
        elif self.kind == "neighbourhood":
            store.neighbourhood(self.args[0], 2, Filters(), options.limit)
        else:
            store.paths(self.args[0], self.args[1], options.max_hops, options.k, Filters())

    def on_api(self, http: http.client.HTTPConnection, options: argparse.Namespace) -> None:
        if self.kind == "search":
            target = "/actors?" + urlencode({"q": self.args[0], "limit": 20})
        elif self.kind == "neighbourhood":
            target = f"/actors/{quote(self.args[0])}/neighbourhood?" + urlencode(
                {"depth": 2, "limit": options.limit}
            )
        else:
            target = "/paths?" + urlencode(
                {
                    "source": self.args[0],
                    "target": self.args[1],
                    "max_hops": options.max_hops,
                    "k": options.k,
                }
            )
        http.request("GET", target)
        response = http.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{response.status}: {body[:300]!r}")


def workload(
    graph: Graph, count: int, seed: int, path_count: int | None = None
) -> dict[str, list[Query]]:
    """`count` queries of each kind (`path_count` paths) over actors picked with a fixed seed
    (hubs left out)."""
    rng = random.Random(seed)
    actors = graph.actors[100:] if len(graph.actors) > 200 else graph.actors
    ids = [a.id for a in actors]
    return {
        "search": [Query("search", (rng.choice(actors).name.split()[0],)) for _ in range(count)],
        "neighbourhood": [Query("neighbourhood", (rng.choice(ids),)) for _ in range(count)],
        "paths": [
            Query("paths", (rng.choice(ids), rng.choice(ids)))
            for _ in range(count if path_count is None else path_count)
        ],
    }


@dataclass
class Result:
    count: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def throughput(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


def drive(queries: list[Query], clients: int, call: Callable[[Query], None]) -> Result:
    """Run the queries from `clients` concurrent threads; time each one and the whole."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def one(query: Query) -> None:
        started = time.perf_counter()
        try:
            call(query)
        except Exception as exc:
            with lock:
                errors.append(repr(exc))
            return
        elapsed = time.perf_counter() - started
        with lock:
            latencies.append(elapsed)

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(one, queries))
    seconds = time.perf_counter() - began
    if errors:
        print(f"    {len(errors)} errors, e.g. {errors[0]}", file=sys.stderr)
    return Result(len(latencies), len(errors), seconds, latencies)


class StoreCaller:
    """Sends a query straight to the store."""

    def __init__(self, store: GraphStore, options: argparse.Namespace) -> None:
        self.store = store
        self.options = options

    def __call__(self, query: Query) -> None:
        query.on_store(self.store, self.options)


class ApiCaller:
    """Sends a query to the API over keep-alive connections that live as long as the caller
    (one per concurrent query), so that no round pays for opening connections.

    The client is the standard library's `http.client`: it runs on the same cores as the
    API, and a lighter client leaves more of them to the server whose cost is measured
    (httpx spends about a millisecond more per request)."""

    def __init__(self, url: str, options: argparse.Namespace) -> None:
        self.address = urlsplit(url)
        self.options = options
        self.idle: queue.SimpleQueue[http.client.HTTPConnection] = queue.SimpleQueue()

    def __call__(self, query: Query) -> None:
        try:
            connection = self.idle.get_nowait()
        except queue.Empty:
            connection = http.client.HTTPConnection(
                self.address.hostname or "127.0.0.1", self.address.port, timeout=600
            )
        try:
            query.on_api(connection, self.options)
        finally:
            self.idle.put(connection)


@contextmanager
def open_backend(backend: str, settings: Settings, store_path: Path) -> Iterator[GraphStore]:
    """An embedded store persisted to `store_path`, or the Neo4j store the settings name."""
    if backend == "memory":
        from graph.memory_store import MemoryStore

        yield MemoryStore(store_path)
        return
    with open_store(settings.model_copy(update={"backend": "neo4j"})) as store:
        yield store


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def api_process(backend: str, options: argparse.Namespace) -> Iterator[str]:
    """The API served by uvicorn in its own process; the memory backend builds the same graph."""
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "bench.api_load",
        "--serve",
        backend,
        "--port",
        str(port),
        "--actors",
        str(options.actors),
        "--relations",
        str(options.relations),
        "--seed",
        str(options.seed),
        "--store",
        str(options.store),
        "--workers",
        str(options.workers),
    ]
    process = subprocess.Popen(command, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 1800
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the API process exited with {process.returncode}")
            try:
                if httpx.get(f"{url}/health", timeout=600).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        else:
            raise RuntimeError("the API did not come up within 30 minutes")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def serve(backend: str, options: argparse.Namespace) -> None:
    """Child process: serve the API over the backend (memory: the store file the parent wrote)
    as `kizuna serve --workers N` does, each worker building its app from the environment."""
    from api.cli.serve_command import run_server

    os.environ.update(KIZUNA_BACKEND=backend, KIZUNA_STORE=str(options.store))
    run_server("127.0.0.1", options.port, options.workers, log_level="warning")


def alternate(
    queries: list[Query],
    options: argparse.Namespace,
    store: Callable[[Query], None],
    api: Callable[[Query], None],
) -> tuple[Result, Result]:
    """The same queries straight to the store and through the API, in alternating rounds."""
    rounds = max(1, options.rounds)
    size = -(-len(queries) // rounds)
    results: tuple[list[Result], list[Result]] = ([], [])
    for start in range(0, len(queries), size):
        chunk = queries[start : start + size]
        results[0].append(drive(chunk, options.clients, store))
        results[1].append(drive(chunk, options.clients, api))
    return _merged(results[0]), _merged(results[1])


def _merged(results: list[Result]) -> Result:
    return Result(
        sum(r.count for r in results),
        sum(r.errors for r in results),
        sum(r.seconds for r in results),
        [x for r in results for x in r.latencies],
    )


def report(backend: str, kind: str, store: Result, api: Result) -> None:
    ratio_p50 = api.percentile(50) / store.percentile(50) if store.latencies else float("nan")
    ratio_tput = store.throughput / api.throughput if api.throughput else float("nan")
    print(
        f"{backend:7} {kind:14} "
        f"{store.throughput:9.1f} {store.percentile(50):9.2f} {store.percentile(99):9.2f}   "
        f"{api.throughput:9.1f} {api.percentile(50):9.2f} {api.percentile(99):9.2f}   "
        f"{ratio_p50:6.2f} {ratio_tput:6.2f}   {store.errors + api.errors}"
    )


def run(options: argparse.Namespace) -> None:
    settings = Settings()
    began = time.perf_counter()
    graph = synthetic_graph(options.actors, options.relations, options.seed)
    print(
        f"graph: {len(graph.actors)} actors, {len(graph.relations)} relations "
        f"(generated in {time.perf_counter() - began:.1f} s); {options.clients} clients, "
        f"{options.workers} API workers, "
        f"{options.requests} requests per query kind "
        f"({options.path_requests or options.requests} for paths); depth 2, limit {options.limit}, "
        f"paths max_hops {options.max_hops} k {options.k}",
        flush=True,
    )
    queries = workload(graph, options.requests, options.seed, options.path_requests)
    rows: list[tuple[str, str, Result, Result]] = []
    for backend in options.backends.split(","):
        with open_backend(backend, settings, options.store) as store:
            began = time.perf_counter()
            store.replace(graph)
            loaded = time.perf_counter() - began
            print(
                f"{backend}: loaded in {loaded:.1f} s "
                f"({len(graph.relations) / loaded:,.0f} relations/s)",
                flush=True,
            )
            with api_process(backend, options) as url:
                caller = ApiCaller(url, options)
                drive(queries["search"][: options.clients * 2], options.clients, caller)  # warm up
                for kind in KINDS:
                    direct, api = alternate(
                        queries[kind], options, StoreCaller(store, options), caller
                    )
                    print(
                        f"  {kind}: store {direct.throughput:.1f} req/s, "
                        f"api {api.throughput:.1f} req/s",
                        flush=True,
                    )
                    rows.append((backend, kind, direct, api))
    print()
    print(
        f"{'backend':7} {'query':14} "
        f"{'store r/s':>9} {'p50 ms':>9} {'p99 ms':>9}   "
        f"{'api r/s':>9} {'p50 ms':>9} {'p99 ms':>9}   {'p50 x':>6} {'r/s ÷':>6}   errors"
    )
    for row in rows:
        report(*row)
    print("\np50 x: API p50 latency / store p50 latency; r/s ÷: store throughput / API throughput.")
    print(load_average())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add_graph_options(parser)
    parser.add_argument("--backends", default="memory,neo4j")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=200, help="per query kind")
    parser.add_argument(
        "--path-requests", type=int, default=None, help="paths requests (default: --requests)"
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="API server processes (kizuna serve --workers)"
    )
    parser.add_argument("--limit", type=int, default=200, help="neighbourhood limit")
    parser.add_argument("--max-hops", type=int, default=3)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument(
        "--rounds", type=int, default=4, help="alternating store / API rounds per query kind"
    )
    parser.add_argument(
        "--store",
        type=Path,
        default=Path("/tmp/kizuna-api-load-store.json"),
        help="the memory backend's store file (written by the run)",
    )
    parser.add_argument("--serve", choices=["memory", "neo4j"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.serve:
        serve(options.serve, options)
    else:
        run(options)


if __name__ == "__main__":
    main()
