"""The model reads names only in windows around the capitalised words no known name covers
(loaders.nlp._name_windows), not in the whole sentence. The windows lose nothing: the
documents extract exactly as they do when the model reads every word of those sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from loaders import nlp
from loaders.extract import extract_document

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((Path(__file__).parent / "data").glob("*.txt")),
]

# Forty words stand between the sentence's start and the name only the model knows.
_LONG = (
    "In the course of a long and carefully prepared programme of visits, talks, site tours, "
    "workshops, receptions and public lectures that took the delegation through three "
    "cities over five days in the early spring of that year, the Japan Science and "
    "Technology Agency signed a memorandum of cooperation with Vellora Dynamics."
)


def _extractions() -> list[str]:
    return [
        extract_document(path.read_text(encoding="utf-8")).model_dump_json(exclude={"version"})
        for path in DOCUMENTS
    ]


def test_names_read_in_windows_are_those_of_the_whole_sentence() -> None:
    windowed = _extractions()
    whole_sentence = nlp._name_windows

    def whole(doc: Doc, chars: list[int] | None) -> list[tuple[int, int]]:
        return whole_sentence(doc, None) if chars else []

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nlp, "_name_windows", whole)
        assert _extractions() == windowed


def test_windows_cover_the_words_around_each_capitalised_word() -> None:
    doc = nlp.model().make_doc(_LONG)
    at = _LONG.index("Vellora")  # the one capitalised word no known name covers
    windows = nlp._name_windows(doc, [at])
    assert len(windows) == 1
    start, end = windows[0]
    name = next(t.i for t in doc if t.idx == at)
    assert start <= name - nlp._NAME_REACH and end > name + 1  # both words of the name
    assert end - start < len(doc) / 2  # not the whole sentence


def test_a_window_never_cuts_a_name() -> None:
    text = (
        "The delegation met the leaders of the National Institute of Science and Technology "
        "Policy and Innovation Research of Vellora."
    )
    doc = nlp.model().make_doc(text)
    start, end = nlp._name_windows(doc, [text.index("Vellora")])[0]
    first = next(t.i for t in doc if t.text == "National")
    assert doc.text.index("Vellora") - doc[start].idx > nlp._NAME_REACH  # beyond reach
    assert start <= first  # the institute's whole name
    assert end == len(doc)


def test_a_name_far_into_a_long_sentence_is_found() -> None:
    result = extract_document(_LONG)
    assert "Vellora Dynamics" in {a.name for a in result.actors}
    moc = {(r.source, r.type, r.target) for r in result.relations if r.type == "SIGNED_MOC"}
    assert moc == {("agency:jst", "SIGNED_MOC", "org:vellora-dynamics")}
