"""People are read through their titles, and a bare title speaks for the government that
publishes the document: "US President Biden" is a person of the United States (never a
place the model mistook him for), and "the Prime Minister" of an Australian release is
Australia's, not the Japanese office the catalogue knows by that title.

The texts are invented, of the same construction as real releases.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from loaders.engine.entities import model_names
from loaders.extract import DocExtraction, extract_document
from loaders.nlp import model
from loaders.recognise import recogniser

_RELEASE = (
    "source: https://www.pm.gov.au/media/regional-summit\n"
    "title: Regional Summit\n\n"
    "Regional Summit\n\n"
    "On 4 May 2023, the Prime Minister met US President Biden and Indian Prime Minister "
    "Modi for the Indo-Pacific Leaders' Summit in Sydney.\n"
)


def _summit_parties(result: DocExtraction) -> set[str]:
    (summit,) = [a for a in result.actors if a.type == "Event"]
    return {
        r.source for r in result.relations if r.type == "PARTICIPATES_IN" and r.target == summit.id
    }


def test_a_president_named_after_his_title_is_a_person_of_his_country() -> None:
    assert "country:USA" in _summit_parties(extract_document(_RELEASE))


def test_a_name_after_a_title_is_no_place_whatever_the_model_labels_it() -> None:
    # The model labels a president's name GPE in some sentences; its labels are set by hand
    # here so that the rule is tested whatever the model does with this sentence.
    text = "The Prime Minister met US President Biden in Sydney."
    words = ["The", "Prime", "Minister", "met", "US", "President", "Biden", "in", "Sydney", "."]
    doc = Doc(model().vocab, words=words, spaces=[True] * 8 + [False, False])
    doc.ents = [Span(doc, 6, 7, "GPE"), Span(doc, 8, 9, "GPE")]
    found = model_names([(doc, 0)], text, text, [], recogniser())
    assert sorted(found.actors) == ["place:sydney"]


def test_the_bare_title_of_a_release_is_its_publisher_s_office() -> None:
    parties = _summit_parties(extract_document(_RELEASE))
    assert "country:AUS" in parties
    assert "agency:prime-minister-of-japan-and-his-cabinet" not in parties
