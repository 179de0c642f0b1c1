"""Heavy requests bounded: one at a time per worker, none computed twice for one graph.

Centrality and communities over a large view cost seconds of CPU. Unbounded, a few of them at
once slowed every other request, and forty filled the server's thread pool. `HeavyWork` runs
at most one such computation at a time in a worker process; a request for the same answer as
a running one waits for that one; any other waits for its turn, at most `wait_seconds`, and
then gets 503 with Retry-After (Busy). Waiting holds no thread. Answers are kept per graph
generation (`GraphStore` with `HasGenerations`) and question, so the same question asked
again of the same graph is answered at once; a computation during which another graph was
loaded is done again on the new one, so an answer never mixes two graphs.
"""

from __future__ import annotations

import asyncio
import math
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from anyio import to_thread

from graph.collector import collector_paused
from graph.errors import Busy
from graph.store import GraphStore, HasGenerations

__all__ = ["HeavyWork", "generation_of"]

Result = TypeVar("Result")
_ATTEMPTS = 3


def generation_of(store: GraphStore) -> str | None:
    """The store's graph generation, or None when it cannot say."""
    return store.generation() if isinstance(store, HasGenerations) else None


def _on_one_graph(store: GraphStore, work: Callable[[], Result]) -> tuple[str | None, Result]:
    """`work()` and the generation it was computed on; done again when another graph was
    loaded meanwhile (None as the generation when that happened every time)."""
    for _ in range(_ATTEMPTS):
        before = generation_of(store)
        with collector_paused():  # its many objects would set off full collections that
            result = work()  # stop every other request (no cycles among them)
        if generation_of(store) == before:
            return before, result
    return None, result


class HeavyWork:
    """The one heavy computation of a worker at a time, and the answers already computed."""

    def __init__(self, wait_seconds: float, kept: int = 64) -> None:
        self.wait_seconds = wait_seconds
        self.kept = kept
        self._slot = asyncio.Semaphore(1)
        self._done: OrderedDict[Hashable, tuple[str | None, Any]] = OrderedDict()
        self._running: dict[Hashable, asyncio.Future[tuple[str | None, Any]]] = {}

    def _busy(self) -> Busy:
        wait = math.ceil(self.wait_seconds) or 1
        return Busy(
            "The server is computing another analysis and this one did not get its turn "
            f"within {self.wait_seconds:g} s. Retry in a moment; an analysis already "
            "computed for the same graph and filters is answered at once.",
            retry_after=wait,
        )

    async def run(
        self, store: GraphStore, question: Hashable, work: Callable[[], Result]
    ) -> tuple[str | None, Result]:
        """The answer to `question` (the same question gives the same answer on one graph),
        computed by `work` in a thread when it is not kept; with the generation it is of."""
        generation = await to_thread.run_sync(generation_of, store)
        key = (generation, question)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.wait_seconds
        while True:
            if generation is not None and key in self._done:
                self._done.move_to_end(key)
                return self._done[key]
            running = self._running.get(key)
            if running is not None:
                try:
                    return await asyncio.wait_for(
                        asyncio.shield(running), max(0.0, deadline - loop.time())
                    )
                except TimeoutError:
                    raise self._busy() from None
            try:
                await asyncio.wait_for(self._slot.acquire(), max(0.0, deadline - loop.time()))
            except TimeoutError:
                raise self._busy() from None
            if key in self._running or (generation is not None and key in self._done):
                self._slot.release()  # answered while this one waited for its turn
                continue
            return await self._compute(key, store, work)

    async def _compute(
        self, key: tuple[str | None, Hashable], store: GraphStore, work: Callable[[], Result]
    ) -> tuple[str | None, Result]:
        """Compute in a thread, holding the slot; keep the answer if it is of one graph."""
        future: asyncio.Future[tuple[str | None, Any]] = asyncio.get_running_loop().create_future()
        future.add_done_callback(lambda done: done.cancelled() or done.exception())
        self._running[key] = future
        try:
            answer = await to_thread.run_sync(_on_one_graph, store, work)
        except Exception as exc:
            future.set_exception(exc)
            raise
        except BaseException:
            future.cancel()
            raise
        finally:
            del self._running[key]
            self._slot.release()
        future.set_result(answer)
        if answer[0] is not None:
            self._done[(answer[0], key[1])] = answer
            while len(self._done) > self.kept:
                self._done.popitem(last=False)
        return answer
