"""The language layer: spaCy's blank English pipeline with the lookup lemmatizer.

Only the tokenizer (with character offsets) and the lookup lemma table from
`spacy-lookups-data` are used; no statistical model exists or is downloaded. Lemmas are
looked up on the lower-cased word, so "Signed", "signs" and "signing" are all "sign", which
is what the trigger lexicons are written in.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple, cast

import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.lookups import Table
from spacy.pipeline import Lemmatizer

__all__ = ["Word", "lemma", "pipeline", "words"]


class Word(NamedTuple):
    """A token of the text: its span, its text, lower-case form and lemma."""

    start: int
    end: int
    text: str
    lower: str
    lemma: str


@cache
def pipeline() -> Language:
    """A blank English pipeline with the lookup lemmatizer (tables from spacy-lookups-data)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@cache
def _lemma_table() -> Table:
    lemmatizer = cast(Lemmatizer, pipeline().get_pipe("lemmatizer"))
    table: Table = lemmatizer.lookups.get_table("lemma_lookup")
    return table


@lru_cache(maxsize=65536)
def lemma(lower: str) -> str:
    """The lookup lemma of a lower-case word (the word itself when the table has none)."""
    return str(_lemma_table().get(lower, lower))


_KNOWN: dict[str, tuple[str, str, str]] = {}  # token text -> (text, lower-case, lemma)
_SPAN_ATTRS = [IDX, LENGTH, IS_SPACE]
_new_word = tuple.__new__  # builds a Word without the Python-level NamedTuple constructor


def words(text: str, offset: int = 0) -> list[Word]:
    """The tokens of `text` with their offsets (plus `offset`), lower-case forms and lemmas.

    This runs on every sentence, so it reads the tokens' spans as one array instead of
    making a spaCy Token object per word, and finds a token's lower-case form and lemma
    with one lookup of its text, made once per distinct text.
    """
    out: list[Word] = []
    append = out.append
    known = _KNOWN
    spans = pipeline().make_doc(text).to_array(_SPAN_ATTRS).tolist()
    for idx, length, space in spans:
        if space:
            continue
        word = text[idx : idx + length]
        forms = known.get(word)
        if forms is None:
            lower = word.lower()  # spaCy's LOWER is str.lower of the token's text
            forms = known[word] = (word, lower, lemma(lower))
        start = offset + idx
        append(_new_word(Word, (start, start + length, *forms)))
    return out
