"""The embedded store's relations held in columns, built into model objects only for an answer.

At a million relations, a Relation object per relation (with its evidence) costs gigabytes
and minutes to build; the columns cost tens of megabytes. Each fact is a numpy array (strings
as codes into small tables); evidence spans follow one another in relation order, and a quote
is kept only where its document's text does not give it back (`text[start:end] == quote`),
in one string with offsets. `relation(i)` builds relation `i` when a query answers with it.
"""

from __future__ import annotations

import functools
import weakref
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypeVar

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel

from graph.formats.store_file import NO_YEAR, StoreFile, column, quote_missing
from graph.model import Document, Evidence, Relation
from graph.views import DocumentFacts, DocumentSummary

__all__ = ["CACHED", "NO_YEAR", "RelationTable", "document_facts", "document_summaries", "trusted"]


CACHED = 1 << 16
"""How many built relations a table remembers (tens of megabytes)."""

Model = TypeVar("Model", bound=BaseModel)
_FIELDS: dict[type[BaseModel], frozenset[str]] = {}


def trusted(model: type[Model], **values: Any) -> Model:
    """`model.model_construct(**values)` for values that give every field (as many as there
    are), without its search for aliases and defaults: answers build thousands of relations."""
    fields = _FIELDS.get(model)
    if fields is None:
        fields = _FIELDS[model] = frozenset(model.model_fields)
    if len(values) != len(fields):
        raise TypeError(f"{model.__name__} needs exactly the fields {sorted(fields)}")
    built = model.__new__(model)
    object.__setattr__(built, "__dict__", values)
    object.__setattr__(built, "__pydantic_fields_set__", set(fields))
    object.__setattr__(built, "__pydantic_extra__", None)
    object.__setattr__(built, "__pydantic_private__", None)
    return built


