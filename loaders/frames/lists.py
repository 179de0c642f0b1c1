"""Lists, field lines and headings: parties named around a list noun or after a label.

"the funders, i.e. X, Y and Z", "X and Y are members of Z"; "Executing agency: X" lines
towards the instrument a heading line ("2. Project for the Construction of X:") or the
document names.
"""

from __future__ import annotations

from loaders.frames.arguments import Arguments
from loaders.frames.state import COUNTS, Sentence
from loaders.items import Item

__all__ = ["ListFrames"]

_LIST_PREPOSITIONS = ("of", "in", "for", "to", "on", "from", "at")
_OWNER_PREPOSITIONS = ("of", "in", "for", "to")  # "members of Z": Z owns the list
# words between a list and its noun: "X and Y are two of the key players"
_LIST_MODIFIERS = COUNTS | {
    "a", "an", "the", "founding", "current", "key", "main", "new", "one", "all", "of",
    "among", "leading",
}  # fmt: skip


class ListFrames(Arguments):
    """Lists, field lines and headings: parties named around a list noun or after a label."""

    def semicolon_lists(self, items: list[Item]) -> list[Item]:
        """`items` with the semicolons of a list of parties read as its commas: "JST; JSPS;
        AMED and UKRI signed" is the list "JST, JSPS, AMED and UKRI". A list has two
        semicolons or more between its parties; one semicolon between two parties ("... with
        Viet Nam; Japan and India signed ...") ends a clause."""
        semicolons = [k for k, w in enumerate(items) if w.text == ";"]
        if not semicolons:
            return items
        out = list(items)
        for a in semicolons:
            if a == 0 or not self._is_party(items[a - 1]):
                continue
            if a >= 2 and items[a - 2].text == ";":
                continue  # inside a list read from its first member
            seps = self._semicolon_run(items, a - 1)
            if len(seps) >= 2:
                for k in seps:
                    w = items[k]
                    out[k] = Item(w.start, w.end, ",", ",", None, w.rule)
        return out

    def _semicolon_run(self, items: list[Item], first: int) -> list[int]:
        """The semicolons of the run of parties from `first` ("A; B; C and D"), up to the
        party an "and" joins last."""
        seps: list[int] = []
        j, closed = first, False
        while not closed and j + 1 < len(items):
            k = j + 1
            semicolon = items[k].text == ";"
            if semicolon:
                k += 1
            if k < len(items) and items[k].lemma == "and":
                closed = True
                k += 1
            elif not semicolon:
                break
            while k < len(items) and items[k].lemma == "the":
                k += 1
            if k >= len(items) or not self._is_party(items[k]):
                break
            if semicolon:
                seps.append(j + 1)
            j = k
        return seps

    def _lists(self, s: Sentence) -> None:
        """The list frame: a list noun ("members", "funders", "key players") joins the
        parties listed around it to its owner ("all Z funders, i.e. X, Y and W", "X and Y
        are members of Z")."""
        items = s.items
        for n, item in enumerate(items):
            if item.actor is not None:
                continue
            role, size = self._match(items, n, self.lex.list_nouns)
            if not role:
                continue
            members, owner, j = self._list_of(items, n, n + size)
            if owner is None:
                owner = self._owner_before(items, n)
            if not members:
                members = self._members_after(items, j)
            if owner is None:
                owner = self._list_owner(items, n, role)
            if owner is None:
                continue
            for member in members:
                self._emit(s, member, owner, role, "frame:list", 0.85)

    def _owner_before(self, items: list[Item], n: int) -> str | None:
        """The instrument named just before a list noun: "all Z funders"."""
        back = n - 1
        while (
            back >= 0 and items[back].actor is None and not items[back].capitalised and back > n - 3
        ):
            back -= 1
        if back >= 0 and back >= n - 3 and self._is_anchor(items[back]):
            return items[back].actor
        return None

    def _list_of(self, items: list[Item], n: int, j: int) -> tuple[list[str], str | None, int]:
        """What a preposition after the list noun (items n to j) says: "X and Y are members
        of Z" gives the members before and the owner Z; "the supplier of the cable contract
        is X" moves the list's start to the verb. Returns (members, owner, start)."""
        if not (j + 1 < len(items) and items[j].lemma in _LIST_PREPOSITIONS):
            return [], None, j
        o = j + 2 if j + 2 < len(items) and items[j + 1].lemma == "the" else j + 1
        if items[o].actor is not None and items[j].lemma in _OWNER_PREPOSITIONS:
            b = n - 1  # "two of the key players in the project": the members come first
            modifiers = self.lex.fillers | _LIST_MODIFIERS
            while b >= 0 and items[b].actor is None and items[b].lemma in modifiers:
                b -= 1
            return (self._list_left(items, b) if b < n - 1 else []), items[o].actor, j
        k = next((m for m in range(j + 1, min(len(items), j + 8)) if items[m].lemma == "be"), None)
        if k is not None and not any(it.actor is not None for it in items[j:k]):
            return [], None, k  # "in attendance ... were X"
        return [], None, j

    def _members_after(self, items: list[Item], j: int) -> list[str]:
        """The parties listed after a list opener ("i.e.", "such as", "are:") at item j."""
        while j < len(items) and items[j].text == ",":
            j += 1
        for m in range(3, 0, -1):
            if tuple(w.lemma for w in items[j : j + m]) in self.lex.openers:
                j += m
                while j < len(items) and items[j].text in (",", ":", "-"):
                    j += 1
                return self._list_right(items, j)[0]
        return []

    def _list_owner(self, items: list[Item], n: int, role: str) -> str | None:
        """A list noun with no owner of its own belongs to the nearest instrument the
        relation may point at (before it, then after), else the section's or document's."""
        relation = self.schema.relation_types[role]
        for k in list(range(n - 1, -1, -1)) + list(range(n + 1, len(items))):
            actor = items[k].actor
            if (
                actor is not None
                and self._is_anchor(items[k])
                and (relation.target_types is None or self.type_of(actor) in relation.target_types)
            ):
                return actor
        return self.section_anchor or self.main_anchor

    def _heading(self, items: list[Item]) -> None:
        """ "2. Project for the Construction of X:": a line naming one instrument and
        nothing else heads the field lines after it ("Executing Agency: Y")."""
        named = [k for k, item in enumerate(items) if item.actor is not None]
        if len(named) != 1 or not self._is_anchor(items[named[0]]):
            return
        rest = [it for it in items if it.actor is None and it.text not in (":", ".", "-", "*")]
        if all(it.text.rstrip(".").isdigit() or len(it.text) <= 3 for it in rest) and (
            items[-1].text == ":" or named[0] == len(items) - 1
        ):
            self.section_anchor = items[named[0]].actor

    def _fields(self, s: Sentence) -> None:
        items = s.items
        start = 1 if items and items[0].text in ("-", "*", "•") else 0
        colon = next((k for k, it in enumerate(items[:8]) if it.text == ":"), None)
        anchor = self.section_anchor or self.main_anchor
        if colon is None or colon <= start or anchor is None:
            return
        label = tuple(w.lemma for w in items[start:colon])
        role = self.lex.fields.get(label)
        if role is None:
            words = tuple(w.text.lower() for w in items[start:colon])  # "Loan" is a slot
            if words in self.lex.amount_fields and self.section_anchor is not None:
                for lender in self.lenders:  # "Loan amount: JPY 23.7 billion"
                    self._emit(s, lender, self.section_anchor, "FUNDS", "frame:field", 0.85)
            return
        for item in items[colon + 1 :]:
            actor = item.actor
            if actor is None or not self._is_party(item):
                continue
            if role == "LOCATED_IN":
                self._emit(s, anchor, actor, role, "frame:field", 0.85)
            else:
                self._emit(s, actor, anchor, role, "frame:field", 0.85)
