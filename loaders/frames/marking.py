"""Instrument phrases made slots: named, referred to, or new and unnamed.

"a Memorandum of Cooperation" names no actor, yet it is the node that joins its parties.
Before the frames run, each instrument phrase of the lexicon becomes a slot: part of a name
it stands in ("the X Summit meeting"), the document's earlier instrument a definite phrase
refers to ("the MoC"), or a new unnamed instrument with its owner and topic, named from its
parties later.
"""

from __future__ import annotations

from loaders.frames.state import COUNTS, FrameState, Unnamed
from loaders.items import Item
from loaders.lexicon import Instrument, singular

__all__ = ["InstrumentMarks"]

_QUOTES = frozenset({'"', "\u201c", "\u201d"})


class InstrumentMarks(FrameState):
    """Instrument phrases made slots: named, referred to, or new and unnamed."""

    def mark_instruments(self, items: list[Item]) -> list[Item]:
        """`items` with every unnamed instrument phrase made a slot of its own: a
        reference to an earlier instrument ("the MoC") or a new unnamed one."""
        out: list[Item] = []
        pending: dict[int, Item] = {}  # coordinated instruments, placed before their topic
        first_forms = self.lex.first_forms
        i = 0
        while i < len(items):
            if i in pending:
                out.append(pending.pop(i))
            item = items[i]
            if item.actor is None:
                if item.text.lower() not in first_forms:  # most words start no instrument
                    out.append(item)
                    i += 1
                    continue
            elif item.actor and not item.actor.startswith("?") and self._is_anchor(item):
                self.remember(item.actor)  # "The X Summit was held ... its main meetings"
            instrument, size = self._instrument_at(items, i)
            if instrument is None:
                out.append(item)
                i += 1
                continue
            if self._named_instrument(items, out, i + size):
                out.extend(items[i : i + size])
            else:
                previous = self._referred_instrument(items, out, i, size, instrument)
                if previous is not None:
                    start, end = items[i].start, items[i + size - 1].end
                    out.append(Item(start, end, previous, "<instrument>", previous))
                else:
                    out.append(self._unnamed_instrument(items, i, size, instrument, pending))
            i += size
        return out

    def _instrument_at(self, items: list[Item], i: int) -> tuple[Instrument | None, int]:
        """The longest instrument phrase of the lexicon starting at item i, and its size."""
        if items[i].actor is not None or singular(items[i].text) not in self.lex.first_nouns:
            return None, 0
        for n in range(min(self.lex.longest, len(items) - i), 0, -1):
            window = items[i : i + n]
            if any(w.actor is not None for w in window):
                continue
            instrument = self.lex.instruments.get(tuple(singular(w.text) for w in window))
            if instrument is not None:
                return instrument, n
        return None, 0

    def _named_instrument(self, items: list[Item], out: list[Item], after: int) -> bool:
        """Whether an instrument phrase is part of a name: "the MoC (the X Agreement)",
        "the X Summit meeting"."""
        named_after = (
            after < len(items)
            and items[after].text == "("
            and after + 1 < len(items)
            and self._is_anchor(items[after + 1])
        )
        return named_after or bool(out and self._is_anchor(out[-1]))

    def _referred_instrument(
        self, items: list[Item], out: list[Item], i: int, size: int, instrument: Instrument
    ) -> str | None:
        """The earlier instrument a definite phrase refers to ("the MoC", "this summit",
        "the project": the document's latest of its kind), or None when the phrase brings
        a new one ("an MoC between ...", "the agreement on X")."""
        previous = self.recent_kind.get(instrument.kind)
        if size == 1 and items[i].lemma in self.lex.generic_anaphors:
            latest = self.recent.get(instrument.type)  # "the project": the latest named
            if latest is not None and (
                previous is None or self.seen.get(latest, 0) > self.seen.get(previous, 0)
            ):
                previous = latest
        back = len(out) - 1
        while (
            back > 0
            and back > len(out) - 4
            and out[back].lemma not in self.lex.definites
            and (out[back].lemma in COUNTS or out[back].text.isalpha())
            and out[back].actor is None
        ):
            back -= 1  # "the two partnerships", "this ad-hoc summit"
        definite = back >= 0 and out[back].lemma in self.lex.definites
        after = i + size
        nominal = after < len(items) and items[after].lemma in ("between", "among", "amongst")
        if (
            definite
            and previous is not None
            and not nominal
            and not (instrument.type == "Agreement" and self._topic(items, after))
        ):
            return previous
        return None

    def _unnamed_instrument(
        self, items: list[Item], i: int, size: int, instrument: Instrument, pending: dict[int, Item]
    ) -> Item:
        """The slot of a new unnamed instrument, with its owner ("... of the G7") and topic
        ("on digital government"); "MoUs on A and on B" also places B's instrument."""
        window = items[i : i + size]
        key = f"?{window[0].start}"
        surface = " ".join(w.text for w in window)
        owner = self._owner(items, i + size)
        owned = owner is not None
        if owner is not None:
            surface = f"{surface} of the {self.name_of(owner)}"
        topic = self._quoted_topic(items, i, i + size) or self._topic(items, i + size)
        self.unnamed[key] = Unnamed(
            key, instrument, surface, " ".join(w.text for w in topic), owned
        )
        plural = any(w.text.lower().endswith("s") or w.lemma != w.text.lower() for w in window)
        if topic and plural:
            self._coordinated(items, i + size + len(topic), key, pending)
        return Item(window[0].start, window[-1].end, surface, "<instrument>", key)

    def _coordinated(self, items: list[Item], j: int, key: str, pending: dict[int, Item]) -> None:
        """ "MoUs on A and on B": a second instrument of the same kind, about B, which takes
        every role the first one takes in the sentence."""
        if j + 1 >= len(items) or items[j].lemma != "and":
            return
        at = j + 1
        topic = self._topic(items, at)
        if not topic:
            return
        first = self.unnamed[key]
        second = f"?{items[at].start}"
        self.unnamed[second] = Unnamed(
            second, first.instrument, first.surface, " ".join(w.text for w in topic), first.owned
        )
        self.siblings[key] = second
        start = items[at].start
        pending[at] = Item(start, start, first.surface, "<instrument>", second)

    def _owner(self, items: list[Item], j: int) -> str | None:
        """ "council of the Japan-UK Digital Partnership": the instrument it belongs to."""
        if j < len(items) and items[j].lemma == "of":
            j += 1
            if j < len(items) and items[j].lemma == "the":
                j += 1
            if j < len(items) and items[j].actor and self._is_anchor(items[j]):
                return items[j].actor
        return None

    @staticmethod
    def _quoted_topic(items: list[Item], i: int, j: int) -> list[Item]:
        """The rest of a quoted title: 'signed a "Memorandum of Cooperation in the areas of
        Digital Terrestrial Television and Information and Communication Technology."'"""
        if i == 0 or items[i - 1].text not in _QUOTES:
            return []
        for k in range(j, min(len(items), j + 24)):
            if items[k].text in _QUOTES:
                inner = items[j:k]
                while inner and not inner[-1].text.isalnum():
                    inner = inner[:-1]
                return inner if all(w.actor is None for w in inner) else []
        return []

    def _topic(self, items: list[Item], j: int) -> list[Item]:
        """What an instrument is about: "on digital government", "in the ICT field"."""
        if j >= len(items) or items[j].actor is not None:
            return []
        opener = items[j].lemma
        if opener in self.lex.topic_openers:
            out = [items[j]]
            for k in range(j + 1, min(len(items), j + 10)):
                w = items[k]
                field_after = w.lemma == "in" and any(
                    x.lemma in self.lex.topic_fields for x in items[k + 1 : k + 4]
                )
                if not field_after and (
                    w.actor is not None or w.lemma in self.lex.topic_stops or not w.text.isalpha()
                ):
                    break
                out.append(w)
            while out and out[-1].lemma in self.lex.topic_stops | self.lex.topic_openers | {
                "the",
                "a",
                "an",
                "and",
            }:
                out.pop()
            return out if len(out) > 1 else []
        if opener == "in":
            for k in range(j + 2, min(len(items), j + 6)):
                if items[k].lemma in self.lex.topic_fields:
                    if k + 2 < len(items) and items[k + 1].lemma == "of":
                        k += 1
                        while k + 1 < len(items) and items[k + 1].text.isalpha() and k < j + 8:
                            if items[k + 1].lemma in self.lex.topic_stops | {"and"}:
                                break
                            k += 1
                    inner = items[j : k + 1]
                    if all(w.actor is None and w.text.isalpha() for w in inner):
                        return inner
                    break
        return []
