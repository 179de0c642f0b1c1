"""The one error hierarchy of Kizuna.

Every error a user can meet derives from `KizunaError`, carries a message that says what is
wrong and what to do, and maps to one HTTP status. Driver and file-system errors are translated
into these at the boundary where they happen (`raise StoreUnavailable(...) from exc`).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ActorNotFound",
    "AmbiguousActor",
    "CurationError",
    "DocumentNotFound",
    "DocumentRejected",
    "InvalidQuery",
    "KizunaError",
    "StoreCorrupt",
    "StoreUnavailable",
]


class KizunaError(Exception):
    """Root of every Kizuna error; `status` is the HTTP status the API answers with."""

    status: int = 500

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def to_json(self) -> dict[str, Any]:
        return {"error": type(self).__name__, "message": self.message, **self.details}


class ActorNotFound(KizunaError):
    """No actor has this id or name; `details["close_matches"]` lists what the user may mean."""

    status = 404


class AmbiguousActor(KizunaError):
    """A name matches several actors; `details["candidates"]` lists them."""

    status = 409


class InvalidQuery(KizunaError):
    """A parameter is out of range or names a type the schema does not have."""

    status = 422


class StoreUnavailable(KizunaError):
    """The store cannot be reached (Neo4j down, store file missing or locked)."""

    status = 503


class StoreCorrupt(KizunaError):
    """The store file exists but cannot be read as a Kizuna graph."""

    status = 500


class DocumentNotFound(KizunaError):
    """No document of the store has this name."""

    status = 404


class DocumentRejected(KizunaError):
    """A document cannot be read (empty, binary, not UTF-8, too large); it is skipped."""

    status = 422


class CurationError(KizunaError):
    """The curation file is malformed; `details["line"]` says where."""

    status = 422
