"""The one error hierarchy of Kizuna.

Every error a user can meet derives from `KizunaError` and carries a message that says what
is wrong and what to do. Driver and file-system errors are translated into these at the
boundary where they happen (`raise StoreUnavailable(...) from exc`). The classes know nothing
of HTTP: the API's error handler decides how each one is answered.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ActorNotFound",
    "AmbiguousActor",
    "Busy",
    "CorpusError",
    "CurationError",
    "DataFileError",
    "DocumentNotFound",
    "InvalidQuery",
    "KizunaError",
    "QueryFailed",
    "StoreCorrupt",
    "StoreUnavailable",
]


class KizunaError(Exception):
    """Root of every Kizuna error; `details` are the facts a client may act on."""

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def to_json(self) -> dict[str, Any]:
        return {"error": type(self).__name__, "message": self.message, **self.details}


class ActorNotFound(KizunaError):
    """No actor has this id or name; `details["close_matches"]` lists what the user may mean."""


class AmbiguousActor(KizunaError):
    """A name matches several actors; `details["candidates"]` lists them."""


class InvalidQuery(KizunaError):
    """A parameter is out of range or names a type the schema does not have."""


class StoreUnavailable(KizunaError):
    """The store cannot be reached (Neo4j down, store file missing or locked)."""


class StoreCorrupt(KizunaError):
    """The store file exists but cannot be read as a Kizuna graph."""


class DocumentNotFound(KizunaError):
    """No document of the store has this name."""


class CurationError(KizunaError):
    """The curation file is malformed; `details["line"]` says where."""


class DataFileError(KizunaError):
    """A data file of the extractor (lexicon, gazetteer, patterns) or an annotated corpus is
    empty, broken or does not fit its schema; the message names the file and the line."""


class CorpusError(KizunaError):
    """The documents to build from are wrong: none readable, unknown, or missing with no copy."""


class Busy(KizunaError):
    """Other work holds what this needs (the store's writer lock, the one heavy computation
    a worker runs at a time); `details["retry_after"]` says in how many seconds to retry."""


class QueryFailed(KizunaError):
    """The store refused a query as wrong (a bug, not a passing fault); the details that would
    disclose the query are logged under `details["error_id"]`, not answered."""
