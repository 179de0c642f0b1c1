"""Two short press releases of the kind an analyst adds, read as issue 17 found them read:
one node per ministry and per memorandum, the signatories' countries joined, and no
instrument the text never names."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Actor, Relation
from loaders.extract import DocExtraction, extract_document
from loaders.text import fold

DATA = Path(__file__).parent / "data"
INSTRUMENT_TYPES = {"Agreement", "Programme", "Project", "Event"}


@pytest.fixture(scope="module")
def meti_vietnam() -> tuple[str, DocExtraction]:
    text = (DATA / "meti_vietnam_moc.txt").read_text(encoding="utf-8")
    return text, extract_document(text)


@pytest.fixture(scope="module")
def ministers() -> tuple[str, DocExtraction]:
    text = (DATA / "ministers_moc.txt").read_text(encoding="utf-8")
    return text, extract_document(text)


def _between(result: DocExtraction, rel_type: str, one: str, other: str) -> list[Relation]:
    ends = {(one, other), (other, one)}
    return [r for r in result.relations if r.type == rel_type and (r.source, r.target) in ends]


def _named_as(actor: Actor, name: str) -> bool:
    return fold(name) in {fold(n) for n in [actor.name, *actor.aliases]}


def test_one_node_for_the_vietnamese_ministry(meti_vietnam: tuple[str, DocExtraction]) -> None:
    _, result = meti_vietnam
    ministries = [a for a in result.actors if _named_as(a, "Ministry of Industry and Trade")]
    assert len(ministries) == 1
    assert _named_as(ministries[0], "Ministry of Industry and Trade of Viet Nam")


def test_one_memorandum_from_headline_and_body(meti_vietnam: tuple[str, DocExtraction]) -> None:
    _, result = meti_vietnam
    (moc,) = [a for a in result.actors if a.type == "Agreement"]
    assert _named_as(moc, "MoC")


def test_japan_and_vietnam_signed_the_moc_on_its_day(
    meti_vietnam: tuple[str, DocExtraction],
) -> None:
    _, result = meti_vietnam
    (signed,) = _between(result, "SIGNED_MOC", "country:JPN", "country:VNM")
    assert (signed.year, signed.date) == (2025, "2025-06-03")
    (ministry,) = [a for a in result.actors if _named_as(a, "Ministry of Industry and Trade")]
    assert [r.year for r in _between(result, "SIGNED_MOC", "agency:meti", ministry.id)] == [2025]


def test_no_instrument_the_text_never_names(meti_vietnam: tuple[str, DocExtraction]) -> None:
    text, result = meti_vietnam
    folded = fold(text)
    for actor in result.actors:
        if actor.type in INSTRUMENT_TYPES:
            assert any(fold(n) in folded for n in [actor.name, *actor.aliases]), actor.name
    assert not [r for r in result.relations if r.type == "FUNDS"]


def test_every_relation_quotes_its_sentence(meti_vietnam: tuple[str, DocExtraction]) -> None:
    text, result = meti_vietnam
    for relation in result.relations:
        assert relation.evidence
        for evidence in relation.evidence:
            assert text[evidence.start : evidence.end] == evidence.quote


def test_ministers_named_earlier_sign_for_their_governments(
    ministers: tuple[str, DocExtraction],
) -> None:
    _, result = ministers
    (moc,) = [a for a in result.actors if a.type == "Agreement"]
    (by_ministry,) = [
        r
        for r in result.relations
        if (r.source, r.type, r.target) == ("agency:mic", "SIGNED", moc.id)
    ]
    assert any(
        "Minister Matsumoto and Minister Bjerre signed" in e.quote for e in by_ministry.evidence
    )
    (by_denmark,) = [
        r
        for r in result.relations
        if (r.source, r.type, r.target) == ("country:DNK", "SIGNED", moc.id)
    ]
    assert any("Minister Bjerre" in e.quote for e in by_denmark.evidence)
    (joined,) = _between(result, "SIGNED_MOC", "country:JPN", "country:DNK")
    assert joined.year == 2024


@pytest.fixture(scope="module")
def visit() -> DocExtraction:
    return extract_document(
        (DATA / "minister_title_without_country.txt").read_text(encoding="utf-8")
    )


def test_a_minister_whose_title_names_no_country_signs_for_the_other_side(
    visit: DocExtraction,
) -> None:
    (moc,) = [a for a in visit.actors if a.type == "Agreement"]
    (by_finland,) = [
        r
        for r in visit.relations
        if (r.source, r.type, r.target) == ("country:FIN", "SIGNED", moc.id)
    ]
    assert any("Minister Virtanen signed" in e.quote for e in by_finland.evidence)
    assert _between(visit, "SIGNED_MOC", "country:JPN", "country:FIN")


def test_a_home_official_acting_alone_is_not_given_the_visited_country(
    visit: DocExtraction,
) -> None:
    finland = [r for r in visit.relations if "country:FIN" in (r.source, r.target)]
    assert not any("Prime Minister Sato" in e.quote for r in finland for e in r.evidence)
