"""Where things are and whose they are: LOCATED_IN and PART_OF.

"Z ... held in Cape Town": Z is LOCATED_IN the place (a new Place when the text names one
the catalogue lacks). "X, India", "India's X", "X of India", "the Department of ICT in the
Philippines": X is PART_OF the country.
"""

from __future__ import annotations

from loaders.catalogue import subdivision_names
from loaders.frames.arguments import Arguments
from loaders.frames.state import CLAUSE_END, Sentence
from loaders.items import Item
from loaders.text import fold

__all__ = ["PlaceFrames"]


class PlaceFrames(Arguments):
    """Where things are and whose they are: LOCATED_IN and PART_OF."""

    def _locatives(self, s: Sentence) -> None:
        items = s.items
        for a, item in enumerate(items):
            if not self._is_anchor(item) or item.actor is None:
                continue
            if self.type_of(item.actor) not in self.lex.located_types:
                continue
            kind = self._kind(item.actor)
            funds = kind is not None and kind.funds
            for k in range(a + 1, min(len(items) - 1, a + 26)):
                nxt = items[k]
                if nxt.text in CLAUSE_END or (nxt.actor is not None and self._is_anchor(nxt)):
                    break
                if funds and nxt.lemma == "for":
                    break  # "a loan agreement for a steel plant in Bangladesh": the plant's place
                if nxt.actor is not None and k > a + 1 and self._owns_place(items, k):
                    break  # "... a plant by BSRMSL in Mirsharai": the place is BSRMSL's
                if nxt.actor is not None or nxt.lemma not in self.lex.locatives:
                    continue
                place = self._place(items, k + 1)
                if place is not None:
                    self._emit(s, item.actor, place, "LOCATED_IN", "frame:locative", 0.85)
                    break

    def _named_places(self, s: Sentence) -> None:
        """ "the Project for Promoting Start-up and Innovation in Kerala": an instrument whose
        name ends "in" a country or a state or province is LOCATED_IN it."""
        for item in s.items:
            actor = item.actor
            if not actor or actor.startswith("?") or item.rule:
                continue
            if self.type_of(actor) not in self.lex.located_types:
                continue
            place = self._place_in_name(actor)
            if place is not None:
                self._emit(s, actor, place, "LOCATED_IN", "frame:name", 0.85)

    def _place_in_name(self, actor: str) -> str | None:
        """The country or state a name ends "in", read once per actor."""
        if actor not in self._name_places:
            _, found, tail = self.name_of(actor).rpartition(" in ")
            tail = tail.removeprefix("the ").strip()
            place: str | None = None
            if found and tail[:1].isupper():
                country = self.party_named(tail)
                if country is not None and self.type_of(country) == "Country":
                    place = country
                elif fold(tail).lower() in subdivision_names():
                    place = self.new_place(tail)
            self._name_places[actor] = place
        return self._name_places[actor]

    def _owns_place(self, items: list[Item], k: int) -> bool:
        """Whether a place named after the party at k is more likely its own than the
        instrument's before it: a country or a body a country owns, named as the object of
        a preposition other than "of" ("by BSRMSL in Mirsharai", not "a meeting of the
        OECD Council in Paris")."""
        kind = self.type_of(items[k].actor or "")
        if kind != "Country" and kind not in self.lex.owned_types:
            return False
        j = k - 1
        while j > 0 and items[j].lemma in self.lex.definites:
            j -= 1
        return items[j].lemma != "of"

    def _place(self, items: list[Item], j: int) -> str | None:
        if j < len(items) and items[j].lemma == "the":
            j += 1
            for m in range(2, 0, -1):
                if tuple(w.lemma for w in items[j : j + m]) in self.lex.place_prefixes:
                    j += m
                    break
            else:
                if (
                    j < len(items)
                    and items[j].actor
                    and self.type_of(items[j].actor or "") == "Country"
                ):
                    return items[j].actor
                return None
        if j >= len(items):
            return None
        first = items[j]
        if first.actor is not None:
            return first.actor if self.type_of(first.actor) in ("Country", "Place") else None
        if j + 1 < len(items) and (
            items[j + 1].lemma == "and"
            or (
                items[j + 1].text == ","
                and j + 2 < len(items)
                and items[j + 2].actor is None
                and items[j + 2].capitalised
                and (j + 3 >= len(items) or items[j + 3].lemma in ("and", ",", "&"))
            )
        ):
            return None  # "in Science, Technology and Innovation" is a field ("Takamatsu, Kagawa
            # in 2016" is a place)
        words: list[Item] = []
        while j < len(items) and len(words) < 4:
            w = items[j]
            if w.actor is not None or not w.capitalised or (w.text.isupper() and len(w.text) > 1):
                break
            if (not words and w.lemma in self.lex.not_places) or not w.text.isalpha():
                break  # "Cape Town", "Mexico City" end with such a word, never start with it
            words.append(w)
            j += 1
        if not words or (j < len(items) and items[j].text in ("'s", "(")):
            return None
        if j < len(items) and items[j].actor is None and items[j].capitalised:
            return None
        return self.new_place(" ".join(w.text for w in words))

    def _part_of(self, s: Sentence) -> None:
        """ "X, India", "X (India)", "India's X", "X of India", "X in India": X is PART_OF the
        country."""
        items = s.items
        for item in items:  # "Ministry of Foreign Affairs of Japan": the name says whose
            if item.actor and item.rule == "" and self.type_of(item.actor) in self.lex.owned_types:
                head, of, name = item.text.rpartition(" of ")
                country = self.party_named(name) if head and of else None
                if country and self.type_of(country) == "Country":
                    self._emit(s, item.actor, country, "PART_OF", "frame:apposition", 0.85)
        for j, item in enumerate(items):
            if not item.actor or self.type_of(item.actor) != "Country":
                continue
            owned: str | None = None
            owner = self._before_acronym(items, j - 2) if j >= 2 else -1
            if self._apposition(items, j) or (
                owner >= 0 and items[j - 1].lemma == "of" and self._is_party(items[owner])
            ):
                owned = items[owner].actor
            elif j + 2 < len(items) and items[j + 1].text == "'s" and self._is_party(items[j + 2]):
                owned = items[j + 2].actor
            else:  # "the Department of ICT in the Philippines"
                at = j - 2 if j >= 1 and items[j - 1].lemma == "the" else j - 1
                if at >= 1 and items[at].lemma == "in" and self._is_party(items[at - 1]):
                    owned = items[at - 1].actor
            if owned and self.type_of(owned) in self.lex.owned_types:
                self._emit(s, owned, item.actor, "PART_OF", "frame:apposition", 0.85)
