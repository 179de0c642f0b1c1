"""The GraphStore contract: every store answers these the same way (see graph/store.py)."""

from __future__ import annotations

import pytest

from graph.errors import ActorNotFound, AmbiguousActor
from graph.model import Graph
from graph.querying import Filters
from graph.resolve import resolve_actor
from graph.store import GraphStore
from tests.contract.sample_graph import DOC, DOC_SOURCE, DOC_TITLE, sample_text


def test_snapshot_returns_the_graph_that_was_stored(
    store: GraphStore, contract_graph: Graph
) -> None:
    assert store.snapshot() == contract_graph.normalised()


def test_replacing_with_the_same_graph_changes_nothing(
    store: GraphStore, contract_graph: Graph
) -> None:
    store.replace(contract_graph)
    assert store.snapshot() == contract_graph.normalised()
    assert store.stats().relations == len(contract_graph.relations)


def test_replace_removes_what_the_new_graph_lacks(store: GraphStore, contract_graph: Graph) -> None:
    smaller = Graph(
        actors=[a for a in contract_graph.actors if a.id != "org:asean"],
        relations=[r for r in contract_graph.relations if r.type != "MEMBER_OF"],
        documents=contract_graph.documents,
    )
    store.replace(smaller)
    assert store.get("org:asean") is None
    assert store.stats().relations_by_type.get("MEMBER_OF") is None
    assert store.snapshot() == smaller.normalised()


def test_evidence_is_verbatim_at_its_offsets(store: GraphStore) -> None:
    text = sample_text()
    for relation in store.snapshot().relations:
        assert relation.evidence
        for ev in relation.evidence:
            assert text[ev.start : ev.end] == ev.quote


def test_get_returns_actor_with_identifiers(store: GraphStore) -> None:
    japan = store.get("country:JPN")
    assert japan is not None
    assert japan.identifiers == {"iso3166": "JPN", "wikidata": "Q17"}
    assert store.get("country:XXX") is None


def test_find_by_name_ignores_case_and_diacritics(store: GraphStore) -> None:
    assert [a.id for a in store.find_by_name("tokyo")] == ["country:JPN"]
    assert [a.id for a in store.find_by_name("JICA")] == ["agency:jica"]
    assert store.find_by_name("nothing like this") == []


@pytest.mark.parametrize("query", ["jica", "JICA", "Japan International Cooperation Agency"])
def test_search_finds_jica_by_acronym_and_full_name(store: GraphStore, query: str) -> None:
    assert store.search(query).hits[0].actor.id == "agency:jica"


def test_search_tolerates_small_typos(store: GraphStore) -> None:
    assert store.search("Ukrane").hits[0].actor.id == "country:UKR"
    assert store.search("Denmrak").hits[0].actor.id == "country:DNK"
    assert store.search("Jika").hits[0].actor.id == "agency:jica"
    assert store.search("Indai").hits[0].actor.id == "country:IND"


def test_search_is_diacritic_insensitive(store: GraphStore) -> None:
    ids = [h.actor.id for h in store.search("University of Tokyo").hits]
    assert ids[0] == "university:university-of-tokyo"


def test_search_filters_by_actor_type(store: GraphStore) -> None:
    page = store.search("Japan", actor_type="Agency")
    assert page.hits
    assert {h.actor.type for h in page.hits} == {"Agency"}


def test_search_pages_with_a_total(store: GraphStore) -> None:
    everything = store.search("Japan", limit=50)
    second = store.search("Japan", limit=1, offset=1)
    assert everything.total == second.total >= 2
    assert second.hits == everything.hits[1:2]


def test_search_ranks_exact_name_above_partial(store: GraphStore) -> None:
    hits = store.search("Japan").hits
    assert hits[0].actor.id == "country:JPN"
    assert hits[0].score > hits[1].score


def test_actor_detail_lists_relations_and_related_actors(store: GraphStore) -> None:
    detail = store.actor("agency:jica")
    assert [(r.type, r.target) for r in detail.relations] == [
        ("FUNDS", "project:mahsr"),
        ("PART_OF", "country:JPN"),
    ]
    assert [a.id for a in detail.related] == ["country:JPN", "project:mahsr"]
    assert detail.actor.documents == ["contract.txt"]


def test_merged_evidence_stays_on_one_relation(store: GraphStore) -> None:
    partnerships = [r for r in store.actor("org:eu").relations if r.type == "PARTNERS_WITH"]
    assert sorted((r.year or 0) for r in partnerships) == [0, 2022]
    assert all(len(r.evidence) == 1 for r in partnerships)


def test_unknown_actor_raises_with_close_matches(store: GraphStore) -> None:
    with pytest.raises(ActorNotFound) as caught:
        store.actor("Jica")
    assert "agency:jica" in [m["id"] for m in caught.value.details["close_matches"]]


