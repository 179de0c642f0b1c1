"""Paths are routes through distinct actors: parallel relations are one hop, k counts routes."""

from __future__ import annotations

from graph.memory_store import MemoryStore
from graph.model import Actor, Evidence, Graph, Relation
from graph.querying import Filters

TEXT = (
    "Japan and Denmark signed an MOC in 2019. Japan and Denmark signed an MOC in 2023. "
    "Denmark is a member of the EU. Japan partners with the EU."
)


def _evidence(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(doc="d.txt", quote=sentence, start=start, end=start + len(sentence))


def _graph() -> Graph:
    actors = [
        Actor(id="country:JPN", name="Japan", type="Country"),
        Actor(id="country:DNK", name="Denmark", type="Country"),
        Actor(id="org:eu", name="European Union", type="Organization"),
    ]
    relations = [
        Relation(
            source="country:DNK",
            target="country:JPN",
            type="SIGNED_MOC",
            year=year,
            evidence=[_evidence(f"Japan and Denmark signed an MOC in {year}.")],
        )
        for year in (2019, 2023)
    ]
    relations += [
        Relation(
            source="country:DNK",
            target="org:eu",
            type="MEMBER_OF",
            evidence=[_evidence("Denmark is a member of the EU.")],
        ),
        Relation(
            source="country:JPN",
            target="org:eu",
            type="PARTNERS_WITH",
            curated=True,
            evidence=[_evidence("Japan partners with the EU.")],
        ),
    ]
    return Graph(actors=actors, relations=relations)


def test_parallel_relations_between_two_actors_are_one_hop_listing_them_all() -> None:
    store = MemoryStore()
    store.replace(_graph())
    (direct, *_) = store.paths("country:JPN", "country:DNK", 2, 1, Filters())
    (hop,) = direct.hops
    assert [(r.type, r.year) for r in hop.relations] == [("SIGNED_MOC", 2019), ("SIGNED_MOC", 2023)]
    assert [hop.direction_of(r) for r in hop.relations] == ["backward", "backward"]
    assert hop.relations[1].evidence[0].quote == "Japan and Denmark signed an MOC in 2023."


def test_k_counts_routes_not_combinations_of_parallel_relations() -> None:
    store = MemoryStore()
    store.replace(_graph())
    paths = store.paths("country:JPN", "country:DNK", 2, 10, Filters())
    assert [[n.id for n in p.nodes] for p in paths] == [
        ["country:JPN", "country:DNK"],
        ["country:JPN", "org:eu", "country:DNK"],
    ]


def test_a_year_filter_keeps_only_the_parallel_relations_that_pass() -> None:
    store = MemoryStore()
    store.replace(_graph())
    (path,) = store.paths("country:JPN", "country:DNK", 1, 3, Filters.build(since=2020))
    assert [r.year for r in path.hops[0].relations] == [2023]


def test_a_hop_says_when_its_relation_is_curated() -> None:
    store = MemoryStore()
    store.replace(_graph())
    (path,) = store.paths("country:JPN", "org:eu", 1, 1, Filters())
    assert [r.curated for r in path.hops[0].relations] == [True]
