"""The questions analysts ask, answered over HTTP from the graph built from seeds/, on every
store. Expectations come from the seed texts: each quote is read back from its document."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import PROJECT, Api

SEEDS = PROJECT / "seeds"


def assert_quoted_from_the_seeds(evidence: list[dict[str, Any]]) -> None:
    assert evidence
    for piece in evidence:
        text = (SEEDS / piece["doc"]).read_text(encoding="utf-8")
        assert text[piece["start"] : piece["end"]] == piece["quote"]


@pytest.mark.parametrize("query", ["jica", "JICA", "Japan International Cooperation Agency"])
def test_jica_is_found_the_same_by_acronym_in_any_case_and_by_full_name(
    seeds_api: Api, query: str
) -> None:
    hits = seeds_api.get("/actors", q=query).json()["hits"]
    assert (hits[0]["id"], hits[0]["name"]) == (
        "agency:jica",
        "Japan International Cooperation Agency",
    )


def test_path_from_jica_to_india_goes_through_the_high_speed_rail(seeds_api: Api) -> None:
    body = seeds_api.get("/paths", source="JICA", target="India").json()
    (path,) = body["paths"]
    start, middle, end = path["nodes"]
    assert (start["id"], end["id"]) == ("agency:jica", "country:IND")
    assert middle["type"] == "Project"
    assert "Mumbai-Ahmedabad High-Speed Rail" in middle["name"]
    first, second = path["hops"]
    assert (first["from"], first["to"]) == ("agency:jica", middle["id"])
    assert (second["from"], second["to"]) == (middle["id"], "country:IND")
    for hop in path["hops"]:
        for relation in hop["relations"]:
            assert relation["type"] and relation["direction"] in ("forward", "backward")
            assert_quoted_from_the_seeds(relation["evidence"])
    assert any("JICA" in e["quote"] for r in first["relations"] for e in r["evidence"])
    assert any("India" in e["quote"] for r in second["relations"] for e in r["evidence"])


def test_japan_neighbourhood_in_2023_holds_its_2023_moc_partners(seeds_api: Api) -> None:
    body = seeds_api.get("/actors/Japan/neighbourhood", since=2023, until=2023).json()
    names = {n["id"]: n["label"] for n in body["nodes"]}
    mocs = {
        e["source"] if e["target"] == "country:JPN" else e["target"]: e
        for e in body["edges"]
        if e["type"] == "SIGNED_MOC"
    }
    for partner, name in [
        ("country:SAU", "Saudi Arabia"),
        ("country:TUN", "Tunisia"),
        ("country:JOR", "Jordan"),
        ("country:UKR", "Ukraine"),
    ]:
        assert names[partner] == name
        edge = mocs[partner]
        assert edge["year"] == 2023
        assert_quoted_from_the_seeds(edge["evidence"])
        assert any(name in e["quote"] and "2023" in e["quote"] for e in edge["evidence"])
    assert {e["year"] for e in body["edges"]} == {2023}


def test_jica_profile_lists_documents_and_relations_with_evidence(seeds_api: Api) -> None:
    body = seeds_api.get("/actors/agency:jica").json()
    assert "JICA" in body["aliases"]
    assert body["documents"]
    for document in body["documents"]:
        text = (SEEDS / document).read_text(encoding="utf-8")
        assert "JICA" in text or "Japan International Cooperation Agency" in text
    relations = [r for group in body["relations"].values() for r in group]
    assert relations
    for relation in relations:
        assert_quoted_from_the_seeds(relation["evidence"])


@pytest.mark.parametrize(
    ("actor", "qid"), [("agency:jica", "Q958590"), ("agency:csti", "Q11607608")]
)
def test_japans_bodies_carry_the_wikidata_ids_of_their_ror_records(
    seeds_api: Api, actor: str, qid: str
) -> None:
    # JICA: ror.org/022es3t03; CSTI: ror.org/007tjaq50 (loaders/data/catalogue.yaml says so).
    body = seeds_api.get(f"/actors/{actor}").json()
    assert body["identifiers"]["wikidata"] == qid
