"""The corpus: the documents a store is built from, each with its path and content hash.

It is kept in a small JSON file beside the store file (`kizuna-graph.json` ->
`kizuna-graph.corpus.json`), so that a plain rebuild reads exactly the documents the user
gave - the seeds and whatever was added since - and never forgets one. `kizuna add` and
`kizuna remove` change it one document at a time; `kizuna build PATHS` replaces it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import Field, ValidationError

from graph.errors import CorpusError
from graph.files import write_atomically
from graph.model import StrictModel
from loaders.documents import SourceDocument

__all__ = ["Corpus", "CorpusEntry", "corpus_path", "load_corpus", "save_corpus"]


class CorpusEntry(StrictModel):
    """One registered document: its name in the graph, where it was read (None: a document
    the store held before any corpus was registered, whose file is unknown), its sha256."""

    name: str
    path: str | None
    sha256: str


class Corpus(StrictModel):
    """The registered documents, sorted by name (names are unique)."""

    documents: list[CorpusEntry] = Field(default_factory=list)

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


def corpus_path(store_path: Path) -> Path:
    """Where the corpus of the store at `store_path` is kept."""
    return store_path.with_name(store_path.stem + ".corpus.json")


def load_corpus(store_path: Path) -> Corpus | None:
    """The store's registered corpus, or None when nothing was registered yet."""
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


def save_corpus(store_path: Path, corpus: Corpus) -> None:
    """Write the corpus beside the store, atomically."""
    data = corpus.model_dump_json(indent=2) + "\n"
    write_atomically(corpus_path(store_path), data.encode("utf-8"))
