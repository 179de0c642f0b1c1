"""The local Neo4j server of `scripts/neo4j-local`, driven by the command line: the offline
bulk import of `kizuna neo4j load --bulk`, which stops the server, imports neo4j-admin CSV
files into its database and starts it again.

Starting and stopping servers belongs to this layer. graph/ writes the CSV files
(`graph.formats.neo4j_csv`) and records the imported graph (`Neo4jStore.imported`); it never
runs a process.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from graph.errors import StoreUnavailable
from graph.formats.neo4j_csv import write_import_csv
from graph.model import Graph
from graph.neo4j_load import LoadReport, graph_digest

__all__ = ["LOCAL_SERVER", "BulkTimes", "ImportTarget", "bulk_import"]

LOCAL_SERVER = Path(__file__).resolve().parents[2] / "scripts" / "neo4j-local"
"""The script that runs the local server (it comes with a checkout of Kizuna)."""


class ImportTarget(Protocol):
    """What a bulk import needs of the store it fills (Neo4jStore)."""

    def ensure_schema(self) -> None: ...

    def imported(self, graph: Graph, digest: str | None = None) -> LoadReport: ...


@dataclass(frozen=True)
class BulkTimes:
    """Seconds from the start of a bulk import to the end of each of its stages."""

    written: float  # the CSV files (the server stops meanwhile)
    imported: float  # neo4j-admin import and the restarted server (the digest meanwhile)
    indexed: float  # constraints and indexes built
    recorded: float  # the digest recorded: the end


def _run_server(server: Path, env: dict[str, str] | None, *args: str) -> None:
    done = subprocess.run(
        [str(server), *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise StoreUnavailable(
            f"`scripts/neo4j-local {' '.join(args)}` failed:\n{done.stdout}{done.stderr}"
        )


def bulk_import(
    store: ImportTarget,
    graph: Graph,
    server: Path = LOCAL_SERVER,
    env: dict[str, str] | None = None,
) -> tuple[LoadReport, BulkTimes]:
    """Replace the content of the local server's database with `graph`, offline.

    The stages overlap where they can: the server shuts down while the CSV files are written
    (its shutdown is mostly waiting), and the digest is computed while neo4j-admin imports.
    The caller has checked that the import applies (the local server, an empty database or a
    wipe asked for); if writing the files fails, the server is started again, unchanged.

    Parameters
    ----------
    store
        The store on that server: it builds the constraints and indexes and records the graph.
    graph
        The graph to import.
    server
        The `scripts/neo4j-local` script that runs the server and the import.
    env
        The environment of the script (its KIZUNA_NEO4J_* variables); this process's if None.
    """
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="kizuna-import-") as folder,
        ThreadPoolExecutor(max_workers=1) as pool,
    ):
        stopping = subprocess.Popen(
            [str(server), "stop"],
            env=env if env is not None else dict(os.environ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            write_import_csv(graph, Path(folder))
        except BaseException:
            stopping.wait()
            with contextlib.suppress(StoreUnavailable):
                _run_server(server, env, "start")
            raise
        _, stop_errors = stopping.communicate()
        if stopping.returncode != 0:
            raise StoreUnavailable(f"`scripts/neo4j-local stop` failed:\n{stop_errors}")
        written = time.perf_counter() - started
        digest = pool.submit(graph_digest, graph)
        _run_server(server, env, "import", folder)
        imported = time.perf_counter() - started
        store.ensure_schema()
        indexed = time.perf_counter() - started
        report = store.imported(graph, digest.result())
    return report, BulkTimes(written, imported, indexed, time.perf_counter() - started)
