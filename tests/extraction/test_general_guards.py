"""General rules that carry over to unseen documents: field lines under a heading, field
labels that are no names, and a place that belongs to the party named before it.

Each test states the text it reads; the expected relations are what that text says.
"""

from __future__ import annotations

from loaders.extract import DocExtraction, extract_document

PROJECT_LIST = (
    "JICA signed loan agreements with the Government of India for two projects.\n\n"
    "1.Project for the Construction of the Pune Ring Road:\n\n"
    "Executing Agency: Pune Metropolitan Region Development Authority.\n\n"
    "2.Project for the Improvement of the Kolkata Water Supply:\n\n"
    "Executing Agency: Kolkata Water Development Authority.\n"
)


def _named(result: DocExtraction) -> set[tuple[str, str, str]]:
    names = {a.id: a.name for a in result.actors}
    return {(names[r.source], r.type, names[r.target]) for r in result.relations}


def test_a_field_line_belongs_to_the_project_its_heading_names() -> None:
    named = _named(extract_document(PROJECT_LIST))
    assert (
        "Pune Metropolitan Region Development Authority",
        "IMPLEMENTS",
        "Project for the Construction of the Pune Ring Road",
    ) in named
    assert (
        "Kolkata Water Development Authority",
        "IMPLEMENTS",
        "Project for the Improvement of the Kolkata Water Supply",
    ) in named
    assert (
        "Kolkata Water Development Authority",
        "IMPLEMENTS",
        "Project for the Construction of the Pune Ring Road",
    ) not in named


def test_a_field_label_is_never_an_actor() -> None:
    result = extract_document(PROJECT_LIST)
    assert not any(a.name == "Executing Agency" for a in result.actors)


def test_a_place_after_a_party_named_by_a_preposition_is_the_partys() -> None:
    text = (
        "JICA signed the loan agreement to fund the construction of a steel plant by "
        "Acme Steels Limited in Chattogram."
    )
    named = _named(extract_document(text))
    assert not any(rel == "LOCATED_IN" and place == "Chattogram" for _, rel, place in named)


def test_a_place_after_the_body_a_meeting_is_of_is_the_meetings() -> None:
    text = "Japan and France attended a meeting of the OECD Council in Paris on 2 May 2024."
    named = _named(extract_document(text))
    assert ("Meeting of the OECD Council (2024)", "LOCATED_IN", "Paris") in named


def test_a_body_named_of_its_country_and_one_in_apposition_before_in_are_part_of_it() -> None:
    text = (
        "The Ministry of Foreign Affairs of Japan welcomed the collaboration between the "
        "Department of Biotechnology (DBT) and the National Institute of Advanced Industrial "
        "Science and Technology (AIST), Japan in establishing a joint laboratory."
    )
    named = _named(extract_document(text))
    assert ("Ministry of Foreign Affairs of Japan", "PART_OF", "Japan") in named
    assert (
        "National Institute of Advanced Industrial Science and Technology",
        "PART_OF",
        "Japan",
    ) in named


def test_a_collaboration_between_parties_joins_them_and_a_copula_makes_it_the_project() -> None:
    text = (
        "The Pacific Ocean Cable Project was announced in 2024. This project represents a "
        "three-party collaboration between Australia, Japan and Fiji."
    )
    named = _named(extract_document(text))
    for country in ("Australia", "Japan", "Fiji"):
        assert (country, "PARTICIPATES_IN", "Pacific Ocean Cable Project") in named


def test_a_grant_for_a_country_funds_the_programme_named_after_it() -> None:
    text = (
        "The Grant Aid for Tuvalu was announced in 2020. On 26 March 2021, Japan and Tuvalu "
        'signed and exchanged notes to formalize the Grant Aid for Tuvalu, "Coastal '
        'Resilience Development Programme."'
    )
    named = _named(extract_document(text))
    programme = "Coastal Resilience Development Programme"
    assert ("Japan", "FUNDS", programme) in named
    assert ("Tuvalu", "FUNDS", programme) not in named  # the country it is for receives it
    assert (programme, "BENEFITS", "Tuvalu") in named


def test_a_body_in_a_country_is_part_of_it() -> None:
    text = (
        "Japan signed a memorandum with the Department of Information and Communications "
        "Technology in the Philippines in 2017."
    )
    named = _named(extract_document(text))
    assert (
        "Department of Information and Communications Technology",
        "PART_OF",
        "Philippines",
    ) in named
