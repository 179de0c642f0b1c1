"""The frame reader: every frame family run over one sentence at a time.

Each family lives in a module of its own (verbs, nominal, lists, places, pairs, loans,
instrument marks); the reader runs them in a fixed order, falls back to cooccurrence when
none read a fact, and lets "MoUs on A and on B" give B's instrument A's roles.
"""

from __future__ import annotations

from dataclasses import replace

from loaders.frames.lists import ListFrames
from loaders.frames.marking import InstrumentMarks
from loaders.frames.nominal import NominalFrames
from loaders.frames.pairs import PairFrames
from loaders.frames.places import PlaceFrames
from loaders.frames.state import Fact, Sentence
from loaders.frames.verbs import VerbFrames
from loaders.items import Item

__all__ = ["FrameReader"]

_MAX_COOCCURRING = 4  # more actors than this in a frameless sentence say nothing about pairs


class FrameReader(InstrumentMarks, PairFrames, VerbFrames, NominalFrames, ListFrames, PlaceFrames):
    """Reads the frames of one sentence at a time; see loaders.frames."""

    def read(self, items: list[Item], span: tuple[int, int]) -> list[Fact]:
        """Every fact the frames read in one sentence."""
        s = Sentence(items, span)
        self._note_pair(items)
        for item in items:
            if item.actor and not item.actor.startswith("?") and self._is_anchor(item):
                self.remember(item.actor)
        self._heading(items)
        self._verbs(s)
        self._links(s)
        self._meetings(s)
        self._coverage(s)
        self._named_parties(s)
        self._nominal(s)
        self._lists(s)
        self._fields(s)
        self._locatives(s)
        self._named_places(s)
        self._role_nouns(s)
        self._part_of(s)
        if not s.facts:
            self._cooccurrence(s)
        for fact in list(s.facts):  # "MoUs on A and on B": B's instrument has A's roles
            if fact.target in self.siblings:
                s.facts.append(replace(fact, target=self.siblings[fact.target]))
            elif fact.source in self.siblings:
                s.facts.append(replace(fact, source=self.siblings[fact.source]))
        named = self._named_after_colon(items)
        for fact in list(s.facts):  # "two projects in X: A and B": A and B are in X
            for each in named.get(fact.source, ()):
                s.facts.append(replace(fact, source=each))
            for each in named.get(fact.target, ()):
                s.facts.append(replace(fact, target=each))
        return s.facts

    def _named_after_colon(self, items: list[Item]) -> dict[str, list[str]]:
        """Unnamed instruments that a colon spells out as named ones of their type ("two
        demonstration projects in X: the A and the B"), each with the named ones."""
        out: dict[str, list[str]] = {}
        for a, item in enumerate(items):
            key = item.actor
            if key is None or not key.startswith("?") or key not in self.unnamed:
                continue
            colon = next(
                (k for k in range(a + 1, min(len(items), a + 6)) if items[k].text == ":"), None
            )
            if colon is None or any(self._is_anchor(w) for w in items[a + 1 : colon]):
                continue
            k = colon + 1
            while k < len(items) and items[k].actor is None and items[k].lemma in ("the", '"'):
                k += 1
            if (
                k < len(items)
                and items[k].actor
                and self.type_of(items[k].actor or "") == (self.type_of(key))
            ):
                out[key] = self._coordinated_from(items, k, (self.type_of(key),))
        return out

    def _cooccurrence(self, s: Sentence) -> None:
        """Two actors and a trigger but no frame: each pair the trigger's type allows, kept
        at a confidence below the API's default threshold."""
        items = s.items
        role = ""
        for v, item in enumerate(items):
            if item.lemma in self.lex.by_first and item.actor is None:
                role = (
                    self._match(items, v, self.lex.triggers)[0]
                    or self._match(items, v, self.lex.bilateral)[0]
                )
                if role:
                    break
        if not role:
            return
        actors = list(dict.fromkeys(it.actor for it in items if it.actor))
        if not 2 <= len(actors) <= _MAX_COOCCURRING:
            return
        relation = self.schema.relation_types[role]
        for x, a in enumerate(actors):
            for b in actors[x + 1 :]:
                if not relation.directed:
                    self._emit_pair(s, a, b, role, "cooccurrence", 0.3)
                elif relation.allows(self.type_of(a), self.type_of(b)):
                    self._emit(s, a, b, role, "cooccurrence", 0.3)
                else:
                    self._emit(s, b, a, role, "cooccurrence", 0.3)
