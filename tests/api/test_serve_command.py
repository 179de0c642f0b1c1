"""`kizuna serve` starts the API over the embedded store and prints the docs URL."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from graph.memory_store import MemoryStore
from graph.model import Graph


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _serve(folder: Path, graph: Graph, *options: str) -> tuple[subprocess.Popen[str], int]:
    """`kizuna serve` over a store file holding `graph`, on a free port; the process and port."""
    store = folder / "graph.json"
    MemoryStore(store).replace(graph)
    port = _free_port()
    kizuna = Path(sys.executable).parent / "kizuna"
    command = [str(kizuna), "serve", "--port", str(port), "--store", str(store), *options]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=folder
    )
    return process, port


def test_kizuna_serve_prints_the_docs_url_and_serves_the_store(
    tmp_path: Path, contract_graph: Graph
) -> None:
    process, port = _serve(tmp_path, contract_graph, "--backend", "memory")
    try:
        health = None
        for _ in range(300):
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, "kizuna serve exited while starting"
                time.sleep(0.1)
        assert health is not None and health.status_code == 200
        assert health.json()["backend"] == "memory"
        assert health.json()["actors"] == len(contract_graph.actors)
        docs = httpx.get(f"http://127.0.0.1:{port}/docs", timeout=5)
        assert docs.status_code == 200
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=20)
    assert f"Docs: http://127.0.0.1:{port}/docs" in output


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_kizuna_serve_with_two_workers_answers_from_two_processes_over_the_given_store(
    tmp_path: Path, contract_graph: Graph
) -> None:
    process, port = _serve(tmp_path, contract_graph, "--workers", "2")
    try:
        deadline = time.monotonic() + 180
        answers: list[httpx.Response] = []
        while len(answers) < 20 and time.monotonic() < deadline:
            try:
                answers.append(httpx.get(f"http://127.0.0.1:{port}/health", timeout=10))
            except httpx.TransportError:
                assert process.poll() is None, "kizuna serve exited while starting"
                time.sleep(0.1)
        assert [a.json()["actors"] for a in answers] == [len(contract_graph.actors)] * 20
        workers: list[int] = []
        while len(workers) != 2 and time.monotonic() < deadline:
            workers = [
                child
                for child in _children(process.pid)
                if "spawn_main" in Path(f"/proc/{child}/cmdline").read_text()
            ]
            time.sleep(0.1)
        assert len(workers) == 2
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_kizuna_serve_rejects_an_unknown_backend(tmp_path: Path) -> None:
    kizuna = Path(sys.executable).parent / "kizuna"
    result = subprocess.run(
        [str(kizuna), "serve", "--backend", "oracle"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "backend" in (result.stdout + result.stderr)
