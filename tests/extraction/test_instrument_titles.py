"""An instrument keeps the title the text gives it, as an alias of its node: with the
articles inside it ("in the ICT field", "of the X Council at Ministerial Level"), and, for
a heading with no verb that opens with the instrument, the whole heading, however the
parser reads a title-case line. A body keeps the names the document writes it by, such as
the acronym it defines.

The texts are invented, of the same constructions as real releases.
"""

from __future__ import annotations

from loaders.extract import DocExtraction, extract_document


def _aliases_of(result: DocExtraction, actor_type: str) -> set[str]:
    (node,) = [a for a in result.actors if a.type == actor_type]
    return {node.name, *node.aliases}


def test_an_article_inside_a_title_keeps_the_title() -> None:
    text = "Kenya and Japan signed a Memorandum of Cooperation in the ICT field in 2024."
    assert "Memorandum of Cooperation in the ICT field" in _aliases_of(
        extract_document(text), "Agreement"
    )


def test_a_meeting_of_a_council_keeps_its_level() -> None:
    text = (
        "A meeting of the UNESCO Executive Board at Ministerial Level was held in Paris in "
        "2023. Japan attended the meeting."
    )
    assert "meeting of the UNESCO Executive Board at Ministerial Level" in _aliases_of(
        extract_document(text), "Event"
    )


def test_a_heading_that_opens_with_the_instrument_is_its_title() -> None:
    heading = (
        "Arrangement between Japan's Ministry of the Environment and Canada's Department of "
        "Natural Resources Concerning Clean Hydrogen"
    )
    text = (
        f"{heading}\n\n{heading}\n\nMarch 3, 2023\n"
        "Japan's Ministry of the Environment and Canada's Department of Natural Resources "
        "have reached the following understanding on clean hydrogen."
    )
    result = extract_document(text)
    titled = [a for a in result.actors if heading in {a.name, *a.aliases}]
    assert len(titled) == 1


def test_a_body_keeps_the_acronym_the_document_defines_for_it() -> None:
    text = (
        "Viet Nam's Ministry of Science and Technology (MOST) and the Japan Science and "
        "Technology Agency signed a memorandum of cooperation in 2015. MOST will fund the "
        "Vietnamese teams."
    )
    (ministry,) = [a for a in extract_document(text).actors if a.id == "agency:most-vietnam"]
    assert "MOST" in ministry.aliases


def test_an_unnamed_instrument_keeps_its_kind_and_topic_as_an_alias() -> None:
    text = (
        "In 2019, the Ministry of Internal Affairs and Communications and the Ministry of "
        "Communications of Brazil signed a Memorandum of Cooperation in the areas of Digital "
        "Terrestrial Television and Information and Communication Technology for the coming "
        "decade. Both ministries renewed the above memorandum of cooperation in 2024."
    )
    aliases = _aliases_of(extract_document(text), "Agreement")
    assert (
        "Memorandum of Cooperation in the areas of Digital Terrestrial Television and "
        "Information and Communication Technology"
    ) in aliases
    assert not any(a.lower().startswith("above") for a in aliases)


def test_a_party_the_parser_hangs_on_the_topic_is_not_part_of_the_title() -> None:
    text = (
        "On 5 May 2022, Mr. Kenta Arai, Minister of Economy, Trade and Industry, and H.E. "
        "Mr. Lars Berg, Ambassador of Sweden to Japan, signed a Memorandum of Cooperation (MOC) "
        "on a Japan-Sweden Hydrogen Partnership between the Ministry of Economy, Trade and "
        "Industry (METI) and the Ministry of Infrastructure, Sweden."
    )
    (moc,) = [a for a in extract_document(text).actors if a.name.endswith("(2022)")]
    assert (
        moc.name
        == "Japan–Sweden Memorandum of Cooperation on a Japan-Sweden Hydrogen Partnership (2022)"
    )
    assert "Memorandum of Cooperation on a Japan-Sweden Hydrogen Partnership" in moc.aliases


def test_a_date_after_an_instrument_is_no_part_of_its_title() -> None:
    text = (
        "The Ministry of Transport of Chile signed a memorandum of cooperation on Sunday with "
        "the Ministry of Land, Infrastructure, Transport and Tourism of Japan."
    )
    aliases = _aliases_of(extract_document(text), "Agreement")
    assert "memorandum of cooperation" in aliases
    assert not [a for a in aliases if "Sunday" in a], aliases