class RelationTable:
    """Every relation of a graph as columns; ends are actor numbers into `ids`."""

    def __init__(self, content: StoreFile) -> None:
        rel, ev = content.relations, content.evidence
        self.ids = [a.id for a in content.actors]
        self.types, self.rules, self.dates = rel.types, rel.rules, rel.dates
        self.date_precisions, self.date_sources = rel.date_precisions, rel.date_sources
        self.source = column(rel, "source")
        self.target = column(rel, "target")
        self.type = column(rel, "type")
        self.year = column(rel, "year")
        self.date = column(rel, "date")
        self.date_precision = column(rel, "date_precision")
        self.date_source = column(rel, "date_source")
        self.rule = column(rel, "rule")
        self.confidence = column(rel, "confidence")
        self.curated = column(rel, "curated")
        counts = column(rel, "evidence")
        self.evidence_ptr = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=self.evidence_ptr[1:])
        # Through a weak reference: a cache of a bound method would hold the table in a
        # cycle, which only the garbage collector's rare full pass frees, and a replaced
        # store's table (with the whole file's bytes under its columns) must go at once.
        self._remembered = functools.lru_cache(maxsize=CACHED)(
            functools.partial(_build, weakref.proxy(self))
        )
        self.docs = ev.docs
        self.doc = column(ev, "doc")
        self.start = column(ev, "start")
        self.end = column(ev, "end")
        texts = {d.name: d.text for d in content.documents}
        self._texts = [texts.get(name, "") for name in ev.docs]
        quotes = ev.quote
        self._quoted = ~quote_missing(quotes)
        kept = [q for q in quotes if q is not None]
        self._quotes = "".join(kept)
        self._quote_ptr = np.zeros(len(quotes) + 1, dtype=np.int64)
        if kept:
            lengths = np.zeros(len(quotes), dtype=np.int64)
            lengths[self._quoted] = np.fromiter(map(len, kept), np.int64, len(kept))
            np.cumsum(lengths, out=self._quote_ptr[1:])

    def __len__(self) -> int:
        return len(self.source)

    def relation(self, i: int, evidence: bool = True) -> Relation:
        """Relation number `i` as a model object (with its evidence unless told otherwise).

        The most recently asked relations are remembered (`CACHED`): hubs' relations come back
        in answer after answer, and building one costs more than finding it."""
        if evidence:
            return self._remembered(i)
        return self._build(i, evidence=False)

    def forget(self) -> None:
        """Drop the remembered relations (when the table is replaced)."""
        self._remembered.cache_clear()

    def _build(self, i: int, evidence: bool = True) -> Relation:
        year = int(self.year[i])
        date, precision, date_source = (
            int(self.date[i]),
            int(self.date_precision[i]),
            int(self.date_source[i]),
        )
        return trusted(
            Relation,
            source=self.ids[self.source[i]],
            target=self.ids[self.target[i]],
            type=self.types[self.type[i]],
            year=None if year == NO_YEAR else year,
            date=None if date < 0 else self.dates[date],
            date_precision=None if precision < 0 else self.date_precisions[precision],
            date_source=None if date_source < 0 else self.date_sources[date_source],
            rule=self.rules[self.rule[i]],
            confidence=float(self.confidence[i]),
            evidence=self.evidence(i) if evidence else [],
            curated=bool(self.curated[i]),
        )

    def evidence(self, i: int) -> list[Evidence]:
        """The evidence spans of relation `i`, in canonical order."""
        spans = []
        for span in range(int(self.evidence_ptr[i]), int(self.evidence_ptr[i + 1])):
            doc, start, end = int(self.doc[span]), int(self.start[span]), int(self.end[span])
            if self._quoted[span]:
                quote = self._quotes[self._quote_ptr[span] : self._quote_ptr[span + 1]]
            else:
                quote = self._texts[doc][start:end]
            spans.append(trusted(Evidence, doc=self.docs[doc], quote=quote, start=start, end=end))
        return spans

    def relations(self, numbers: list[int]) -> list[Relation]:
        return [self.relation(i) for i in numbers]

    def evidence_count(self) -> int:
        return int(self.evidence_ptr[-1])

    def passing(self, min_confidence: float | None) -> npt.NDArray[np.bool_]:
        """Which relations are at `min_confidence` or above (all of them when None)."""
        if min_confidence is None:
            return np.ones(len(self), dtype=bool)
        kept: npt.NDArray[np.bool_] = self.confidence >= min_confidence
        return kept

    def relations_per_document(self, kept: npt.NDArray[np.bool_]) -> dict[str, int]:
        """How many of the `kept` relations each document gives evidence for (a relation
        with two spans in one document counts once)."""
        owner = np.repeat(np.arange(len(self), dtype=np.int64), np.diff(self.evidence_ptr))
        spans = kept[owner]
        pairs = np.unique(owner[spans] * len(self.docs) + self.doc[spans])
        counts = np.bincount(pairs % max(len(self.docs), 1), minlength=len(self.docs))
        return {name: int(n) for name, n in zip(self.docs, counts.tolist(), strict=True)}


class _Mentions(Protocol):
    """What `document_summaries` reads of an actor: the documents that mention it."""

    @property
    def documents(self) -> Sequence[str]: ...


def document_facts(documents: Iterable[Document]) -> list[DocumentFacts]:
    """Every document without its text, by name."""
    return [
        DocumentFacts(**d.model_dump(exclude={"text"}))
        for d in sorted(documents, key=lambda d: d.name)
    ]


def document_summaries(
    documents: Iterable[Document],
    actors: Iterable[_Mentions],
    table: RelationTable,
    min_confidence: float | None,
) -> list[DocumentSummary]:
    """Every document without its text, by name, with the actors that name it and the
    relations (at `min_confidence` or above) it gives evidence for."""
    mentions = Counter(name for actor in actors for name in set(actor.documents))
    relations = table.relations_per_document(table.passing(min_confidence))
    return [
        DocumentSummary(
            **facts.model_dump(),
            actors=mentions.get(facts.name, 0),
            relations=relations.get(facts.name, 0),
        )
        for facts in document_facts(documents)
    ]


def _build(table: RelationTable, i: int) -> Relation:
    return table._build(i)
