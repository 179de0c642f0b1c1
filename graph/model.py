"""Core graph model: actors, relations with verbatim evidence, and source documents.

Every model forbids unknown fields so that a typo in a curation file or a store row is an
error, not silently dropped data. Collections are kept sorted so that the same documents
always serialise to the same bytes. Relations with the same key are merged here, once, so
that no store ever sees two relations with one key.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from graph.schema import domain_schema

__all__ = [
    "RELATION_FACTS",
    "Actor",
    "DatePrecision",
    "DateSource",
    "Document",
    "Evidence",
    "FrozenModel",
    "Graph",
    "Relation",
    "StrictModel",
    "merge_relations",
    "ordered_ends",
    "relation_facts",
    "relation_key",
]

DatePrecision = Literal["day", "month", "year"]
DateSource = Literal["sentence", "document"]


class StrictModel(BaseModel):
    """The base of every Kizuna model: unknown fields are an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid")


class FrozenModel(StrictModel):
    """A strict model that cannot change once built: domain data read from YAML."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(StrictModel):
    """Where a relation is stated: `document_text[start:end] == quote`."""

    doc: str
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _span_matches_quote(self) -> Evidence:
        if self.end - self.start != len(self.quote):
            raise ValueError("evidence span length does not match the quote length")
        return self

    def sort_key(self) -> tuple[str, int, int]:
        return (self.doc, self.start, self.end)


class Actor(StrictModel):
    """A canonical actor: a country, bloc, agency, company, university, programme, ..."""

    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    identifiers: dict[str, str] = Field(default_factory=dict)
    documents: list[str] = Field(default_factory=list)
    discovered: bool = False


class Relation(StrictModel):
    """A typed relation between two actors, with the date the text states and its evidence.

    `year` is the year the text states (never an invented one); `date` keeps the date at the
    precision the text gives it ("2024-03-12", "2024-03" or "2024"), and `date_source` says
    whether it was read in the evidence sentence or in the document's dateline. `rule` names
    the extraction rule that made the relation and `confidence` how sure that rule is, from 0
    to 1: each rule of the extractor states its own, a curated fact is 1.0, and answers leave
    out what falls below `graph.querying.DEFAULT_MIN_CONFIDENCE` unless asked.
    """

    source: str
    target: str
    type: str
    year: int | None = None
    date: str | None = None
    date_precision: DatePrecision | None = None
    date_source: DateSource | None = None
    rule: str = ""
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    evidence: list[Evidence] = Field(default_factory=list)
    curated: bool = False

    @property
    def key(self) -> str:
        return relation_key(self.source, self.type, self.target, self.year)

    def other_end(self, actor_id: str) -> str:
        """The actor at the other end of this relation from `actor_id`."""
        return self.target if self.source == actor_id else self.source


RELATION_FACTS = ("year", "date", "date_precision", "date_source", "rule", "confidence", "curated")
"""The scalar facts of a relation besides its ends, type and evidence: what every answer and
every store carries."""


def relation_facts(relation: Relation) -> dict[str, object]:
    """The relation's RELATION_FACTS by name."""
    return {name: getattr(relation, name) for name in RELATION_FACTS}


def relation_key(source: str, rel_type: str, target: str, year: int | None) -> str:
    """The identity of a relation: evidence for the same key is merged, never duplicated."""
    return f"{source}|{rel_type}|{target}|{'' if year is None else year}"


def ordered_ends(rel_type: str, source: str, target: str) -> tuple[str, str]:
    """The ends of a relation in canonical order: an undirected type sorts its two ends."""
    directed = domain_schema().relation_types[rel_type].directed
    if not directed and target < source:
        return target, source
    return source, target


def merge_relations(relations: list[Relation]) -> list[Relation]:
    """Relations with one key become one: evidence united, the surest rule and date kept,
    curated when any of them is."""
    merged: dict[str, Relation] = {}
    for relation in relations:
        current = merged.get(relation.key)
        if current is None:
            merged[relation.key] = relation
            continue
        spans = {e.sort_key(): e for e in (*current.evidence, *relation.evidence)}
        best = max(current, relation, key=_strength)
        merged[relation.key] = best.model_copy(
            update={
                "evidence": [spans[k] for k in sorted(spans)],
                "curated": current.curated or relation.curated,
            }
        )
    return list(merged.values())


def _strength(relation: Relation) -> tuple[float, int, str]:
    precision = {"day": 3, "month": 2, "year": 1}.get(relation.date_precision or "", 0)
    return (relation.confidence, precision, relation.rule)


class Document(StrictModel):
    """A source document that was read into the graph, keyed by its file name.

    `title`, `source` (the address it was published at) and `date` (at the precision it is
    written: "2024-03-12", "2024-03" or "2024") are what its own text says of it
    (`loaders.documents.read_header`), None where it says nothing. `text` is the whole text,
    so that evidence can be shown in its context from any store.
    """

    name: str
    sha256: str
    chars: int
    words: int
    title: str | None = None
    source: str | None = None
    date: str | None = None
    text: str = ""


class Graph(StrictModel):
    """A whole graph: what the loaders produce and what every store holds."""

    actors: list[Actor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_relation_per_key(self) -> Graph:
        if len({r.key for r in self.relations}) != len(self.relations):
            self.relations = merge_relations(self.relations)
        return self

    def normalised(self) -> Graph:
        """The same graph in canonical order, so that equal graphs serialise identically."""
        actors = [
            a.model_copy(
                update={"aliases": sorted(set(a.aliases)), "documents": sorted(set(a.documents))}
            )
            for a in sorted(self.actors, key=lambda a: a.id)
        ]
        relations = [
            r.model_copy(update={"evidence": sorted(r.evidence, key=Evidence.sort_key)})
            for r in sorted(self.relations, key=lambda r: (r.source, r.type, r.target, r.year or 0))
        ]
        documents = sorted(self.documents, key=lambda d: d.name)
        return Graph(actors=actors, relations=relations, documents=documents)
