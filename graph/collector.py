"""Python's cyclic garbage collector held off while many acyclic objects are built.

Decoding thousands of relations for an answer, or a million digests for a load, allocates
enough to set off collections that walk every object the process holds (a full one took
seconds beside the name index); none of these objects form cycles.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]

_lock = threading.Lock()
_holders = 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the block. Nested and concurrent blocks share one count and the
    last one out turns it back on; a collector that was off before stays off."""
    global _holders
    with _lock:
        owned = _holders > 0 or gc.isenabled()
        if owned:
            _holders += 1
            gc.disable()
    try:
        yield
    finally:
        if owned:
            with _lock:
                _holders -= 1
                if _holders == 0:
                    gc.enable()
