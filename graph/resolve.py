"""Turning what a user typed (an id or a name such as "JICA") into exactly one actor.

When that fails, the error lists the actors the user may have meant, each in the shape of
`ActorSummary` (id, name, type) - the one shape every answer uses to name an actor - dumped
to plain data, so the error's details are JSON as they are.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from graph.errors import ActorNotFound, AmbiguousActor
from graph.model import Actor
from graph.store import GraphStore
from graph.views import ActorSummary

__all__ = ["not_found", "require_known", "resolve_actor"]


def not_found(store: GraphStore, ref: str) -> ActorNotFound:
    """An ActorNotFound whose message lists the closest actors, so the user can pick one."""
    hits = store.search(ref[:200], limit=5).hits if ref.strip() else []
    close = [h.actor for h in hits]
    hint = (
        "; did you mean " + ", ".join(f"{c.name} ({c.id})" for c in close) + "?"
        if close
        else "; search for it by name first."
    )
    return ActorNotFound(
        f"No actor has the id or name {ref!r}{hint}",
        close_matches=[c.model_dump() for c in close],
    )


def require_known(store: GraphStore, ids: Iterable[str], known: Collection[str]) -> None:
    """Raise ActorNotFound, with close matches, for the first of `ids` that is not `known`."""
    for actor_id in ids:
        if actor_id not in known:
            raise not_found(store, actor_id)


def resolve_actor(store: GraphStore, ref: str) -> Actor:
    """The actor whose id is `ref`, or the only actor whose name or alias is `ref`."""
    actor = store.get(ref)
    if actor is not None:
        return actor
    named = store.find_by_name(ref)
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        candidates = [ActorSummary.of(a) for a in named]
        raise AmbiguousActor(
            f"{ref!r} names {len(named)} actors; use one of their ids: "
            + ", ".join(c.id for c in candidates),
            candidates=[c.model_dump() for c in candidates],
        )
    raise not_found(store, ref)
