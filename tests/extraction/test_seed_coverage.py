"""The seed graph holds what the seed documents state (expectations read from the texts)."""

from __future__ import annotations

import re

import pytest

from graph.model import Graph
from tests.extraction.conftest import find, seed_text

DESIGN_CARD = ["country:JPN", "org:asean", "org:eu", "country:IND", "agency:jica", "agency:csti"]

# Table 1 of 002_*.txt, rows "<party> Memorandum of Cooperation (MOC)", with their year.
TABLE_MOCS = {
    "country:DNK": 2021, "country:BEL": 2022, "country:GBR": 2022, "country:SGP": 2022,
    "country:EST": 2022, "country:SAU": 2023, "country:TUN": 2023, "country:JOR": 2023,
    "country:UKR": 2023, "org:eu": 2024,
}  # fmt: skip


def test_design_card_actors_are_present(seed_graph: Graph) -> None:
    ids = {a.id for a in seed_graph.actors}
    assert set(DESIGN_CARD) <= ids


def test_table_rows_match_the_source_table() -> None:
    rows = [line for line in seed_text("002").splitlines() if line.count("\t") == 3]
    mocs = [r for r in rows if "Memorandum of Cooperation" in r]
    assert len(mocs) == len(TABLE_MOCS)


@pytest.mark.parametrize(("party", "year"), sorted(TABLE_MOCS.items()))
def test_every_table_moc_is_a_signed_moc_with_japan_and_its_year(
    seed_graph: Graph, party: str, year: int
) -> None:
    relations = find(seed_graph, "country:JPN", "SIGNED_MOC", party)
    assert year in {r.year for r in relations}
    (relation,) = [r for r in relations if r.year == year]
    assert any("Memorandum of Cooperation" in e.quote and str(year) in e.quote
               for e in relation.evidence)  # fmt: skip


@pytest.mark.parametrize(("party", "agreement"), [
    ("country:GBR", "agreement:japan-uk-digital-partnership"),
    ("org:eu", "agreement:japan-eu-digital-partnership"),
])  # fmt: skip
def test_digital_partnerships_link_japan_and_the_party_in_2022(
    seed_graph: Graph, party: str, agreement: str
) -> None:
    assert 2022 in {r.year for r in find(seed_graph, "country:JPN", "PARTNERS_WITH", party)}
    parties = {r.source for r in seed_graph.relations
               if r.type == "AGREEMENT_WITH" and r.target == agreement and r.year == 2022}  # fmt: skip
    parties |= {r.target for r in seed_graph.relations
                if r.type == "AGREEMENT_WITH" and r.source == agreement and r.year == 2022}  # fmt: skip
    assert {"country:JPN", party} <= parties


@pytest.mark.parametrize(("host", "event", "year"), [
    ("country:SAU", "event:g20-digital-economy-ministers-meeting", 2020),
    ("country:ITA", "event:g20-digital-economy-ministers-meeting", 2021),
    ("country:IDN", "event:g20-digital-economy-ministers-meeting", 2022),
    ("country:IND", "event:g20-digital-economy-ministers-meeting", 2023),
    ("country:GBR", "event:g7-digital-and-technology-ministers-meeting", 2021),
    ("country:DEU", "event:g7-digital-and-technology-ministers-meeting", 2022),
    ("country:ITA", "event:g7-industry-technology-and-digital-ministerial-meeting", 2024),
])  # fmt: skip
def test_multilateral_rows_are_events_hosted_by_the_named_country(
    seed_graph: Graph, host: str, event: str, year: int
) -> None:
    assert [r.year for r in find(seed_graph, host, "HOSTS", event) if r.year == year] == [year]
    assert year in {r.year for r in find(seed_graph, "country:JPN", "PARTICIPATES_IN", event)}


def test_council_meetings_are_events_of_the_partnership(seed_graph: Graph) -> None:
    council = "event:japan-eu-digital-partnership-council"
    years = {r.year for r in find(seed_graph, "org:eu", "PARTICIPATES_IN", council)}
    assert {2023, 2024} <= years
    assert find(seed_graph, council, "PART_OF", "agreement:japan-eu-digital-partnership")
    uk = "event:japan-uk-digital-partnership-council"
    assert 2024 in {r.year for r in find(seed_graph, "country:GBR", "PARTICIPATES_IN", uk)}


def test_every_table_actor_is_present(seed_graph: Graph) -> None:
    ids = {a.id for a in seed_graph.actors}
    assert {
        "org:g20", "org:g7", "country:ITA", "country:DEU", "country:IDN",
        "event:g20-digital-economy-ministers-meeting",
        "event:g7-digital-and-technology-ministers-meeting",
        "event:g7-industry-technology-and-digital-ministerial-meeting",
        "event:japan-eu-digital-partnership-council", "event:japan-uk-digital-partnership-council",
        "agreement:japan-uk-digital-partnership", "agreement:japan-eu-digital-partnership",
        "agreement:g20-ministerial-statement-on-trade-and-digital-economy",
    } | set(TABLE_MOCS) <= ids  # fmt: skip


def test_mumbai_ahmedabad_rail_has_jica_jic_and_india(seed_graph: Graph) -> None:
    rail = "project:mumbai-ahmedabad-high-speed-rail"
    jica = {r.type for r in seed_graph.relations if r.source == "agency:jica" and r.target == rail}
    assert jica & {"FUNDS", "IMPLEMENTS"}
    assert find(seed_graph, "company:jic", "IMPLEMENTS", rail)
    assert find(seed_graph, rail, "LOCATED_IN", "country:IND") or find(
        seed_graph, rail, "BENEFITS", "country:IND"
    )
    jic = next(a for a in seed_graph.actors if a.id == "company:jic")
    assert "Japan International Consultants for Transportation" in (jic.name, *jic.aliases)


