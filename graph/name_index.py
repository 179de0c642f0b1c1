"""An index of actor names and aliases, so that a search looks at likely names only.

`graph.querying.search_score` gives a name a score above zero in three ways: the query starts
one of the name's words (a prefix), the two are close by `fuzz.ratio` (at least the fuzzy
cutoff), or they are one typing error apart. The index finds each kind without a scan of
every name: a sorted list of the words of all names answers prefixes by binary search, and
names grouped by length bound the fuzzy comparisons to the lengths that can reach the cutoff
(a ratio of r needs the two lengths within a factor of 1 / (1 - r / 200) of each other), and
a table of character counts discards, in one vectorised step, every name that shares too few
characters with the query to reach the cutoff (the characters two strings share bound their
longest common subsequence, which is what `fuzz.ratio` measures). The ranking itself stays
`graph.querying.rank_search`, applied to these candidates only.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from graph.querying import LIMITS, Named, normalise_text, typo_allowance

__all__ = ["NameIndex"]

_CLASSES = 64


class NameIndex:
    """Normalised names and aliases of actors, searchable by word prefix and fuzzily."""

    def __init__(self, actors: Iterable[Named]) -> None:
        ids_of: dict[str, list[str]] = defaultdict(list)
        for actor in actors:
            for name in {normalise_text(n) for n in (actor.name, *actor.aliases)}:
                if name:
                    ids_of[name].append(actor.id)
        self._ids_of = {name: sorted(ids) for name, ids in ids_of.items()}
        self._words = sorted({(word, name) for name in self._ids_of for word in _word_starts(name)})
        by_length: dict[int, list[str]] = defaultdict(list)
        for name in sorted(self._ids_of):
            by_length[len(name)].append(name)
        self._by_length = dict(by_length)
        self._counts = {
            size: np.asfortranarray(_char_counts(names)) for size, names in self._by_length.items()
        }

    def exact(self, normalised: str) -> list[str]:
        """The ids of actors with this normalised name or alias, sorted."""
        return self._ids_of.get(normalised, [])

    def candidates(self, wanted: str) -> list[str]:
        """The sorted ids of actors with a name that could score above zero for `wanted`."""
        if not wanted:
            return []
        names = self._prefixed(wanted)
        names.update(self._close(wanted))
        return sorted({i for name in names for i in self._ids_of[name]})

    def _prefixed(self, wanted: str) -> set[str]:
        """Names in which `wanted` starts at the beginning of a word."""
        found: set[str] = set()
        start = bisect.bisect_left(self._words, (wanted, ""))
        for word, name in self._words[start:]:
            if not word.startswith(wanted):
                break
            found.add(name)
        return found

    def _close(self, wanted: str) -> set[str]:
        """Names within the fuzzy cutoff of `wanted`, or one allowed typing error away."""
        share = LIMITS.fuzzy_cutoff / 200.0
        shortest = math.floor(len(wanted) * share / (1 - share))
        longest = math.ceil(len(wanted) * (1 - share) / share)
        counts = _char_counts([wanted])[0]
        present = np.flatnonzero(counts)  # other characters cannot be shared
        found: set[str] = set()
        for size in range(shortest, longest + 1):
            # ratio = 200 * common / (len(query) + len(name)), common <= shared characters
            least = math.ceil(LIMITS.fuzzy_cutoff * (len(wanted) + size) / 200) - 1
            pool = self._sharing(size, counts[present], present, least)
            found.update(
                name
                for name, _, _ in process.extract(
                    wanted, pool, scorer=fuzz.ratio, score_cutoff=LIMITS.fuzzy_cutoff, limit=None
                )
            )
        allowed = typo_allowance(wanted)
        for size in range(len(wanted) - allowed, len(wanted) + allowed + 1) if allowed else ():
            # each typing error takes at most one shared character away
            pool = self._sharing(size, counts[present], present, max(len(wanted), size) - allowed)
            found.update(
                name
                for name, _, _ in process.extract(
                    wanted, pool, scorer=Levenshtein.distance, score_cutoff=allowed, limit=None
                )
            )
        return found

    def _sharing(
        self, size: int, counts: npt.NDArray[np.uint8], present: npt.NDArray[np.intp], least: int
    ) -> list[str]:
        """The names of this length that share at least `least` characters with the query."""
        names = self._by_length.get(size)
        if not names:
            return []
        table = self._counts[size][:, present]
        shared = np.minimum(table, counts).sum(axis=1, dtype=np.int32)
        return [names[i] for i in np.flatnonzero(shared >= least).tolist()]


def _char_counts(names: list[str]) -> npt.NDArray[np.uint8]:
    """How often each character occurs in each name, characters folded into 64 classes
    (folding only adds to the shared counts, so the bound stays safe)."""
    lengths = np.fromiter((len(n) for n in names), np.int64, len(names))
    codes = np.frombuffer("".join(names).encode("utf-32-le"), dtype=np.uint32) % _CLASSES
    rows = np.repeat(np.arange(len(names), dtype=np.int64), lengths)
    counts = np.bincount(rows * _CLASSES + codes, minlength=len(names) * _CLASSES)
    # a query holds at most LIMITS.max_query_chars (< 255) of a class: capping changes no bound
    table: npt.NDArray[np.uint8] = np.minimum(counts, 255).astype(np.uint8)
    return table.reshape(len(names), _CLASSES)


def _word_starts(name: str) -> list[str]:
    """The suffixes of a name that begin at a word: where a query may start to match."""
    starts = [0] + [i + 1 for i, c in enumerate(name) if c == " "]
    return [name[i:] for i in starts]
