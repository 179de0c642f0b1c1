"""One document just under the 20 MB limit: the CPU time and the peak memory its
extraction takes (issue 19 measured 232 s and 2.76 GB before the rule engine was rebuilt).

The document is the seeds' bodies (each up to its references, where reading stops)
repeated to the size asked for (default 19.9 MB).
Run: .venv/bin/python -m bench.large_document [megabytes]
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from bench.extraction_speed import seed_body
from loaders.extract import extract_document
from loaders.extraction_workers import warm
from loaders.text import word_count

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 19.9
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    seeds = "\n\n".join(seed_body(p.read_text(encoding="utf-8")) for p in paths)
    size = int(megabytes * 1_000_000)
    text = (seeds * (size // len(seeds.encode("utf-8")) + 1))[:size]
    warm()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu_start, start = time.process_time(), time.perf_counter()
    result = extract_document(text)
    cpu, wall = time.process_time() - cpu_start, time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    words = word_count(text)
    print(f"document: {len(text.encode('utf-8')) / 1e6:.1f} MB, {words:,} words")
    print(f"extracted {len(result.actors):,} actors and {len(result.relations):,} relations")
    print(f"{cpu:.1f} s CPU ({words / cpu:,.0f} words per CPU second), {wall:.1f} s wall")
    print(f"peak memory: {peak:,.0f} MB (before extraction: {before:,.0f} MB)")


if __name__ == "__main__":
    main()
