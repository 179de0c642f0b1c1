"""What a Neo4j driver error means for the user, said once: a StoreUnavailable that names the
cause and what to do (start the server, fix the credentials, retry).

The Neo4j store translates at its boundary with it, and the API's handler answers with it
any driver error that escaped a store, so the two never tell the same failure differently.
"""

from __future__ import annotations

from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import StoreUnavailable

__all__ = ["driver_failure"]


def driver_failure(exc: Exception, what: str) -> StoreUnavailable:
    """The error to raise, from `exc`, for a driver error met while trying to `what`."""
    if isinstance(exc, AuthError):
        return StoreUnavailable(
            f"Neo4j refused the credentials while trying to {what}. Set NEO4J_USER and "
            "NEO4J_PASSWORD (the local server's are neo4j / kizuna-local)."
        )
    if isinstance(exc, ServiceUnavailable | SessionExpired):
        return StoreUnavailable(
            f"Neo4j cannot be reached to {what}. Start the local server with "
            "`scripts/neo4j-local start`, or point NEO4J_URI at a running one."
        )
    if isinstance(exc, Neo4jError):
        return StoreUnavailable(
            f"Neo4j failed to {what}: {exc.code}: {exc.message}. "
            "Nothing was changed by this request."
        )
    return StoreUnavailable(
        f"The connection to Neo4j failed while trying to {what} ({exc}). "
        "Check that the server runs (`scripts/neo4j-local status`)."
    )
