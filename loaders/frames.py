"""Argument frames: relations read from a sentence's items with the trigger lexicons.

A handful of templates, all driven by loaders/data/frames.yaml and the schema:
- active      "X and Y signed Z", "X co-hosted Z"        subject list -> role -> instrument
- "with"      "X signed a loan agreement with Y for Z"    the partner takes the same role;
              a loan's giver FUNDS the project it is "for"
- passive     "Z was signed by X", "Z, hosted by X"       agent list -> role -> instrument
- nominal     "an MOC between X and Y", "Z is a partnership between X and Y"
- lists       "the funders, i.e. X, Y and Z", "X and Y are members of Z"
- fields      "Executing agency: X", "Country: A, B, C"   towards the document's instrument
- locative    "Z ... held in Cape Town"                   Z LOCATED_IN the place
- role noun   "with funding from X", "under the chair of X", "X, the chair country of Y",
              "X holds the presidency of Y", "a grant from X"
- cooccurrence  two actors and a trigger but no frame: kept below the API's default
              confidence threshold, so that only a client asking for them sees them
An instrument is a recognised actor of an instrument type, or a phrase of the lexicon ("a
Memorandum of Cooperation") that becomes a node named from its parties and year. A role
edge is kept only between actor types the schema allows for its relation type.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from graph.schema import DomainSchema, domain_schema
from loaders.items import Item
from loaders.lexicon import Instrument, Lexicon, singular

__all__ = ["Fact", "FrameReader", "Unnamed"]

_COUNTS = frozenset({"two", "three", "four", "both", "new", "-", "first", "second"})
_JOIN = frozenset(
    {",", "and", "the", "&", "/", "as", "well", "both", "-", "its", "their", "government"}
)
_OBJECT_PREPOSITIONS = frozenset({"to", "from", "in", "at", "for", "with", "by", "on", "into"})
# "12th UK-Japan Joint Committee Meeting": two names joined by a hyphen open the name
_JOINED_NAME = re.compile(
    r"(?<![\w-])(?:\d+(?:st|nd|rd|th)\s+)?([A-Z][\w.&]*(?:\s[A-Z][a-z]+)?)\s?[-–]\s?([A-Z][\w.&]*)\s"
)
_QUOTES = frozenset({'"', "\u201c", "\u201d"})
_CLAUSE_END = frozenset({";", "."})
_LIST_PREPOSITIONS = ("of", "in", "for", "to", "on", "from", "at")
_OWNER_PREPOSITIONS = ("of", "in", "for", "to")  # "members of Z": Z owns the list
# words between a list and its noun: "X and Y are two of the key players"
_LIST_MODIFIERS = _COUNTS | {
    "a", "an", "the", "founding", "current", "key", "main", "new", "one", "all", "of",
    "among", "leading",
}  # fmt: skip
_WINDOW = 30
_MAX_COOCCURRING = 4  # more actors than this in a frameless sentence say nothing about pairs
_MAX_BETWEEN = 4  # "a partnership between" more parties than this is a network, not pairs


@dataclass(frozen=True)
class Fact:
    """A relation a frame read: ends are actor ids or unnamed-instrument keys ("?…")."""

    source: str
    target: str
    type: str
    rule: str
    confidence: float
    span: tuple[int, int]


@dataclass
class Unnamed:
    """An instrument named by a lexicon phrase only; it is named from its parties later."""

    key: str
    instrument: Instrument
    surface: str
    topic: str = ""
    owned: bool = False  # "the council of the X Partnership" is named by what owns it


@dataclass
class _Sentence:
    items: list[Item]
    span: tuple[int, int]
    facts: list[Fact] = field(default_factory=list)


class FrameReader:
    """Reads the frames of one sentence at a time; see the module docstring."""

    def __init__(
        self,
        lexicon: Lexicon,
        type_of: Callable[[str], str],
        name_of: Callable[[str], str],
        main_anchor: str | None,
        new_place: Callable[[str], str],
        party_named: Callable[[str], str | None] = lambda name: None,
    ) -> None:
        self.lex = lexicon
        self.party_named = party_named
        self.schema: DomainSchema = domain_schema()
        self._type_of = type_of
        self.name_of = name_of
        self.main_anchor = main_anchor
        self.section_anchor: str | None = None  # the instrument a heading line names
        self.lenders: list[str] = []  # who gave the document's latest loan or grant
        self.new_place = new_place
        self.parties = self.schema.types_with_role("party")
        self.instrument_types = self.schema.types_with_role("instrument")
        self.unnamed: dict[str, Unnamed] = {}
        self.siblings: dict[str, str] = {}  # an instrument -> the one coordinated with it
        self.recent: dict[str, str] = {}
        self.seen: dict[str, int] = {}  # instrument -> when the document last named it
        self._clock = 0
        self.recent_kind: dict[str, str] = {}
        self.last_pair: tuple[str, str] | None = None
        self._parts: dict[str, tuple[str | None, str | None]] = {}  # actor -> parties it joins

    # --- helpers ----------------------------------------------------------------------

    def type_of(self, key: str) -> str:
        if key.startswith("?"):
            return self.unnamed[key].instrument.type
        return self._type_of(key)

    def _is_party(self, item: Item) -> bool:
        return item.actor is not None and self.type_of(item.actor) in self.parties

    def _is_anchor(self, item: Item) -> bool:
        return item.actor is not None and self.type_of(item.actor) in self.instrument_types

    def _match(
        self, items: list[Item], i: int, table: dict[tuple[str, ...], str]
    ) -> tuple[str, int]:
        """The relation type of the longest phrase of `table` starting at item i, and its size."""
        if items[i].lemma not in self.lex.first_lemmas[id(table)]:
            return "", 0
        for key in self.lex.by_first.get(items[i].lemma, ()):
            size = len(key)
            window = items[i : i + size]
            if (
                key in table
                and len(window) == size
                and tuple(w.lemma for w in window) == key
                and not any(w.actor is not None for w in window)
            ):
                return table[key], size
        return "", 0

    def _emit(
        self, s: _Sentence, source: str, target: str, rel_type: str, rule: str, conf: float
    ) -> None:
        if source == target:
            return
        relation = self.schema.relation_types[rel_type]
        if not relation.allows(self.type_of(source), self.type_of(target)):
            return
        s.facts.append(Fact(source, target, rel_type, rule, conf, s.span))

    def _emit_pair(
        self, s: _Sentence, a: str, b: str, rel_type: str, rule: str, conf: float
    ) -> None:
        first, second = sorted((a, b))
        self._emit(s, first, second, rel_type, rule, conf)

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
            if items[k].text in _CLAUSE_END and items[k].text not in (",", ";"):
                return None
            if items[k].text in (",", ";") and any(self._is_party(x) for x in items[k + 1 : k + 3]):
                return k + 1
        return None

    def _is_country(self, item: Item) -> bool:
        return item.actor is not None and self.type_of(item.actor) == "Country"

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

    def _part_of(self, s: _Sentence) -> None:
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

    def _clause(self, items: list[Item], v: int, step: int) -> range:
        stop = len(items) if step > 0 else -1
        end = v
        for k in range(v + step, stop, step):
            if items[k].text in _CLAUSE_END or abs(k - v) > _WINDOW:
                break
            end = k
        return range(v + step, end + step, step)

    def _anchor_for(self, items: list[Item], v: int, role: str, step: int) -> str | None:
        """The instrument a verb acts on: the nearest of the type the role prefers most."""
        relation = self.schema.relation_types[role]
        wanted = relation.target_types or sorted(self.instrument_types)
        best: tuple[int, int, str] | None = None
        for distance, k in enumerate(self._clause(items, v, step)):
            actor = items[k].actor
            if actor is None:
                continue
            kind = self.type_of(actor)
            if kind in self.parties or kind not in wanted:
                continue
            rank = (wanted.index(kind), distance, actor)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None

    # --- reading ----------------------------------------------------------------------

    def mark_instruments(self, items: list[Item]) -> list[Item]:
        """`items` with every unnamed instrument phrase made a slot of its own: a
        reference to an earlier instrument ("the MoC") or a new unnamed one."""
        out: list[Item] = []
        pending: dict[int, Item] = {}  # coordinated instruments, placed before their topic
        i = 0
        while i < len(items):
            if i in pending:
                out.append(pending.pop(i))
            item = items[i]
            if item.actor and not item.actor.startswith("?") and self._is_anchor(item):
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
            and (out[back].lemma in _COUNTS or out[back].text.isalpha())
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

    def remember(self, actor: str) -> None:
        """`actor` is the latest instrument of its type (and kind) in the document."""
        actor_type = self.type_of(actor)
        self.recent[actor_type] = actor
        self._clock += 1
        self.seen[actor] = self._clock
        kind = self._kind(actor)
        if kind is not None and kind.type == actor_type:
            self.recent_kind[kind.kind] = actor

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

    def read(self, items: list[Item], span: tuple[int, int]) -> list[Fact]:
        """Every fact the frames read in one sentence."""
        s = _Sentence(items, span)
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
        self._role_nouns(s)
        self._part_of(s)
        if not s.facts:
            self._cooccurrence(s)
        for fact in list(s.facts):  # "MoUs on A and on B": B's instrument has A's roles
            if fact.target in self.siblings:
                s.facts.append(replace(fact, target=self.siblings[fact.target]))
            elif fact.source in self.siblings:
                s.facts.append(replace(fact, source=self.siblings[fact.source]))
        return s.facts

    def _verbs(self, s: _Sentence) -> None:
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

    def _with_list(self, items: list[Item], after: int) -> list[str]:
        """The parties named after "with" in the clause that follows a verb."""
        for k in self._clause(items, after - 1, 1):
            if items[k].lemma == "with":
                return self._list_right(items, k + 1)[0]
        return []

    def _bilateral_verb(self, s: _Sentence, v: int, after: int, bilateral: str) -> None:
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

    def _role_verb(self, s: _Sentence, v: int, after: int, role: str) -> None:
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

    def _passive_by(self, s: _Sentence, v: int, after: int, role: str) -> None:
        """ "The summit, hosted by X" / "was attended by X, Y": the agents take the role in
        the instrument of the clause."""
        items = s.items
        agents: list[str] = []
        for k in range(after + 1, min(len(items), after + 10)):
            agents, _ = self._list_right(items, k)
            if agents or items[k].text in _CLAUSE_END:
                break
        target = self._anchor_for(items, v, role, -1) or self._anchor_for(items, v, role, 1)
        for agent in agents:
            if target is not None:
                self._emit(s, agent, target, role, "frame:passive", 0.9)

    def _passive_patient(self, s: _Sentence, v: int, before: int, role: str) -> None:
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

    def _active_verb(self, s: _Sentence, v: int, after: int, role: str) -> None:
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
            if target is not None:
                rule = "frame:active" if subject in subjects else "frame:with"
                self._emit(s, subject, target, role, rule, 0.9)
        kind = self._kind(target) if target is not None else None
        if target is not None and kind is not None and kind.funds:
            self.lenders = subjects or self.lenders
            self._loan_for(s, subjects, co, target)

    def _joint_work(self, s: _Sentence, parties: list[str], on: int) -> None:
        """ "X and Y will collaborate on two projects: the A and the B": X and Y carry out
        A and B."""
        role, wanted = self.lex.joint_work_role, self.lex.joint_work_types
        for k in self._clause(s.items, on, 1):
            project = s.items[k].actor
            if project is None or project.startswith("?") or self.type_of(project) not in wanted:
                continue
            for party in parties:
                self._emit(s, party, project, role, "frame:joint-work", 0.85)

    def _links(self, s: _Sentence) -> None:
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

    def _meetings(self, s: _Sentence) -> None:
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

    def _coverage(self, s: _Sentence) -> None:
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
                if items[k].text in _CLAUSE_END:
                    break
                if actor and actor != whole and self.type_of(actor) in self.lex.covered_types:
                    self._emit(s, actor, whole, "PART_OF", "frame:cover", 0.85)

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

    def _named_parties(self, s: _Sentence) -> None:
        """ "the EU-Japan Summit", "the 12th UK-Japan Joint Committee Meeting": the two
        parties its name joins take part in the meeting."""
        for item in s.items:
            actor = item.actor
            if not actor or actor.startswith("?") or item.rule or self.type_of(actor) != "Event":
                continue
            for party in self._name_parts(actor):
                if party is not None:
                    self._emit(s, party, actor, "PARTICIPATES_IN", "frame:name", 0.85)

    def _aid_lists(self, s: _Sentence, v: int, after: int) -> None:
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
            elif item.text in _CLAUSE_END:
                break
            elif inside and item.actor and self._is_party(item):
                for donor in donors:
                    self._emit(s, donor, item.actor, self.lex.aid_role, "frame:aid-list", 0.85)

    def _invited(self, s: _Sentence, v: int, after: int, role: str) -> None:
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
            if items[k].text in _CLAUSE_END:
                break
            if items[k].lemma == "be" and k + 1 < len(items):
                j = k + 1
                while j < len(items) and items[j].text in (":", "-", ","):
                    j += 1
                found, _ = self._list_right(items, j)
                return found
        return []

    def _loan_for(self, s: _Sentence, givers: list[str], receivers: list[str], loan: str) -> None:
        """ "... a loan agreement with Y for the Z Project": the giver FUNDS Z, Z BENEFITS Y."""
        items = s.items
        at = next(k for k, it in enumerate(items) if it.actor == loan)
        for k in self._clause(items, at, 1):
            if items[k].lemma == "for":
                named = list(receivers)  # "the Grant Aid for Nauru, 'X Programme'": Nauru's
                for m in range(k + 1, min(len(items), k + 6)):
                    project = items[m].actor
                    if project is not None and self.type_of(project) == "Country":
                        named.append(project)
                        continue
                    if project is not None and self.type_of(project) in ("Project", "Programme"):
                        for giver in givers:
                            if giver not in named[len(receivers) :]:
                                self._emit(s, giver, project, "FUNDS", "frame:for", 0.9)
                        for receiver in named:
                            if self.type_of(receiver) == "Country":
                                self._emit(s, project, receiver, "BENEFITS", "frame:for", 0.85)
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
        for m in range(at - 1, max(-1, at - _WINDOW), -1):
            if items[m].text in _CLAUSE_END:
                return None
            project = items[m].actor
            if project is None or self.type_of(project) not in ("Project", "Programme"):
                continue
            fronted = m < 4 and any(items[k].lemma == "for" for k in range(m))
            relative = any(items[k].lemma in ("which", "that") for k in range(m + 1, at))
            return project if fronted or relative else None
        return None

    def _before_project(self, item: Item) -> bool:
        """Whether `item` may stand between "for" and the project a loan is for: an article,
        a quote, or a plain modifier ("for a steel plant", "for the construction of Z")."""
        if item.lemma.lower() in (",", '"', "'", "the", "a", "an", "of"):
            return True
        plain = item.text.isalpha() and item.text.islower()
        return plain and item.lemma not in self.lex.topic_stops

    def _role_of(self, anchor: str) -> str:
        if anchor.startswith("?"):
            role = self.unnamed[anchor].instrument.role
        else:
            kind = self.lex.kind_of_name(self.name_of(anchor))
            role = kind.role if kind is not None else "PARTICIPATES_IN"
        relation = self.schema.relation_types[role]
        if relation.target_types is not None and self.type_of(anchor) not in relation.target_types:
            role = "PARTICIPATES_IN"
        return role

    def _role_nouns(self, s: _Sentence) -> None:
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

    def _possessive_funder(self, s: _Sentence, i: int) -> None:
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

    def _role_holder(self, s: _Sentence, i: int, role: str, after: int) -> None:
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

    def _latest(self, role: str) -> str | None:
        """The document's latest instrument of a type `role` allows as its target."""
        wanted = self.schema.relation_types[role].target_types or self.instrument_types
        found = [a for a in self.seen if self.type_of(a) in wanted]
        return max(found, key=self.seen.__getitem__) if found else None

    def _cooccurrence(self, s: _Sentence) -> None:
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

    def _nominal(self, s: _Sentence) -> None:
        items = s.items
        for a, item in enumerate(items):
            if not self._is_anchor(item) or item.actor is None:
                continue
            anchor = item.actor
            for k in range(a + 1, min(len(items), a + 17)):
                if self._is_anchor(items[k]) or items[k].text in _CLAUSE_END:
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
                    owner = anchor
                    back = a - 1
                    while (
                        back >= 0
                        and (
                            items[back].lemma in ("a", "an", "the", "new", "two")
                            or items[back].lemma in self.lex.copulas
                            or (
                                items[back].actor is None  # "a six-party collaboration"
                                and (items[back].text[:1].islower() or items[back].text == "-")
                                and back >= a - 4
                            )
                        )
                    ):
                        back -= 1
                    if (
                        anchor.startswith("?")
                        and back < a - 1
                        and back >= 0
                        and self._is_anchor(items[back])
                        and items[back].actor
                    ):
                        owner = items[back].actor or anchor
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

    def _kind(self, anchor: str) -> Instrument | None:
        if anchor.startswith("?"):
            return self.unnamed[anchor].instrument
        return self.lex.kind_of_name(self.name_of(anchor))

    def _lists(self, s: _Sentence) -> None:
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

    def _fields(self, s: _Sentence) -> None:
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

    def _locatives(self, s: _Sentence) -> None:
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
                if nxt.text in _CLAUSE_END or (nxt.actor is not None and self._is_anchor(nxt)):
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
