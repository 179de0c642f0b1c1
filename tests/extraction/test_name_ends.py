"""A discovered name ends where its words stop naming it: an event's name before the place
it is held in, a project's name with the place it is named after.

Each test states the invented sentence it reads; the expected actors and relations are
what it says.
"""

from __future__ import annotations

from loaders.extract import DocExtraction, extract_document


def _names(result: DocExtraction) -> dict[str, str]:
    return {a.name: a.type for a in result.actors}


def _triples(result: DocExtraction) -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in result.relations}


def test_an_event_name_ends_before_the_city_it_is_held_in() -> None:
    result = extract_document(
        "Japan and Viet Nam held the ASEAN Conference on 5G in Hanoi in 2023."
    )
    names = _names(result)
    assert names["ASEAN Conference on 5G"] == "Event"
    assert "ASEAN Conference on 5G in Hanoi" not in names
    assert ("event:asean-conference-on-5g", "LOCATED_IN", "place:hanoi") in _triples(result)


def test_an_event_name_ends_before_a_capital_and_a_state() -> None:
    tokyo = extract_document("The Summit on Digital Partnership in Tokyo was held in May 2023.")
    assert "Summit on Digital Partnership" in _names(tokyo)
    california = extract_document(
        "The Conference on Quantum Computing in California opened in 2024."
    )
    assert "Conference on Quantum Computing" in _names(california)


def test_an_event_about_a_field_keeps_its_whole_name() -> None:
    result = extract_document("The Meeting on Cooperation in Science and Technology met in 2021.")
    assert _names(result)["Meeting on Cooperation in Science and Technology"] == "Event"


def test_a_project_keeps_the_place_it_is_named_after() -> None:
    result = extract_document(
        "JICA launched the Project for Promoting Start-up and Innovation in Telangana in 2022."
    )
    project = "Project for Promoting Start-up and Innovation in Telangana"
    assert _names(result)[project] == "Project"
