"""Benchmark: the first 20 Neo4j searches after a start and after a load, cold and warmed.

After a server start Neo4j's page cache is empty, and a Neo4jStore (the API's, in its own
process) has no name index yet; after a load the index is stale. `Neo4jStore.warm` (which
`kizuna serve --backend neo4j` runs before it serves, and `kizuna neo4j load` after a load)
reads what the first answers need beforehand. This prints, for each case, the p50 and p99 of
the first 20 searches (20 different names, asked as the API asks: at the confidence floor)
by a fresh store, without warming and after it, and how long warming took.

The graph is the synthetic one (bench/synthetic_graph.py), loaded first unless the database
already holds it; "after a start" restarts the local server of scripts/neo4j-local (the
KIZUNA_NEO4J_* variables say which), so run it on a private server, e.g.

    KIZUNA_NEO4J_HOME=/tmp/bench-neo4j KIZUNA_NEO4J_BOLT_PORT=7688 KIZUNA_NEO4J_HTTP_PORT=7475 \\
        scripts/neo4j-local start
    NEO4J_URI=bolt://127.0.0.1:7688 KIZUNA_NEO4J_HOME=/tmp/bench-neo4j \\
        KIZUNA_NEO4J_BOLT_PORT=7688 KIZUNA_NEO4J_HTTP_PORT=7475 .venv/bin/python -m bench.neo4j_warm
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import time

import neo4j

from api.cli.local_server import LOCAL_SERVER, bulk_import
from api.settings import Settings
from bench.synthetic_graph import add_graph_options, load_average, synthetic_graph
from graph.model import Graph
from graph.neo4j_props import graph_digests
from graph.neo4j_store import Neo4jStore
from graph.querying import DEFAULT_MIN_CONFIDENCE

SERVER = LOCAL_SERVER
SEARCHES = 20


def _restart() -> float:
    """Stop and start the local server; the seconds it took."""
    began = time.perf_counter()
    for command in ("stop", "start"):
        subprocess.run([str(SERVER), command], check=True, capture_output=True, timeout=900)
    return time.perf_counter() - began


def _queries(graph: Graph) -> list[str]:
    """SEARCHES distinct names (a word of an actor's name, or the name): the same in every
    case, so that the cases differ only in what is cold."""
    picked = random.Random(11).sample(graph.actors, SEARCHES)
    return [a.name if i % 2 else a.name.split()[0] for i, a in enumerate(picked)]


def _first_searches(driver: neo4j.Driver, database: str, queries: list[str], warm: bool) -> str:
    """The p50 and p99 of a fresh store's first searches, warmed first or not."""
    store = Neo4jStore(driver, database)
    warmed = ""
    if warm:
        began = time.perf_counter()
        store.warm(DEFAULT_MIN_CONFIDENCE)
        warmed = f"; warming took {time.perf_counter() - began:.1f} s"
    times = []
    for query in queries:
        began = time.perf_counter()
        store.search(query, limit=10, min_confidence=DEFAULT_MIN_CONFIDENCE)  # as the API asks
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    return (
        f"p50 {statistics.median(times):7.1f} ms  p99 {p99:7.1f} ms  "
        f"first {times and round(times[0], 1)}..max {max(times):.1f} ms{warmed}"
    )


def _changed(graph: Graph, count: int, seed: int) -> Graph:
    """`graph` with `count` relations' years moved: a small reload, written as a delta."""
    rng = random.Random(seed)
    relations = list(graph.relations)
    for index in rng.sample(range(len(relations)), count):
        old = relations[index]
        relations[index] = old.model_copy(update={"year": (old.year or 2000) + 100})
    return Graph.model_construct(
        actors=graph.actors, relations=relations, documents=graph.documents
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_graph_options(parser)
    parser.add_argument("--admin-import", action="store_true", help="load it with neo4j-admin")
    args = parser.parse_args()
    settings = Settings()
    graph = synthetic_graph(args.actors, args.relations, args.seed)
    queries = _queries(graph)
    driver = settings.neo4j_driver()
    try:
        store = Neo4jStore(driver, settings.neo4j_database)
        if store.generation() != graph_digests(graph).graph:
            began = time.perf_counter()
            if args.admin_import:
                bulk_import(store, graph)
            else:
                store.load(graph, wipe=True)
            print(f"loaded the graph in {time.perf_counter() - began:.0f} s")
    finally:
        driver.close()
    print(
        f"{len(graph.actors)} actors, {len(graph.relations)} relations; "
        f"the first {SEARCHES} searches of a fresh store ({load_average()})"
    )
    for warm in (False, True):
        restarted = _restart()
        driver = settings.neo4j_driver()
        try:
            driver.verify_connectivity()
            line = _first_searches(driver, settings.neo4j_database, queries, warm)
        finally:
            driver.close()
        print(
            f"after a start ({restarted:.0f} s), {'warmed' if warm else 'cold  '}: {line}",
            flush=True,
        )
    for round_, warm in enumerate((False, True), start=2):
        driver = settings.neo4j_driver()
        try:
            reloaded = _changed(graph, 100, seed=round_)
            began = time.perf_counter()
            Neo4jStore(driver, settings.neo4j_database).load(reloaded)
            loaded = time.perf_counter() - began
            line = _first_searches(driver, settings.neo4j_database, queries, warm)
        finally:
            driver.close()
        print(
            f"after a load ({loaded:.0f} s, 100 relations changed), "
            f"{'warmed' if warm else 'cold  '}: {line}",
            flush=True,
        )
    driver = settings.neo4j_driver()
    try:
        Neo4jStore(driver, settings.neo4j_database).load(graph)  # as it was
    finally:
        driver.close()


if __name__ == "__main__":
    main()
