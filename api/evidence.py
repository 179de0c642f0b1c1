"""Evidence as answers show it: its document named by title with a link to its source, and a
quote that is a table row shown with its table's header.

The stores keep evidence as `{doc, quote, start, end}`, the contract of the model; what a
reader needs to see where a quote comes from is added here, when an answer is written: the
document's title and source address (from `GraphStore.document_facts`, asked once per
answer), and for a row of a tab-separated table the row read with its header
("No. 18 · 2023 · Jordan Memorandum of Cooperation (MOC) · Bilateral"), from the document's
text. A document's tables are found once per content (its sha256) and kept for the process.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from graph.model import Evidence
from graph.store import GraphStore
from graph.views import DocumentFacts

__all__ = ["EvidenceLabels", "Table", "TableHeaders", "row_text", "tables_in"]


@dataclass(frozen=True)
class Table:
    """A tab-separated table of a document: where its rows lie (after its header line) and
    its header's cells."""

    rows_start: int
    end: int
    header: tuple[str, ...]


_SERIAL = re.compile(r"(?:s\.?\s*|sr\.?\s*|sl\.?\s*)?no\.?|#|number", re.IGNORECASE)


def tables_in(text: str) -> list[Table]:
    """The document's tables: runs of lines holding a tab (blank lines inside a run do not end
    it), each headed by its first line."""
    tables: list[Table] = []
    header: tuple[str, ...] | None = None
    rows_start = end = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        content = line.rstrip("\r\n")
        if "\t" in content:
            if header is None:
                header, rows_start = tuple(c.strip() for c in content.split("\t")), offset
            end = offset
        elif content.strip() and header is not None:
            tables.append(Table(rows_start, end, header))
            header = None
    if header is not None:
        tables.append(Table(rows_start, end, header))
    return tables


def row_text(header: tuple[str, ...], quote: str) -> str:
    """A table row as a reader reads it: its cells in order, joined by " · ", the cell under a
    serial-number column ("S.No", "No.", "#") written "No. 18"."""
    cells = [c.strip() for c in quote.split("\t")]
    shown = []
    for i, cell in enumerate(cells):
        if not cell:
            continue
        column = header[i] if i < len(header) else ""
        shown.append(f"No. {cell}" if _SERIAL.fullmatch(column) else cell)
    return " · ".join(shown)


class TableHeaders:
    """The tables of each document the answers have quoted a row of, by name and sha256:
    found from its text once per content, for the life of the process."""

    def __init__(self) -> None:
        self._tables: dict[tuple[str, str], list[Table]] = {}
        self._lock = threading.Lock()

    def row(self, store: GraphStore, facts: DocumentFacts, evidence: Evidence) -> str | None:
        """The row quoted by `evidence` with its header, or None when the quote is no row of
        a table (or is the header itself)."""
        if "\t" not in evidence.quote:
            return None
        key = (facts.name, facts.sha256)
        tables = self._tables.get(key)
        if tables is None:
            document = store.document(facts.name)
            tables = tables_in(document.text) if document is not None else []
            with self._lock:
                self._tables[key] = tables
        for table in tables:
            if table.rows_start <= evidence.start < table.end:
                return row_text(table.header, evidence.quote)
        return None


class EvidenceLabels:
    """For one answer: each piece of evidence as a JSON object, with its document's title and
    source and, for a table row, the row with its header."""

    def __init__(self, store: GraphStore, headers: TableHeaders) -> None:
        self._store = store
        self._headers = headers
        self._facts: dict[str, DocumentFacts] | None = None

    def _documents(self) -> dict[str, DocumentFacts]:
        if self._facts is None:  # asked on the first piece of evidence, once per answer
            self._facts = {f.name: f for f in self._store.document_facts()}
        return self._facts

    def __call__(self, evidence: Evidence) -> dict[str, Any]:
        facts = self._documents().get(evidence.doc)
        shown: dict[str, Any] = evidence.__dict__.copy()
        shown["title"] = facts.title if facts else None
        shown["source"] = facts.source if facts else None
        shown["row"] = self._headers.row(self._store, facts, evidence) if facts else None
        return shown
