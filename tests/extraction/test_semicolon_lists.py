"""Lists of parties whose separators are semicolons read like comma lists.

Each test states the invented sentence it reads; the expected relations are what it says.
"""

from __future__ import annotations

from loaders.extract import DocExtraction, extract_document


def _signatories(result: DocExtraction) -> dict[str, set[str]]:
    """Each agreement with the parties that signed it."""
    out: dict[str, set[str]] = {}
    for r in result.relations:
        if r.type == "SIGNED":
            out.setdefault(r.target, set()).add(r.source)
    return out


def test_a_semicolon_list_of_subjects_signs_one_agreement_together() -> None:
    text = "Japan; Brazil; and Kenya signed a Memorandum of Cooperation on digital government."
    (parties,) = _signatories(extract_document(text)).values()
    assert parties == {"country:JPN", "country:BRA", "country:KEN"}


def test_a_semicolon_list_closed_by_and_without_a_semicolon_is_one_list() -> None:
    text = "JST; JSPS; AMED and UKRI signed a Memorandum of Cooperation in 2024."
    (parties,) = _signatories(extract_document(text)).values()
    assert parties == {"agency:jst", "agency:jsps", "agency:amed", "agency:ukri"}


def test_a_semicolon_list_of_objects_joins_every_party() -> None:
    text = "JICA signed a Memorandum of Cooperation with Brazil; Kenya; and Peru in 2022."
    (parties,) = _signatories(extract_document(text)).values()
    assert parties == {"agency:jica", "country:BRA", "country:KEN", "country:PER"}


def test_one_semicolon_between_two_parties_ends_a_clause() -> None:
    text = (
        "JICA signed a loan agreement with Viet Nam; Japan and India signed a Memorandum of "
        "Cooperation."
    )
    signed = _signatories(extract_document(text))
    assert sorted(signed.values(), key=len) == [
        {"agency:jica", "country:VNM"},
        {"country:JPN", "country:IND"},
    ]