def test_dia_support_project_is_funded_by_japan_and_implemented_by_undp(
    seed_graph: Graph,
) -> None:
    dia = "project:dia-support-project"
    (funds,) = find(seed_graph, "country:JPN", "FUNDS", dia)
    assert "funding from the Government of Japan" in funds.evidence[0].quote
    assert find(seed_graph, "org:undp", "IMPLEMENTS", dia)
    assert find(seed_graph, dia, "BENEFITS", "country:UKR")


def test_sustainable_pathways_project_has_its_three_universities(seed_graph: Graph) -> None:
    project = "project:sustainable-pathways-to-expand-asean-renewables"
    linked = {r.source for r in seed_graph.relations if r.target == project}
    assert {
        "university:national-university-of-singapore",
        "university:university-of-tokyo",
        "university:maejo-university",
    } <= linked
    assert "country:THA" not in linked  # "Maejo University, Thailand" is where, not who


def test_toyota_trende_university_of_tokyo_partnership_of_2019(seed_graph: Graph) -> None:
    parties = ["company:toyota", "company:trende", "university:university-of-tokyo"]
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            assert [r.year for r in find(seed_graph, a, "PARTNERS_WITH", b)] == [2019]


def test_csti_adopted_the_fifth_basic_plan_in_2016_and_is_led_by_the_prime_minister(
    seed_graph: Graph,
) -> None:
    plan = "agreement:5th-science-and-technology-basic-plan"
    (adopted,) = find(seed_graph, "agency:csti", "ADOPTED", plan)
    assert adopted.year == 2016
    assert "adopted in 2016 by the CSTI" in adopted.evidence[0].quote
    (leads,) = [r for r in seed_graph.relations if r.type == "LEADS" and r.target == "agency:csti"]
    assert "directly led by the Prime Minister" in leads.evidence[0].quote


def test_tokyo_as_subject_is_japan_but_university_of_tokyo_is_a_university() -> None:
    from loaders.recognise import recogniser

    text = seed_text("000")
    recognition = recogniser().recognise(text)
    spans = {(m.start, m.end): m.actor for m in recognition.mentions}
    start = text.index("Tōkyō has institutionalized")
    assert spans[(start, start + len("Tōkyō"))] == "country:JPN"
    uni = text.index("University of Tōkyō")
    assert spans[(uni, uni + len("University of Tōkyō"))] == "university:university-of-tokyo"
    plain = text.index("The University of Tokyo, Toyota") + len("The ")
    assert spans[(plain, plain + len("University of Tokyo"))] == "university:university-of-tokyo"


def test_acronym_definitions_alias_their_actor(seed_graph: Graph) -> None:
    actors = {a.id: a for a in seed_graph.actors}
    assert "JICA" in actors["agency:jica"].aliases
    assert "CSTI" in actors["agency:csti"].aliases
    epqi = actors["agreement:expanded-partnership-in-quality-investment"]
    assert epqi.discovered and "EPQI" in epqi.aliases


def test_no_actor_is_a_person_or_a_technology(seed_graph: Graph) -> None:
    banned = {"abe", "shinzo abe", "shaw", "nye", "joseph nye", "kishida", "suga", "modi",
              "ai", "5g", "artificial intelligence", "ict", "srabani roy choudhury",
              "claudiu-bogdan aldea", "prime minister", "memorandum of cooperation"}  # fmt: skip
    for actor in seed_graph.actors:
        for name in (actor.name, *actor.aliases):
            assert name.lower() not in banned, actor.id
            assert not re.search(r"\b(?:Abe|Shaw|Kishida|Suga)\b", name), actor.id


def test_seed_years_come_from_their_sentence_never_from_a_papers_date(seed_graph: Graph) -> None:
    for relation in seed_graph.relations:
        if relation.year is None or relation.curated:
            continue
        assert relation.date is not None and relation.date.startswith(str(relation.year))
        if relation.date_source == "sentence":
            assert any(str(relation.year) in e.quote for e in relation.evidence), relation.key
        else:  # the seeds are papers and articles without a dateline
            raise AssertionError(f"{relation.key} is dated by its document")


def test_ids_are_stable_prefixed_slugs(seed_graph: Graph) -> None:
    from graph.schema import domain_schema

    schema = domain_schema()
    for actor in seed_graph.actors:
        prefix, _, rest = actor.id.partition(":")
        assert prefix == schema.prefix_of(actor.type)
        assert re.fullmatch(r"[A-Z]{3}" if prefix == "country" else r"[a-z0-9-]+", rest)


def test_every_country_of_the_oda_lists_in_002_is_supported_by_japan(seed_graph: Graph) -> None:
    # 002: "Japan addressed this by aiding telecommunication development ( Laos, Cambodia), GIS
    # system (Macedonia, Cambodia, El Salvador, and Guatemala) ... Assistance to third country
    # for IT (Nepal, Srilanka), IT infrastructure and Network (Angola, Tanzania)"
    listed = {"LAO", "KHM", "MKD", "SLV", "GTM", "NPL", "LKA", "AGO", "TZA"}
    text = seed_text("002")
    supported = {}
    for relation in seed_graph.relations:
        if relation.source == "country:JPN" and relation.type == "SUPPORTS":
            supported[relation.target.removeprefix("country:")] = relation
    assert listed <= set(supported)
    for country in listed:
        evidence = supported[country].evidence
        assert any("by aiding telecommunication" in e.quote for e in evidence), country
        assert all(text[e.start : e.end] == e.quote for e in evidence)
