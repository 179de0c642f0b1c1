"""Query benchmark: each store's search, neighbourhood and paths beside reference implementations.

On the synthetic graph (bench/synthetic_graph.py, hubs included) it times, one query at a time,
the embedded store and Neo4j, and next to them what the same machine does with references:

- search: rapidfuzz over every name (the scan the name index avoids);
- neighbourhood (depth 2): networkx's breadth-first search, whole ball, no limit;
- paths (one shortest): networkx's bidirectional search; a bidirectional search over the
  same CSR arrays with nothing else (no canonical order, no hops); Neo4j's `SHORTEST 1`
  written by hand.

Random pairs include pairs with no route within max_hops, the worst case of a bidirectional
search. It prints p50 and p99 in milliseconds and each row's p50 against the embedded store's.

    .venv/bin/python -m bench.queries                       # 100k actors, 1M relations
    .venv/bin/python -m bench.queries --actors 10000 --relations 100000 --backends memory
    .venv/bin/python -m bench.queries --no-load             # Neo4j already holds the graph
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process

from api.app import open_store
from api.settings import Settings
from bench.synthetic_graph import add_graph_options, load_average, synthetic_graph
from graph.adjacency import Adjacency
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.querying import DEFAULT_MIN_CONFIDENCE, Filters, normalise_text
from graph.store import GraphStore

__all__ = ["main"]

_HAND_SHORTEST = """
MATCH (s:Actor {id: $source}), (t:Actor {id: $target})
MATCH p = SHORTEST 1 (s)-[]-{1,%d}(t)
RETURN [n IN nodes(p) | n.id] AS route
"""


@dataclass
class Timings:
    """Latencies of one implementation on one kind of query."""

    seconds: list[float] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        if not self.seconds:
            return float("nan")
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


def timed(calls: list[Callable[[], object]]) -> Timings:
    result = Timings()
    for call in calls:
        began = time.perf_counter()
        call()
        result.seconds.append(time.perf_counter() - began)
    return result


@dataclass(frozen=True)
class Workload:
    searches: list[str]
    centres: list[str]
    pairs: list[tuple[str, str]]


def workload(graph: Graph, count: int, seed: int) -> Workload:
    """Searches (whole names, first words, prefixes, a typo), centres and pairs, hubs included."""
    rng = random.Random(seed)
    actors = graph.actors
    hubs = [a.id for a in actors[:20]]
    searches: list[str] = []
    for _ in range(count):
        name = rng.choice(actors).name
        word = name.split()[0]
        searches.append(rng.choice([name, word, word[:4], word[:-2] + word[-1] + word[-2]]))
    centres = [rng.choice(hubs) if i % 10 == 0 else rng.choice(actors).id for i in range(count)]
    pairs = []
    for i in range(count):
        source = rng.choice(hubs) if i % 10 == 0 else rng.choice(actors).id
        pairs.append((source, rng.choice(actors).id))
    return Workload(searches, centres, pairs)


class Csr:
    """The reference CSR search: a bidirectional BFS over the adjacency arrays, nothing else."""

    def __init__(self, adjacency: Adjacency) -> None:
        self.indptr = adjacency.indptr
        self.other = adjacency.other
        self.number = adjacency.number

    def _expand(self, frontier: np.ndarray) -> np.ndarray:
        parts = [self.other[self.indptr[n] : self.indptr[n + 1]] for n in frontier.tolist()]
        return np.unique(np.concatenate(parts)) if parts else frontier

    def distance(self, source: str, target: str, max_hops: int) -> int | None:
        seen = [{self.number[source]: 0}, {self.number[target]: 0}]
        frontiers = [np.array(list(seen[0])), np.array(list(seen[1]))]
        radius = [0, 0]
        while radius[0] + radius[1] < max_hops:
            side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
            reached = self._expand(frontiers[side])
            radius[side] += 1
            fresh = [n for n in reached.tolist() if n not in seen[side]]
            meet = [radius[side] + seen[1 - side][n] for n in fresh if n in seen[1 - side]]
            if meet:
                return min(meet)
            for n in fresh:
                seen[side][n] = radius[side]
            frontiers[side] = np.array(fresh, dtype=np.int64)
            if not fresh:
                return None
        return None


def _nx_graph(graph: Graph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(a.id for a in graph.actors)
    simple.add_edges_from((r.source, r.target) for r in graph.relations)
    return simple


def _nx_path(simple: nx.Graph, source: str, target: str, max_hops: int) -> list[str] | None:
    try:
        path: list[str] = nx.bidirectional_shortest_path(simple, source, target)
    except nx.NetworkXNoPath:
        return None
    return path if len(path) - 1 <= max_hops else None


@contextmanager
def neo4j_store(load: Graph | None) -> Iterator[GraphStore]:
    with open_store(Settings(backend="neo4j")) as store:
        if load is not None:
            began = time.perf_counter()
            store.replace(load)
            seconds = time.perf_counter() - began
            rate = len(load.relations) / seconds
            print(f"neo4j: loaded in {seconds:.1f} s ({rate:,.0f} relations/s)", flush=True)
        yield store


def run(options: argparse.Namespace) -> None:
    began = time.perf_counter()
    graph = synthetic_graph(options.actors, options.relations, options.seed)
    print(
        f"graph: {len(graph.actors)} actors, {len(graph.relations)} relations "
        f"({time.perf_counter() - began:.1f} s); {options.count} queries of each kind; "
        f"depth 2 limit {options.limit}; paths max_hops {options.max_hops} k {options.k}",
        flush=True,
    )
    work = workload(graph, options.count, options.seed)
    filtered = Filters.build(
        relation_types=["FUNDS", "SIGNED_MOC", "PARTNERS_WITH", "MEMBER_OF", "PART_OF"],
        since=2000,
    )
    rows: list[tuple[str, str, Timings]] = []

    def measure(query: str, impl: str, calls: list[Callable[[], object]]) -> None:
        rows.append((query, impl, timed(calls)))
        p50, p99 = rows[-1][2].percentile(50), rows[-1][2].percentile(99)
        print(f"  {query:22} {impl:22} p50 {p50:8.2f}  p99 {p99:8.2f} ms", flush=True)

    def store_rows(name: str, store: GraphStore) -> None:
        # Untimed, once each: Neo4jStore builds its name index on the first search after a
        # load, and Neo4j plans a statement the first time it meets its parameters' types.
        store.search(work.searches[0])
        store.neighbourhood(work.centres[0], 2, Filters(), options.limit)
        for f in (Filters(), filtered):
            store.paths(*work.pairs[0], options.max_hops, options.k, f)
        measure("search", name, [partial(store.search, q) for q in work.searches])
        # As the API asks: the degree of each hit counted at the confidence floor.
        measure(
            "search at the floor",
            name,
            [
                partial(store.search, q, min_confidence=DEFAULT_MIN_CONFIDENCE)
                for q in work.searches
            ],
        )
        measure(
            "neighbourhood d2",
            name,
            [partial(store.neighbourhood, c, 2, Filters(), options.limit) for c in work.centres],
        )
        for label, f in (("paths", Filters()), ("paths filtered", filtered)):
            measure(
                label,
                name,
                [partial(store.paths, s, t, options.max_hops, options.k, f) for s, t in work.pairs],
            )

    backends = options.backends.split(",")
    if "memory" in backends:
        memory = MemoryStore()
        began = time.perf_counter()
        memory.replace(graph)
        print(f"memory: indexed in {time.perf_counter() - began:.1f} s", flush=True)
        store_rows("memory", memory)
        reachable = sum(
            1 for s, t in work.pairs if memory.paths(s, t, options.max_hops, 1, Filters())
        )
        print(f"  pairs with a route within {options.max_hops} hops: {reachable}/{len(work.pairs)}")
        names = sorted({normalise_text(n) for a in graph.actors for n in (a.name, *a.aliases)})
        measure(
            "search",
            "ref: rapidfuzz scan",
            [
                partial(
                    process.extract,
                    normalise_text(q),
                    names,
                    scorer=fuzz.ratio,
                    score_cutoff=80,
                    limit=None,
                )
                for q in work.searches
            ],
        )
        csr = Csr(memory._current().adjacency)
        measure(
            "paths",
            "ref: CSR bidirectional",
            [partial(csr.distance, s, t, options.max_hops) for s, t in work.pairs],
        )
        simple = _nx_graph(graph)
        measure(
            "neighbourhood d2",
            "ref: networkx ball",
            [
                partial(nx.single_source_shortest_path_length, simple, c, cutoff=2)
                for c in work.centres
            ],
        )
        measure(
            "paths",
            "ref: networkx bidir.",
            [partial(_nx_path, simple, s, t, options.max_hops) for s, t in work.pairs],
        )
        del simple
    if "neo4j" in backends:
        with neo4j_store(None if options.no_load else graph) as store:
            store_rows("neo4j", store)
            driver = store.driver  # type: ignore[attr-defined]
            hand = _HAND_SHORTEST % options.max_hops
            measure(
                "paths",
                "ref: neo4j SHORTEST 1",
                [partial(driver.execute_query, hand, source=s, target=t) for s, t in work.pairs],
            )
    print()
    base = {q: t.percentile(50) for q, impl, t in rows if impl == "memory"}
    print(f"{'query':22} {'implementation':22} {'p50 ms':>9} {'p99 ms':>9} {'÷ memory':>9}")
    for query, impl, t in rows:
        ratio = t.percentile(50) / base[query] if query in base else float("nan")
        print(f"{query:22} {impl:22} {t.percentile(50):9.2f} {t.percentile(99):9.2f} {ratio:9.2f}")
    print(load_average())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add_graph_options(parser)
    parser.add_argument("--backends", default="memory,neo4j")
    parser.add_argument("--count", type=int, default=200, help="queries of each kind")
    parser.add_argument("--limit", type=int, default=200, help="neighbourhood limit")
    parser.add_argument("--max-hops", type=int, default=3)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--no-load", action="store_true", help="Neo4j holds the graph already")
    run(parser.parse_args(argv))


if __name__ == "__main__":
    main()
