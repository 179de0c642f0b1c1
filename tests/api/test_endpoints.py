"""Every endpoint over real HTTP, on every store: what the contract graph's sentences say.

Expected answers come from the sentences in tests/contract/sample_graph.py, not from the
program's output: each quote is checked against the sentence list and against the document
text at its offsets.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from api.settings import Settings
from graph.model import Actor, Graph
from graph.querying import LIMITS
from tests.api.conftest import Api
from tests.contract.sample_graph import ACTORS, SENTENCES, sample_text

TEXT = sample_text()


def sentence_for(source: str, rel_type: str, target: str) -> str:
    found = [s for s, src, t, tgt, _ in SENTENCES if (src, t, tgt) == (source, rel_type, target)]
    assert found, f"no sentence states {source} {rel_type} {target}"
    return found[0]


def assert_verbatim(evidence: list[dict[str, Any]]) -> None:
    assert evidence
    for piece in evidence:
        assert piece["doc"] == "contract.txt"
        assert TEXT[piece["start"] : piece["end"]] == piece["quote"]


def ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def error(response: Any, status: int, name: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["error"] == name
    assert isinstance(body["message"], str) and body["message"]
    return body


# --- /health and /stats ---------------------------------------------------------------------


def test_health_reports_the_backend_and_what_the_store_holds(api: Api) -> None:
    body = ok(api.get("/health"))
    distinct_relations = {(s, t, g, y) for _, s, t, g, y in SENTENCES}
    assert body == {
        "status": "ok",
        "backend": api.kind,
        "actors": len(ACTORS),
        "relations": len(distinct_relations),
        "documents": 1,
    }


def test_stats_count_actors_and_relations_by_type(api: Api) -> None:
    body = ok(api.get("/stats"))
    assert body["actors_by_type"]["Country"] == sum(a.type == "Country" for a in ACTORS)
    assert body["relations_by_type"]["SIGNED_MOC"] == 3
    assert body["evidence"] == len(SENTENCES)
    top = body["most_connected"][0]
    japan_relations = {(s, t, g, y) for _, s, t, g, y in SENTENCES if "country:JPN" in (s, g)}
    assert (top["id"], top["degree"]) == ("country:JPN", len(japan_relations))


# --- /actors search -------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["jica", "JICA", "Japan International Cooperation Agency"])
def test_search_finds_jica_by_acronym_any_case_and_full_name(api: Api, query: str) -> None:
    body = ok(api.get("/actors", q=query))
    assert body["hits"][0]["id"] == "agency:jica"
    assert body["hits"][0]["name"] == "Japan International Cooperation Agency"


def test_search_ignores_diacritics(api: Api) -> None:
    ids = [h["id"] for h in ok(api.get("/actors", q="University of Tokyo"))["hits"]]
    assert ids[0] == "university:university-of-tokyo"
    japan = ok(api.get("/actors", q="tokyo"))["hits"]
    assert "country:JPN" in [h["id"] for h in japan]
    assert {h["matched"] for h in japan if h["id"] == "country:JPN"} == {"Tōkyō"}


def test_search_tolerates_a_small_typo(api: Api) -> None:
    body = ok(api.get("/actors", q="Japan Internatonal Cooperation Agency"))
    assert body["hits"][0]["id"] == "agency:jica"


def test_search_filters_by_actor_type(api: Api) -> None:
    body = ok(api.get("/actors", q="Japan", type="Agency"))
    assert body["hits"]
    assert {h["type"] for h in body["hits"]} == {"Agency"}
    assert "country:JPN" not in [h["id"] for h in body["hits"]]


def test_search_pages_with_limit_offset_and_total(api: Api) -> None:
    everything = ok(api.get("/actors", q="Japan", limit=50))
    assert everything["total"] == len(everything["hits"]) >= 3
    pages = [ok(api.get("/actors", q="Japan", limit=1, offset=i)) for i in range(3)]
    assert [p["total"] for p in pages] == [everything["total"]] * 3
    assert [p["hits"][0]["id"] for p in pages] == [h["id"] for h in everything["hits"][:3]]


def test_search_rejects_unknown_actor_type_and_bad_bounds(api: Api) -> None:
    body = error(api.get("/actors", q="Japan", type="Planet"), 422, "InvalidQuery")
    assert body["unknown"] == ["Planet"] and "Country" in body["known"]
    error(api.get("/actors", q=""), 422, "InvalidQuery")
    for blank in (" ", "\t \n"):
        body = error(api.get("/actors", q=blank), 422, "InvalidQuery")
        assert body["message"].startswith("q: ")
    error(api.get("/actors", q="Japan", limit=0), 422, "InvalidQuery")
    error(api.get("/actors", q="Japan", limit=501), 422, "InvalidQuery")
    error(api.get("/actors", q="Japan", offset=-1), 422, "InvalidQuery")
    body = error(api.http.get("/actors"), 422, "InvalidQuery")
    assert body["errors"][0]["parameter"] == "q"


# --- /actors/{id} ---------------------------------------------------------------------------


@pytest.mark.parametrize("ref", ["country:JPN", quote("country:JPN", safe=""), "Japan", "Tokyo"])
def test_actor_profile_by_plain_or_encoded_id_or_by_name(api: Api, ref: str) -> None:
    body = ok(api.http.get(f"/actors/{ref}"))
    assert body["id"] == "country:JPN"
    assert body["identifiers"] == {"iso3166": "JPN", "wikidata": "Q17"}
    assert sorted(body["aliases"]) == ["JP", "Tōkyō"]
    assert body["documents"] == ["contract.txt"]


def test_actor_profile_groups_relations_by_type_with_year_and_evidence(api: Api) -> None:
    body = ok(api.get("/actors/country:JPN"))
    mocs = body["relations"]["SIGNED_MOC"]
    assert [(r["other"]["id"], r["year"]) for r in mocs] == [
        ("country:DNK", 2021),
        ("country:SAU", 2023),
        ("country:UKR", 2023),
    ]
    for relation in mocs:
        assert relation["direction"] == "outgoing"
        assert_verbatim(relation["evidence"])
        assert relation["evidence"][0]["quote"] == sentence_for(
            "country:JPN", "SIGNED_MOC", relation["target"]
        )
    (part_of,) = body["relations"]["PART_OF"]
    assert (part_of["direction"], part_of["other"]["id"]) == ("incoming", "agency:jica")
    stated = [s for _, s, _, g, _ in SENTENCES if "country:JPN" in (s, g)]
    assert body["relation_count"] == sum(len(v) for v in body["relations"].values())
    assert sum(len(r["evidence"]) for v in body["relations"].values() for r in v) == len(stated)


def test_actor_profile_pages_its_relations_with_a_total(api: Api) -> None:
    whole = ok(api.get("/actors/country:JPN"))
    every = [r["id"] for group in whole["relations"].values() for r in group]
    pages = [ok(api.get("/actors/country:JPN", limit=3, offset=o)) for o in range(0, 9, 3)]
    paged = [r["id"] for p in pages for group in p["relations"].values() for r in group]
    assert sorted(paged) == sorted(every)
    assert {p["relation_count"] for p in pages} == {len(every)}
    assert [sum(len(g) for g in p["relations"].values()) for p in pages] == [3, 3, len(every) - 6]
    error(api.get("/actors/country:JPN", limit=0), 422, "InvalidQuery")


def test_actor_profile_merges_two_sentences_on_one_relation(api: Api) -> None:
    partners = ok(api.get("/actors/org:eu"))["relations"]["PARTNERS_WITH"]
    by_year = {r["year"]: [e["quote"] for e in r["evidence"]] for r in partners}
    assert by_year == {
        2022: ["Japan launched a Digital Partnership with the EU in 2022."],
        None: ["Japan works closely with the European Union."],
    }


def test_unknown_actor_is_404_with_close_matches(api: Api) -> None:
    body = error(api.get("/actors/JICAA"), 404, "ActorNotFound")
    assert "agency:jica" in [m["id"] for m in body["close_matches"]]
    assert "agency:jica" in body["message"]


def test_ambiguous_name_is_409_with_candidates(api: Api, contract_graph: Graph) -> None:
    twin = Actor(id="agency:jica-2", name="JICA", type="Agency")
    api.store.replace(contract_graph.model_copy(update={"actors": [*contract_graph.actors, twin]}))
    try:
        body = error(api.get("/actors/JICA"), 409, "AmbiguousActor")
        assert [c["id"] for c in body["candidates"]] == ["agency:jica", "agency:jica-2"]
        error(api.get("/paths", source="JICA", target="India"), 409, "AmbiguousActor")
        assert ok(api.get("/actors/agency:jica"))["id"] == "agency:jica"
    finally:
        api.store.replace(contract_graph)


# --- /actors/{id}/neighbourhood -------------------------------------------------------------


def nodes_of(body: dict[str, Any]) -> dict[str, int]:
    return {n["id"]: n["depth"] for n in body["nodes"]}


def assert_drawable(body: dict[str, Any]) -> None:
    ids = [n["id"] for n in body["nodes"]]
    assert len(ids) == len(set(ids))
    assert body["nodes"][0] == {
        "id": body["center"]["id"],
        "label": body["center"]["name"],
        "type": body["center"]["type"],
        "depth": 0,
    }
    for edge in body["edges"]:
        assert {edge["source"], edge["target"]} <= set(ids)
        assert edge["id"] == (
            f"{edge['source']}|{edge['type']}|{edge['target']}|"
            f"{'' if edge['year'] is None else edge['year']}"
        )
        assert_verbatim(edge["evidence"])


def test_japan_neighbourhood_in_2023_holds_its_2023_moc_partners(api: Api) -> None:
    body = ok(api.get("/actors/country:JPN/neighbourhood", since=2023, until=2023))
    partners_2023 = {g for _, s, t, g, y in SENTENCES if s == "country:JPN" and y == 2023}
    assert nodes_of(body) == {"country:JPN": 0, **{p: 1 for p in partners_2023}}
    assert {e["type"] for e in body["edges"]} == {"SIGNED_MOC"}
    assert {e["year"] for e in body["edges"]} == {2023}
    for edge in body["edges"]:
        assert edge["evidence"][0]["quote"] == sentence_for(
            *[edge[k] for k in ("source", "type", "target")]
        )
    assert body["filters"] == {
        "types": None,
        "actor_types": None,
        "since": 2023,
        "until": 2023,
        "min_confidence": 0.5,
    }
    assert_drawable(body)


def test_neighbourhood_depth_two_reaches_through_the_rail_project(api: Api) -> None:
    body = ok(api.get("/actors/JICA/neighbourhood", depth=2))
    depths = nodes_of(body)
    assert depths["project:mahsr"] == 1 and depths["country:JPN"] == 1
    assert depths["country:IND"] == 2 and depths["agency:jic"] == 2
    assert_drawable(body)


def test_neighbourhood_types_accept_repeated_or_comma_separated(api: Api) -> None:
    repeated = ok(
        api.http.get(
            "/actors/country:JPN/neighbourhood",
            params=[("types", "SIGNED_MOC"), ("types", "MEMBER_OF")],
        )
    )
    commas = ok(api.get("/actors/country:JPN/neighbourhood", types="SIGNED_MOC,MEMBER_OF"))
    assert repeated == commas
    assert set(nodes_of(commas)) == {
        "country:JPN",
        "country:DNK",
        "country:SAU",
        "country:UKR",
        "org:g20",
    }
    assert commas["filters"]["types"] == ["MEMBER_OF", "SIGNED_MOC"]


def test_neighbourhood_filters_actor_types(api: Api) -> None:
    body = ok(api.get("/actors/country:JPN/neighbourhood", actor_types="Country"))
    assert {n["type"] for n in body["nodes"]} == {"Country"}
    assert "org:eu" not in nodes_of(body)


def test_neighbourhood_limit_cuts_and_says_so(api: Api) -> None:
    body = ok(api.get("/actors/country:JPN/neighbourhood", limit=2))
    assert body["truncated"] is True
    assert len(body["nodes"]) == 3  # the centre and two more
    assert_drawable(body)
    whole = ok(api.get("/actors/country:JPN/neighbourhood"))
    assert whole["truncated"] is False


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"depth": 0}, "depth"),
        ({"depth": 4}, "depth"),
        ({"limit": 0}, "limit"),
        ({"limit": LIMITS.max_neighbourhood + 1}, "limit"),
        ({"since": "last year"}, "since"),
    ],
)
def test_neighbourhood_out_of_range_is_422(
    api: Api, params: dict[str, Any], parameter: str
) -> None:
    body = error(api.get("/actors/country:JPN/neighbourhood", **params), 422, "InvalidQuery")
    assert body["errors"][0]["parameter"] == parameter
    assert parameter in body["message"]


def test_neighbourhood_unknown_types_and_reversed_years_are_422(api: Api) -> None:
    body = error(api.get("/actors/country:JPN/neighbourhood", types="HATES"), 422, "InvalidQuery")
    assert body["unknown"] == ["HATES"] and "SIGNED_MOC" in body["known"]
    error(api.get("/actors/country:JPN/neighbourhood", actor_types="Planet"), 422, "InvalidQuery")
    body = error(
        api.get("/actors/country:JPN/neighbourhood", since=2024, until=2019), 422, "InvalidQuery"
    )
    assert "since" in body["message"]


def test_neighbourhood_of_unknown_actor_is_404(api: Api) -> None:
    body = error(api.get("/actors/country:XXX/neighbourhood"), 404, "ActorNotFound")
    assert isinstance(body["close_matches"], list)


# --- /paths ---------------------------------------------------------------------------------


def test_path_from_jica_to_india_goes_through_the_rail_project(api: Api) -> None:
    body = ok(api.get("/paths", source="JICA", target="India", k=2))
    assert body["source"]["id"] == "agency:jica" and body["target"]["id"] == "country:IND"
    # Two shortest paths of two hops: through Japan (JICA is part of it) and through the rail.
    assert [[n["id"] for n in p["nodes"]] for p in body["paths"]] == [
        ["agency:jica", "country:JPN", "country:IND"],
        ["agency:jica", "project:mahsr", "country:IND"],
    ]
    path = body["paths"][1]
    assert path["length"] == 2
    funds_hop, located_hop = path["hops"]
    (funds,) = funds_hop["relations"]
    (located,) = located_hop["relations"]
    assert (funds_hop["from"], funds_hop["to"], funds["type"], funds["direction"]) == (
        "agency:jica",
        "project:mahsr",
        "FUNDS",
        "forward",
    )
    assert (located_hop["from"], located_hop["to"], located["type"]) == (
        "project:mahsr",
        "country:IND",
        "LOCATED_IN",
    )
    assert funds["evidence"][0]["quote"] == sentence_for("agency:jica", "FUNDS", "project:mahsr")
    assert located["evidence"][0]["quote"] == sentence_for(
        "project:mahsr", "LOCATED_IN", "country:IND"
    )
    for relation in (funds, located):
        assert relation["year"] is None
        assert relation["curated"] is False
        assert_verbatim(relation["evidence"])


def test_paths_walked_backwards_say_so(api: Api) -> None:
    (path,) = ok(
        api.get("/paths", source="country:IND", target="agency:jica", types="FUNDS,LOCATED_IN")
    )["paths"]
    assert [[r["direction"] for r in h["relations"]] for h in path["hops"]] == [
        ["backward"],
        ["backward"],
    ]
    assert [(h["from"], h["to"]) for h in path["hops"]] == [
        ("country:IND", "project:mahsr"),
        ("project:mahsr", "agency:jica"),
    ]


def test_k_shortest_paths_come_shortest_first(api: Api) -> None:
    body = ok(api.get("/paths", source="agency:jica", target="country:IND", k=5, max_hops=4))
    lengths = [p["length"] for p in body["paths"]]
    assert lengths == sorted(lengths) and lengths[0] == 2 and len(lengths) > 1
    routes = [tuple(n["id"] for n in p["nodes"]) for p in body["paths"]]
    assert ("agency:jica", "country:JPN", "country:IND") in routes
    assert len(set(routes)) == len(routes) or len({str(p) for p in body["paths"]}) == len(routes)


def test_paths_respect_filters_and_max_hops(api: Api) -> None:
    only_oda = ok(api.get("/paths", source="JICA", target="India", types="FUNDS,LOCATED_IN", k=5))
    assert len(only_oda["paths"]) == 1
    dated = ok(api.get("/paths", source="JICA", target="India", since=2000))
    assert dated["paths"] == []
    short = ok(api.get("/paths", source="JICA", target="Toyota", max_hops=1))
    assert short["paths"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"max_hops": 0},
        {"max_hops": 7},
        {"k": 0},
        {"k": 11},
        {"types": "FRIENDS"},
        {"actor_types": "Planet"},
    ],
)
def test_paths_out_of_range_or_unknown_types_are_422(api: Api, params: dict[str, Any]) -> None:
    error(api.get("/paths", source="JICA", target="India", **params), 422, "InvalidQuery")


def test_paths_need_both_ends_and_known_actors(api: Api) -> None:
    body = error(api.get("/paths", source="JICA"), 422, "InvalidQuery")
    assert body["errors"][0]["parameter"] == "target"
    body = error(api.get("/paths", source="JICAA", target="India"), 404, "ActorNotFound")
    assert "agency:jica" in [m["id"] for m in body["close_matches"]]


def test_only_neo4j_answers_carry_cypher_and_a_browser_link(api: Api) -> None:
    paths = ok(api.get("/paths", source="JICA", target="India"))
    around = ok(api.get("/actors/JICA/neighbourhood"))
    if api.kind == "memory":
        assert paths["cypher"] is None and around["cypher"] is None
        return
    for answer in (paths, around):  # Browser on the configured HTTP port (7474 by default)
        assert answer["cypher"]["browser_url"].startswith(
            f"{Settings().neo4j_browser_url}?cmd=edit&arg="
        )
    # The Cypher given is the question asked: run on the same database, it finds the same actors.
    around_routes = _run_cypher(api, around["cypher"])
    assert {i for route in around_routes for i in route} == {n["id"] for n in around["nodes"]}
    path_routes = _run_cypher(api, paths["cypher"])
    api_routes = [tuple(n["id"] for n in p["nodes"]) for p in paths["paths"]]
    assert path_routes and path_routes[0] == api_routes[0]
    assert set(path_routes) <= set(api_routes)


def _run_cypher(api: Api, query: dict[str, Any]) -> list[tuple[str, ...]]:
    """The actor ids along each path that `query` (an answer's `cypher`) returns."""
    driver = getattr(api.store, "driver")  # noqa: B009 - only the Neo4j store has one
    records, _, _ = driver.execute_query(query["cypher"], query["parameters"])
    return [tuple(node["id"] for node in record["p"].nodes) for record in records]


# --- the rest -------------------------------------------------------------------------------


def test_unknown_endpoint_and_method_answer_json(api: Api) -> None:
    error(api.get("/nowhere"), 404, "NotFound")
    error(api.http.post("/actors", json={}), 405, "MethodNotAllowed")
