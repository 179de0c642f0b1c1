"""Verb frames: a trigger verb read by its voice and its arguments.

Active ("X and Y signed Z"), "with" ("X signed Z with Y"), passive ("Z was hosted by X",
"X was added as a partner"), a verb whose object takes the role ("invited X"), bilateral
verbs ("X agreed with Y") and joint work ("... collaborate on two projects: A and B"), and
the verbs of membership, transfer, meeting, coverage and aid.
"""

from __future__ import annotations

from loaders.frames.loans import LoanFrames
from loaders.frames.state import CLAUSE_END, Sentence
from loaders.items import Item

__all__ = ["VerbFrames"]


class VerbFrames(LoanFrames):
    """Verb frames: a trigger verb read by its voice and its arguments."""

    def _verbs(self, s: Sentence) -> None:
        """The verb frames: every trigger verb of the sentence (and every aid verb) read
        as a bilateral link between parties or as parties' roles in an instrument."""
        items = s.items
        by_first, aid_verbs = self.lex.by_first, self.lex.aid_verbs
        for v, item in enumerate(items):
            if item.lemma not in by_first and item.lemma not in aid_verbs:
                continue  # most words: neither a trigger nor an aid verb
            if item.actor is not None or (
                item.capitalised and v > 0 and items[v - 1].text not in ("-", '"')
            ):
                continue
            if item.lemma in aid_verbs:
                self._aid_lists(s, v, v + 1)
            if item.lemma not in by_first:
                continue
            role, size = self._match(items, v, self.lex.triggers)
            bilateral, bsize = self._match(items, v, self.lex.bilateral)
            if bilateral:
                self._bilateral_verb(s, v, v + max(size, bsize), bilateral)
            elif role:
                self._role_verb(s, v, v + size, role)

    def _bilateral_verb(self, s: Sentence, v: int, after: int, bilateral: str) -> None:
        """ "X agreed with Y", "X and Y agreed": each subject linked to each partner named
        after "with", or else the subjects to each other; "... on two projects" adds the
        joint work."""
        items = s.items
        subjects = self._subjects(items, v)
        partners = self._with_list(items, after)
        for a in subjects:
            for b in partners:
                self._emit_pair(s, a, b, bilateral, "frame:with", 0.9)
        if not partners:
            for x, a in enumerate(subjects):
                for b in subjects[x + 1 :]:
                    self._emit_pair(s, a, b, bilateral, "frame:active", 0.85)
        if after < len(items) and items[after].lemma == "on":
            self._joint_work(s, subjects + partners, after)

    def _role_verb(self, s: Sentence, v: int, after: int, role: str) -> None:
        """A trigger that gives its subjects a role in an instrument, read by its voice:
        passive with "by", passive without an agent, a verb whose object takes the role
        ("invited"), or active."""
        items = s.items
        by = after < len(items) and items[after].lemma == "by"
        before = v - 1
        while before >= 0 and items[before].lemma in ("also", "then", "jointly", "co", "-"):
            before -= 1
        passive = by or (before >= 0 and items[before].lemma == "be")
        if passive and by:
            self._passive_by(s, v, after, role)
        elif passive:
            if items[v].lemma in self.lex.patient_verbs:
                self._passive_patient(s, v, before, role)
        elif items[v].lemma in self.lex.patient_verbs:
            self._invited(s, v, after, role)
        else:
            self._active_verb(s, v, after, role)

    def _passive_by(self, s: Sentence, v: int, after: int, role: str) -> None:
        """ "The summit, hosted by X" / "was attended by X, Y": the agents take the role in
        the instrument of the clause."""
        items = s.items
        agents: list[str] = []
        for k in range(after + 1, min(len(items), after + 10)):
            agents, _ = self._list_right(items, k)
            if agents or items[k].text in CLAUSE_END:
                break
        target = self._anchor_for(items, v, role, -1)
        if target is not None and target.startswith("?"):  # "Z is a collaboration ..., funded by X"
            at = max(k for k in range(v) if items[k].actor == target)
            target = self._copular_owner(items, at)
        target = target or self._anchor_for(items, v, role, 1)
        for agent in agents:
            if target is not None:
                self._emit(s, agent, target, role, "frame:passive", 0.9)
        if tuple(w.lemma for w in items[v:after]) in self.co_financing:
            partner = self.lex.frames.co_financing_role  # "co-financed by X": X joins the lender
            for agent in agents:
                for lender in self.lenders:
                    self._emit_pair(s, agent, lender, partner, "frame:co-finance", 0.85)

    def _passive_patient(self, s: Sentence, v: int, before: int, role: str) -> None:
        """ "X was added as a partner": the passive subjects of a patient verb take the
        role (in the clause's instrument, else the document's main one)."""
        items = s.items
        subjects = self._list_left(items, before - 1)
        target = (
            self._anchor_for(items, v, role, 1)
            or self._anchor_for(items, v, role, -1)
            or self.main_anchor
        )
        for subject in subjects:
            if target is not None:
                self._emit(s, subject, target, role, "frame:passive", 0.85)

    def _active_verb(self, s: Sentence, v: int, after: int, role: str) -> None:
        """ "X and Y signed Z", "X signed Z with Y": the subjects (and the parties after
        "with") take the role in the instrument after the verb; a loan or grant also
        makes them its lenders."""
        items = s.items
        subjects = self._subjects(items, v)
        if not subjects:
            subjects = self._coordinated_subjects(items, v) or self._copular_list(items, v)
        if not subjects and role == "PARTICIPATES_IN":
            subjects = self._from_list(items, after)
        co = self._with_list(items, after)
        if not subjects and (not co or role != "SIGNED"):
            return  # "the minister signed the MoC with Estonia": Estonia still signs
        target = self._anchor_for(items, v, role, 1)
        for subject in subjects + co:
            for each in self._with_coordinated(items, v, target):
                rule = "frame:active" if subject in subjects else "frame:with"
                self._emit(s, subject, each, role, rule, 0.9)
        kind = self._kind(target) if target is not None else None
        if target is not None and kind is not None and kind.funds:
            self.lenders = subjects or self.lenders
            self._loan_for(s, subjects, co, target)

    def _with_coordinated(self, items: list[Item], v: int, target: str | None) -> list[str]:
        """`target` and the named instruments of its type coordinated after it: "X will
        fund the A Project, the B Project and the C Project" (none when target is None)."""
        if target is None:
            return []
        at = next(k for k in range(v + 1, len(items)) if items[k].actor == target)
        return self._coordinated_from(items, at, (self.type_of(target),))

    def _joint_work(self, s: Sentence, parties: list[str], on: int) -> None:
        """ "X and Y will collaborate on two projects: the A and the B": X and Y carry out
        A and B."""
        role, wanted = self.lex.joint_work_role, self.lex.joint_work_types
        for k in self._clause(s.items, on, 1):
            project = s.items[k].actor
            if project is None or project.startswith("?") or self.type_of(project) not in wanted:
                continue
            for party in parties:
                self._emit(s, party, project, role, "frame:joint-work", 0.85)

    def _invited(self, s: Sentence, v: int, after: int, role: str) -> None:
        """ "They invited India, Indonesia and the ITU": the invited take part."""
        items = s.items
        target = (
            self._anchor_for(items, v, role, 1)
            or self._anchor_for(items, v, role, -1)
            or self.recent.get("Event")
        )
        if target is None:
            return
        for k in self._clause(items, after - 1, 1):
            actor = items[k].actor
            if actor and self._is_party(items[k]) and not self._apposition(items, k):
                self._emit(s, actor, target, role, "frame:object", 0.85)

    def _links(self, s: Sentence) -> None:
        """Verbs that link their subject to a second party: membership ("X joined Y", "X
        became a member of Y") and transfer ("X handed over equipment to Y")."""
        items = s.items
        firsts = self.lex.link_firsts
        for v, item in enumerate(items):
            if item.lemma not in firsts or item.actor is not None:
                continue
            role, size = self._match(items, v, self.lex.membership)
            if role:
                j = v + size
                if j < len(items) and items[j].lemma == "the":
                    j += 1
                body = items[j].actor if j < len(items) else None
                if body is not None and self.type_of(body) in self.lex.member_types:
                    for subject in self._subjects(items, v):
                        self._emit(s, subject, body, role, "frame:membership", 0.85)
                continue
            role, size = self._match(items, v, self.lex.transfer)
            if not role:
                continue
            receiver = self._receiver(items, v + size)
            if receiver is not None:
                for subject in self._subjects(items, v):
                    self._emit(s, subject, receiver, role, "frame:transfer", 0.85)

    def _receiver(self, items: list[Item], after: int) -> str | None:
        """The party something is given "to" in the clause: "to (the) Y", "to X's Y" (Y)."""
        for k in self._clause(items, after - 1, 1):
            if items[k].lemma != "to":
                continue
            j = k + 1
            if j < len(items) and items[j].lemma == "the":
                j += 1
            if j + 2 < len(items) and items[j + 1].text == "'s" and self._is_party(items[j + 2]):
                j += 2  # "to Ukraine's Ministry of Digital Transformation"
            if j < len(items) and self._is_party(items[j]):
                return items[j].actor
            return None
        return None

    def _meetings(self, s: Sentence) -> None:
        """ "X met Y and Z for the Quad Leaders' Summit": all of them take part in it."""
        items = s.items
        role = self.lex.meeting_role
        for v, item in enumerate(items):
            if item.lemma not in self.lex.meeting_verbs or item.actor is not None:
                continue
            target = self._anchor_for(items, v, role, 1)
            j = v + 1
            if j < len(items) and items[j].lemma == "with":
                j += 1
            met, _ = self._list_right(items, j)
            if target is None and not met and (j >= len(items) or not items[j].is_slot):
                target = self.recent.get("Event")  # "the ministers met on 29 April": the meeting
            if target is None or self.type_of(target) != "Event":
                continue
            for party in self._subjects(items, v) + met:
                if party != target:
                    self._emit(s, party, target, role, "frame:meet", 0.85)

    def _coverage(self, s: Sentence) -> None:
        """ "The Exchange of Notes covers the following projects: - X - Y": X and Y are
        PART_OF the instrument."""
        items = s.items
        for v, item in enumerate(items):
            if item.lemma not in self.lex.cover_verbs or item.actor is not None:
                continue
            whole = self._anchor_for(items, v, "PART_OF", -1)
            if whole is None or self.type_of(whole) not in ("Agreement", "Programme"):
                continue
            for k in range(v + 1, len(items)):
                actor = items[k].actor
                if items[k].text in CLAUSE_END:
                    break
                if actor and actor != whole and self.type_of(actor) in self.lex.covered_types:
                    self._emit(s, actor, whole, "PART_OF", "frame:cover", 0.85)

    def _aid_lists(self, s: Sentence, v: int, after: int) -> None:
        """ "Japan ... aiding telecommunication development (Laos, Cambodia), GIS system
        (Macedonia, ...)": the donor SUPPORTS every country listed in brackets."""
        items = s.items
        donors = self._subjects(items, v) or self._coordinated_subjects(items, v)
        if not donors:
            return
        inside = False
        for k in range(after, len(items)):
            item = items[k]
            if item.text == "(" and k > 0 and items[k - 1].actor is None:
                inside = True  # a bracket after a topic, not an acronym after a name
            elif item.text == ")":
                inside = False
            elif item.text in CLAUSE_END:
                break
            elif inside and item.actor and self._is_party(item):
                for donor in donors:
                    self._emit(s, donor, item.actor, self.lex.aid_role, "frame:aid-list", 0.85)
