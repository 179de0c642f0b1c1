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
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from graph.querying import LIMITS, Named, normalise_text, typo_allowance

__all__ = ["NameIndex", "NameTable", "name_table"]

_CLASSES = 64
_LAST_CHAR = chr(0x10FFFF)  # every word starting with a prefix sorts before prefix + this


@dataclass(frozen=True)
class NameTable:
    """The searchable names of a graph's actors, as the store file keeps them.

    `names` are the distinct normalised names and aliases, sorted; the actors bearing name `i`
    are `owners[owner_ptr[i]:owner_ptr[i + 1]]` (actor numbers, in id order); `words` are the
    word starts of every name, sorted, and `word_names[j]` the name word start `j` belongs to.
    """

    names: list[str]
    owner_ptr: npt.NDArray[np.int64]
    owners: npt.NDArray[np.int32]
    words: list[str]
    word_names: npt.NDArray[np.int32]


def name_table(actors: Sequence[Named]) -> NameTable:
    """The name table of actors given in id order (an actor's number is its position)."""
    owners_of: dict[str, list[int]] = defaultdict(list)
    for number, actor in enumerate(actors):
        for name in sorted({normalise_text(n) for n in (actor.name, *actor.aliases)}):
            if name:
                owners_of[name].append(number)
    names = sorted(owners_of)
    counts = np.array([len(owners_of[n]) for n in names], dtype=np.int64)
    owner_ptr = np.zeros(len(names) + 1, dtype=np.int64)
    np.cumsum(counts, out=owner_ptr[1:])
    owners = np.array([o for n in names for o in owners_of[n]], dtype=np.int32)
    pairs = sorted((word, i) for i, name in enumerate(names) for word in _word_starts(name))
    return NameTable(
        names=names,
        owner_ptr=owner_ptr,
        owners=owners,
        words=[word for word, _ in pairs],
        word_names=np.array([i for _, i in pairs], dtype=np.int32),
    )


class NameIndex:
    """Normalised names and aliases of actors, searchable by word prefix and fuzzily."""

    def __init__(self, table: NameTable, ids: list[str]) -> None:
        self._table = table
        self._ids = ids
        self._number_of = {name: i for i, name in enumerate(table.names)}
        lengths = np.fromiter(map(len, table.names), np.int64, len(table.names))
        order = np.argsort(lengths, kind="stable")  # names stay sorted within a length
        sizes, firsts = np.unique(lengths[order], return_index=True)
        counts = _char_counts(table.names)
        self._by_length: dict[int, list[str]] = {}
        self._counts: dict[int, npt.NDArray[np.uint8]] = {}
        groups = np.split(order, firsts[1:]) if len(order) else []
        for size, rows in zip(sizes.tolist(), groups, strict=True):
            self._by_length[size] = [table.names[i] for i in rows.tolist()]
            self._counts[size] = np.asfortranarray(counts[rows])

    def _owners(self, name: int) -> npt.NDArray[np.int32]:
        table = self._table
        return table.owners[table.owner_ptr[name] : table.owner_ptr[name + 1]]

    def exact(self, normalised: str) -> list[str]:
        """The ids of actors with this normalised name or alias, sorted."""
        name = self._number_of.get(normalised)
        if name is None:
            return []
        return [self._ids[n] for n in self._owners(name).tolist()]

    def candidates(self, wanted: str) -> list[str]:
        """The sorted ids of actors with a name that could score above zero for `wanted`."""
        if not wanted:
            return []
        names = self._prefixed(wanted)
        names.update(self._number_of[name] for name in self._close(wanted))
        if not names:
            return []
        numbers = np.unique(np.concatenate([self._owners(n) for n in names]))
        return [self._ids[n] for n in numbers.tolist()]

    def _prefixed(self, wanted: str) -> set[int]:
        """Names in which `wanted` starts at the beginning of a word."""
        words = self._table.words
        start = bisect.bisect_left(words, wanted)
        end = bisect.bisect_left(words, wanted + _LAST_CHAR, lo=start)
        return set(self._table.word_names[start:end].tolist())

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
