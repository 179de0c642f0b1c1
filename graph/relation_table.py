"""The embedded store's relations held in columns, built into model objects only for an answer.

At a million relations, a Relation object per relation (with its evidence) costs gigabytes
and minutes to build; the columns cost tens of megabytes. Each fact is a numpy array (strings
as codes into small tables); evidence spans follow one another in relation order, and a quote
is kept only where its document's text does not give it back (`text[start:end] == quote`),
in one string with offsets. `relation(i)` builds relation `i` when a query answers with it.
"""

from __future__ import annotations

import numpy as np

from graph.formats.store_file import StoreFile
from graph.model import Evidence, Relation

__all__ = ["NO_YEAR", "RelationTable"]

NO_YEAR = int(np.iinfo(np.int32).min)
"""The year column's value for a relation that states no year."""


class RelationTable:
    """Every relation of a graph as columns; ends are actor numbers into `ids`."""

    def __init__(self, content: StoreFile) -> None:
        rel, ev = content.relations, content.evidence
        self.ids = [a.id for a in content.actors]
        self.types, self.rules, self.dates = rel.types, rel.rules, rel.dates
        self.date_precisions, self.date_sources = rel.date_precisions, rel.date_sources
        self.source = np.array(rel.source, dtype=np.int32)
        self.target = np.array(rel.target, dtype=np.int32)
        self.type = np.array(rel.type, dtype=np.int16)
        self.year = np.fromiter(
            (NO_YEAR if y is None else y for y in rel.year), np.int32, len(rel.year)
        )
        self.date = np.array(rel.date, dtype=np.int32)
        self.date_precision = np.array(rel.date_precision, dtype=np.int8)
        self.date_source = np.array(rel.date_source, dtype=np.int8)
        self.rule = np.array(rel.rule, dtype=np.int32)
        self.confidence = np.array(rel.confidence, dtype=np.float64)
        self.curated = np.array(rel.curated, dtype=bool)
        self.evidence_ptr = np.zeros(len(rel.evidence) + 1, dtype=np.int64)
        if rel.evidence:
            np.cumsum(rel.evidence, out=self.evidence_ptr[1:])
        self.docs = ev.docs
        self.doc = np.array(ev.doc, dtype=np.int32)
        self.start = np.array(ev.start, dtype=np.int64)
        self.end = np.array(ev.end, dtype=np.int64)
        texts = {d.name: d.text for d in content.documents}
        self._texts = [texts.get(name, "") for name in ev.docs]
        self._quoted = np.fromiter((q is not None for q in ev.quote), bool, len(ev.quote))
        self._quotes = "".join(q for q in ev.quote if q is not None)
        lengths = np.fromiter((len(q) if q else 0 for q in ev.quote), np.int64, len(ev.quote))
        self._quote_ptr = np.zeros(len(ev.quote) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self._quote_ptr[1:])

    def __len__(self) -> int:
        return len(self.source)

    def relation(self, i: int, evidence: bool = True) -> Relation:
        """Relation number `i` as a model object (with its evidence unless told otherwise)."""
        year = int(self.year[i])
        date, precision, date_source = (
            int(self.date[i]),
            int(self.date_precision[i]),
            int(self.date_source[i]),
        )
        return Relation.model_construct(
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
            spans.append(
                Evidence.model_construct(doc=self.docs[doc], quote=quote, start=start, end=end)
            )
        return spans

    def relations(self, numbers: list[int]) -> list[Relation]:
        return [self.relation(i) for i in numbers]

    def evidence_count(self) -> int:
        return int(self.evidence_ptr[-1])
