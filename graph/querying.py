"""Query semantics shared by every store: filters, search scoring, canonical orderings, limits.

Stores differ in how they find candidates; they agree on what an answer is because they rank,
filter and order with the functions here.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from graph.errors import InvalidQuery
from graph.model import Relation
from graph.schema import domain_schema
from graph.views import ActorSummary, Path, SearchHit

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "LIMITS",
    "Filters",
    "Named",
    "edge_order",
    "hop_relation_order",
    "normalise_text",
    "path_order",
    "rank_search",
    "search_page",
    "search_score",
    "typo_allowance",
]


class Named(Protocol):
    """What a search reads of an actor: an Actor, or a row of the embedded store's file."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def aliases(self) -> list[str]: ...


@dataclass(frozen=True)
class Limits:
    """Bounds on what a query may ask, and the score a fuzzy name match must reach. The API
    declares its parameters with them, so a value out of range is refused before a store is
    asked."""

    max_depth: int = 3
    max_hops: int = 6
    max_k: int = 10
    max_limit: int = 500
    max_neighbourhood: int = 5000
    max_query_chars: int = 200
    fuzzy_cutoff: float = 80.0


LIMITS = Limits()

DEFAULT_MIN_CONFIDENCE = 0.5
"""Relations below this confidence (a bare co-occurrence of two actors with a trigger) are
left out of answers and exports unless the reader asks for them."""


@dataclass(frozen=True)
class Filters:
    """Which relations and actors a query may use: neighbourhoods, paths, and the
    projection the analytics compute on.

    With `since` or `until` set, only relations whose stated year is in range pass: a relation
    without a stated year cannot be placed in time and is left out. With `min_confidence`,
    relations the extractor is less sure of are left out.
    """

    relation_types: frozenset[str] | None = None
    actor_types: frozenset[str] | None = None
    since: int | None = None
    until: int | None = None
    min_confidence: float | None = None

    @classmethod
    def build(
        cls,
        relation_types: Iterable[str] | None = None,
        actor_types: Iterable[str] | None = None,
        since: int | None = None,
        until: int | None = None,
        min_confidence: float | None = None,
    ) -> Filters:
        schema = domain_schema()
        rel = _known(relation_types, schema.relation_types, "relation type")
        act = _known(actor_types, schema.actor_types, "actor type")
        if since is not None and until is not None and since > until:
            raise InvalidQuery(f"since ({since}) is after until ({until}); swap them.")
        if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
            raise InvalidQuery(f"min_confidence must be between 0 and 1; got {min_confidence}.")
        return cls(
            relation_types=rel,
            actor_types=act,
            since=since,
            until=until,
            min_confidence=min_confidence,
        )

    def accepts(self, relation: Relation) -> bool:
        """Whether a relation passes the type, year and confidence filters."""
        return self.accepts_relation(relation.type, relation.year, relation.confidence)

    def accepts_relation(
        self, relation_type: str, year: int | None, confidence: float = 1.0
    ) -> bool:
        if self.relation_types is not None and relation_type not in self.relation_types:
            return False
        if self.min_confidence is not None and confidence < self.min_confidence:
            return False
        if self.since is None and self.until is None:
            return True
        if year is None:
            return False
        return (self.since is None or year >= self.since) and (
            self.until is None or year <= self.until
        )


def _known(
    values: Iterable[str] | None, known: Mapping[str, object], what: str
) -> frozenset[str] | None:
    if values is None:
        return None
    chosen = frozenset(v for v in values if v)
    if not chosen:
        return None
    unknown = sorted(chosen - set(known))
    if unknown:
        raise InvalidQuery(
            f"Unknown {what}: {', '.join(unknown)}. Known: {', '.join(sorted(known))}.",
            unknown=unknown,
            known=sorted(known),
        )
    return chosen


_ASCII_SPACES = {c: " " for c in range(128) if not chr(c).isalnum()}


@functools.lru_cache(maxsize=1 << 18)
def normalise_text(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive form: 'Tōkyō' and 'tokyo' compare equal.

    Remembered for the most recent names: every search normalises its candidates' names."""
    if text.isascii():  # nothing to decompose: the same result, several times faster
        return " ".join(text.lower().translate(_ASCII_SPACES).split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = "".join(c if c.isalnum() else " " for c in stripped.casefold())
    return " ".join(cleaned.split())


def search_score(query: str, name: str) -> float:
    """How well a normalised query matches a normalised name, from 0 to 100."""
    if not query or not name:
        return 0.0
    if query == name:
        return 100.0
    if name.startswith(query):
        return 90.0 + 5.0 * len(query) / len(name)
    if f" {query}" in f" {name}":
        return 85.0 + 5.0 * len(query) / len(name)
    ratio = fuzz.ratio(query, name)
    if ratio >= LIMITS.fuzzy_cutoff:
        return round(0.8 * ratio, 3)
    allowed = typo_allowance(query)
    edits = Levenshtein.distance(query, name, score_cutoff=allowed)
    return round(60.0 - 10.0 * edits, 3) if edits <= allowed else 0.0


def typo_allowance(query: str) -> int:
    """How many typing errors a short query may hold and still match ("Jika" finds "JICA")."""
    return 0 if len(query) < 4 else 1


def actor_names(actor: Named) -> list[str]:
    return [actor.name, *actor.aliases]


def rank_search(
    query: str, candidates: Iterable[Named], actor_type: str | None = None
) -> list[SearchHit]:
    """Score every candidate on its best name or alias; order by score, then name, then id."""
    return search_page(query, candidates, actor_type, limit=None)[1]


def search_page(
    query: str,
    candidates: Iterable[Named],
    actor_type: str | None = None,
    limit: int | None = 20,
    offset: int = 0,
) -> tuple[int, list[SearchHit]]:
    """How many candidates match, and the hits of one page in the order of `rank_search`.

    Parameters
    ----------
    query
        What the user typed; normalised here.
    candidates
        The actors that may match (a store finds them its own way).
    actor_type
        Keep only actors of this type.
    limit, offset
        The page: `limit` hits after skipping `offset` (no limit when None).

    Returns
    -------
    tuple[int, list[SearchHit]]
        The number of every hit, and the page of hits (built only for the page).
    """
    wanted = normalise_text(query)
    scored: list[tuple[float, int, str, str, Named]] = []
    for actor in candidates:
        if actor_type is not None and actor.type != actor_type:
            continue
        best, matched = 0.0, ""
        for name in actor_names(actor):
            score = search_score(wanted, normalise_text(name))
            if score > best:
                best, matched = score, name
        if best > 0:
            scored.append((-best, len(actor.name), actor.id, matched, actor))
    scored.sort(key=lambda s: s[:3])
    end = None if limit is None else offset + limit
    hits = [
        SearchHit(
            actor=ActorSummary(id=actor.id, name=actor.name, type=actor.type),
            matched=matched,
            score=-negative,
        )
        for negative, _, _, matched, actor in scored[offset:end]
    ]
    return len(scored), hits


def edge_order(relation: Relation) -> tuple[str, str, str, int]:
    return (
        relation.source,
        relation.type,
        relation.target,
        -1 if relation.year is None else relation.year,
    )


def hop_relation_order(relation: Relation) -> tuple[str, int, str, str]:
    """The order of the parallel relations listed in one hop."""
    return (
        relation.type,
        -1 if relation.year is None else relation.year,
        relation.source,
        relation.target,
    )


def path_order(path: Path) -> tuple[int, list[str]]:
    """Shorter routes first; among routes of one length, by the ids of their actors in order."""
    return (len(path.hops), [n.id for n in path.nodes])
