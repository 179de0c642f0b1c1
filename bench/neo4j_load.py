"""Benchmark: load a synthetic 100k-actor, 1M-relation graph into Neo4j, then reload it.

Prints the size of the graph, relations per second of the first (initial) load, the time of a
reload of the same, unchanged graph (which writes nothing), and of reloads with 100 relations
changed and with 1% of the relations changed (a delta: only those are written, in one
transaction), with what each wrote. A load stages the graph in
batches of `--batch-size` rows and switches it in with one transaction, as every Kizuna load
does. The server is the one Settings point at (NEO4J_URI...);
to keep a working database untouched, run a second local server, e.g.

    KIZUNA_NEO4J_HOME=/tmp/bench-neo4j KIZUNA_NEO4J_BOLT_PORT=7688 KIZUNA_NEO4J_HTTP_PORT=7475 \
        scripts/neo4j-local start
    NEO4J_URI=bolt://127.0.0.1:7688 .venv/bin/python -m bench.neo4j_load

The database is wiped first. With `--admin-import` the initial load is that of
`kizuna neo4j load --bulk` instead (`api.cli.local_server.bulk_import`: CSV files imported by
`neo4j-admin database import full` into the local server named by the KIZUNA_NEO4J_*
variables, which stops and starts again), each stage timed; the reload is a Bolt load as
always.
"""

from __future__ import annotations

import argparse
import time

from api.cli.local_server import bulk_import
from api.settings import Settings
from bench.synthetic_graph import add_graph_options, load_average, synthetic_graph
from graph.model import Graph
from graph.neo4j_props import graph_digests
from graph.neo4j_store import LoadReport, Neo4jStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_graph_options(parser)
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--writers", type=int, default=4, help="sessions staging at once")
    parser.add_argument("--admin-import", action="store_true", help="bulk-load with neo4j-admin")
    parser.add_argument("--skip-reload", action="store_true", help="only the initial load")
    args = parser.parse_args()

    settings = Settings()
    started = time.perf_counter()
    graph = synthetic_graph(args.actors, args.relations, args.seed)
    generated = time.perf_counter() - started
    evidence = sum(len(r.evidence) for r in graph.relations)
    print(
        f"generated {len(graph.actors)} actors, {len(graph.relations)} relations, "
        f"{evidence} evidence, {len(graph.documents)} documents in {generated:.1f}s"
    )
    driver = settings.neo4j_driver()
    try:
        store = Neo4jStore(
            driver, settings.neo4j_database, batch_size=args.batch_size, writers=args.writers
        )
        if args.admin_import:
            _admin_import(store, graph)
        else:
            store.ensure_schema()
            store.load(type(graph)(), wipe=True)
            report, first = _timed_load(store, graph)
            print(
                f"initial load (Bolt): {first:.1f}s, {len(graph.relations) / first:,.0f} "
                f"relations/s ({report.mentions} MENTIONS edges too), "
                f"batch size {args.batch_size}, {args.writers} writers"
            )

        if args.skip_reload:
            return
        started = time.perf_counter()
        graph_digests(graph)
        print(f"digests of every actor and relation: {time.perf_counter() - started:.1f}s")
        _reload(store, graph, "the unchanged graph")
        # The first reload that reads every relation after the server started finds its page
        # cache cold; the last one is the same change as the first, once the cache is warm.
        for count in (100, len(graph.relations) // 100, 101):
            graph = _changed(graph, count)
            _reload(store, graph, f"{count} relations changed")
        stats = store.stats()
        print(f"Neo4j holds {stats.actors} actors, {stats.relations} relations")
    finally:
        driver.close()


def _changed(graph: Graph, count: int) -> Graph:
    """`graph` with `count` relations, spread over it, given another confidence and rule."""
    relations = list(graph.relations)
    step = max(1, len(relations) // count)
    for index in range(0, step * count, step):
        relation = relations[index]
        relations[index] = relation.model_copy(
            update={"confidence": 0.5, "rule": f"{relation.rule}edited-{count}"}
        )
    return graph.model_copy(update={"relations": relations})


def _timed_load(store: Neo4jStore, graph: Graph) -> tuple[LoadReport, float]:
    """The report of loading `graph`, and how many seconds the load took."""
    started = time.perf_counter()
    report = store.load(graph)
    return report, time.perf_counter() - started


def _reload(store: Neo4jStore, graph: Graph, what: str) -> None:
    report, seconds = _timed_load(store, graph)
    print(
        f"reload of {what}: {seconds:.1f}s, {report.mode}: wrote {report.written_actors} "
        f"actors, {report.written_relations} relations; removed {report.deleted_actors} "
        f"actors, {report.deleted_relations} relations ({load_average()})"
    )


def _admin_import(store: Neo4jStore, graph: Graph) -> None:
    """`kizuna neo4j load --bulk`'s import, its stages timed."""
    report, times = bulk_import(store, graph)
    print(
        f"initial load (neo4j-admin import): CSV written (server stopped meanwhile) in "
        f"{times.written:.1f}s, imported and server restarted at {times.imported:.1f}s, "
        f"constraints and indexes built at {times.indexed:.1f}s, digest recorded at "
        f"{times.recorded:.1f}s: {report.relations / times.recorded:,.0f} relations/s overall"
    )


if __name__ == "__main__":
    main()
