"""GET /documents: the documents the graph was built from; GET /documents/{id}: a document's
text around a span, so evidence can be read in context.

Evidence points into a document by character offsets; the second returns the quoted span
with the text around it, within its paragraph, from whichever store holds the documents.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.responses import DocumentEntry, DocumentListing, DocumentSpan
from api.routes.shared import ERRORS, FloorDep, StoreDep
from graph.errors import DocumentNotFound, InvalidQuery

__all__ = ["paragraph_window", "router"]

router = APIRouter(tags=["documents"])

PARAGRAPH_BREAK = "\n\n"


def paragraph_window(text: str, start: int, end: int, context: int) -> tuple[int, int]:
    """Up to `context` characters either side of the span, stopping at a paragraph break."""
    low = max(0, start - context)
    high = min(len(text), end + context)
    brk = text.rfind(PARAGRAPH_BREAK, low, start)
    if brk != -1:
        low = brk + len(PARAGRAPH_BREAK)
    brk = text.find(PARAGRAPH_BREAK, end, high)
    if brk != -1:
        high = brk
    return low, high


@router.get(
    "/documents",
    response_model=DocumentListing,
    responses={422: ERRORS[422], 503: ERRORS[503]},
    summary="The documents, with their titles, sources and what each gave the graph",
)
def list_documents(store: StoreDep, min_confidence: FloorDep) -> DocumentListing:
    """Every document by name: its title, source address and date where its text gives them,
    how many actors it mentions and how many relations at the confidence floor it gives
    evidence for."""
    return DocumentListing(
        min_confidence=min_confidence,
        documents=[DocumentEntry(**d.model_dump()) for d in store.documents(min_confidence)],
    )


@router.get(
    "/documents/{document_id:path}",
    response_model=DocumentSpan,
    responses={404: ERRORS[404], 422: ERRORS[422], 503: ERRORS[503]},
    summary="A document's text around a span (evidence in its context)",
)
def document_span(
    store: StoreDep,
    document_id: Annotated[
        str,
        Path(
            description="The document's file name, as in the `doc` of a piece of evidence.",
            openapi_examples={"seed": {"summary": "A seed document", "value": "contract.txt"}},
        ),
    ],
    start: Annotated[int, Query(ge=0, description="Where the span starts (a character).")] = 0,
    end: Annotated[
        int | None, Query(ge=0, description="Where the span ends; the start when left out.")
    ] = None,
    context: Annotated[
        int,
        Query(ge=0, le=5000, description="Characters to show either side, within the paragraph."),
    ] = 400,
) -> DocumentSpan:
    """The span `start`..`end` of the document with up to `context` characters either side,
    cut at the paragraph's edges; offsets past the document's end answer 422."""
    document = store.document(document_id)
    if document is None:
        raise DocumentNotFound(
            f"No document named {document_id!r} in the store. Use the `doc` of a piece of "
            "evidence (a file name such as 'report.txt'); `kizuna build` or `kizuna add` "
            "reads documents in.",
            document=document_id,
        )
    text = document.text
    stop = start if end is None else end
    if stop < start:
        raise InvalidQuery(f"end ({stop}) is before start ({start}); swap them.")
    if stop > len(text):
        raise InvalidQuery(
            f"The span {start}..{stop} runs past the end of {document_id!r}, which has "
            f"{len(text)} characters.",
            chars=len(text),
        )
    low, high = paragraph_window(text, start, stop, context)
    return DocumentSpan(
        document=document.name,
        chars=len(text),
        start=start,
        end=stop,
        window_start=low,
        window_end=high,
        before=text[low:start],
        span=text[start:stop],
        after=text[stop:high],
    )
