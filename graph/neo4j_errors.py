"""What a Neo4j driver error means for the user, said once.

A server that cannot be reached, refuses the credentials or meets a passing fault (a deadlock,
a timeout) is StoreUnavailable, with what to do about it: start the server, fix the
credentials (never naming a password), retry. A query the server refuses as wrong (its syntax,
a missing parameter, a constraint) or fails inside is QueryFailed: a bug, whose Cypher and
server message go to the log under an error id, never to the client.

The Neo4j store translates at its boundary with it, and the API's handler answers with it
any driver error that escaped a store, so the two never tell the same failure differently.
"""

from __future__ import annotations

import logging
import uuid

from neo4j.exceptions import (
    AuthError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph.errors import QueryFailed, StoreUnavailable

__all__ = ["driver_failure", "refused"]

log = logging.getLogger("kizuna.neo4j")


def driver_failure(
    exc: Exception, what: str, statement: str | None = None
) -> StoreUnavailable | QueryFailed:
    """The error to raise, from `exc`, for a driver error met while trying to `what` (running
    `statement`, when it is known: it is logged with a refused query)."""
    if isinstance(exc, AuthError):
        return StoreUnavailable(
            f"Neo4j refused the credentials while trying to {what}. Set NEO4J_USER and "
            "NEO4J_PASSWORD to an account of that server (the README says which for the "
            "local one)."
        )
    if isinstance(exc, ServiceUnavailable | SessionExpired):
        return StoreUnavailable(
            f"Neo4j cannot be reached to {what}. Start the local server with "
            "`scripts/neo4j-local start`, or point NEO4J_URI at a running one."
        )
    if isinstance(exc, TransientError):
        return StoreUnavailable(
            f"Neo4j could not {what} just now ({exc.code}); retry. "
            "Nothing was changed by this request."
        )
    if isinstance(exc, Neo4jError):
        return refused(exc, what, statement)
    return StoreUnavailable(
        f"The connection to Neo4j failed while trying to {what} ({type(exc).__name__}). "
        "Check that the server runs (`scripts/neo4j-local status`)."
    )


def refused(exc: Neo4jError, what: str, statement: str | None = None) -> QueryFailed:
    """A query the server refused as wrong (or failed inside): logged whole with the Cypher
    under a new error id, and told to the client by its code and that id alone."""
    error_id = uuid.uuid4().hex[:12]
    log.error(
        "Neo4j error %s while trying to %s: %s: %s%s",
        error_id,
        what,
        exc.code,
        exc.message,
        f"\nStatement:\n{statement}" if statement else "",
    )
    return QueryFailed(
        f"Neo4j refused a query while trying to {what} ({exc.code}). This is a bug in "
        f"Kizuna, not in the request: please report it with the error id {error_id}.",
        error_id=error_id,
    )
