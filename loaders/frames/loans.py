"""Loans and grants: who funds the project an instrument is "for".

"X signed a loan agreement with Y for the Z Project", "For the Z project, X signed a loan",
"Japan's grant aid for Z": the giver FUNDS Z and Z BENEFITS the receiving country. Both the
verb frames and the possessive role nouns end here.
"""

from __future__ import annotations

from loaders.frames.arguments import Arguments
from loaders.frames.state import CLAUSE_END, WINDOW, Sentence
from loaders.items import Item

__all__ = ["LoanFrames"]

_FUNDED = ("Project", "Programme")  # what a loan or grant is "for"


class LoanFrames(Arguments):
    """Loans and grants: who funds the project an instrument is "for"."""

    def _loan_for(self, s: Sentence, givers: list[str], receivers: list[str], loan: str) -> None:
        """ "... a loan agreement with Y for the Z Project": the giver FUNDS Z, Z BENEFITS Y."""
        items = s.items
        at = next(k for k, it in enumerate(items) if it.actor == loan)
        for k in self._clause(items, at, 1):
            if items[k].lemma == "for":
                named = list(receivers)  # "the Grant Aid for Nauru, 'X Programme'": Nauru's
                for m in range(k + 1, min(len(items), k + 8)):
                    project = items[m].actor
                    if project is not None and self.type_of(project) == "Country":
                        named.append(project)
                        continue
                    if (
                        project is not None
                        and project.startswith("?")
                        and self._opens_list(items, m + 1)
                    ):
                        continue  # "for the following projects: Z, W": the named ones
                    if project is not None and self.type_of(project) in _FUNDED:
                        for each in self._coordinated_from(items, m, _FUNDED):
                            for giver in givers:
                                if giver not in named[len(receivers) :]:
                                    self._emit(s, giver, each, "FUNDS", "frame:for", 0.9)
                            for receiver in named:
                                if self.type_of(receiver) == "Country":
                                    self._emit(s, each, receiver, "BENEFITS", "frame:for", 0.85)
                        return
                    if project is not None or not self._before_project(items[m]):
                        break
        project = self._fronted_project(items, at)
        if project is not None:
            for giver in givers:
                self._emit(s, giver, project, "FUNDS", "frame:for", 0.85)

    def _fronted_project(self, items: list[Item], at: int) -> str | None:
        """The project a loan with no "for" after it is for, named before it: "For the Z
        project, X signed a loan agreement", "The Z Project, which gets the biggest loan by X"."""
        for m in range(at - 1, max(-1, at - WINDOW), -1):
            if items[m].text in CLAUSE_END:
                return None
            project = items[m].actor
            if project is None or self.type_of(project) not in ("Project", "Programme"):
                continue
            fronted = m < 4 and any(items[k].lemma == "for" for k in range(m))
            relative = any(items[k].lemma in ("which", "that") for k in range(m + 1, at))
            return project if fronted or relative else None
        return None

    def _opens_list(self, items: list[Item], j: int) -> bool:
        """Whether a list opener (":", "such as", "including") starts at item j."""
        return any(tuple(w.lemma for w in items[j : j + n]) in self.lex.openers for n in (1, 2, 3))

    def _before_project(self, item: Item) -> bool:
        """Whether `item` may stand between "for" and the project a loan is for: an article,
        a quote, a colon, or a plain modifier ("for a steel plant", "for the construction of
        Z", "for the following projects: Z")."""
        if item.lemma.lower() in (",", '"', "'", "the", "a", "an", "of", ":"):
            return True
        plain = item.text.isalpha() and item.text.islower()
        return plain and item.lemma not in self.lex.topic_stops

    def _possessive_funder(self, s: Sentence, i: int) -> None:
        """ "Japan's grant aid of 730 million yen for the Z Project", "the loan by JICA for
        Z": the owner (or the "by" agent) FUNDS the project the instrument is "for"."""
        items = s.items
        givers: list[str] = []
        if i >= 2 and items[i - 1].text == "'s" and self._is_party(items[i - 2]):
            givers = [items[i - 2].actor or ""]
        else:
            for k in range(i + 1, min(len(items), i + 3)):
                if items[k].lemma == "by":
                    givers, _ = self._list_right(items, k + 1)
                    break
        if givers:
            self._loan_for(s, givers, [], items[i].actor or "")
