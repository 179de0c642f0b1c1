"""What the stores answer: search hits, actor detail, neighbourhoods, paths and statistics.

These are the results of the GraphStore protocol. Both stores return them in the same canonical
order (see `graph.querying`), which is what lets one contract suite compare the stores.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from graph.model import Actor, Relation, StrictModel

__all__ = [
    "ActorDetail",
    "ActorSummary",
    "DocumentFacts",
    "DocumentSummary",
    "Hop",
    "Neighbourhood",
    "NeighbourhoodNode",
    "Path",
    "RankedActor",
    "SearchHit",
    "SearchPage",
    "Stats",
]


class _View(StrictModel):
    """The base of every store answer: unknown fields are an error."""


class ActorSummary(_View):
    id: str
    name: str
    type: str

    @classmethod
    def of(cls, actor: Actor) -> ActorSummary:
        return cls(id=actor.id, name=actor.name, type=actor.type)


class SearchHit(_View):
    actor: ActorSummary
    matched: str = Field(description="The name, alias or acronym that matched the query.")
    score: float
    degree: int = Field(default=0, description="How many relations the actor has.")


class SearchPage(_View):
    total: int
    hits: list[SearchHit]


class ActorDetail(_View):
    actor: Actor
    relations: list[Relation]
    related: list[ActorSummary] = Field(description="Every actor at the other end of a relation.")


class NeighbourhoodNode(_View):
    actor: ActorSummary
    depth: int


class Neighbourhood(_View):
    center: ActorSummary
    nodes: list[NeighbourhoodNode]
    edges: list[Relation]
    truncated: bool = Field(description="True when more actors were reachable than the limit.")
    level_counts: list[int] = Field(
        default_factory=list,
        description="How many actors lie at each depth (1, 2, ...) in all, for the depths "
        "counted: a depth that fills the limit is counted, deeper ones are not looked at.",
    )


class Hop(_View):
    """One step of a path, from one actor to the next, over every relation that joins them.

    Parallel relations between the same two actors (an MOC in 2019 and another in 2023) are
    one hop listing them all, in the order (type, year, source), each with its evidence.
    """

    from_id: str = Field(description="The actor this hop leaves.")
    to_id: str = Field(description="The actor this hop reaches.")
    relations: list[Relation] = Field(min_length=1)

    def direction_of(self, relation: Relation) -> Literal["forward", "backward"]:
        """forward when the hop walks the relation from its source to its target."""
        return "forward" if relation.source == self.from_id else "backward"


class Path(_View):
    """A route through distinct actors: its actors in order and one hop between each pair."""

    nodes: list[ActorSummary]
    hops: list[Hop]


class RankedActor(ActorSummary):
    """An actor with its number of relations."""

    degree: int


class Stats(_View):
    """How much the graph holds, by type, and its most connected actors (most relations
    first, ties by id). Relations, their evidence and degrees are counted at the confidence
    floor `min_confidence`; `hidden_relations` says how many fall below it."""

    actors: int
    relations: int
    documents: int
    evidence: int
    actors_by_type: dict[str, int]
    relations_by_type: dict[str, int]
    most_connected: list[RankedActor]
    min_confidence: float | None = Field(
        default=None, description="The confidence floor of the counts; null counts every relation."
    )
    hidden_relations: int = Field(
        default=0, description="Relations below the floor, left out of these counts."
    )


class DocumentFacts(_View):
    """A source document without its text: what it is and where it comes from."""

    name: str = Field(description="The file name: the `doc` of every piece of evidence from it.")
    title: str | None = Field(description="Its title, as its text gives it; null if it gives none.")
    source: str | None = Field(description="Where it was published (an address), if it says.")
    date: str | None = Field(
        description="The date it states for itself: 2024-03-12, 2024-03 or 2024."
    )
    sha256: str
    chars: int
    words: int


class DocumentSummary(DocumentFacts):
    """A document's facts and what it gave the graph: `actors` counts the actors it mentions,
    `relations` the relations (at the confidence floor it was counted at) it gives evidence
    for."""

    actors: int
    relations: int
