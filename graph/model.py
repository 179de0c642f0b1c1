"""Core graph model: actors, relations with verbatim evidence, and source documents.

Every model forbids unknown fields so that a typo in a curation file or a store row is an
error, not silently dropped data. Collections are kept sorted so that the same documents
always serialise to the same bytes.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["Actor", "Document", "Evidence", "Graph", "Relation", "relation_key"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Strict):
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


class Actor(_Strict):
    """A canonical actor: a country, bloc, agency, company, university, programme, ..."""

    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    identifiers: dict[str, str] = Field(default_factory=dict)
    documents: list[str] = Field(default_factory=list)
    discovered: bool = False


class Relation(_Strict):
    """A typed relation between two actors, with the year the text states and its evidence."""

    source: str
    target: str
    type: str
    year: int | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    curated: bool = False

    @property
    def key(self) -> str:
        return relation_key(self.source, self.type, self.target, self.year)


def relation_key(source: str, rel_type: str, target: str, year: int | None) -> str:
    """The identity of a relation: evidence for the same key is merged, never duplicated."""
    return f"{source}|{rel_type}|{target}|{'' if year is None else year}"


class Document(_Strict):
    """A source document that was read into the graph, keyed by its file name."""

    name: str
    sha256: str
    chars: int
    words: int


class Graph(_Strict):
    """A whole graph: what the loaders produce and what every store holds."""

    actors: list[Actor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)

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

    def actor_index(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}
