"""The arguments of a frame: who a list, a subject or an object names.

Every frame reads its parties the same way, so the readers live here once: a list of
parties to the right ("X, Y (Z) and the W") or to the left of a word, the subjects of a
verb (past fillers, time phrases and reporting verbs), and the parties after "with" or
"from". A country in apposition ("Maejo University, Thailand") says where, not who.
"""

from __future__ import annotations

from loaders.frames.state import CLAUSE_END, FrameState
from loaders.items import Item

__all__ = ["Arguments"]

_JOIN = frozenset(
    {",", "and", "the", "&", "/", "as", "well", "both", "-", "its", "their", "government"}
)
_OBJECT_PREPOSITIONS = frozenset({"to", "from", "in", "at", "for", "with", "by", "on", "into"})


class Arguments(FrameState):
    """The arguments of a frame: who a list, a subject or an object names."""

    def _skip_paren(self, items: list[Item], j: int, step: int) -> int:
        """The index past a parenthesis starting at j (going in direction step), or j."""
        opening, closing = ("(", ")") if step > 0 else (")", "(")
        if items[j].text != opening:
            return j
        for k in range(j + step, j + step * 8, step):
            if not 0 <= k < len(items):
                break
            if items[k].text == closing:
                return k + step
        return j

    def _list_right(self, items: list[Item], j: int) -> tuple[list[str], int]:
        """Party actors of a list starting at j: "X, Y (Z) in Tokyo and the W"."""
        out: list[str] = []
        while j < len(items):
            item = items[j]
            if self._apposition(items, j):
                j += 1
                continue
            if (
                self._is_country(item)
                and j + 2 < len(items)
                and items[j + 1].text == "'s"
                and self._is_party(items[j + 2])
            ):
                j += 2  # "Japan's Ministry of ...": the ministry is the party
                continue
            if self._is_party(item):
                if item.actor not in out and item.actor is not None:
                    out.append(item.actor)
                j += 1
                continue
            k = self._past_filler(items, j, out)
            if k is None:
                break
            j = k
        return out, j

    def _past_filler(self, items: list[Item], j: int, out: list[str]) -> int | None:
        """Where a list resumes after the non-party item at j (brackets, "and", "as well
        as", "representatives from", an adjective, a place), or None where the list ends."""
        item = items[j]
        k = self._skip_paren(items, j, 1)
        if k != j:
            return k
        if item.lemma in _JOIN or item.lemma == "well":
            return j + 1
        if (
            item.lemma in self.lex.stand_ins
            and j + 1 < len(items)
            and items[j + 1].lemma in ("from", "of")
        ):
            return j + 2  # "representatives from the Ministry of ...": the ministry is the party
        if (  # "the Japanese Ministry of ...": an adjective before a name
            item.actor is None
            and item.capitalised
            and j + 1 < len(items)
            and self._is_party(items[j + 1])
        ):
            return j + 1
        if out and item.lemma in ("in", "at", "of") and j + 1 < len(items):
            place_end = self._past_place(items, j)
            if place_end is not None:
                return place_end
        if len(out) >= 2:  # a long list may hold a name we do not know: skip that item
            return self._next_list_item(items, j)
        return None

    def _past_place(self, items: list[Item], j: int) -> int | None:
        """The end of "in Tokyo", "at the X Centre", "in Tsukuba, Japan" at item j (where a
        party is, not who), or None."""
        nxt = items[j + 1]
        if not (
            (nxt.actor is not None and self.type_of(nxt.actor or "") == "Country")
            or (nxt.actor is None and nxt.capitalised)
        ):
            return None
        j += 2
        while j < len(items) and items[j].actor is None and items[j].capitalised:
            j += 1
        if j + 1 < len(items) and items[j].text == "," and self._is_country(items[j + 1]):
            j += 2  # "in Tsukuba, Japan": where, not who
        return j

    def _next_list_item(self, items: list[Item], j: int) -> int | None:
        """Past an unknown list item at j ("Ministère de ..., de la Recherche (Senegal), X"):
        the separator after which a known party follows, within one item's length."""
        for k in range(j, min(len(items), j + 28)):
            if items[k].text in CLAUSE_END and items[k].text not in (",", ";"):
                return None
            if items[k].text in (",", ";") and any(self._is_party(x) for x in items[k + 1 : k + 3]):
                return k + 1
        return None

    def _apposition(self, items: list[Item], j: int) -> bool:
        """ "Maejo University, Thailand": a country in apposition says where, not who."""
        item = items[j]
        if not (item.actor and self.type_of(item.actor) == "Country" and j >= 2):
            return False
        before, owner = items[j - 1], items[self._before_acronym(items, j - 2)]
        if before.text not in (",", "(") or not owner.actor or not self._is_party(owner):
            return False
        if self.type_of(owner.actor) == "Country":
            return False
        after = items[j + 1] if j + 1 < len(items) else None
        return (
            after is None
            or after.text in (",", ".", ";", ")")
            or after.lemma in ("and", *self.lex.locatives)  # "AIST, Japan in establishing"
        )

    @staticmethod
    def _before_acronym(items: list[Item], k: int) -> int:
        """k, or the name before "(ACR)" when k closes one: "AIST" in "... (AIST), Japan"."""
        if k >= 3 and items[k].text == ")" and items[k - 2].text == "(":
            return k - 3
        return k

    def _list_left(self, items: list[Item], j: int) -> list[str]:
        """Party actors of a list ending at j (inclusive), read leftwards."""
        out: list[str] = []
        while j >= 0:
            item = items[j]
            if item.rule == "pair" and out and j + 1 < len(items) and items[j + 1].text == ",":
                break  # "between the two countries, X and Y signed": the pair is not a subject
            if self._is_party(item):
                if out and self._after_preposition(items, j):
                    break  # "the visit of X to the United States, the DoC announced"
                if item.actor not in out and item.actor is not None:
                    out.insert(0, item.actor)
                j -= 1
                continue
            if (
                item.text == ")"
                and j >= 3
                and items[j - 2].text == "("
                and self._is_party(items[j - 1])
                and items[j - 3].actor is None
            ):  # "the National Research Foundation (NRF)": the acronym names the party
                acronym = items[j - 1].actor
                if acronym is not None and acronym not in out:
                    out.insert(0, acronym)
                j -= 3
                while j >= 0 and items[j].actor is None and items[j].capitalised:
                    j -= 1
                continue
            k = self._skip_paren(items, j, -1)
            if k != j:
                j = k
                continue
            if out and item.lemma in _JOIN:
                j -= 1
                continue
            if out and item.actor is None and item.capitalised and item.text.isalpha():
                j -= 1  # "the Japanese Minister ...": an adjective before a name
                continue
            if out and item.text == "'s" and j > 0 and self._is_country(items[j - 1]):
                j -= 2  # "India's Ministry of ...": the country owns, it does not act
                continue
            if out and item.lemma == "of" and self.type_of(out[0]) == "Country":
                out.pop(0)  # "the NRF of South Africa": the country is the NRF's, not a party
                j -= 1
                continue
            break
        return out

    @staticmethod
    def _after_preposition(items: list[Item], j: int) -> bool:
        """Whether the actor at j is the object of a preposition ("to the United States")."""
        k = j - 1
        if k >= 0 and items[k].lemma in ("the", "its", "their"):
            k -= 1
        return k >= 0 and items[k].actor is None and items[k].lemma in _OBJECT_PREPOSITIONS

    def _subjects(self, items: list[Item], v: int) -> list[str]:
        j = v - 1
        while j >= 0 and items[j].actor is None and items[j].lemma in self.lex.fillers:
            j -= 1
        k = j  # "Kenya and Japan on Thursday signed": skip a time phrase
        while (
            k >= 0
            and items[k].actor is None
            and (
                items[k].lemma in self.lex.not_places
                or items[k].text.isdigit()
                or items[k].text == ","
            )
        ):
            k -= 1
        if k < j and k >= 0 and items[k].lemma in ("on", "in", "at") and k > 0:
            j = k - 1
        if j > 1 and items[j - 1].lemma == "in" and self._is_country(items[j]):
            k = j - 2  # "UNDP in Ukraine has handed over", "the UNDP (UNDP) in Ukraine": UNDP
            if k > 2 and items[k].text == ")" and items[k - 2].text == "(":
                k -= 3
            if k >= 0 and self._is_party(items[k]) and not self._is_country(items[k]):
                j = k
        if j > 0 and items[j].actor is None and items[j].lemma in self.lex.subject_pronouns:
            k = j - 1 if items[j - 1].lemma != "that" else j - 2
            if k > 0 and items[k].lemma in self.lex.reporting_verbs:
                return self._subjects(items, k)  # "JICA said it has signed": JICA signed
            return []
        if j >= 0 and items[j].text == ",":  # "Australia, through the AIFFP, has partnered"
            k = j - 1
            while k >= 0 and k > j - 15 and items[k].text != ",":
                k -= 1
            if k >= 0 and items[k].text == ",":
                inner = [it.actor for it in items[k + 1 : j] if self._is_party(it) and it.actor]
                return self._list_left(items, k - 1) + inner
            return []
        return self._list_left(items, j)

    def _with_list(self, items: list[Item], after: int) -> list[str]:
        """The parties named after "with" in the clause that follows a verb."""
        for k in self._clause(items, after - 1, 1):
            if items[k].lemma == "with":
                return self._list_right(items, k + 1)[0]
        return []

    def _from_list(self, items: list[Item], after: int) -> list[str]:
        """ "Officials attended the meeting from Japan": the country takes part."""
        for k in self._clause(items, after - 1, 1):
            if items[k].lemma == "from":
                found, _ = self._list_right(items, k + 1)
                return found
        return []

    def _coordinated_subjects(self, items: list[Item], v: int) -> list[str]:
        """ "India is the chair ... and held this summit": the subject opening the sentence."""
        j = v - 1
        while j >= 0 and items[j].actor is None and items[j].lemma in self.lex.fillers:
            j -= 1
        if j < 0 or items[j].lemma not in ("and", "by"):
            return []
        subjects, end = self._list_right(items, 0 if items[0].lemma != "the" else 1)
        return subjects if end < j else []

    def _copular_list(self, items: list[Item], v: int) -> list[str]:
        """ "The companies identified to deliver the project are: X, Y and Z"."""
        for k in range(v + 1, min(len(items), v + 20)):
            if items[k].text in CLAUSE_END:
                break
            if items[k].lemma == "be" and k + 1 < len(items):
                j = k + 1
                while j < len(items) and items[j].text in (":", "-", ","):
                    j += 1
                found, _ = self._list_right(items, j)
                return found
        return []
