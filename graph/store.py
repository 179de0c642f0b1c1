"""The GraphStore protocol: what every store (embedded networkx, Neo4j) must answer, and how.

Semantics every implementation keeps (the contract suite in tests/contract checks them):

- `search`: candidates ranked by `graph.querying.rank_search`; `total` counts every hit.
- `neighbourhood`: breadth-first from the centre over relations that pass the filters, walking
  relations in either direction; actors whose type the filters refuse are not entered. Nodes are
  ordered by (depth, id) and cut at `limit` (the centre is not counted); a level that fills the
  limit is the last one looked at (`graph.levels`), and `level_counts` says how many actors each
  counted level holds; edges are every passing relation between two kept nodes, in `edge_order`.
- `paths`: the first `k` routes through distinct actors of at most `max_hops` relations, walking
  relations in either direction, ordered by `path_order`; each hop lists every passing relation
  between its two actors; intermediate actors must pass the actor filter.
- The confidence floor: `min_confidence` (in `Filters`, or given alone) leaves out every
  relation the extractor is less sure of, everywhere it is given: an actor's relations and
  the actors they reach, the degrees of search hits, the counts of `stats` and `documents`.
  None counts every relation. The API passes its one configured floor to each of them, so
  that a profile, a neighbourhood, a path and a count never disagree.
- Errors: an unknown id raises ActorNotFound with close matches; a store that cannot be
  reached raises StoreUnavailable.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol, runtime_checkable

from graph.model import Actor, Document, Graph, Relation
from graph.querying import Filters
from graph.views import (
    ActorDetail,
    DocumentFacts,
    DocumentSummary,
    Neighbourhood,
    Path,
    SearchPage,
    Stats,
)

__all__ = [
    "Backend",
    "ExplainsQueries",
    "GraphStore",
    "HasGenerations",
    "Pins",
    "ReportsProblems",
    "Warms",
    "pinned",
]

Backend = Literal["memory", "neo4j"]


@runtime_checkable
class GraphStore(Protocol):
    backend: Backend
    """Which kind of store this is: what /health and the explorer report."""

    def replace(self, graph: Graph) -> None:
        """Make `graph` the whole content of the store, atomically: on failure the old stays."""

    def snapshot(self) -> Graph:
        """The whole graph, in canonical order."""

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""

    def find_by_name(self, name: str) -> list[Actor]:
        """Actors whose name or alias equals `name` after `normalise_text`, ordered by id."""

    def search(
        self,
        query: str,
        actor_type: str | None = None,
        limit: int = 20,
        offset: int = 0,
        min_confidence: float | None = None,
    ) -> SearchPage:
        """Actors matching a name, alias or acronym, fuzzily, ranked; each hit's degree counts
        its relations at `min_confidence` or above."""

    def actor(self, actor_id: str, min_confidence: float | None = None) -> ActorDetail:
        """An actor with all its relations at `min_confidence` or above, and their evidence."""

    def neighbourhood(
        self, actor_id: str, depth: int, filters: Filters, limit: int
    ) -> Neighbourhood:
        """The actors and relations within `depth` relations of an actor."""

    def paths(
        self, source: str, target: str, max_hops: int, k: int, filters: Filters
    ) -> list[Path]:
        """The k shortest routes through distinct actors between two actors."""

    def document(self, name: str) -> Document | None:
        """The document with this file name, with its whole text, or None."""

    def document_facts(self) -> list[DocumentFacts]:
        """Every document without its text, by name: cheap enough for every answer that
        names the documents its evidence cites."""

    def documents(self, min_confidence: float | None = None) -> list[DocumentSummary]:
        """Every document, by name, without its text: its title, source and date, the actors
        it mentions and the relations at `min_confidence` or above it gives evidence for."""

    def projection(self, filters: Filters) -> list[Relation]:
        """Every relation that passes the filters (both ends passing the actor filter), without
        evidence, in any order: what the analytics compute on."""

    def stats(self, min_confidence: float | None = None) -> Stats:
        """Counts by type and the most connected actors, over the relations at
        `min_confidence` or above (`Stats.hidden_relations` counts the others)."""

    def ping(self) -> None:
        """Raise StoreUnavailable when the store cannot answer."""

    def close(self) -> None:
        """Release connections or files."""


@runtime_checkable
class ExplainsQueries(Protocol):
    """A store that can say which Cypher query answers a neighbourhood or a paths question,
    so that a client can open the same question in Neo4j Browser."""

    def explain_neighbourhood(
        self, actor_id: str, depth: int, filters: Filters, limit: int
    ) -> tuple[str, dict[str, Any]]:
        """The Cypher text and its parameters for this neighbourhood."""

    def explain_paths(
        self, source: str, target: str, max_hops: int, k: int, filters: Filters
    ) -> tuple[str, dict[str, Any]]:
        """The Cypher text and its parameters for these paths."""


@runtime_checkable
class ReportsProblems(Protocol):
    """A store that can keep answering from the last graph it read when its source goes wrong
    (the embedded store's file damaged or unreadable), and says what is wrong meanwhile."""

    def problem(self) -> str | None:
        """What is wrong with the store's source, or None."""


@runtime_checkable
class HasGenerations(Protocol):
    """A store that can say which loaded graph answers now, so that an answer computed from it
    (the analytics) can be kept until another graph takes its place."""

    def generation(self) -> str | None:
        """A value that changes whenever another graph is loaded; None when unknown."""


@runtime_checkable
class Pins(Protocol):
    """A store that can hand out a view of itself fixed on the graph it holds now, so that
    several questions (an analysis, then the names of its actors) are answered from it."""

    def pinned(self) -> GraphStore:
        """This store, answering from the graph it holds now until the view is dropped."""


def pinned(store: GraphStore) -> GraphStore:
    """`store` fixed on its current graph when it can be; else `store` itself."""
    return store.pinned() if isinstance(store, Pins) else store


@runtime_checkable
class Warms(Protocol):
    """A store whose first answers after a start or a load are slow unless it is warmed
    first (Neo4j: a cold page cache, a name index to build)."""

    def warm(self, min_confidence: float | None = None) -> None:
        """Read what the first answers at the confidence floor `min_confidence` need; raise
        StoreUnavailable if it cannot."""
