"""The corpus: the documents a store is built from, each with its path and content hash.

It is kept in a small JSON file beside the store file (`kizuna-graph.json` ->
`kizuna-graph.corpus.json`), so that a plain rebuild reads exactly the documents the user
gave - the seeds and whatever was added since - and never forgets one. `kizuna add` and
`kizuna remove` change it one document at a time; `kizuna build PATHS` replaces it.

A build commits the corpus with the store (`loaders.store_writer.commit`): the new corpus,
naming the sha256 of the store file it belongs to, is written aside first (a pending commit)
and renamed into place once the store is written. `load_corpus` reads the corpus that belongs
to the store on disk, so a build that a crash interrupted between the two never shows one
without the other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from pydantic import Field, ValidationError

from graph.errors import CorpusError
from graph.model import StrictModel
from loaders.documents import SourceDocument

__all__ = [
    "Corpus",
    "CorpusEntry",
    "corpus_path",
    "load_corpus",
    "pending_path",
    "read_pending",
    "store_sha256",
]


class CorpusEntry(StrictModel):
    """One registered document: its name in the graph, where it was read (None: a document
    the store held before any corpus was registered, whose file is unknown), its sha256."""

    name: str
    path: str | None
    sha256: str


class Corpus(StrictModel):
    """The registered documents, sorted by name (names are unique), and the sha256 of the
    store file built from them (None in a corpus written before it was recorded)."""

    documents: list[CorpusEntry] = Field(default_factory=list)
    store_sha256: str | None = None

    @classmethod
    def of(cls, sources: Iterable[SourceDocument]) -> Corpus:
        """The corpus of documents just read, with their absolute paths."""
        entries = [
            CorpusEntry(
                name=s.name,
                path=None if s.path is None else str(s.path.absolute()),
                sha256=s.sha256,
            )
            for s in sources
        ]
        return cls(documents=sorted(entries, key=lambda e: e.name))

    def names(self) -> list[str]:
        return [entry.name for entry in self.documents]

    def entry(self, name: str) -> CorpusEntry | None:
        return next((e for e in self.documents if e.name == name), None)

    def encoded(self) -> bytes:
        """The file's bytes."""
        return (self.model_dump_json(indent=2) + "\n").encode("utf-8")


def corpus_path(store_path: Path) -> Path:
    """Where the corpus of the store at `store_path` is kept."""
    return store_path.with_name(store_path.stem + ".corpus.json")


def pending_path(store_path: Path) -> Path:
    """Where a build puts the store's next corpus until the store file is written."""
    return store_path.with_name(store_path.stem + ".corpus.next.json")


def read_pending(store_path: Path) -> Corpus | None:
    """The corpus of a pending commit beside the store, or None (none, or not readable)."""
    try:
        return Corpus.model_validate_json(pending_path(store_path).read_bytes())
    except (OSError, ValidationError):
        return None


def store_sha256(store_path: Path) -> str | None:
    """The sha256 of the store file, or None if it cannot be read."""
    try:
        with store_path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def load_corpus(store_path: Path) -> Corpus | None:
    """The registered corpus of the store on disk, or None when nothing was registered yet.

    A pending commit whose store file is the one on disk is that store's corpus (a build
    wrote the store and stopped before it renamed the corpus); any other is ignored."""
    pending = read_pending(store_path)
    if pending is not None and store_sha256(store_path) == pending.store_sha256:
        return pending
    path = corpus_path(store_path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CorpusError(f"cannot read the corpus file {path} ({exc.strerror}).") from exc
    try:
        return Corpus.model_validate_json(data)
    except ValidationError as exc:
        raise CorpusError(
            f"the corpus file {path} is damaged ({exc.errors()[0]['msg']}). Rebuild it with "
            "`kizuna build PATHS` naming the documents to keep."
        ) from exc
