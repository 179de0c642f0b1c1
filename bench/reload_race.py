"""Benchmark: the embedded store replaced every few seconds under eight clients, for a minute.

Two store files of the synthetic graph (bench/synthetic_graph.py; 100k actors and 1M relations
by default, the second with 1% more actors so that actors and relations are numbered apart)
are written once (`--reuse` keeps them). The API is served over the first by uvicorn in its
own process, as `kizuna serve` does; the file is then replaced by the other every `--every`
seconds (a copy renamed over it, as a build does) while `--clients` clients ask for paths
between hubs, neighbourhoods and profiles of other actors and a degree centrality, each
answer checked to come whole from one of the two graphs (bench.race_check). It prints the
replacements, the requests answered, the 5xx and the wrong answers, and the API process's
peak resident memory (VmHWM) beside its memory before the race.

    .venv/bin/python -m bench.reload_race                        # 1M relations, 60 s
    .venv/bin/python -m bench.reload_race --actors 10000 --relations 100000 --window 20
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from bench.race_check import Checker, GraphKeys, race, requests_for
from bench.synthetic_graph import load_average, synthetic_documents, synthetic_graph

__all__ = ["main", "serve_api"]


def _write(path: Path, actors: int, relations: int, seed: int) -> None:
    from graph.formats.store_file import store_bytes

    began = time.perf_counter()
    graph = synthetic_graph(actors, relations, seed)
    texts = synthetic_documents(graph.relations, [d.name for d in graph.documents])
    graph.documents = [d.model_copy(update={"text": texts[d.name]}) for d in graph.documents]
    path.write_bytes(store_bytes(graph))
    print(
        f"wrote {path} ({path.stat().st_size / 2**20:.0f} MB, {actors} actors, "
        f"{relations} relations) in {time.perf_counter() - began:.0f} s",
        flush=True,
    )


def _keys(path: Path) -> GraphKeys:
    from graph.formats.store_file import decode_store

    return GraphKeys.of_store_file(decode_store(path.read_bytes()))


def _memory(pid: int, field: str) -> float:
    """A VmRSS / VmHWM figure of a process, in MB."""
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def serve_api(store: Path, port: int) -> subprocess.Popen[bytes]:
    """The API over the embedded store at `store`, served by uvicorn in its own process, once
    it answers /health."""
    env = {**os.environ, "KIZUNA_STORE": str(store), "KIZUNA_BACKEND": "memory"}
    code = (
        "from api.cli.serve_command import run_server; "
        f"run_server('127.0.0.1', {port}, 1, log_level='warning')"
    )
    server = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=60).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the API did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--every", type=float, default=5.0, help="seconds between replacements")
    parser.add_argument("--window", type=float, default=60.0, help="seconds of the race")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--port", type=int, default=8701)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/kizuna-reload-race"))
    parser.add_argument("--reuse", action="store_true", help="keep the files already written")
    parser.add_argument(
        "--no-centrality", action="store_true", help="leave the degree centrality out of the mix"
    )
    args = parser.parse_args()

    args.folder.mkdir(parents=True, exist_ok=True)
    size = f"{args.actors}-{args.relations}"
    files = [args.folder / f"a-{size}.json", args.folder / f"b-{size}.json"]
    sizes = (args.actors, args.actors * 101 // 100)
    for path, actors, seed in zip(files, sizes, (7, 8), strict=True):
        if not (args.reuse and path.exists()):
            _write(path, actors, args.relations, seed)
            gc.collect()
    graphs = [_keys(path) for path in files]
    shared = sorted(graphs[0].actors & graphs[1].actors)
    hubs = [i for i in shared if i.startswith("country:syn-0000")][:6]
    others = random.Random(3).sample([i for i in shared if i not in hubs], 20)
    asked = requests_for(hubs, others, centrality=not args.no_centrality)
    store = args.folder / "store.json"
    shutil.copyfile(files[0], store)

    server = serve_api(store, args.port)
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.2):
            peak[0] = max(peak[0], _memory(server.pid, "VmRSS"))

    try:
        before = _memory(server.pid, "VmRSS")
        sampler = threading.Thread(target=sample)
        sampler.start()

        def replace(turn: int) -> None:
            copy = store.with_name(f".{store.name}.{turn}.tmp")
            shutil.copyfile(files[turn % 2], copy)
            os.replace(copy, store)

        checker = Checker(graphs)
        outcome = race(
            f"http://127.0.0.1:{args.port}",
            replace,
            args.every,
            args.window,
            args.clients,
            asked,
            checker,
        )
        stop.set()
        sampler.join()
        high_water = _memory(server.pid, "VmHWM")
        after = _memory(server.pid, "VmRSS")
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=60)
    counts = checker.counts
    by_kind = ", ".join(f"{kind} {counts[kind]}" for kind in ("paths", "neighbourhood", "actor"))
    print(
        f"{args.relations} relations; the store replaced {outcome.replacements} times in "
        f"{outcome.seconds:.0f} s (every {args.every:g} s), {args.clients} clients "
        f"({load_average()})\n"
        f"requests: {sum(counts[k] for k in ('paths', 'neighbourhood', 'actor', 'centrality'))}"
        f" ({by_kind}, centrality {counts['centrality']}); answered 200: {counts['200']}, "
        f"4xx: {sum(n for c, n in counts.items() if c.startswith('4'))}, "
        f"5xx: {checker.server_errors}, 503 busy with Retry-After: {counts['busy']}, "
        f"no answer: {counts['no answer']}\n"
        f"wrong answers: {len(checker.wrong)}"
        + "".join(f"\n  {w[:160]}" for w in checker.wrong[:5])
        + f"\nAPI process memory: {before:.0f} MB before the race, peak {high_water:.0f} MB "
        f"(sampled peak {peak[0]:.0f} MB), {after:.0f} MB after it",
        flush=True,
    )


if __name__ == "__main__":
    main()
