"""Extraction spread over the machine's cores for a build with much new text.

Workers come from a fork server that has loaded the model, the catalogue's recogniser and
the rules once (`warm`, run by importing `loaders.warm_extractor`), so each starts ready and
shares those pages; no worker is forked from the building process itself, whose threads (a
progress bar's) could hold a lock at the moment of the fork. A build on one core warms its
own process the same way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache

from loaders.extract import DocExtraction, extract_document

__all__ = ["PARALLEL_WORDS", "extracted", "warm"]

PARALLEL_WORDS = 100_000  # below this much new text, one core finishes before workers start


@cache
def warm() -> None:
    """Load what extraction needs by extracting one sentence, then freeze the garbage
    collector's view of everything loaded so far. The catalogue and the model are large
    and live as long as the process, yet every full collection would walk them again: on
    the seeds that was 7 % of an extraction's time (see docs/performance.md)."""
    extract_document("Japan and India signed a Memorandum of Cooperation in 2024.")
    gc.freeze()


def extracted(texts: list[str]) -> Iterator[DocExtraction]:
    """The extractions of `texts`, in their order, each yielded as soon as it is done."""
    workers = min(len(os.sched_getaffinity(0)), len(texts))
    if workers < 2 or sum(len(t.split()) for t in texts) < PARALLEL_WORDS:
        warm()
        yield from map(extract_document, texts)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["loaders.warm_extractor"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(extract_document, texts)
