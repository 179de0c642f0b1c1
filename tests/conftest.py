"""Shared fixtures (the stores under contract, the sample graph) and the test markers.

Every test that needs the real Neo4j server is marked `neo4j`, and every test that needs
headless Chromium is marked `browser`, by a collection hook rather than by hand, so that
`pytest -m "not neo4j and not browser"` runs on a machine with neither:

- `neo4j`: the test depends on the `neo4j_server` fixture, directly or through other
  fixtures, or a parametrised fixture gives it the "neo4j" store kind (those fixtures reach
  the server through `request.getfixturevalue`, which the fixture closure cannot see);
- `browser`: the test depends on the `chromium` fixture (tests.chromium), directly or through
  other fixtures.

`scripts/test` runs the suite on two pytest-xdist workers: the tests that use the session's
Neo4j database all run on one worker, one after another (they reload the one database), as do
those of the bulk import's throwaway server; the rest are shared out (tests/xdist_groups.py). The
graph built from seeds/ is extracted once per run: the first worker to ask builds it into an
extraction cache both workers share, the other reads it from there.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.memory_store import MemoryStore
from graph.model import Graph, Relation
from graph.store import GraphStore
from tests.contract.sample_graph import sample_graph
from tests.xdist_groups import GROUPS_FOLDER, GroupScheduling, group_of, record_groups

pytest_plugins = ["tests.neo4j_server", "tests.chromium"]

STORE_KINDS = ["memory", "neo4j"]
PROJECT = Path(__file__).resolve().parents[1]


def _needs_neo4j(item: pytest.Item) -> bool:
    if "neo4j_server" in getattr(item, "fixturenames", ()):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and "neo4j" in callspec.params.values()


def _needs_chromium(item: pytest.Item) -> bool:
    return "chromium" in getattr(item, "fixturenames", ())


class _GroupedScheduling:
    """The xdist hook that keeps each group of tests on one worker (tests/xdist_groups.py);
    registered only where xdist is loaded, so that `-p no:xdist` runs the suite too."""

    @staticmethod
    def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> GroupScheduling:
        return GroupScheduling(config, log)


def pytest_configure(config: pytest.Config) -> None:
    """With xdist: its scheduler hook, and on the controller the folder the workers write
    their test groups to."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    config.pluginmanager.register(_GroupedScheduling())
    if getattr(config, "workerinput", None) is None and config.getoption("numprocesses", None):
        os.environ[GROUPS_FOLDER] = tempfile.mkdtemp(prefix="kizuna-test-groups-")


def pytest_unconfigure(config: pytest.Config) -> None:
    if getattr(config, "workerinput", None) is None and GROUPS_FOLDER in os.environ:
        shutil.rmtree(os.environ.pop(GROUPS_FOLDER), ignore_errors=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    groups: dict[str, str] = {}
    for item in items:
        needs_neo4j = _needs_neo4j(item)
        if needs_neo4j:
            item.add_marker(pytest.mark.neo4j)
        if _needs_chromium(item):
            item.add_marker(pytest.mark.browser)
        group = group_of(item, needs_neo4j)
        if group is not None:
            groups[item.nodeid] = group
    record_groups(config, groups)


@pytest.fixture(scope="session")
def contract_graph() -> Graph:
    return sample_graph()


@pytest.fixture(scope="session")
def seeds_graph(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Graph:
    """The graph `kizuna build` makes from the project's seeds/ and curation.yaml, extracted
    once per run into a cache the xdist workers share (the first builds it, holding a lock;
    the next reads its extractions, which give the same graph byte for byte)."""
    from loaders.pipeline import build_graph

    shared = tmp_path_factory.getbasetemp()
    if getattr(request.config, "workerinput", None) is not None:  # an xdist worker's
        shared = shared.parent
    with (shared / "seeds-graph.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        graph, _ = build_graph(
            [PROJECT / "seeds"], PROJECT / "curation.yaml", 20_000_000, shared / "seeds-cache"
        )
    return graph


COOCCURRENCE = 0.3


def with_cooccurrence(graph: Graph, source: str, rel_type: str, target: str) -> Graph:
    """The graph with one more relation, at the confidence of a co-occurrence (below the
    API's floor), quoting a sentence the graph already cites for `source`: what the tests of
    the floor need, whatever the extractor makes of the seeds."""
    quoted = next(r for r in graph.relations if source in (r.source, r.target))
    low = Relation(
        source=source,
        target=target,
        type=rel_type,
        rule="cooccurrence",
        confidence=COOCCURRENCE,
        evidence=quoted.evidence[:1],
    )
    assert low.key not in {r.key for r in graph.relations}
    return graph.model_copy(update={"relations": [*graph.relations, low]})


@pytest.fixture(scope="session")
def seeds_graph_with_cooccurrence(seeds_graph: Graph) -> Graph:
    """The seeds' graph and "JICA SUPPORTS India" at 0.3: a route from JICA to India that
    only a client lowering the floor may take."""
    return with_cooccurrence(seeds_graph, "agency:jica", "SUPPORTS", "country:IND")


def _memory_store(tmp_path: Path, graph: Graph) -> MemoryStore:
    store = MemoryStore(tmp_path / "store.json")
    store.replace(graph)
    return store


@pytest.fixture(params=STORE_KINDS)
def store(
    request: pytest.FixtureRequest, tmp_path: Path, contract_graph: Graph
) -> Iterator[GraphStore]:
    """Each store kind, holding the contract graph."""
    if request.param == "memory":
        memory = _memory_store(tmp_path, contract_graph)
        yield memory
        memory.close()
    else:
        yield request.getfixturevalue(f"{request.param}_contract_store")
