"""Nominal frames: an instrument noun and the role nouns that name its parties.

"an MOC between X and Y", "Z is a partnership between X, Y and W"; "with funding from X",
"under the chair of X", "X, the chair country of Y", "X holds the presidency of Y",
"Japan's grant for Z".
"""

from __future__ import annotations

from loaders.frames.loans import LoanFrames
from loaders.frames.state import CLAUSE_END, Sentence
from loaders.items import Item

__all__ = ["NominalFrames"]

_MAX_BETWEEN = 4  # "a partnership between" more parties than this is a network, not pairs


class NominalFrames(LoanFrames):
    """Nominal frames: an instrument noun and the role nouns that name its parties."""

    def _nominal(self, s: Sentence) -> None:
        items = s.items
        for a, item in enumerate(items):
            if not self._is_anchor(item) or item.actor is None:
                continue
            anchor = item.actor
            for k in range(a + 1, min(len(items), a + 17)):
                if self._is_anchor(items[k]) or items[k].text in CLAUSE_END:
                    break
                if items[k].lemma in ("between", "among", "amongst"):
                    parties, end = self._list_right(items, k + 1)
                    groups = [parties]
                    while end + 1 < len(items) and items[end].lemma in ("between", "and", ",", ";"):
                        if items[end].lemma != "between":
                            end += 1
                            continue
                        more, end = self._list_right(items, end + 1)  # "...; and between X and Y"
                        groups.append(more)
                        parties = parties + [p for p in more if p not in parties]
                    if len(parties) < 2:
                        break
                    owner = self._copular_owner(items, a)
                    role = self._role_of(owner)
                    for party in parties:
                        self._emit(s, party, owner, role, "frame:between", 0.9)
                    kind = self._kind(anchor)
                    for group in groups:
                        if kind is None or not kind.bilateral or len(group) > _MAX_BETWEEN:
                            continue
                        for x, p in enumerate(group):  # "a partnership between X, Y and Z"
                            for q in group[x + 1 :]:
                                self._emit_pair(s, p, q, kind.bilateral, "frame:between", 0.9)
                    break

    def _role_nouns(self, s: Sentence) -> None:
        """ "with funding from X", "under the chairmanship of X", "a grant from X": X takes
        the role towards the clause's instrument; "X, the chair country of Y", "X holds the
        presidency of Y": X takes it towards Y."""
        items = s.items
        for i, item in enumerate(items):
            if item.actor is not None:
                unnamed = self.unnamed.get(item.actor or "")
                if unnamed is None or not unnamed.instrument.funds:
                    continue
                role, size = "FUNDS", 1  # "a grant from X", "Japan's loan for Z"
                self._possessive_funder(s, i)
            elif item.lemma not in self.lex.by_first:
                continue
            else:
                role, size = self._match(items, i, self.lex.role_nouns)
                if not role:
                    continue
            after = i + size
            if after >= len(items) or items[after].lemma not in ("from", "of"):
                if item.actor is None:
                    self._role_holder(s, i, role, after)
                continue
            b = self._before_noun(items, i)
            opened = b >= 0 and items[b].lemma in self.lex.role_openers
            if items[after].lemma == "of" and not opened:
                self._role_holder(s, i, role, after)
                continue
            agents, _ = self._list_right(items, after + 1)
            target = (
                self._anchor_for(items, i, role, -1)
                or self._anchor_for(items, i, role, 1)
                or self._latest(role)
            )
            for agent in agents:
                if target is not None and agent != target:
                    self._emit(s, agent, target, role, "frame:role-noun", 0.85)

    def _before_noun(self, items: list[Item], i: int) -> int:
        """The index of the word before a noun's determiner and adjectives ("with the
        generous financial ..."), or -1."""
        b = i - 1
        while (
            b >= 0
            and b > i - 4
            and items[b].actor is None
            and items[b].text.isalpha()
            and items[b].text.islower()
            and items[b].lemma not in self.lex.role_openers
            and (items[b].lemma,) not in self.lex.role_holders
        ):
            b -= 1
        return b

    def _role_holder(self, s: Sentence, i: int, role: str, after: int) -> None:
        """ "X, the chair country of Y" / "X holds the presidency of Y": X takes the role
        towards Y, the actor named after "of"."""
        items = s.items
        if after + 1 >= len(items) or items[after].lemma != "of":
            return
        targets, _ = self._list_right(items, after + 1)
        if not targets:
            nxt = after + 1 + (items[after + 1].lemma == "the")
            anchor = items[nxt].actor if nxt < len(items) and self._is_anchor(items[nxt]) else None
            targets = [anchor] if anchor else []
        if not targets:
            return
        b = self._before_noun(items, i)
        if b < 0 or items[b + 1].lemma not in ("the", "a", "an", "its", "this"):
            return
        agents: list[str] = []
        if items[b].text == "," and b > 0:  # "X, the chair country of Y"
            agents = self._list_left(items, b - 1)
        elif (items[b].lemma,) in self.lex.role_holders:
            agents = self._subjects(items, b)
        elif b > 0 and (items[b - 1].lemma, items[b].lemma) in self.lex.role_holders:
            agents = self._subjects(items, b - 1)
        for agent in agents:
            self._emit(s, agent, targets[0], role, "frame:role-noun", 0.85)
