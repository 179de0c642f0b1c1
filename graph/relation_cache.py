"""Relations that the Neo4j store built for earlier answers, kept for one load of the graph.

The hubs of a large graph sit in most neighbourhoods, and the thousands of relations between
them were most of the work of such an answer: reading their properties on the server, sending
them and building them again. The store keeps them here by element id, for the generation of
the load that wrote them (`cypher.RECORD_DIGEST`); a new generation empties the cache, since
a load may give the element ids of the relations it deletes to those it creates. Each entry
also remembers its ends and type, and is used only when they match what the query found.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping

from graph.model import Relation

__all__ = ["CAPACITY", "RelationCache"]

CAPACITY = 1 << 14
"""How many relations the cache holds: the relations between the hubs of a million-relation
graph are a few thousand."""


class RelationCache:
    """Built relations by element id, for one load generation; thread-safe and bounded."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._relations: dict[str, Relation] = {}

    def __len__(self) -> int:
        return len(self._relations)

    @property
    def generation(self) -> str | None:
        """The load generation whose relations are held."""
        return self._generation

    def known(self, generation: str, found: Iterable[Mapping[str, str]]) -> dict[str, Relation]:
        """Those of the `found` relations (element, source, target, type) held for this
        generation, by element id."""
        with self._lock:
            if generation != self._generation:
                return {}
            held = self._relations
            return {
                f["element"]: relation
                for f in found
                if (relation := held.get(f["element"])) is not None
                and (relation.source, relation.target, relation.type)
                == (f["source"], f["target"], f["type"])
            }

    def keep(self, generation: str, built: Mapping[str, Relation]) -> None:
        """Remember relations built in this generation; any other generation is forgotten, and
        a full cache starts again."""
        with self._lock:
            if generation != self._generation:
                self._generation, self._relations = generation, {}
            if len(self._relations) + len(built) > self.capacity:
                self._relations = {}
            self._relations.update(built)
