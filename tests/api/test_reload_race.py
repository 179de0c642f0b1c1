"""A build replacing the store file under running queries never mixes two graphs in an answer.

The store file is replaced every 0.05 s, by turns with two graphs that number their actors and
relations differently, while eight clients ask for paths, neighbourhoods, actors and centrality
over real HTTP for a fixed window. Every answer must come whole from one of the two graphs:
no 5xx, no hop listing a relation that does not join its actors, no edge to an actor the
answer does not hold, no relation that its graph lacks (bench.race_check says how each is
told; bench/reload_race.py runs the same at a million relations)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from bench.race_check import Checker, GraphKeys, race, requests_for
from bench.synthetic_graph import synthetic_documents, synthetic_graph
from graph.files import write_atomically
from graph.formats.store_file import store_bytes
from graph.memory_store import MemoryStore
from graph.model import Graph
from tests.api.live_server import serve

WINDOW_SECONDS = 5.0
REPLACE_EVERY = 0.05
CLIENTS = 8


def _graph(actors: int, relations: int, seed: int) -> Graph:
    graph = synthetic_graph(actors, relations, seed=seed, documents=20)
    texts = synthetic_documents(graph.relations, [d.name for d in graph.documents])
    graph.documents = [d.model_copy(update={"text": texts[d.name]}) for d in graph.documents]
    return graph


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
    checker = Checker([GraphKeys.of_graph(g) for g in two_graphs])
    asked = requests_for(shared[:6], shared[:12])
    with serve(create_app(store=MemoryStore(path))) as server:
        outcome = race(
            server.url,
            lambda turn: write_atomically(path, files[turn % 2]),
            REPLACE_EVERY,
            WINDOW_SECONDS,
            CLIENTS,
            asked,
            checker,
        )
    assert outcome.replacements >= 10
    assert checker.answered > 100, checker.counts
    assert checker.wrong == [], (len(checker.wrong), checker.wrong[:10], checker.counts)
    assert checker.server_errors == 0


def test_an_answer_made_of_both_graphs_is_what_the_checker_refuses(
    two_graphs: list[Graph],
) -> None:
    checker = Checker([GraphKeys.of_graph(g) for g in two_graphs])
    only = GraphKeys.of_graph(two_graphs[1]).relations - GraphKeys.of_graph(two_graphs[0]).relations
    stray = next(r for r in two_graphs[1].relations if (r.source, r.type, r.target, r.year) in only)

    def answer(edges: list[dict[str, Any]]) -> dict[str, Any]:
        centre, *others = sorted({e[end] for e in edges for end in ("source", "target")})
        return {"center": {"id": centre}, "nodes": [{"id": i} for i in others], "edges": edges}

    whole = [two_graphs[0].relations[0].model_dump(mode="json")]
    assert checker.neighbourhood(answer(whole)) is None
    mixed = [*whole, stray.model_dump(mode="json")]
    assert checker.neighbourhood(answer(mixed)) == "a neighbourhood mixes two graphs"
