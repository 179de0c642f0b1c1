"""Paths are routes through distinct actors, on every store: parallel relations are one hop,
k counts routes, each relation says whether it is curated."""

from __future__ import annotations

from graph.querying import Filters
from graph.store import GraphStore


def test_parallel_relations_between_two_actors_are_one_hop_listing_them_all(
    routes_store: GraphStore,
) -> None:
    store = routes_store
    (direct, *_) = store.paths("country:JPN", "country:DNK", 2, 1, Filters())
    (hop,) = direct.hops
    assert [(r.type, r.year) for r in hop.relations] == [("SIGNED_MOC", 2019), ("SIGNED_MOC", 2023)]
    assert [hop.direction_of(r) for r in hop.relations] == ["backward", "backward"]
    assert hop.relations[1].evidence[0].quote == "Japan and Denmark signed an MOC in 2023."


def test_k_counts_routes_not_combinations_of_parallel_relations(routes_store: GraphStore) -> None:
    store = routes_store
    paths = store.paths("country:JPN", "country:DNK", 2, 10, Filters())
    assert [[n.id for n in p.nodes] for p in paths] == [
        ["country:JPN", "country:DNK"],
        ["country:JPN", "org:eu", "country:DNK"],
    ]


def test_a_year_filter_keeps_only_the_parallel_relations_that_pass(
    routes_store: GraphStore,
) -> None:
    store = routes_store
    (path,) = store.paths("country:JPN", "country:DNK", 1, 3, Filters.build(since=2020))
    assert [r.year for r in path.hops[0].relations] == [2023]


def test_a_hop_says_when_its_relation_is_curated(routes_store: GraphStore) -> None:
    store = routes_store
    (path,) = store.paths("country:JPN", "org:eu", 1, 1, Filters())
    assert [r.curated for r in path.hops[0].relations] == [True]
