"""Both stores answer alike on a graph bigger and messier than the contract sample.

A synthetic graph (hubs, parallel relations, years missing on some) is put in both stores, and
a fixed sample of searches, neighbourhoods and path questions must get identical answers.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import neo4j
import pytest

from bench.synthetic_graph import synthetic_graph
from graph.errors import ActorNotFound
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from graph.querying import Filters

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def graph() -> Graph:
    return synthetic_graph(300, 1500, seed=21, documents=6)


@pytest.fixture
def stores(graph: Graph, neo4j_driver: neo4j.Driver) -> Iterator[tuple[MemoryStore, Neo4jStore]]:
    memory = MemoryStore()
    memory.replace(graph)
    neo = Neo4jStore(neo4j_driver)
    neo.replace(graph, wipe=True)
    yield memory, neo


def test_snapshots_are_equal(stores: tuple[MemoryStore, Neo4jStore]) -> None:
    memory, neo = stores
    assert neo.snapshot() == memory.snapshot()
    assert neo.stats() == memory.stats()


def test_searches_agree(stores: tuple[MemoryStore, Neo4jStore], graph: Graph) -> None:
    memory, neo = stores
    rng = random.Random(1)
    queries = ["Kari", "kar", "syn", "Tanzeven", "hamiro 12"]
    for actor in rng.sample(graph.actors, 15):
        name = actor.name
        queries.append(name)
        queries.append(name[:-3] + name[-2] + name[-3] + name[-1])  # a transposition typo
        queries.append(name.split()[0].lower())
    for query in queries:
        assert neo.search(query, limit=50) == memory.search(query, limit=50), query
        assert neo.find_by_name(query) == memory.find_by_name(query), query


def test_neighbourhoods_agree(stores: tuple[MemoryStore, Neo4jStore], graph: Graph) -> None:
    memory, neo = stores
    rng = random.Random(2)
    filters = [
        Filters(),
        Filters.build(relation_types=["FUNDS", "SIGNED_MOC", "PARTNERS_WITH"]),
        Filters.build(since=2000, until=2015),
        Filters.build(actor_types=["Company", "Agency", "Country"]),
    ]
    for actor in rng.sample(graph.actors, 12):
        for depth in (1, 2, 3):
            for f in filters:
                for limit in (5, 60):
                    want = memory.neighbourhood(actor.id, depth, f, limit)
                    assert neo.neighbourhood(actor.id, depth, f, limit) == want, (actor.id, f)


def test_paths_agree(stores: tuple[MemoryStore, Neo4jStore], graph: Graph) -> None:
    memory, neo = stores
    rng = random.Random(3)
    filters = [
        Filters(),
        Filters.build(since=1995),
        Filters.build(actor_types=["University", "Company", "Programme"]),
        Filters.build(relation_types=["FUNDS", "SIGNED_MOC", "PARTNERS_WITH"], until=2015),
    ]
    hubs = [a.id for a in graph.actors[:20]]
    pairs = [tuple(a.id for a in rng.sample(graph.actors, 2)) for _ in range(10)]
    pairs += [(rng.choice(hubs), rng.choice(graph.actors).id) for _ in range(4)]
    for source, target in pairs:
        for f in filters:
            for max_hops, k in ((3, 4), (2, 10)):
                want = memory.paths(source, target, max_hops, k, f)
                got = neo.paths(source, target, max_hops, k, f)
                assert got == want, (source, target, f, max_hops, k)


def test_hub_neighbourhoods_agree_and_stop_at_the_limit(
    stores: tuple[MemoryStore, Neo4jStore], graph: Graph
) -> None:
    memory, neo = stores
    for hub in graph.actors[:3]:
        for limit in (5, 16):
            want = memory.neighbourhood(hub.id, 2, Filters(), limit)
            assert want.truncated
            assert len(want.level_counts) == 1  # the first level fills the limit
            assert want.level_counts[0] == len(
                memory.neighbourhood(hub.id, 1, Filters(), 500).nodes
            )
            assert neo.neighbourhood(hub.id, 2, Filters(), limit) == want


def test_long_levels_walked_in_id_index_order_agree_with_short_ones_read_whole(
    stores: tuple[MemoryStore, Neo4jStore], graph: Graph
) -> None:
    """Neo4j finds the first actors of a long level by walking the id index and those of a
    short one by reading every id (`cypher._first_by_id`); the sample must hold both kinds."""
    memory, neo = stores
    walked = read = 0
    for actor in graph.actors[::15]:
        for limit in (1, 8, 60, 200):
            want = memory.neighbourhood(actor.id, 2, Filters(), limit)
            assert neo.neighbourhood(actor.id, 2, Filters(), limit) == want, (actor.id, limit)
            for count in want.level_counts:
                if 4 * count * count >= max(limit, 1) * len(graph.actors):
                    walked += 1
                else:
                    read += 1
    assert walked >= 10
    assert read >= 10


def test_relations_between_hubs_kept_between_answers_agree_across_reloads(
    neo4j_driver: neo4j.Driver, graph: Graph
) -> None:
    """With a low hub degree, most relations of a neighbourhood join two hubs and come from the
    store's cache after the first answer. Reloads that give element ids to other relations
    (another graph, then the first again) must not let the cache answer for them."""
    neo = Neo4jStore(neo4j_driver, hub_degree=8)
    other = synthetic_graph(300, 1500, seed=22, documents=6)
    since = Filters.build(since=2015)
    for loaded in (graph, other, graph):
        memory = MemoryStore()
        memory.replace(loaded)
        neo.replace(loaded, wipe=True)
        for actor in loaded.actors[::30]:
            for f in (Filters(), since):
                want = memory.neighbourhood(actor.id, 2, f, 200)
                assert neo.neighbourhood(actor.id, 2, f, 200) == want, (actor.id, f)
                assert neo.neighbourhood(actor.id, 2, f, 200) == want, (actor.id, f)
        assert len(neo._hub_relations) > 100
        generation = "MATCH (m:KizunaLoad) RETURN m.generation AS generation"
        current = neo4j_driver.execute_query(generation).records[0]["generation"]
        assert neo._hub_relations.generation == current


def test_neighbourhoods_holding_several_hubs_agree_on_the_relations_between_them(
    stores: tuple[MemoryStore, Neo4jStore], graph: Graph
) -> None:
    memory, neo = stores
    hubs = {a.id for a in graph.actors[:20]}
    crowded = []
    for actor in graph.actors[20:]:
        want = memory.neighbourhood(actor.id, 2, Filters(), 200)
        if len(hubs & {n.actor.id for n in want.nodes}) >= 3:
            crowded.append((actor.id, want))
        if len(crowded) == 4:
            break
    assert len(crowded) == 4
    for actor_id, want in crowded:
        assert any(e.source in hubs and e.target in hubs for e in want.edges)
        assert neo.neighbourhood(actor_id, 2, Filters(), 200) == want, actor_id


def test_an_unknown_centre_raises_the_same_error_on_both_stores(
    stores: tuple[MemoryStore, Neo4jStore],
) -> None:
    memory, neo = stores
    errors = []
    for store in (memory, neo):
        with pytest.raises(ActorNotFound) as caught:
            store.neighbourhood("country:XXX", 2, Filters(), 50)
        errors.append((str(caught.value), caught.value.details))
    assert errors[0] == errors[1]


def test_short_and_numeric_searches_count_every_hit_as_the_embedded_store_does(
    stores: tuple[MemoryStore, Neo4jStore],
) -> None:
    memory, neo = stores
    for query in ["1", "12", "2", "10", "0", "k", "ka", "ta", "mi", "s"]:
        want = memory.search(query, limit=50)
        assert want.total > 0, query  # each of these matches something in the graph
        assert neo.search(query, limit=50) == want, query
        assert neo.search(query, limit=20, offset=40) == memory.search(query, limit=20, offset=40)


def test_paths_longer_than_three_hops_agree(
    stores: tuple[MemoryStore, Neo4jStore], graph: Graph
) -> None:
    memory, neo = stores
    rng = random.Random(4)
    filters = [Filters(), Filters.build(relation_types=["FUNDS", "MEMBER_OF"], since=2005)]
    pairs = [tuple(a.id for a in rng.sample(graph.actors, 2)) for _ in range(8)]
    for source, target in pairs:
        for f in filters:
            for max_hops, k in ((1, 3), (4, 10), (5, 2)):
                want = memory.paths(source, target, max_hops, k, f)
                assert neo.paths(source, target, max_hops, k, f) == want, (source, target, f)
