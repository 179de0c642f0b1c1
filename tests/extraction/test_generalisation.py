"""Unseen real-world-style texts: actors and relations found with no catalogue entries."""

from __future__ import annotations

from loaders.catalogue import catalogue
from loaders.extract import DocExtraction, extract_document

PRESS_RELEASE = (
    "Tokyo, 12 March 2024 — The Ministry of Internal Affairs and Communications (MIC) of Japan "
    "and India's Ministry of Electronics and Information Technology (MeitY) signed a "
    "Memorandum of Cooperation in the field of ICT in 2024. The MIC said the memorandum covers "
    "5G, submarine cables and cybersecurity."
)
ODA_LOAN = (
    "The Japan International Cooperation Agency (JICA) signed a loan agreement with the "
    "Government of the Philippines to provide ODA for the Metro Manila Subway Project. "
    "The Metro Manila Subway Project is located in the Philippines. The project will be "
    "implemented by the Light Rail Transit Authority (LRTA) of the Philippines."
)
JOINT_RESEARCH = (
    "Kyoto University and the Indian Institute of Technology Hyderabad (IITH) launched a joint "
    "research programme on disaster-resilient infrastructure in 2023. Professor Tanaka will "
    "lead the work with AI-based sensors."
)
SUMMIT = (
    "Viet Nam hosted the Mekong-Japan Digital Summit in 2025. Thailand and Cambodia "
    "participated in the Mekong-Japan Digital Summit. The Asian Development Bank (ADB) "
    "financed the Mekong Digital Connectivity Project."
)


def _relations(result: DocExtraction) -> set[tuple[str, str, str, int | None]]:
    return {(r.source, r.type, r.target, r.year) for r in result.relations}


def _actors(result: DocExtraction) -> dict[str, str]:
    return {a.id: a.type for a in result.actors}


def test_discovered_actors_are_not_in_the_catalogue() -> None:
    known = catalogue().actors
    for actor_id in [
        "project:metro-manila-subway-project",
        "agency:light-rail-transit-authority",
        "university:indian-institute-of-technology-hyderabad",
        "event:mekong-japan-digital-summit",
        "project:mekong-digital-connectivity-project",
    ]:
        assert actor_id not in known


def test_press_release_moc_between_two_ministries() -> None:
    result = extract_document(PRESS_RELEASE)
    mic, meity = "agency:mic", "agency:meity"  # both in the reference gazetteer
    assert _actors(result)[mic] == "Agency"
    assert _actors(result)[meity] == "Agency"
    assert (meity, "SIGNED_MOC", mic, 2024) in _relations(result)
    (moc,) = [a for a in result.actors if a.type == "Agreement"]
    assert "Memorandum of Cooperation" in moc.aliases
    assert {(mic, "SIGNED", moc.id, 2024), (meity, "SIGNED", moc.id, 2024)} <= _relations(result)
    assert (mic, "PART_OF", "country:JPN", None) in _relations(result)
    assert (meity, "PART_OF", "country:IND", None) in _relations(result)
    aliases = {a.id: a.aliases for a in result.actors}
    assert "MIC" in aliases[mic] and "MeitY" in aliases[meity]
    assert not {"5G", "ICT"} & {n for a in result.actors for n in (a.name, *a.aliases)}


def test_oda_loan_for_a_metro_line() -> None:
    result = extract_document(ODA_LOAN)
    subway = "project:metro-manila-subway-project"
    relations = _relations(result)
    assert _actors(result)[subway] == "Project"
    assert ("agency:jica", "FUNDS", subway, None) in relations
    assert (subway, "LOCATED_IN", "country:PHL", None) in relations
    assert ("agency:light-rail-transit-authority", "IMPLEMENTS", subway, None) in relations
    assert not any(a.name.startswith("ODA") for a in result.actors)


def test_joint_research_announcement() -> None:
    result = extract_document(JOINT_RESEARCH)
    kyoto = "university:kyoto-university"
    iith = "university:indian-institute-of-technology-hyderabad"
    assert (iith, "PARTNERS_WITH", kyoto, 2023) in _relations(result)
    names = {n.lower() for a in result.actors for n in (a.name, *a.aliases)}
    assert not any("tanaka" in n or n == "ai" for n in names)


def test_summit_hosting_participation_and_funding() -> None:
    result = extract_document(SUMMIT)
    summit = "event:mekong-japan-digital-summit"
    relations = _relations(result)
    assert ("country:VNM", "HOSTS", summit, 2025) in relations
    assert ("country:THA", "PARTICIPATES_IN", summit, None) in relations
    assert ("country:KHM", "PARTICIPATES_IN", summit, None) in relations
    funds = ("org:adb", "FUNDS", "project:mekong-digital-connectivity-project")
    assert (*funds, None) in relations


def test_evidence_of_unseen_texts_is_verbatim() -> None:
    for text in (PRESS_RELEASE, ODA_LOAN, JOINT_RESEARCH, SUMMIT):
        for relation in extract_document(text).relations:
            for evidence in relation.evidence:
                assert text[evidence.start : evidence.end] == evidence.quote
