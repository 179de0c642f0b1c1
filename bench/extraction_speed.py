"""Extraction speed on one core: the seeds scaled up to a corpus of ~1.5M words.

Prints words per CPU second for the extraction itself (recognition, parse, rules,
resolution), with no cache so every document is extracted; the speed on single documents
of growing length (the seeds' bodies joined 2, 4 and 8 times: a steady speed means time
linear in the text); the time a 1 MB document with no full stop takes; and the wall time
of the same corpus extracted as `kizuna build` does, over all the machine's cores. CPU
time is what one core spends; the wall clock is printed too, but on a shared machine it
also counts the time other processes hold the core.
Run: .venv/bin/python -m bench.extraction_speed [target_words]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from loaders.catalogue import patterns
from loaders.extract import extract_document
from loaders.extraction_workers import extracted, warm
from loaders.text import word_count

ROOT = Path(__file__).resolve().parents[1]


def seed_body(text: str) -> str:
    """A seed up to its references heading: reading stops there, and a document joined
    from whole seeds would be read only up to the first seed's references."""
    headings = {h.lower() for h in patterns().reference_headings}
    lines = text.splitlines(keepends=True)
    end = next(
        (i for i, line in enumerate(lines) if line.strip(" #*:\n").lower() in headings),
        len(lines),
    )
    return "".join(lines[:end])


def main() -> None:
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1_500_000
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    seed_words = sum(word_count(t) for t in seeds)
    copies = max(1, target // seed_words)
    # Each copy is a distinct document (numbered), as a user's corpus of many files would be.
    corpus = [f"Document {i}.\n\n{text}" for i in range(copies) for text in seeds]
    words = sum(word_count(t) for t in corpus)
    warm()  # as a build's worker starts: the model, catalogue and rules loaded once
    start, cpu_start = time.perf_counter(), time.process_time()
    relations = 0
    for text in corpus:
        relations += len(extract_document(text).relations)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # the CPU this process used: one core's work
    print(f"corpus: {len(corpus)} documents, {words:,} words ({copies} copies of the seeds)")
    print(f"extracted {relations:,} relations in {elapsed:.2f} s wall, {cpu:.2f} s CPU")
    print(f"extraction speed: {words / cpu:,.0f} words per CPU second on one core")
    print(
        f"(wall clock: {words / elapsed:,.0f} words/s; lower when other processes share the core)"
    )
    cores = len(os.sched_getaffinity(0))
    start = time.perf_counter()
    list(extracted(corpus))
    elapsed = time.perf_counter() - start
    print(
        f"the same corpus as kizuna build extracts it, over {cores} cores: {elapsed:.2f} s wall, "
        f"{words / elapsed:,.0f} words/s (workers' start included)"
    )
    joined = "\n\n".join(seed_body(text) for text in seeds)
    for times in (2, 4, 8):
        long_text = "\n\n".join([joined] * times)
        cpu_start = time.process_time()
        extract_document(long_text)
        cpu = time.process_time() - cpu_start
        print(
            f"one document of {word_count(long_text):,} words: {cpu:.2f} s CPU, "
            f"{word_count(long_text) / cpu:,.0f} words per CPU second"
        )
    no_stop = ("word " * 200_000)[:1_000_000]  # 1 MB with no full stop
    cpu_start = time.process_time()
    extract_document(no_stop)
    print(f"a 1 MB document with no full stop: {time.process_time() - cpu_start:.2f} s CPU")


if __name__ == "__main__":
    main()
