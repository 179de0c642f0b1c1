"""The build pipeline: documents -> per-document extractions (cached) -> merge -> curation.

The final graph is always merged from the per-document results of the documents given now,
plus the curation file, so an incremental build equals a build from scratch byte for byte:
adding a document extracts only that document, and removing one drops the relations only it
supported. The curation file is validated before any work, and the store is replaced
atomically at the very end, so a failed build leaves the previous graph untouched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.memory_store import MemoryStore
from graph.model import Document, Graph
from loaders.cache import ExtractionCache
from loaders.curation import apply_curation, load_curation
from loaders.documents import SkippedDocument, read_documents
from loaders.extract import DocExtraction, extract_document
from loaders.merge import merge

__all__ = ["BuildReport", "build", "build_graph"]

Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    """What a build did: the summary `kizuna build` prints."""

    documents: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    skipped: list[SkippedDocument] = field(default_factory=list)
    words: int = 0
    actors_by_type: dict[str, int] = field(default_factory=dict)
    relations_by_type: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def build_graph(
    paths: Sequence[Path],
    curation_path: Path | None,
    max_document_bytes: int,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> tuple[Graph, BuildReport]:
    """Extract, merge and curate; nothing is written except cache entries."""
    curation = load_curation(curation_path) if curation_path is not None else None
    documents, skipped = read_documents(paths, max_document_bytes)
    report = BuildReport(skipped=skipped)
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    results: list[tuple[Document, DocExtraction]] = []
    for number, source in enumerate(documents, start=1):
        if progress is not None:
            progress(source.name, number, len(documents))
        extraction = cache.get(source.sha256) if cache is not None else None
        if extraction is None:
            extraction = extract_document(source.text)
            report.extracted.append(source.name)
            if cache is not None:
                cache.put(source.sha256, extraction)
        else:
            report.cached.append(source.name)
        document = Document(
            name=source.name,
            sha256=source.sha256,
            chars=len(source.text),
            words=extraction.words,
            text=source.text,
        )
        results.append((document, extraction))
        report.documents.append(source.name)
        report.words += extraction.words
    graph = merge(results)
    if curation is not None:
        graph, warnings = apply_curation(graph, curation, {d.name: d.text for d in documents})
        report.warnings.extend(warnings)
    if not documents:
        report.warnings.append("no documents were read")
    report.actors_by_type = dict(sorted(Counter(a.type for a in graph.actors).items()))
    report.relations_by_type = dict(sorted(Counter(r.type for r in graph.relations).items()))
    return graph, report


def build(
    paths: Sequence[Path],
    store_path: Path,
    curation_path: Path | None,
    max_document_bytes: int,
    progress: Progress | None = None,
) -> tuple[Graph, BuildReport]:
    """Build the graph and replace the embedded store with it (atomically)."""
    graph, report = build_graph(
        paths, curation_path, max_document_bytes, store_path.parent / "cache", progress
    )
    store = MemoryStore(None)  # no need to read the previous graph: it is replaced whole
    store.path = store_path
    store.replace(graph)  # atomic: the old file stays until the new one is complete
    return graph, report
