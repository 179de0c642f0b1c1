"""Which documents a build reads: the registered corpus, changed by `add`, `remove` or PATHS.

A plan is worked out before anything is extracted or written, so every mistake (a path that
does not exist, a document that is not registered, a build that would drop most of the
graph) is reported while the store is still exactly as it was.

A registered file that has vanished does not stop a rebuild and is not dropped: the store
keeps every document's text, so its last extraction is kept (the cache, or a re-extraction
of that text, gives the same relations) and the build warns. Dropping it silently would lose
the user's document; stopping every build until the file is back would block all other work.
Only `kizuna remove` forgets a document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import CorpusError, StoreCorrupt
from graph.memory_store import MemoryStore
from graph.model import Document
from loaders.corpus import load_corpus
from loaders.documents import SkippedDocument, SourceDocument, check_paths_exist, collect_files

__all__ = ["Plan", "plan_add", "plan_rebuild", "plan_remove", "plan_replace", "stored_documents"]

Source = Path | SourceDocument


@dataclass(frozen=True)
class Plan:
    """The documents to build from, by name: a file to read, or a vanished file's text kept
    from the store; the warnings to show; and the documents the user has just added (a build
    that reads none of them is refused)."""

    sources: dict[str, Source] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    added: frozenset[str] = frozenset()

    @property
    def warnings(self) -> list[str]:
        """One warning per document kept from the store, in the order of their names."""
        return [self.notes[name] for name in sorted(self.notes)]

    @property
    def paths(self) -> list[Path]:
        return [s for s in self.sources.values() if isinstance(s, Path)]

    @property
    def kept(self) -> list[SourceDocument]:
        return [s for s in self.sources.values() if isinstance(s, SourceDocument)]

    def names(self) -> set[str]:
        return set(self.sources)


def stored_documents(store_path: Path) -> dict[str, Document]:
    """The documents of the graph in the store, by name (none when there is no readable store)."""
    if not store_path.exists():
        return {}
    try:
        graph = MemoryStore(store_path).snapshot()
    except StoreCorrupt:
        return {}
    return {d.name: d for d in graph.documents}


def _files(paths: Iterable[Path]) -> tuple[dict[str, Path], dict[str, str]]:
    """The files under `paths` by document name, and a note for each link that leads out of
    its folder (left out); a path that does not exist, or two files with one name, is an
    error."""
    paths = list(paths)
    check_paths_exist(paths)
    files: dict[str, Path] = {}
    left_out: list[SkippedDocument] = []
    for file in collect_files(paths, left_out):
        if file.name in files and files[file.name].resolve() != file.resolve():
            raise CorpusError(
                f"{files[file.name]} and {file} have the same name, and a document is known by "
                "its file name. Rename one; nothing was changed."
            )
        files[file.name] = file
    return files, {s.name: f"{s.name} is {s.reason}." for s in left_out}


def _first_use(store_path: Path, seeds: Path) -> Plan:
    """The corpus when none is registered yet: the seeds folder, plus any document a store
    built before corpora existed holds (kept from its copy: its file is not known)."""
    sources: dict[str, Source] = (
        {f.name: f for f in collect_files([seeds])} if seeds.exists() else {}
    )
    notes: dict[str, str] = {}
    for name, copy in stored_documents(store_path).items():
        if name not in sources:
            sources[name] = SourceDocument(name, None, copy.text, copy.sha256)
            notes[name] = (
                f"{name} was in the graph but in no registered folder; it is kept from the "
                f"store's copy. Register its file with `kizuna add PATH`, or forget it with "
                f"`kizuna remove {name}`."
            )
    return Plan(sources, notes)


def _current(store_path: Path, seeds: Path) -> Plan:
    """The registered corpus (see `_first_use` for when nothing is registered yet)."""
    corpus = load_corpus(store_path)
    if corpus is None:
        return _first_use(store_path, seeds)
    stored: Mapping[str, Document] | None = None
    sources: dict[str, Source] = {}
    notes: dict[str, str] = {}
    for entry in corpus.documents:
        path = None if entry.path is None else Path(entry.path)
        if path is not None and path.is_file():
            sources[entry.name] = path
            continue
        where = "has no registered file" if path is None else f"is missing at {path}"
        stored = stored_documents(store_path) if stored is None else stored
        copy = stored.get(entry.name)
        if copy is None:
            raise CorpusError(
                f"{entry.name} {where}, and the store holds no copy of it. Restore the file, "
                f"or forget it with `kizuna remove {entry.name}`; nothing was changed."
            )
        sources[entry.name] = SourceDocument(entry.name, path, copy.text, copy.sha256)
        notes[entry.name] = (
            f"{entry.name} {where}; its last extraction is kept. Restore the file (or "
            f"`kizuna add` it), or forget it with `kizuna remove {entry.name}`."
        )
    return Plan(sources, notes)


def plan_rebuild(store_path: Path, seeds: Path) -> Plan:
    """`kizuna build` with no paths: the registered corpus (the seeds on first use)."""
    return _current(store_path, seeds)


def plan_replace(paths: Iterable[Path]) -> Plan:
    """`kizuna build PATHS`: exactly the documents under PATHS."""
    paths = list(paths)
    files, notes = _files(paths)
    if not files:
        given = ", ".join(str(p) for p in paths)
        raise CorpusError(f"no documents under {given}. Check the paths; nothing was changed.")
    return Plan(dict(files), notes)


def plan_add(store_path: Path, seeds: Path, paths: Iterable[Path]) -> Plan:
    """`kizuna add PATHS`: the registered corpus plus PATHS (a same-named document is replaced)."""
    current = _current(store_path, seeds)
    added, left_out = _files(paths)
    if not added:
        raise CorpusError("no documents under the paths given; nothing was added.")
    notes = {name: note for name, note in current.notes.items() if name not in added}
    return Plan({**current.sources, **added}, {**notes, **left_out}, frozenset(added))


def plan_remove(store_path: Path, seeds: Path, names: Iterable[str]) -> Plan:
    """`kizuna remove DOCS`: the registered corpus without DOCS (names or paths of documents)."""
    current = _current(store_path, seeds)
    wanted = {Path(name).name for name in names}
    unknown = sorted(wanted - current.names())
    if unknown:
        registered = ", ".join(sorted(current.names())) or "none"
        raise CorpusError(
            f"not in the corpus: {', '.join(unknown)}. Registered documents: {registered}. "
            "Nothing was removed."
        )
    kept = {name: source for name, source in current.sources.items() if name not in wanted}
    if not kept:
        raise CorpusError(
            "that would leave the corpus empty. Use `kizuna build PATHS` to start a new "
            "corpus instead; nothing was removed."
        )
    notes = {name: note for name, note in current.notes.items() if name in kept}
    return Plan(kept, notes)
