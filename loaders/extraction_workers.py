"""Extraction spread over the machine's cores for a build with much new text.

Workers come from a fork server that has loaded the model, the catalogue's recogniser and
the rules once (see `loaders.warm_extractor`), so each starts ready and shares those pages;
no worker is forked from the building process itself, whose threads (a progress bar's)
could hold a lock at the moment of the fork.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from loaders.extract import DocExtraction, extract_document

__all__ = ["PARALLEL_WORDS", "extracted"]

PARALLEL_WORDS = 100_000  # below this much new text, one core finishes before workers start


def extracted(texts: list[str]) -> Iterator[DocExtraction]:
    """The extractions of `texts`, in their order, each yielded as soon as it is done."""
    workers = min(len(os.sched_getaffinity(0)), len(texts))
    if workers < 2 or sum(len(t.split()) for t in texts) < PARALLEL_WORDS:
        yield from map(extract_document, texts)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["loaders.warm_extractor"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(extract_document, texts)
