"""Turning every error into one JSON shape: {"error", "message", ...details}.

One handler serves the whole KizunaError hierarchy; `STATUS` maps each error class to its
HTTP status, so graph/ never speaks HTTP. Request validation (a parameter out of its bounds,
a number that is not a number) answers 422 in the same shape with a message naming the
parameter. A Neo4j driver error that a store let through is answered as the store would
have translated it (`graph.neo4j_errors`: 503 when it passes, 500 with an error id when the
server refused a query as wrong), and anything unexpected answers a JSON 500 with an error id
rather than a bare traceback. What a 500 is about (a traceback, a Cypher statement) goes to the
log under that id, never to the client.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import DriverError, Neo4jError
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import (
    ActorNotFound,
    AmbiguousActor,
    Busy,
    CorpusError,
    CurationError,
    DocumentNotFound,
    InvalidQuery,
    KizunaError,
    StoreCorrupt,
    StoreUnavailable,
)
from graph.neo4j_errors import driver_failure

__all__ = ["STATUS", "install_error_handlers", "status_of"]

log = logging.getLogger("kizuna.api")

STATUS: dict[type[KizunaError], int] = {
    ActorNotFound: 404,
    DocumentNotFound: 404,
    AmbiguousActor: 409,
    InvalidQuery: 422,
    CurationError: 422,
    CorpusError: 422,
    StoreUnavailable: 503,
    Busy: 503,
    StoreCorrupt: 500,
}
"""The HTTP status of each error class; a class not listed answers as its nearest base does."""


def status_of(error: KizunaError) -> int:
    """The status `error` answers with: its class's, else its nearest listed base's, else 500."""
    for cls in type(error).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


def _json(status: int, body: dict[str, Any]) -> JSONResponse:
    return JSONResponse(status_code=status, content=jsonable_encoder(body))


async def _kizuna_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, KizunaError)
    status = status_of(exc)
    if status >= 500:
        log.warning("%s: %s", type(exc).__name__, exc.message)
    response = _json(status, exc.to_json())
    if "retry_after" in exc.details:
        response.headers["Retry-After"] = str(exc.details["retry_after"])
    return response


def _describe(error: dict[str, Any]) -> dict[str, Any]:
    location = [str(part) for part in error.get("loc", ())]
    where = location[0] if location else "request"
    name = ".".join(location[1:]) or where
    return {"parameter": name, "in": where, "message": error.get("msg", "is invalid")}


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [_describe(e) for e in exc.errors()]
    message = "; ".join(f"{e['parameter']}: {e['message']}" for e in errors)
    return _json(
        422,
        {
            "error": "InvalidQuery",
            "message": f"Invalid request ({message}). See /docs for each parameter's bounds.",
            "errors": errors,
        },
    )


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    names = {404: "NotFound", 405: "MethodNotAllowed"}
    message = {
        404: "No such endpoint. See /docs for the endpoints this service offers.",
        405: "This endpoint does not accept that method; it answers GET.",
    }.get(exc.status_code, str(exc.detail))
    return JSONResponse(
        status_code=exc.status_code,
        content={"error": names.get(exc.status_code, "HTTPError"), "message": message},
        headers=exc.headers,
    )


async def _driver_error(_: Request, exc: Exception) -> JSONResponse:
    log.warning("Neo4j driver error: %r", exc)
    error = driver_failure(exc, "answer this request")
    return _json(status_of(error), {**error.to_json(), "backend": "neo4j"})


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    error_id = uuid.uuid4().hex[:12]
    log.error("Unexpected error %s", error_id, exc_info=exc)
    return _json(
        500,
        {
            "error": "InternalError",
            "message": f"The service failed unexpectedly ({type(exc).__name__}); "
            f"this is a bug, please report it with the request and the error id {error_id}.",
            "error_id": error_id,
        },
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error response the same JSON shape."""
    app.add_exception_handler(KizunaError, _kizuna_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(DriverError, _driver_error)
    app.add_exception_handler(Neo4jError, _driver_error)
    app.add_exception_handler(Exception, _unexpected)
