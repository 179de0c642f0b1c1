"""The state a frame reader keeps across a document, and the helpers every frame shares.

The facts a frame reads, the unnamed instruments it creates, the instruments the document
named last (for "the MoC", "this summit"), and the checks on actor types and on the schema
that every frame applies before it emits a fact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from graph.schema import DomainSchema, domain_schema
from loaders.items import Item
from loaders.lexicon import Instrument, Lexicon, lemmas_of

__all__ = ["CLAUSE_END", "COUNTS", "WINDOW", "Fact", "FrameState", "Sentence", "Unnamed"]

COUNTS = frozenset({"two", "three", "four", "both", "new", "-", "first", "second"})
CLAUSE_END = frozenset({";", "."})
WINDOW = 30
_COORDINATORS = frozenset({",", "and", "the", "as", "well", "a", "an", '"', "\u201c", "\u201d"})


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
class Sentence:
    """One sentence's items, its span in the document and the facts read from it."""

    items: list[Item]
    span: tuple[int, int]
    facts: list[Fact] = field(default_factory=list)


class FrameState:
    """What a frame reader knows of the document so far, and the shared checks."""

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
        self.co_financing = frozenset(lemmas_of(p) for p in lexicon.frames.co_financing_verbs)
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
        self._name_places: dict[str, str | None] = {}  # actor -> the place its name ends in

    def type_of(self, key: str) -> str:
        if key.startswith("?"):
            return self.unnamed[key].instrument.type
        return self._type_of(key)

    def _is_party(self, item: Item) -> bool:
        return item.actor is not None and self.type_of(item.actor) in self.parties

    def _is_anchor(self, item: Item) -> bool:
        return item.actor is not None and self.type_of(item.actor) in self.instrument_types

    def _is_country(self, item: Item) -> bool:
        return item.actor is not None and self.type_of(item.actor) == "Country"

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
        self, s: Sentence, source: str, target: str, rel_type: str, rule: str, conf: float
    ) -> None:
        if source == target:
            return
        relation = self.schema.relation_types[rel_type]
        if not relation.allows(self.type_of(source), self.type_of(target)):
            return
        s.facts.append(Fact(source, target, rel_type, rule, conf, s.span))

    def _emit_pair(
        self, s: Sentence, a: str, b: str, rel_type: str, rule: str, conf: float
    ) -> None:
        first, second = sorted((a, b))
        self._emit(s, first, second, rel_type, rule, conf)

    def _kind(self, anchor: str) -> Instrument | None:
        if anchor.startswith("?"):
            return self.unnamed[anchor].instrument
        return self.lex.kind_of_name(self.name_of(anchor))

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

    def _latest(self, role: str) -> str | None:
        """The document's latest instrument of a type `role` allows as its target."""
        wanted = self.schema.relation_types[role].target_types or self.instrument_types
        found = [a for a in self.seen if self.type_of(a) in wanted]
        return max(found, key=self.seen.__getitem__) if found else None

    def _clause(self, items: list[Item], v: int, step: int) -> range:
        stop = len(items) if step > 0 else -1
        end = v
        for k in range(v + step, stop, step):
            if items[k].text in CLAUSE_END or abs(k - v) > WINDOW:
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

    def _copular_owner(self, items: list[Item], a: int) -> str:
        """The instrument at item a, or, when it is unnamed and the complement of a copula,
        the instrument it describes: "The programme is a collaboration between ..."."""
        anchor = items[a].actor or ""
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
        if anchor.startswith("?") and 0 <= back < a - 1 and self._is_anchor(items[back]):
            return items[back].actor or anchor
        return anchor

    def _coordinated_from(self, items: list[Item], at: int, types: tuple[str, ...]) -> list[str]:
        """The named actor at item `at` and those of `types` coordinated after it ("the A
        Project, the B Project and the C Project")."""
        out = [items[at].actor or ""]
        k = at + 1
        while k < len(items):
            item = items[k]
            if item.actor is None and item.lemma in _COORDINATORS:
                k += 1
                continue
            if (
                item.actor is None
                or item.actor.startswith("?")
                or item.actor in out
                or self.type_of(item.actor) not in types
                or items[k - 1].lemma not in _COORDINATORS
            ):
                break
            out.append(item.actor)
            k += 1
        return out

    def remember(self, actor: str) -> None:
        """`actor` is the latest instrument of its type (and kind) in the document."""
        actor_type = self.type_of(actor)
        self.recent[actor_type] = actor
        self._clock += 1
        self.seen[actor] = self._clock
        kind = self._kind(actor)
        if kind is not None and kind.type == actor_type:
            self.recent_kind[kind.kind] = actor
