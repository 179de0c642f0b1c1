"""Start time and memory of the embedded store at scale: how long reading its file takes.

Writes the store file of the synthetic graph (bench/synthetic_graph.py, hubs included, the
documents carrying their text as real ones do) once, then opens it in a fresh process, as the
API does when it starts, and prints the seconds to open it, the peak resident memory of that
process and its resident memory once open. A few queries follow, to show the store answers.

    .venv/bin/python -m bench.memory_store                        # 100k actors, 1M relations
    .venv/bin/python -m bench.memory_store --actors 10000 --relations 100000
    .venv/bin/python -m bench.memory_store --reuse                 # the file is already written
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["main"]


def _resident_mb() -> float:
    """The resident memory of this process now, in MB (Linux /proc)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    """The peak resident memory of this process, in MB: VmHWM, which starts afresh at exec
    (getrusage's ru_maxrss would carry over the parent's peak, the graph's generation)."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write(options: argparse.Namespace) -> None:
    from bench.synthetic_graph import synthetic_documents, synthetic_graph
    from graph.memory_store import MemoryStore

    began = time.perf_counter()
    graph = synthetic_graph(options.actors, options.relations, options.seed)
    texts = synthetic_documents(graph.relations, [d.name for d in graph.documents])
    graph.documents = [d.model_copy(update={"text": texts[d.name]}) for d in graph.documents]
    generated = time.perf_counter() - began
    began = time.perf_counter()
    MemoryStore(options.path).replace(graph)
    written = time.perf_counter() - began
    size = options.path.stat().st_size / 2**20
    print(
        f"graph: {len(graph.actors)} actors, {len(graph.relations)} relations "
        f"(generated in {generated:.1f} s); store file {options.path}: {size:.0f} MB, "
        f"written in {written:.1f} s",
        flush=True,
    )


def measure(path: Path) -> None:
    """Child process: open the store and print the figures as one JSON line."""
    from graph.querying import Filters

    began = time.perf_counter()
    from graph.memory_store import MemoryStore

    imported = time.perf_counter() - began
    before = _resident_mb()
    began = time.perf_counter()
    store = MemoryStore(path)
    opened = time.perf_counter() - began
    figures = {
        "import_s": imported,
        "start_s": opened,
        "peak_rss_mb": _peak_mb(),
        "rss_mb": _resident_mb(),
        "rss_before_mb": before,
    }
    hub = store.stats().most_connected[0].id
    began = time.perf_counter()
    store.neighbourhood(hub, 2, Filters(), 200)
    store.search(store.stats().most_connected[1].name.split()[0])
    figures["first_queries_s"] = time.perf_counter() - began
    print(json.dumps(figures))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--path", type=Path, default=Path("/tmp/kizuna-bench-store.json"))
    parser.add_argument("--reuse", action="store_true", help="open the file already written")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.measure:
        measure(options.path)
        return
    if not (options.reuse and options.path.exists()):
        write(options)
    child = subprocess.run(
        [sys.executable, "-m", "bench.memory_store", "--measure", "--path", str(options.path)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    print(
        f"start (open the store file): {figures['start_s']:.2f} s "
        f"(importing the store's modules before: {figures['import_s']:.2f} s)\n"
        f"peak resident memory:        {figures['peak_rss_mb']:.0f} MB\n"
        f"resident memory once open:   {figures['rss_mb']:.0f} MB "
        f"(the interpreter and imports before: {figures['rss_before_mb']:.0f} MB)\n"
        f"first neighbourhood of the biggest hub and a search: "
        f"{figures['first_queries_s'] * 1000:.0f} ms\n"
        f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )


if __name__ == "__main__":
    main()
