"""A reload race: a store file replaced by turns with two graphs while clients query the API,
every answer checked to come whole from one of the two graphs.

Shared by the test (tests/api/test_reload_race.py: small graphs, a few seconds) and the
benchmark (bench/reload_race.py: a million relations, a minute). An answer is wrong when a
path hop lists a relation that does not join its two actors, a neighbourhood holds an edge to
an actor it does not list, an actor lists a relation it is not an end of, centrality names an
actor the store does not know, or the relations and actors of one answer are not all of one
of the two graphs. An analysis turned away with 503 and Retry-After (one runs at a time) is
counted apart, as busy.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx

from graph.formats.store_file import NO_YEAR, StoreFile, column
from graph.model import Graph

__all__ = ["Checker", "GraphKeys", "Key", "Outcome", "race", "requests_for"]

Key = tuple[str, str, str, int | None]
KINDS = ("paths", "neighbourhood", "actor", "centrality")


@dataclass(frozen=True)
class GraphKeys:
    """What tells one graph's answers from another's: its relation keys and actor ids."""

    relations: frozenset[Key]
    actors: frozenset[str]

    @classmethod
    def of_graph(cls, graph: Graph) -> GraphKeys:
        return cls(
            frozenset((r.source, r.type, r.target, r.year) for r in graph.relations),
            frozenset(a.id for a in graph.actors),
        )

    @classmethod
    def of_store_file(cls, content: StoreFile) -> GraphKeys:
        ids = [a.id for a in content.actors]
        rel = content.relations
        years = [None if y == NO_YEAR else y for y in column(rel, "year").tolist()]
        keys = zip(
            (ids[s] for s in column(rel, "source").tolist()),
            (rel.types[t] for t in column(rel, "type").tolist()),
            (ids[t] for t in column(rel, "target").tolist()),
            years,
            strict=True,
        )
        return cls(frozenset(keys), frozenset(ids))


def _edge_keys(edges: Iterable[dict[str, Any]]) -> set[Key]:
    return {(e["source"], e["type"], e["target"], e["year"]) for e in edges}


@dataclass
class Checker:
    """Counts answers by kind and status, and the wrong ones, over the graphs in turn."""

    graphs: list[GraphKeys]
    counts: Counter[str] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _one_graph(self, relations: set[Key], actors: set[str]) -> bool:
        return any(relations <= g.relations and actors <= g.actors for g in self.graphs)

    def check(self, kind: str, response: httpx.Response) -> None:
        problem = None
        if response.status_code == 503 and "Retry-After" in response.headers:
            with self.lock:  # an analysis turned away while another runs: load shed, not wrong
                self.counts[kind] += 1
                self.counts["busy"] += 1
            return
        if response.status_code >= 500:
            problem = f"{response.status_code}: {response.text[:200]}"
        elif response.status_code == 200:
            problem = getattr(self, kind)(response.json())
        with self.lock:
            self.counts[kind] += 1
            self.counts[str(response.status_code)] += 1
            if problem is not None:
                self.wrong.append(f"{kind}: {problem}")

    def failed(self, kind: str, error: Exception) -> None:
        with self.lock:
            self.counts[kind] += 1
            self.counts["no answer"] += 1
            self.wrong.append(f"{kind}: no answer ({error!r})")

    @property
    def answered(self) -> int:
        return sum(self.counts[k] for k in KINDS) - self.counts["no answer"] - self.counts["busy"]

    @property
    def server_errors(self) -> int:
        """Answers 5xx, but for the 503s of analyses turned away with Retry-After."""
        return sum(n for code, n in self.counts.items() if code.isdigit() and code >= "500")

    def paths(self, body: dict[str, Any]) -> str | None:
        for path in body["paths"]:
            for hop in path["hops"]:
                ends = {hop["from"], hop["to"]}
                if any({e["source"], e["target"]} != ends for e in hop["relations"]):
                    return f"a hop lists a relation that does not join {sorted(ends)}"
            edges = [e for hop in path["hops"] for e in hop["relations"]]
            if not self._one_graph(_edge_keys(edges), {n["id"] for n in path["nodes"]}):
                return "a path mixes two graphs"
        return None

    def neighbourhood(self, body: dict[str, Any]) -> str | None:
        held = {body["center"]["id"]} | {n["id"] for n in body["nodes"]}
        ends = {end for e in body["edges"] for end in (e["source"], e["target"])}
        if not ends <= held:
            return f"edges reach actors not in the answer: {sorted(ends - held)[:3]}"
        if not self._one_graph(_edge_keys(body["edges"]), held):
            return "a neighbourhood mixes two graphs"
        return None

    def actor(self, body: dict[str, Any]) -> str | None:
        me = body["id"]
        relations = [r for group in body["relations"].values() for r in group]
        if any(me not in (r["source"], r["target"]) for r in relations):
            return "an actor lists a relation it is not an end of"
        if any(r["other"]["id"] not in (r["source"], r["target"]) for r in relations):
            return "an actor names the other end of a relation wrongly"
        if not self._one_graph(_edge_keys(relations), {me}):
            return "an actor's relations mix two graphs"
        return None

    def centrality(self, body: dict[str, Any]) -> str | None:
        named = {a["id"] for a in body["actors"] if a["type"]}
        if len(named) != len(body["actors"]):
            return "centrality names an actor the store does not know"
        if not self._one_graph(set(), named):
            return "centrality mixes two graphs"
        return None


Request = tuple[str, str, dict[str, Any]]


def requests_for(hubs: list[str], others: list[str], centrality: bool = True) -> list[Request]:
    """Paths between hubs, neighbourhoods and profiles of other actors, and a centrality."""
    asked: list[Request] = []
    for source, target in itertools.permutations(hubs, 2):
        asked.append(("paths", "/paths", {"source": source, "target": target, "max_hops": 2}))
    for actor in others:
        asked.append(("neighbourhood", f"/actors/{actor}/neighbourhood", {"limit": 60}))
        asked.append(("actor", f"/actors/{actor}", {}))
    if centrality:
        asked.append(("centrality", "/analytics/centrality", {"measure": "degree"}))
    return asked


@dataclass(frozen=True)
class Outcome:
    replacements: int
    seconds: float


def race(
    url: str,
    replace: Callable[[int], None],
    every: float,
    window: float,
    clients: int,
    asked: list[Request],
    checker: Checker,
) -> Outcome:
    """`replace(turn)` every `every` seconds for `window` seconds while `clients` clients
    send `asked` round and round (each from its own place in it), every answer checked."""
    stop = threading.Event()
    replaced = 0

    def replacer() -> None:
        nonlocal replaced
        for turn in itertools.count(1):
            if stop.wait(every):
                return
            replace(turn)
            replaced += 1

    def client(offset: int) -> None:
        with httpx.Client(base_url=url, timeout=600) as http:
            for kind, where, params in itertools.islice(itertools.cycle(asked), offset, None):
                if stop.is_set():
                    return
                try:
                    checker.check(kind, http.get(where, params=params))
                except httpx.TransportError as exc:
                    checker.failed(kind, exc)

    threads = [threading.Thread(target=replacer)] + [
        threading.Thread(target=client, args=(7 * i,)) for i in range(clients)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(window)
    stop.set()
    for thread in threads:
        thread.join(timeout=600)
    return Outcome(replaced, time.perf_counter() - began)
