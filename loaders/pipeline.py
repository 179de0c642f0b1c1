"""The build pipeline: documents -> per-document extractions (cached) -> merge -> curation.

The final graph is always merged from the per-document results of the documents given now,
plus the curation file, so an incremental build equals a build from scratch byte for byte:
adding a document extracts only that document, and removing one drops the relations only it
supported. The curation file is validated before any work; a build that reads no document
is refused; and the corpus and the store are committed together at the very end, under the
store's writer lock (`loaders.store_writer`), so a failed or interrupted build leaves the
previous graph and corpus untouched, and two builds at once never lose each other's work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import CorpusError, StoreUnavailable
from graph.files import disk_full
from graph.model import Document, Graph
from loaders.cache import ExtractionCache
from loaders.corpus import Corpus
from loaders.curation import apply_curation, load_curation
from loaders.documents import SkippedDocument, SourceDocument, read_documents, read_header
from loaders.extract import DocExtraction
from loaders.extraction_workers import extracted
from loaders.merge import merge
from loaders.store_writer import commit, writing

__all__ = ["BuildReport", "Progress", "build", "build_graph"]

Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    """What a build did: the summary `kizuna build` prints, and the corpus it read."""

    documents: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    skipped: list[SkippedDocument] = field(default_factory=list)
    words: int = 0
    actors_by_type: dict[str, int] = field(default_factory=dict)
    relations_by_type: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    corpus: Corpus = field(default_factory=Corpus)


def _extract(
    sources: Sequence[SourceDocument],
    cache: ExtractionCache | None,
    report: BuildReport,
    progress: Progress | None,
) -> list[tuple[Document, DocExtraction]]:
    """Each document's extraction, from the cache when its content was extracted before (the
    others spread over the machine's cores), and the document with what its text says of
    itself (title, source, date)."""
    cached = {s.sha256: cache.get(s.sha256) for s in sources} if cache is not None else {}
    new = list(dict.fromkeys(s.text for s in sources if cached.get(s.sha256) is None))
    stream = zip(new, extracted(new), strict=True)  # in order, as each is done
    fresh: dict[str, DocExtraction] = {}
    results: list[tuple[Document, DocExtraction]] = []
    for number, source in enumerate(sources, start=1):
        if progress is not None:
            progress(source.name, number, len(sources))
        extraction = cached.get(source.sha256)
        if extraction is None:
            while source.text not in fresh:
                text, done = next(stream)
                fresh[text] = done
            extraction = fresh[source.text]
            report.extracted.append(source.name)
            if cache is not None:
                cache.put(source.sha256, extraction)
        else:
            report.cached.append(source.name)
        header = read_header(source.text)
        document = Document(
            name=source.name,
            sha256=source.sha256,
            chars=len(source.text),
            words=extraction.words,
            title=header.title,
            source=header.source,
            date=header.date,
            text=source.text,
        )
        results.append((document, extraction))
        report.documents.append(source.name)
        report.words += extraction.words
    return results


def build_graph(
    paths: Sequence[Path],
    curation_path: Path | None,
    max_document_bytes: int,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
    kept: Sequence[SourceDocument] = (),
) -> tuple[Graph, BuildReport]:
    """Extract, merge and curate; nothing is written except cache entries.

    Parameters
    ----------
    paths
        Documents and folders to read.
    curation_path
        The curation file to apply, or None for none.
    max_document_bytes
        Larger documents are skipped with the reason.
    cache_dir
        Where per-document extractions are cached (None: no cache).
    progress
        Called with (document name, number, total) before each document.
    kept
        Documents already read elsewhere (a registered file that vanished, kept from the
        store), merged as if they had been read from `paths`.
    """
    curation = load_curation(curation_path) if curation_path is not None else None
    read, skipped = read_documents(paths, max_document_bytes)
    sources = sorted([*read, *kept], key=lambda s: s.name)
    report = BuildReport(skipped=skipped, corpus=Corpus.of(sources))
    cache = ExtractionCache(cache_dir) if cache_dir is not None else None
    graph = merge(_extract(sources, cache, report, progress))
    if cache is not None and cache.problem is not None:
        report.warnings.append(cache.problem)
    if curation is not None:
        graph, warnings = apply_curation(graph, curation, {s.name: s.text for s in sources})
        report.warnings.extend(warnings)
    report.actors_by_type = dict(sorted(Counter(a.type for a in graph.actors).items()))
    report.relations_by_type = dict(sorted(Counter(r.type for r in graph.relations).items()))
    return graph, report


def build(
    paths: Sequence[Path],
    store_path: Path,
    curation_path: Path | None,
    max_document_bytes: int,
    progress: Progress | None = None,
    kept: Sequence[SourceDocument] = (),
    required: Collection[str] = (),
) -> tuple[Graph, BuildReport]:
    """Build the graph, then commit it with its corpus, holding the store's writer lock.

    A build that reads no document raises CorpusError and writes nothing: an empty graph
    over a user's store is never what a typo meant. So does one that reads none of the
    documents `required` names (those `kizuna add` was given: when every one is skipped,
    the add did nothing and must say so). The caller may hold the lock already
    (`loaders.store_writer.writing`), around the plan that chose `paths`; it should, so that
    no other writer changes the corpus between that plan and this commit. A build that
    fails for want of space removes the cache entries it wrote. The other parameters are
    `build_graph`'s.
    """
    cache_dir = store_path.parent / "cache"
    with writing(store_path):
        graph, report = build_graph(
            paths, curation_path, max_document_bytes, cache_dir, progress, kept
        )
        if not report.documents:
            given = ", ".join(str(p) for p in paths) or "(no paths)"
            reasons = "; ".join(f"{s.name}: {s.reason}" for s in report.skipped)
            raise CorpusError(
                f"no document could be read from {given}"
                + (f" ({reasons})" if reasons else "")
                + f". Check the paths; the graph at {store_path} is unchanged."
            )
        if required and not set(required) & set(report.documents):
            reasons = "; ".join(f"{s.name}: {s.reason}" for s in report.skipped)
            raise CorpusError(
                f"every document given was skipped ({reasons}), so nothing was added; the "
                f"graph at {store_path} is unchanged."
            )
        try:
            commit(store_path, graph, report.corpus)
        except StoreUnavailable as exc:
            if disk_full(exc.__cause__):
                extracted = set(report.extracted)
                ExtractionCache(cache_dir).remove(
                    e.sha256 for e in report.corpus.documents if e.name in extracted
                )
                exc.message += " The cache entries this build wrote were removed."
                exc.args = (exc.message,)
            raise
    return graph, report
