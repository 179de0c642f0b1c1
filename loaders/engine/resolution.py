"""Resolution within one document, in document order: one node per entity.

The claims of every unit arrive with references; this stage settles them into actor ids in
the order the document is read, because what a reference means depends on what came before:
- an instrument named by its kind is the document's last one of that kind when the phrase
  is definite ("the MoC"), the one already named when it says nothing new (the headline's
  "Memorandum of Cooperation" and the body's "a Memorandum of Cooperation (MoC)"), and a new
  one when it is "another", counted or about another topic ("MoUs on A and on B");
- "the two countries" and "both sides" are the last two parties named together;
- a person is the institution of their first full mention ("Marie Bjerre, Minister for
  Digital Government of Denmark" makes "Minister Bjerre" Denmark's), and a bare title
  ("the Prime Minister") in a government's own release is that government;
- a clause about an unnamed instrument is about the document's latest one of the types it
  allows.
Unnamed instruments become keys ("?1") that the next stage names from their parties.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from graph.schema import domain_schema
from loaders.engine.matching import Claim
from loaders.engine.parsed import Phrase
from loaders.engine.referents import (
    ActorRef,
    GiverRef,
    ImplicitRef,
    PairRef,
    PersonRef,
    PhraseRef,
    Ref,
)
from loaders.rules.lexicon import Instrument, lexicon, singular

__all__ = ["Fact", "Resolver", "Unnamed"]


@dataclass(frozen=True)
class Fact:
    """A claim with both ends settled: actor ids or unnamed-instrument keys ("?1")."""

    source: str
    target: str
    type: str
    rule: str
    confidence: float
    span: tuple[int, int]
    giver: bool = False
    position: int = 0  # the trigger's place: the date nearest to it dates the fact


@dataclass
class Unnamed:
    """An instrument the document names only by its kind; named from its parties later."""

    key: str
    kind: Instrument
    topic: str
    owner: str | None
    surfaces: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)


_SPELLED: dict[tuple[str, ...], tuple[str, ...]] = {
    ("moc",): ("memorandum", "of", "cooperation"),
    ("mou",): ("memorandum", "of", "understanding"),
}


def _words(surface: str) -> tuple[str, ...]:
    """A phrase as comparable words: singular, lower case, an MoC spelled out."""
    words = tuple(singular(w) for w in surface.split())
    return _SPELLED.get(words, words)


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a.lower() == b.lower()


class Resolver:
    """Settles one document's references in order; see the module docstring."""

    def __init__(
        self,
        type_of: Callable[[str], str],
        kind_of: Callable[[str], Instrument | None],
        publisher: str | None,
        first_instruments: Iterable[str],
        groups: dict[str, list[str]] | None = None,
    ) -> None:
        self.type_of = type_of
        self.kind_of_actor = kind_of
        self.groups = groups or {}  # a short name for several parties -> the parties
        self.publisher = publisher
        schema = domain_schema()
        self.parties = schema.types_with_role("party")
        self.instrument_types = schema.types_with_role("instrument")
        self.unnamed: dict[str, Unnamed] = {}
        self.phrase_keys: dict[str, list[str]] = {}
        self.seen: dict[str, int] = {}  # instrument -> the last place the document named it
        self.seen_in: dict[str, int] = {}  # instrument -> the last unit that named it
        self.unit = 0
        self.ahead = list(first_instruments)  # named instruments in document order
        self.pairs: dict[str, tuple[str, str]] = {}  # "countries", "bodies", "any" -> last pair
        self.people: dict[str, str] = {}
        self.countries: dict[str, int] = {}  # country -> times named so far, in order
        self.givers: list[str] = []  # who gave the document's latest loan or grant
        self.generic = frozenset(lexicon().data.generic_anaphors)
        self.country_nouns = lexicon().sets["country_pair_nouns"]

    # --- what the document names, in order ---------------------------------------------

    def kind(self, key: str) -> Instrument | None:
        if key in self.unnamed:
            return self.unnamed[key].kind
        return self.kind_of_actor(key)

    def instrument_type(self, key: str) -> str:
        return self.unnamed[key].kind.type if key in self.unnamed else self.type_of(key)

    def begin_unit(self) -> None:
        """The next unit of the document is read."""
        self.unit += 1

    def see_mention(self, actor: str, position: int) -> None:
        """A name at a place of the text: instruments become the latest of their kind,
        countries are counted (the two most named are "the two countries" by default)."""
        actor_type = self.type_of(actor)
        if actor_type in self.instrument_types:
            self.see_instrument(actor, position)
        elif actor_type == "Country":
            self.countries[actor] = self.countries.get(actor, 0) + 1

    def see_instrument(self, actor: str, position: int) -> None:
        """A named instrument (an agreement, a meeting, a project) at a place of the text."""
        self.seen[actor] = position
        self.seen_in[actor] = self.unit

    def see_person(self, person: PersonRef) -> None:
        if person.institution is not None:
            for name in person.names:
                self.people.setdefault(name, person.institution)

    def see_phrase(self, phrase: Phrase, span: tuple[int, int]) -> None:
        """An instrument named by its kind: an earlier one, or new ones."""
        known = set(self.unnamed)
        keys = self._phrase_instruments(phrase)
        for key in keys:
            entry = self.unnamed.get(key)
            if entry is not None:
                entry.surfaces.add(phrase.surface)
                if len(phrase.topics) > 1 and entry.topic:  # "MoUs on A and on B"
                    entry.titles.add(f"{phrase.surface} {entry.topic}")
                elif phrase.title != phrase.surface and key not in known:
                    entry.titles.add(phrase.title)  # the title it is introduced with
            self.seen[key] = phrase.position
            self.seen_in[key] = self.unit
        self.phrase_keys[phrase.key] = keys

    def _phrase_instruments(self, phrase: Phrase) -> list[str]:
        kind = phrase.kind
        if phrase.same_as is not None:
            return self.phrase_keys.get(phrase.same_as, [phrase.same_as])
        if phrase.owner is not None:
            if self.type_of(phrase.owner) == kind.type:
                return [phrase.owner]  # "the collaboration of the X Programme" is X
            for key, entry in self.unnamed.items():
                if entry.kind == kind and entry.owner == phrase.owner:
                    return [key]
            return [self._new(kind, "", phrase.owner)]
        generic = singular(phrase.surface.split()[-1]) in self.generic
        if phrase.definite or (generic and not phrase.topics and not phrase.fresh):
            latest = self._latest(
                lambda k: (
                    self.kind(k) == kind
                    or (self.kind(k) is None and self.instrument_type(k) == kind.type)
                )
            ) or self._latest(lambda k: self.instrument_type(k) == kind.type)
            if latest is not None:
                return [latest]
        if len(phrase.topics) > 1:
            return [
                self._reuse_or_new(kind, topic, phrase.fresh, phrase.surface)
                for topic in phrase.topics
            ]
        topic = phrase.topics[0] if phrase.topics else ""
        return [self._reuse_or_new(kind, topic, phrase.fresh or phrase.counted > 1, phrase.surface)]

    def _reuse_or_new(self, kind: Instrument, topic: str, fresh: bool, surface: str) -> str:
        """An agreement named again by the same words without "another" is the one already
        named (the headline's MoC is the body's); other kinds ("a meeting", "a project")
        and other words ("a charter" after "a roadmap") are new ones."""
        if not fresh and kind.type == "Agreement":
            for key, entry in self.unnamed.items():
                same = _words(surface) in map(_words, entry.surfaces)
                if (
                    entry.kind == kind
                    and entry.owner is None
                    and same
                    and _compatible(entry.topic, topic)
                ):
                    entry.topic = entry.topic or topic
                    return key
        return self._new(kind, topic, None)

    def _new(self, kind: Instrument, topic: str, owner: str | None) -> str:
        key = f"?{len(self.unnamed) + 1}"
        self.unnamed[key] = Unnamed(key, kind, topic, owner)
        return key

    def _latest(self, wanted: Callable[[str], bool]) -> str | None:
        found = [(position, key) for key, position in self.seen.items() if wanted(key)]
        return max(found)[1] if found else None

    # --- claims ---------------------------------------------------------------------------

    def resolve(self, claims: list[Claim]) -> list[Fact]:
        """The facts of one unit's claims, and the pair of parties they leave behind."""
        facts: list[Fact] = []
        self._counterparts(claims)
        for claim in claims:
            for source in self._settle(claim.source):
                for target in self._settle(claim.target):
                    if source != target:
                        facts.append(
                            Fact(source, target, claim.type, claim.rule, claim.confidence,
                                 claim.span, claim.giver, claim.position)
                        )  # fmt: skip
        self._note_pairs(facts)
        given = [f.source for f in facts if f.giver]
        if given:
            self.givers = list(dict.fromkeys(given))
        return facts

    def _note_pairs(self, facts: list[Fact]) -> None:
        """The parties a unit joins, for a later "both sides": two countries, two bodies."""
        named = [e for f in facts if f.confidence >= 0.5 for e in (f.source, f.target)]
        parties = list(
            dict.fromkeys(
                a for a in named if not a.startswith("?") and self.type_of(a) in self.parties
            )
        )
        countries = [p for p in parties if self.type_of(p) == "Country"]
        bodies = [p for p in parties if self.type_of(p) != "Country"]
        for kind, group in (("any", parties), ("countries", countries), ("bodies", bodies)):
            if len(group) == 2:
                self.pairs[kind] = (group[0], group[1])

    def _settle(self, ref: Ref) -> list[str]:
        if isinstance(ref, ActorRef):
            return self.groups.get(ref.actor, [ref.actor])
        if isinstance(ref, PhraseRef):
            return self.phrase_keys.get(ref.phrase.key, [])
        if isinstance(ref, PairRef):
            kind = "countries" if ref.noun in self.country_nouns else "bodies"
            pair = self.pairs.get(kind) or self.pairs.get("any")
            if pair is None and kind == "countries" and len(self.countries) >= 2:
                ranked = sorted(
                    self.countries, key=lambda c: -self.countries[c]
                )  # stable: first named first
                return ranked[:2]
            return list(pair) if pair else []
        if isinstance(ref, PersonRef):
            found = self._person(ref)
            return [found] if found else []
        if isinstance(ref, GiverRef):
            return list(self.givers)
        return self._implicit(ref)

    def _person(self, ref: PersonRef) -> str | None:
        if ref.institution is not None:
            self.see_person(ref)
            return ref.institution
        for name in sorted(ref.names):
            if name in self.people:
                return self.people[name]
        return self.publisher if ref.titled and not ref.names else None

    def _counterparts(self, claims: list[Claim]) -> None:
        """A titled person whose title names no country, acting with a person already
        resolved ("Minister Matsumoto and Minister Bjerre signed"), speaks for the other
        side: in a government's own release, the one other country it has named."""
        if self.publisher is None:
            return
        others = [c for c in self.countries if c != self.publisher]
        if len(others) != 1:
            return
        people: dict[int, list[PersonRef]] = {}
        for claim in claims:
            for ref in (claim.source, claim.target):
                if isinstance(ref, PersonRef) and ref.titled and ref.names:
                    people.setdefault(claim.position, []).append(ref)
        for together in people.values():
            sides = {ref: self._person(ref) for ref in together}
            if any(side not in (None, others[0]) for side in sides.values()):
                for ref, side in sides.items():
                    if side is None:
                        for name in ref.names:
                            self.people[name] = others[0]

    def _implicit(self, ref: ImplicitRef) -> list[str]:
        """The instrument of the sentence or the one before ("... signed an MoC. The
        ministers also signed ..."), else the document's first (its headline's)."""
        recent = self._latest(
            lambda k: self.instrument_type(k) in ref.types and self.seen_in[k] >= self.unit - 1
        )
        if recent is not None:
            return [recent]
        first = next((a for a in self.ahead if self.type_of(a) in ref.types), None)
        if first is not None:
            return [first]
        latest = self._latest(lambda k: self.instrument_type(k) in ref.types)
        return [latest] if latest else []