def test_resolve_accepts_an_id_or_an_unambiguous_name(store: GraphStore) -> None:
    assert resolve_actor(store, "agency:jica").id == "agency:jica"
    assert resolve_actor(store, "JICA").id == "agency:jica"
    assert resolve_actor(store, "india").id == "country:IND"
    with pytest.raises(ActorNotFound):
        resolve_actor(store, "Atlantis")


def test_resolve_refuses_an_ambiguous_name(store: GraphStore, contract_graph: Graph) -> None:
    twin = contract_graph.actors[0].model_copy(
        update={"id": "agency:japan", "type": "Agency", "aliases": []}
    )
    store.replace(contract_graph.model_copy(update={"actors": [*contract_graph.actors, twin]}))
    with pytest.raises(AmbiguousActor) as caught:
        resolve_actor(store, "Japan")
    assert {c["id"] for c in caught.value.details["candidates"]} == {"country:JPN", "agency:japan"}


def test_neighbourhood_depth_one_lists_direct_partners(store: GraphStore) -> None:
    hood = store.neighbourhood("country:JPN", 1, Filters(), 50)
    assert [n.actor.id for n in hood.nodes] == [
        "agency:jica",
        "country:DNK",
        "country:IND",
        "country:SAU",
        "country:UKR",
        "org:eu",
        "org:g20",
    ]
    assert {n.depth for n in hood.nodes} == {1}
    assert not hood.truncated
    assert ("country:IND", "MEMBER_OF", "org:g20") in {
        (e.source, e.type, e.target) for e in hood.edges
    }


def test_neighbourhood_year_range_keeps_only_dated_relations_in_range(store: GraphStore) -> None:
    hood = store.neighbourhood("country:JPN", 1, Filters.build(since=2023, until=2023), 50)
    assert [n.actor.id for n in hood.nodes] == ["country:SAU", "country:UKR"]
    assert {e.year for e in hood.edges} == {2023}


def test_neighbourhood_filters_relation_and_actor_types(store: GraphStore) -> None:
    mocs = store.neighbourhood("country:JPN", 2, Filters.build(relation_types=["SIGNED_MOC"]), 50)
    assert {e.type for e in mocs.edges} == {"SIGNED_MOC"}
    orgs = store.neighbourhood("country:JPN", 1, Filters.build(actor_types=["Organization"]), 50)
    assert [n.actor.id for n in orgs.nodes] == ["org:eu", "org:g20"]


def test_neighbourhood_depth_two_reaches_through_projects(store: GraphStore) -> None:
    hood = store.neighbourhood("agency:jica", 2, Filters(), 50)
    depth = {n.actor.id: n.depth for n in hood.nodes}
    assert depth["project:mahsr"] == 1
    assert depth["country:IND"] == 2
    assert depth["agency:jic"] == 2


def test_neighbourhood_limit_cuts_and_says_so(store: GraphStore) -> None:
    hood = store.neighbourhood("country:JPN", 2, Filters(), 3)
    assert [n.actor.id for n in hood.nodes] == ["agency:jica", "country:DNK", "country:IND"]
    assert hood.truncated
    kept = {"country:JPN", "agency:jica", "country:DNK", "country:IND"}
    assert all(e.source in kept and e.target in kept for e in hood.edges)
    exact = store.neighbourhood("country:JPN", 1, Filters(), 7)
    assert not exact.truncated


def test_path_from_jica_to_india_goes_through_the_rail_project(store: GraphStore) -> None:
    paths = store.paths(
        "agency:jica",
        "country:IND",
        4,
        1,
        Filters.build(relation_types=["FUNDS", "LOCATED_IN", "IMPLEMENTS"]),
    )
    assert len(paths) == 1
    path = paths[0]
    assert [n.id for n in path.nodes] == ["agency:jica", "project:mahsr", "country:IND"]
    assert [[(r.type, h.direction_of(r)) for r in h.relations] for h in path.hops] == [
        [("FUNDS", "forward")],
        [("LOCATED_IN", "forward")],
    ]
    funds = path.hops[0].relations[0]
    assert funds.evidence[0].quote == "JICA funds the Mumbai-Ahmedabad High-Speed Rail."


def test_k_shortest_paths_come_shortest_first_in_canonical_order(store: GraphStore) -> None:
    paths = store.paths("agency:jica", "country:IND", 3, 4, Filters())
    assert [[n.id for n in p.nodes] for p in paths] == [
        ["agency:jica", "country:JPN", "country:IND"],
        ["agency:jica", "project:mahsr", "country:IND"],
        ["agency:jica", "country:JPN", "org:g20", "country:IND"],
    ]
    (part_of,) = paths[0].hops[0].relations
    assert (part_of.type, paths[0].hops[0].direction_of(part_of)) == ("PART_OF", "forward")


