"""A build replacing the store file under running queries never mixes two graphs in an answer.

The store file is replaced every 0.05 s, by turns with two graphs that number their actors and
relations differently, while clients ask for paths, neighbourhoods, actors and centrality over
real HTTP for a fixed window. Every answer must come whole from one of the two graphs: no 5xx,
no hop listing a relation that does not join its actors, no edge to an actor the answer does
not hold, no relation that its graph lacks."""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.app import create_app
from bench.synthetic_graph import synthetic_documents, synthetic_graph
from graph.files import write_atomically
from graph.formats.store_file import store_bytes
from graph.memory_store import MemoryStore
from graph.model import Graph
from tests.api.live_server import serve

WINDOW_SECONDS = 5.0
REPLACE_EVERY = 0.05
CLIENTS = 8

Key = tuple[str, str, str, int | None]


def _graph(actors: int, relations: int, seed: int) -> Graph:
    graph = synthetic_graph(actors, relations, seed=seed, documents=20)
    texts = synthetic_documents(graph.relations, [d.name for d in graph.documents])
    graph.documents = [d.model_copy(update={"text": texts[d.name]}) for d in graph.documents]
    return graph


def _keys(graph: Graph) -> set[Key]:
    return {(r.source, r.type, r.target, r.year) for r in graph.relations}


def _edge_keys(edges: list[dict[str, Any]]) -> set[Key]:
    return {(e["source"], e["type"], e["target"], e["year"]) for e in edges}


class Checker:
    """Counts answers, 5xx and wrong answers (an answer not wholly from one graph)."""

    def __init__(self, graphs: list[Graph]) -> None:
        self.keys = [_keys(g) for g in graphs]
        self.ids = [{a.id for a in g.actors} for g in graphs]
        self.counts: Counter[str] = Counter()
        self.wrong: list[str] = []
        self.lock = threading.Lock()

    def _one_graph(self, relations: set[Key], actors: set[str]) -> bool:
        return any(
            relations <= keys and actors <= ids
            for keys, ids in zip(self.keys, self.ids, strict=True)
        )

    def check(self, kind: str, response: httpx.Response) -> None:
        problem = None
        if response.status_code >= 500:
            problem = f"{response.status_code}: {response.text[:200]}"
        elif response.status_code == 200:
            problem = getattr(self, kind)(response.json())
        with self.lock:
            self.counts[kind] += 1
            self.counts[str(response.status_code)] += 1
            if problem is not None:
                self.wrong.append(f"{kind}: {problem}")

    def paths(self, body: dict[str, Any]) -> str | None:
        for path in body["paths"]:
            edges = [e for hop in path["hops"] for e in hop["relations"]]
            for hop in path["hops"]:
                ends = {hop["from"], hop["to"]}
                if any({e["source"], e["target"]} != ends for e in hop["relations"]):
                    return f"a hop lists a relation that does not join {sorted(ends)}"
            actors = {n["id"] for n in path["nodes"]}
            if not self._one_graph(_edge_keys(edges), actors):
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


def _requests(shared: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    hubs = shared[:6]
    asked: list[tuple[str, str, dict[str, Any]]] = []
    for source, target in itertools.permutations(hubs, 2):
        asked.append(("paths", "/paths", {"source": source, "target": target, "max_hops": 2}))
    for actor in shared[:12]:
        asked.append(("neighbourhood", f"/actors/{actor}/neighbourhood", {"limit": 60}))
        asked.append(("actor", f"/actors/{actor}", {}))
    asked.append(("centrality", "/analytics/centrality", {"measure": "degree"}))
    return asked


def _race(url: str, path: Path, files: list[bytes], checker: Checker, shared: list[str]) -> int:
    """Replace the file by turns for the window while the clients ask; the replacements."""
    stop = threading.Event()
    replaced = 0

    def replacer() -> None:
        nonlocal replaced
        for data in itertools.cycle(files):
            if stop.wait(REPLACE_EVERY):
                return
            write_atomically(path, data)
            replaced += 1

    def client(offset: int) -> None:
        asked = _requests(shared)
        with httpx.Client(base_url=url, timeout=60) as http:
            for kind, where, params in itertools.islice(itertools.cycle(asked), offset, None):
                if stop.is_set():
                    return
                try:
                    checker.check(kind, http.get(where, params=params))
                except httpx.TransportError as exc:
                    with checker.lock:
                        checker.wrong.append(f"{kind}: connection failed ({exc!r})")

    threads = [threading.Thread(target=replacer)] + [
        threading.Thread(target=client, args=(7 * i,)) for i in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    time.sleep(WINDOW_SECONDS)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    return replaced


@pytest.fixture(scope="module")
def two_graphs() -> list[Graph]:
    return [_graph(1000, 5000, seed=1), _graph(1100, 5000, seed=2)]


def test_queries_during_replacements_answer_from_one_graph_each_and_never_fail(
    tmp_path: Path, two_graphs: list[Graph]
) -> None:
    files = [store_bytes(g) for g in two_graphs]
    shared = sorted(set.intersection(*({a.id for a in g.actors} for g in two_graphs)))
    path = tmp_path / "store.json"
    path.write_bytes(files[0])
    checker = Checker(two_graphs)
    with serve(create_app(store=MemoryStore(path))) as server:
        replaced = _race(server.url, path, files, checker, shared)
    answered = sum(checker.counts[k] for k in ("paths", "neighbourhood", "actor", "centrality"))
    assert replaced >= 10
    assert answered > 100, checker.counts
    assert checker.wrong == [], (len(checker.wrong), checker.wrong[:10], checker.counts)
    assert not any(code.startswith("5") for code in checker.counts if code.isdigit())


def test_answers_wholly_from_one_graph_are_what_the_checker_accepts(
    two_graphs: list[Graph],
) -> None:
    """The checker can fail: an answer made of both graphs is refused."""
    checker = Checker(two_graphs)
    only = set(_keys(two_graphs[1])) - set(_keys(two_graphs[0]))
    stray = next(r for r in two_graphs[1].relations if (r.source, r.type, r.target, r.year) in only)

    def answer(edges: list[dict[str, Any]]) -> dict[str, Any]:
        centre, *others = sorted({e[end] for e in edges for end in ("source", "target")})
        return {"center": {"id": centre}, "nodes": [{"id": i} for i in others], "edges": edges}

    verdict: Callable[[dict[str, Any]], str | None] = checker.neighbourhood
    whole = [two_graphs[0].relations[0].model_dump(mode="json")]
    assert verdict(answer(whole)) is None
    mixed = [*whole, stray.model_dump(mode="json")]
    assert verdict(answer(mixed)) == "a neighbourhood mixes two graphs"
