"""A sentence as a sequence of items: words (with lemmas) and actor slots.

The frames read sentences in this form: every recognised actor mention is one slot, every
other token a word with its lemma. Offsets are those of the document, so any span of items
maps back to verbatim text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple, Protocol

from loaders.nlp import Word

__all__ = ["Item", "MentionLike", "sentence_items"]


class Item(NamedTuple):
    """A word (actor is None) or an actor slot of a sentence (a tuple: many are made)."""

    start: int
    end: int
    text: str
    lemma: str
    actor: str | None = None
    rule: str = ""  # how a slot was made: "" for a recognised name, "person" for a person

    @property
    def is_slot(self) -> bool:
        return self.actor is not None

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


_new_item = tuple.__new__  # a word's Item without the Python-level NamedTuple constructor


def _split_at_mentions(tokens: list[Word], mentions: Sequence[MentionLike]) -> list[Word]:
    """Tokens cut where a mention starts or ends inside them ("DFG(Germany" is three).

    Tokens and cuts are both in order, so one cursor walks the cuts once.
    """
    cuts = sorted({m.start for m in mentions} | {m.end for m in mentions})
    out: list[Word] = []
    k, n = 0, len(cuts)
    for token in tokens:
        while k < n and cuts[k] <= token.start:
            k += 1
        if k == n or cuts[k] >= token.end:
            out.append(token)
            continue
        j, inner = k, []
        while j < n and cuts[j] < token.end:
            inner.append(cuts[j])
            j += 1
        bounds = [token.start, *inner, token.end]
        for a, b in pairwise(bounds):
            piece = token.text[a - token.start : b - token.start]
            if piece.strip():
                out.append(Word(a, b, piece, piece.lower(), piece.lower()))
    return out


class MentionLike(Protocol):
    """What a slot is made from: a span resolved to an actor id."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def actor(self) -> str: ...


def sentence_items(
    folded: str, tokens: Sequence[Word], span: tuple[int, int], mentions: Sequence[MentionLike]
) -> list[Item]:
    """The items of the sentence `folded[start:end]` of a document whose words are `tokens`
    (in order); `mentions` are the actor spans inside it, sorted."""
    start, end = span
    items: list[Item] = []
    append = items.append
    lo = bisect_left(tokens, start, key=_start_of)
    hi = bisect_left(tokens, end, lo, key=_start_of)
    inside = [w for w in tokens[lo:hi] if w.end <= end]
    if not mentions:  # no slot: every token is a word
        return [_new_item(Item, (s, e, text, lem, None, "")) for s, e, text, _, lem in inside]
    bounds = [(m.start, m.end) for m in mentions]
    k, n = 0, len(bounds)
    for word_start, word_end, text, _, lem in _split_at_mentions(inside, mentions):
        while k < n and bounds[k][1] <= word_start:
            k += 1
        if k < n and bounds[k][0] < word_end:
            mention = mentions[k]
            if not items or items[-1].start != mention.start or not items[-1].is_slot:
                name = folded[mention.start : mention.end]
                append(Item(mention.start, mention.end, name, name.lower(), mention.actor))
            continue
        append(_new_item(Item, (word_start, word_end, text, lem, None, "")))
    return items


def _start_of(word: Word) -> int:
    return word.start