def test_paths_walk_relations_backwards_and_say_so(store: GraphStore) -> None:
    paths = store.paths("country:IND", "agency:jica", 2, 5, Filters())
    assert [n.id for n in paths[0].nodes] == ["country:IND", "country:JPN", "agency:jica"]
    assert [[h.direction_of(r) for r in h.relations] for h in paths[0].hops] == [
        ["backward"],
        ["backward"],
    ]


def test_paths_respect_max_hops_and_filters(store: GraphStore) -> None:
    assert store.paths("agency:jic", "country:JPN", 2, 3, Filters()) == []
    assert len(store.paths("agency:jic", "country:JPN", 3, 3, Filters())) == 2
    assert store.paths("agency:jica", "country:IND", 4, 3, Filters.build(since=2000)) == []
    no_countries = Filters.build(actor_types=["Project", "Organization"])
    paths = store.paths("agency:jica", "country:IND", 4, 5, no_countries)
    assert [[n.id for n in p.nodes] for p in paths] == [
        ["agency:jica", "project:mahsr", "country:IND"]
    ]


def test_paths_between_unconnected_actors_are_empty(store: GraphStore) -> None:
    assert store.paths("org:asean", "country:JPN", 6, 3, Filters()) == []


def test_paths_to_unknown_actor_raise_not_found(store: GraphStore) -> None:
    with pytest.raises(ActorNotFound):
        store.paths("agency:jica", "country:XXX", 3, 1, Filters())


def test_stats_count_by_type(store: GraphStore, contract_graph: Graph) -> None:
    stats = store.stats()
    assert stats.actors == len(contract_graph.actors)
    assert stats.relations == len(contract_graph.relations)
    assert stats.documents == 1
    assert stats.evidence == sum(len(r.evidence) for r in contract_graph.relations)
    assert stats.actors_by_type["Country"] == 5
    assert stats.relations_by_type["SIGNED_MOC"] == 3
    top = stats.most_connected[0]
    assert (top.id, top.degree) == ("country:JPN", 8)


def test_search_hits_say_how_many_relations_each_actor_has(store: GraphStore) -> None:
    (hit,) = store.search("JICA", limit=1).hits
    relations = store.actor("agency:jica").relations
    assert hit.actor.id == "agency:jica"
    assert hit.degree == len(relations) > 0


FLOOR = 0.5


def _with_an_unsure_relation(graph: Graph) -> Graph:
    """The contract graph with "Japan and India hold a summit." (Japan PARTNERS_WITH India,
    Japan's only relation with India) made a co-occurrence below FLOOR."""
    relations = [
        r.model_copy(update={"confidence": 0.3})
        if (r.type, {r.source, r.target}) == ("PARTNERS_WITH", {"country:JPN", "country:IND"})
        else r
        for r in graph.relations
    ]
    assert [r.confidence for r in relations].count(0.3) == 1
    return graph.model_copy(update={"relations": relations})


def test_the_confidence_floor_leaves_a_relation_out_of_every_answer(
    store: GraphStore, contract_graph: Graph
) -> None:
    store.replace(_with_an_unsure_relation(contract_graph))
    every, floored = store.actor("country:JPN"), store.actor("country:JPN", FLOOR)
    assert len(every.relations) - len(floored.relations) == 1
    assert "country:IND" in {a.id for a in every.related}
    assert "country:IND" not in {a.id for a in floored.related}

    hits = store.search("Japan", min_confidence=FLOOR).hits
    (japan,) = [h for h in hits if h.actor.id == "country:JPN"]
    assert japan.degree == len(floored.relations)

    all_stats, stats = store.stats(), store.stats(FLOOR)
    assert (all_stats.hidden_relations, all_stats.min_confidence) == (0, None)
    assert (stats.hidden_relations, stats.min_confidence) == (1, FLOOR)
    assert stats.relations == all_stats.relations - 1
    assert stats.evidence == all_stats.evidence - 1
    assert stats.relations_by_type["PARTNERS_WITH"] == (
        all_stats.relations_by_type["PARTNERS_WITH"] - 1
    )
    top = stats.most_connected[0]
    assert (top.id, top.degree) == ("country:JPN", len(floored.relations))

    (document,) = store.documents(FLOOR)
    assert document.relations == stats.relations  # every relation cites the one document
    assert store.documents()[0].relations == all_stats.relations


def test_documents_are_listed_with_what_they_say_of_themselves_and_their_counts(
    store: GraphStore, contract_graph: Graph
) -> None:
    (document,) = store.documents()
    assert (document.name, document.title, document.source, document.date) == (
        DOC,
        DOC_TITLE,
        DOC_SOURCE,
        "2024-03",
    )
    assert document.actors == sum(DOC in a.documents for a in contract_graph.actors)
    assert document.relations == len(contract_graph.relations)
    (facts,) = store.document_facts()
    assert facts.model_dump() == document.model_dump(exclude={"actors", "relations"})
