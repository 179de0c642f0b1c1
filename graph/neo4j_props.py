"""What a load writes to Neo4j for each actor and relation, with a digest of it.

Every actor node and every relationship carries `digest`, a short hash of the other
properties written for it (and, for an actor, of its type, which is also its label). A reload
compares these digests with the new graph's and rewrites only what differs; the Bolt load and
the bulk import write the same properties, so either leaves a database the other can reload.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from graph.collector import collector_paused
from graph.model import Actor, Graph, Relation, relation_facts

__all__ = [
    "ACTOR_CORE",
    "DIGEST",
    "GraphDigests",
    "actor_digest",
    "actor_props",
    "graph_digests",
    "relation_digest",
    "relation_props",
]

DIGEST = "digest"
ACTOR_CORE = ("id", "name", "type", "aliases", "documents", "discovered", DIGEST)
"""Actor node properties that are not identifiers: an identifier of one of these names is not
written (it would overwrite the field)."""

_LAYOUT = 2  # raise when the way a graph is written to Neo4j changes: every digest changes
_PERSON = f"kizuna-{_LAYOUT}".encode()
_actor_json = Actor.__pydantic_serializer__.to_json
_relation_json = Relation.__pydantic_serializer__.to_json


def _digest(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=8, person=_PERSON).hexdigest()


def actor_digest(actor: Actor) -> str:
    """16 hex digits that change whenever what a load writes for `actor` changes.

    They hash the actor's JSON (the properties and label written are a function of it, and of
    the layout), serialised by pydantic-core: several times faster than building the
    properties first, which matters at a million relations."""
    return _digest(_actor_json(actor))


def relation_digest(relation: Relation) -> str:
    """16 hex digits that change whenever what a load writes for `relation` changes."""
    return _digest(_relation_json(relation))


@dataclass(frozen=True)
class GraphDigests:
    """The digests of a graph's actors and relations (in its order), and of the whole."""

    actors: list[str]
    relations: list[str]
    graph: str


def graph_digests(graph: Graph) -> GraphDigests:
    """The digest of every actor and relation, and of everything a load writes: equal graph
    digests mean an identical graph."""
    with collector_paused():
        actors = [actor_digest(a) for a in graph.actors]
        relations = [relation_digest(r) for r in graph.relations]
    whole = hashlib.sha256(_PERSON)
    whole.update(" ".join(actors).encode())
    whole.update(b"\n")
    whole.update(" ".join(relations).encode())
    for document in graph.documents:
        whole.update(b"\n")
        whole.update(document.model_dump_json().encode("utf-8"))
    return GraphDigests(actors, relations, whole.hexdigest())


def actor_props(actor: Actor, digest: str | None = None) -> dict[str, Any]:
    """An actor as node properties: identifiers become properties of their own; `digest` is
    its actor_digest when the caller has it."""
    props: dict[str, Any] = {k: v for k, v in actor.identifiers.items() if k not in ACTOR_CORE}
    props.update(
        id=actor.id,
        name=actor.name,
        type=actor.type,
        aliases=sorted(set(actor.aliases)),
        documents=sorted(set(actor.documents)),
        discovered=actor.discovered,
    )
    props[DIGEST] = digest or actor_digest(actor)
    return props


def relation_props(relation: Relation, digest: str | None = None) -> dict[str, Any]:
    """A relation as relationship properties; evidence as parallel lists (no maps in Neo4j);
    `digest` is its relation_digest when the caller has it."""
    return {
        "key": relation.key,
        **relation_facts(relation),
        "evidence_docs": [e.doc for e in relation.evidence],
        "evidence_quotes": [e.quote for e in relation.evidence],
        "evidence_starts": [e.start for e in relation.evidence],
        "evidence_ends": [e.end for e in relation.evidence],
        DIGEST: digest or relation_digest(relation),
    }
