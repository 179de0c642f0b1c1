"""Pairs of parties: "the two countries", "both sides", and names that join two parties.

A document names a pair once ("Japan and India", "the Japan-UK Digital Partnership") and
then refers to it ("both sides agreed"); the pair is remembered and stands in for the
reference. A meeting whose name joins two parties ("the EU-Japan Summit") has them take part.
"""

from __future__ import annotations

import re

from loaders.frames.state import FrameState, Sentence
from loaders.items import Item
from loaders.lexicon import singular

__all__ = ["PairFrames"]

# "12th UK-Japan Joint Committee Meeting": two names joined by a hyphen open the name
_JOINED_NAME = re.compile(
    r"(?<![\w-])(?:\d+(?:st|nd|rd|th)\s+)?([A-Z][\w.&]*(?:\s[A-Z][a-z]+)?)\s?[-–]\s?([A-Z][\w.&]*)\s"
)


class PairFrames(FrameState):
    """Pairs of parties: "the two countries", "both sides", and names that join two parties."""

    def pairs(self, items: list[Item]) -> list[Item]:
        """`items` with "the two countries", "both sides" made the document's last pair."""
        if self.last_pair is None and not any(w.lemma.lower() in ("both", "two") for w in items):
            return items
        out: list[Item] = []
        i = 0
        while i < len(items):
            if items[i].lemma.lower() not in ("the", "both"):
                out.append(items[i])
                i += 1
                continue
            window = [w.lemma.lower() for w in items[i : i + 3]]  # "Both sides" opens sentences
            size = 0
            if window[:2] in (["the", "two"], ["both", "the"]) and len(window) == 3:
                size = 3
            elif window[:1] == ["both"] and len(window) > 1:
                size = 2
            if size and self.last_pair is None:
                self._note_pair(items[:i])  # "At the Japan-UK council, ... both sides"
            if (
                size
                and self.last_pair is not None
                and singular(items[i + size - 1].text) in self.lex.pair_nouns
            ):
                start, end = items[i].start, items[i + size - 1].end
                first, second = self.last_pair
                out.append(Item(start, end, "", "<pair>", first, "pair"))
                out.append(Item(end, end, "and", "and"))
                out.append(Item(end, end, "", "<pair>", second, "pair"))
                i += size
                continue
            out.append(items[i])
            i += 1
        return out

    def _note_pair(self, items: list[Item]) -> None:
        """The last two parties named together ("X and Y", "between X and Y", "X-Y")."""
        for k, a in enumerate(items):
            if a.actor is None:
                continue
            joined = self._joined_parties(a)
            if joined is not None:
                self.last_pair = joined  # "the Japan-UK Digital Partnership ... both sides"
            if k + 2 >= len(items):
                continue
            mid, b = items[k + 1], items[k + 2]
            if (
                self._is_party(a)
                and self._is_party(b)
                and mid.text in ("and", "-", "–")
                and a.actor != b.actor
                and a.rule != "pair"
                and a.actor
                and b.actor
            ):
                self.last_pair = (a.actor, b.actor)

    def _joined_parties(self, item: Item) -> tuple[str, str] | None:
        """The two parties a named actor's name joins ("Japan-UK Digital Partnership")."""
        actor = item.actor
        if not actor or actor.startswith("?") or item.rule or self._is_party(item):
            return None
        first, second = self._name_parts(actor)
        if first is None or second is None or first == second:
            return None
        return first, second

    def _name_parts(self, actor: str) -> tuple[str | None, str | None]:
        """The parties a name joins ("EU-Japan Summit" -> the EU, Japan), read once."""
        if actor not in self._parts:
            match = _JOINED_NAME.search(self.name_of(actor))
            parts = match.groups() if match else (None, None)
            self._parts[actor] = (
                self.party_named(parts[0]) if parts[0] else None,
                self.party_named(parts[1]) if parts[1] else None,
            )
        return self._parts[actor]

    def _named_parties(self, s: Sentence) -> None:
        """ "the EU-Japan Summit", "the 12th UK-Japan Joint Committee Meeting": the two
        parties its name joins take part in the meeting."""
        for item in s.items:
            actor = item.actor
            if not actor or actor.startswith("?") or item.rule or self.type_of(actor) != "Event":
                continue
            for party in self._name_parts(actor):
                if party is not None:
                    self._emit(s, party, actor, "PARTICIPATES_IN", "frame:name", 0.85)
