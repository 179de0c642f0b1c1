"""One writer at a time, and one commit point, for a store and its corpus.

Every command that changes a store (`kizuna build`, `add`, `remove`) holds an exclusive lock
beside it (`kizuna-graph.lock`, `fcntl.flock`) from the moment it reads the corpus until it has
written the new one: a second writer waits, says so, and fails with a clear message after a
timeout, so neither ever overwrites what the other wrote. The lock is the kernel's, so a
writer that dies releases it.

The corpus and the graph change together. A commit writes the new corpus aside first
(`kizuna-graph.corpus.next.json`, naming the digest of the store file it belongs to), then the
store file (the commit point), then renames the new corpus over the old. Whatever moment a
crash or a full disk interrupts it, the corpus that belongs to the store on disk can be told:
the pending one if the store is the one it names, else the old one (`loaders.corpus.load_corpus`
reads it so). The next writer finishes or drops the pending corpus (`recover`) and removes the
temporary files a killed writer left.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.errors import Busy, StoreUnavailable
from graph.files import file_problem, remove_stale_temporaries, write_atomically
from graph.formats.store_file import store_bytes
from graph.model import Graph
from loaders.corpus import (
    Corpus,
    corpus_path,
    pending_path,
    read_pending,
    store_sha256,
)

__all__ = ["LOCK_WAIT_SECONDS", "commit", "lock_path", "recover", "writing"]

LOCK_WAIT_SECONDS = 600.0
"""How long a writer waits for another to finish before it gives up (KIZUNA_LOCK_WAIT)."""

_POLL_SECONDS = 0.1
_held: dict[Path, tuple[threading.RLock, list[int]]] = {}
_held_guard = threading.Lock()


def lock_path(store_path: Path) -> Path:
    """The lock file of the store at `store_path`."""
    return store_path.with_name(store_path.stem + ".lock")


def _holder(lock: Path) -> str:
    """Who holds the lock, as its holder wrote it (pid and command), or a plain phrase."""
    with contextlib.suppress(OSError, UnicodeDecodeError):
        said = lock.read_text(encoding="utf-8").strip()
        if said:
            return said
    return "another kizuna command"


def _flock(fd: int, lock: Path, wait_seconds: float, on_wait: Callable[[str], None] | None) -> None:
    """Take the exclusive lock on `fd`, waiting at most `wait_seconds`; Busy after that."""
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if not told and on_wait is not None:
                on_wait(_holder(lock))
                told = True
            if time.monotonic() >= deadline:
                raise Busy(
                    f"{_holder(lock)} is still writing the store beside {lock} after "
                    f"{wait_seconds:.0f} s of waiting; nothing was changed. Run the command "
                    "again once it has finished (KIZUNA_LOCK_WAIT sets how long to wait).",
                    retry_after=int(wait_seconds),
                ) from None
            time.sleep(_POLL_SECONDS)


def _announce(fd: int) -> None:
    """Write who holds the lock into the lock file, for a writer that has to wait."""
    words = " ".join(Path(a).name if i == 0 else a for i, a in enumerate(sys.argv))
    text = f"kizuna (pid {os.getpid()}: {words}), since {time.strftime('%H:%M:%S')},"
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, text.encode("utf-8"), 0)


@contextmanager
def writing(
    store_path: Path,
    wait_seconds: float = LOCK_WAIT_SECONDS,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the writer lock of the store at `store_path` for the block.

    Another process's writer makes this one wait (`on_wait` is told who holds it, once) up to
    `wait_seconds`, then raise Busy. Within one process the lock is re-entrant for a thread
    (the command line holds it around its plan and the build it calls takes it again) and
    other threads wait as other processes do. Once held, a commit that a crash interrupted is
    finished or dropped and stale temporary files are removed (`recover`).
    """
    lock = lock_path(store_path)
    lock.parent.mkdir(parents=True, exist_ok=True)
    key = lock.resolve()
    with _held_guard:
        local, depth = _held.setdefault(key, (threading.RLock(), [0]))
    if not local.acquire(timeout=wait_seconds):
        raise Busy(
            f"another writer in this process still holds {lock}; nothing was changed.",
            retry_after=int(wait_seconds),
        )
    fd = -1
    try:
        if depth[0] == 0:
            try:
                fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError as exc:
                raise StoreUnavailable(
                    f"cannot create the lock file {lock}: {file_problem(exc)}. Nothing was "
                    "changed; check that the store's folder is writable."
                ) from exc
            _flock(fd, lock, wait_seconds, on_wait)
            _announce(fd)
            recover(store_path)
        depth[0] += 1
        try:
            yield
        finally:
            depth[0] -= 1
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            os.close(fd)  # releases the flock
        local.release()


def recover(store_path: Path) -> None:
    """Finish the commit a crash interrupted after the store was written, or drop the one it
    interrupted before; remove temporary files of writers that died. Call under the lock."""
    pending = read_pending(store_path)
    if pending is not None:
        if store_sha256(store_path) == pending.store_sha256:
            with contextlib.suppress(OSError):
                os.replace(pending_path(store_path), corpus_path(store_path))
        else:
            with contextlib.suppress(OSError):
                pending_path(store_path).unlink()
    names = {store_path.name, corpus_path(store_path).name, pending_path(store_path).name}
    remove_stale_temporaries(store_path.parent, names)
    remove_stale_temporaries(store_path.parent / "cache")


def commit(store_path: Path, graph: Graph, corpus: Corpus) -> None:
    """Make `graph` the store's graph and `corpus` its corpus, together. Call under the lock.

    On a failure before the store file is replaced, both stay as they were and
    StoreUnavailable says why in one line."""
    data = store_bytes(graph)
    pending = corpus.model_copy(update={"store_sha256": hashlib.sha256(data).hexdigest()})
    corpus_file, pending_file = corpus_path(store_path), pending_path(store_path)
    try:
        write_atomically(pending_file, pending.encoded(), mode_of=corpus_file)
        write_atomically(store_path, data)  # the commit point
    except OSError as exc:
        with contextlib.suppress(OSError):
            pending_file.unlink()
        raise StoreUnavailable(
            f"cannot write the store {store_path}: {file_problem(exc)}. The graph and the "
            "corpus are as they were."
        ) from exc
    with contextlib.suppress(OSError):  # if this fails, readers and the next writer resolve it
        os.replace(pending_file, corpus_file)
