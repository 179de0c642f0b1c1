"""Instruments as nodes: naming the unnamed ones, and what their parties imply.

An instrument the text names only by its kind ("a Memorandum of Cooperation") becomes a
node once its parties are known: a stable readable name from them, its kind, its topic and
its year ("Japan–Estonia Memorandum of Cooperation in the digital field (2022)"), an id made
from that name, and the text's own phrases ("Memorandum of Cooperation", "MoC", the title
with its topic) as aliases. One with no party (or a meeting with only one) is too vague to
be a node and is left out. A meeting that belongs to a named actor ("the council of the
Japan-UK Digital Partnership") is named after it.

From the parties follow:
- the bilateral view between the two parties of a two-party instrument ("Japan SIGNED_MOC
  Estonia", "X PARTNERS_WITH Y"), with the rule "derived:<kind>" and the parties' evidence;
- for a loan or a grant, that its giver FUNDS what it is for ("a loan agreement for the X
  Project", "the loan will cover the Y Line");
- for a named instrument, the parties its own name holds ("Japan-UK Digital Partnership":
  Japan and the UK) and the instrument it belongs to ("Japan-EU Digital Partnership Council"
  is PART_OF the "Japan-EU Digital Partnership").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from graph.schema import domain_schema
from loaders.catalogue import slugify
from loaders.engine.resolution import Fact, Resolver, Unnamed
from loaders.recognise import ActorInfo, recogniser
from loaders.rules.lexicon import lexicon
from loaders.text import fold, trie_pattern

__all__ = ["DERIVED", "NAMED_PARTIES", "InstrumentNodes"]

DERIVED = 0.8  # the confidence of a view derived from a rule's reading
NAMED_PARTIES = 0.7  # the confidence of a party read from an instrument's own name
_SURE = 0.5  # views are derived from readings at least this sure, never from cooccurrence
_PARTY_ROLES = frozenset({"SIGNED", "PARTICIPATES_IN", "LEADS", "HOSTS"})
_SMALL = frozenset({"of", "on", "for", "and", "the", "in", "with", "to", "a", "an"})


@dataclass
class InstrumentNodes:
    """Names one document's unnamed instruments and derives what their parties imply."""

    resolver: Resolver
    actors: dict[str, ActorInfo]
    name_of: Callable[[str], str]
    type_of: Callable[[str], str]
    year_of: Callable[[tuple[int, int], int], int | None]

    def settle(self, facts: list[Fact]) -> list[Fact]:
        """Facts with every unnamed key replaced by its instrument's id (or dropped)."""
        parties_types = domain_schema().types_with_role("party")
        mapping: dict[str, str | None] = {}
        by_target: dict[str, list[Fact]] = {}
        for fact in facts:
            by_target.setdefault(fact.target, []).append(fact)
        for key, unnamed in sorted(self.resolver.unnamed.items(), key=lambda kv: int(kv[0][1:])):
            own = [
                f for f in by_target.get(key, [])
                if f.type in _PARTY_ROLES
                and not f.source.startswith("?") and self.type_of(f.source) in parties_types
            ]  # fmt: skip
            parties = list(dict.fromkeys(f.source for f in own))
            covers = any(f.type == "PART_OF" for f in by_target.get(key, []))
            enough = (
                len(parties) > 1
                or unnamed.owner is not None
                or (bool(parties) and unnamed.kind.funds and covers)
            )  # one party's "agreement" is too vague to be a node, but for a loan for a project
            if not enough:
                mapping[key] = None
                continue
            year = min(
                (y for f in own if (y := self.year_of(f.span, f.span[0])) is not None),
                default=None,
            )
            owners = {f.source: f.target for f in facts if f.type == "PART_OF"}
            mapping[key] = self._name(unnamed, self._named_by(parties, owners), year)
        out: list[Fact] = []
        for fact in facts:
            source = mapping.get(fact.source, fact.source)
            target = mapping.get(fact.target, fact.target)
            if source is not None and target is not None and source != target:
                out.append(replace(fact, source=source, target=target))
        return out

    def _name(self, unnamed: Unnamed, parties: list[str], year: int | None) -> str:
        kind = unnamed.kind
        surface = (
            min(unnamed.surfaces, key=lambda s: (-len(s), s)) if unnamed.surfaces else kind.kind
        )
        label = _label(surface, kind.kind)
        if unnamed.owner is not None:
            name = f"{label[:1].upper()}{label[1:]} of the {self.name_of(unnamed.owner)}"
        else:
            name = "–".join(self._short(p) for p in parties) + f" {label}"
            if unnamed.topic:
                name += f" {unnamed.topic}"
        if year is not None:
            name += f" ({year})"
        actor_id = f"{domain_schema().prefix_of(kind.type)}:{slugify(name)}"
        info = self.actors.setdefault(
            actor_id, ActorInfo(actor_id, name, kind.type, discovered=True)
        )
        info.aliases |= unnamed.surfaces | unnamed.titles
        if unnamed.topic and unnamed.owner is None:
            info.aliases.add(f"{surface} {unnamed.topic}")  # its own designation, unsigned
        return actor_id

    def _named_by(self, parties: list[str], owners: dict[str, str]) -> list[str]:
        """The parties an instrument's name says: its two countries when its parties are two
        countries' (Japan and Viet Nam, METI and Viet Nam's ministry), else the parties."""
        countries = [self.country_of(p, owners) for p in parties]
        distinct = sorted({c for c in countries if c is not None})
        if None not in countries and len(distinct) == 2:
            return distinct
        return parties

    def _short(self, actor_id: str) -> str:
        """A party as an instrument's name says it: a country by its name, a body by its
        acronym where it has one ("JICA", "MIC"), else by its name."""
        name = self.name_of(actor_id)
        if self.type_of(actor_id) == "Country":
            return name
        aliases = self.actors[actor_id].aliases if actor_id in self.actors else set()
        acronyms = sorted(a for a in aliases if len(a) <= 8 and sum(c.isupper() for c in a) >= 2)
        return acronyms[0] if acronyms else name

    def derived(self, facts: list[Fact]) -> list[Fact]:
        """The bilateral views between the two parties of each two-party instrument, and
        the projects a loan's giver funds."""
        lex = lexicon()
        by_instrument: dict[str, dict[str, list[Fact]]] = {}
        for fact in facts:
            if fact.type in _PARTY_ROLES and fact.confidence >= _SURE:
                by_instrument.setdefault(fact.target, {}).setdefault(fact.source, []).append(fact)
        owners = {f.source: f.target for f in facts if f.type == "PART_OF"}
        out: list[Fact] = []
        for instrument, by_party in sorted(by_instrument.items()):
            kind = self.resolver.kind(instrument)
            if kind is None or kind.bilateral is None or self.type_of(instrument) == "Event":
                continue
            rule = f"derived:{slugify(kind.kind)}"
            for a, b, evidence in self._sides(by_party, owners):
                for fact in evidence:
                    out.append(
                        Fact(a, b, kind.bilateral, rule, min(DERIVED, fact.confidence),
                             fact.span, position=fact.position)
                    )  # fmt: skip
        out.extend(self._given(facts, lex.data.covered_types))
        return out

    def _sides(
        self, by_party: dict[str, list[Fact]], owners: dict[str, str]
    ) -> list[tuple[str, str, list[Fact]]]:
        """The pairs a bilateral view joins: the two parties of a two-party instrument, and,
        when its parties belong to two countries ("Japan and Viet Nam sign an MoC", "METI
        and the Ministry of Industry and Trade of Viet Nam signed it"), the two countries
        and, at each level where each side has one, the two bodies."""
        parties = sorted(by_party)
        pairs: list[tuple[str, str, list[Fact]]] = []
        if len(parties) == 2:
            a, b = parties
            pairs.append((a, b, by_party[a] + by_party[b]))
        countries: dict[str, list[str]] = {}
        for party in parties:
            country = self.country_of(party, owners)
            if country is None:
                return pairs  # a party of no known country: no more sides to tell
            countries.setdefault(country, []).append(party)
        if len(countries) != 2:
            return pairs
        (x, xs), (y, ys) = sorted(countries.items())
        if (x, y) != tuple(parties):
            pairs.append((x, y, [f for p in (*xs, *ys) for f in by_party[p]]))
        bodies_x = [p for p in xs if p != x]
        bodies_y = [p for p in ys if p != y]
        if len(parties) > 2 and len(bodies_x) == 1 and len(bodies_y) == 1:
            a, b = sorted((bodies_x[0], bodies_y[0]))
            pairs.append((a, b, by_party[a] + by_party[b]))
        return pairs

    def country_of(self, actor: str, owners: dict[str, str]) -> str | None:
        """The country a party belongs to: itself, the country the document says owns it,
        or the country its own name or aliases hold ("... of Viet Nam", "Japan's ...")."""
        if self.type_of(actor) == "Country":
            return actor
        owner = owners.get(actor)
        if owner is not None and self.type_of(owner) == "Country":
            return owner
        info = self.actors.get(actor)
        names = [self.name_of(actor), *(sorted(info.aliases) if info else [])]
        return country_named(names)

    def _given(self, facts: list[Fact], covered_types: list[str]) -> list[Fact]:
        """ "JICA signed a loan agreement ... for the X Project": the giver of a loan or a
        grant FUNDS what the loan is for (what is PART_OF it), and what it covers BENEFITS
        the countries it is for (named so, else the signatories that do not give it)."""
        out: list[Fact] = []
        givers: dict[str, dict[str, float]] = {}  # grant -> giver -> how sure
        signers: dict[str, dict[str, float]] = {}
        beneficiaries: dict[str, dict[str, float]] = {}  # grant -> country -> how sure
        for fact in facts:
            kind = self.resolver.kind(fact.target if fact.type != "BENEFITS" else fact.source)
            if kind is None or not kind.funds:
                continue
            if fact.giver:
                _surest(givers, fact.target, fact.source, fact.confidence)
            elif fact.type == kind.role:
                _surest(signers, fact.target, fact.source, fact.confidence)
            elif fact.type == "BENEFITS":
                _surest(beneficiaries, fact.source, fact.target, fact.confidence)
        for grant, signed in signers.items():  # "Japan and Tuvalu signed the grant for Tuvalu"
            receiving = beneficiaries.get(grant, {})
            giving = {s: sure for s, sure in signed.items() if s not in receiving}
            if grant not in givers and receiving and len(giving) == 1:
                givers[grant] = giving
            given_by = givers.get(grant, {})
            if given_by and grant not in beneficiaries:  # "JICA signed a loan with India"
                beneficiaries[grant] = {
                    s: sure
                    for s, sure in signed.items()
                    if s not in given_by and self.type_of(s) == "Country"
                }
        for fact in facts:
            if fact.type != "PART_OF" or fact.target not in givers:
                continue
            if self.type_of(fact.source) not in covered_types:
                continue
            for giver, sure in givers[fact.target].items():
                out.append(
                    Fact(giver, fact.source, "FUNDS", "derived:giver",
                         min(DERIVED, sure, fact.confidence), fact.span, position=fact.position)
                )  # fmt: skip
            for country, sure in beneficiaries.get(fact.target, {}).items():  # theirs too
                out.append(
                    Fact(fact.source, country, "BENEFITS", "derived:beneficiary",
                         min(DERIVED, sure, fact.confidence), fact.span,
                         position=fact.position)
                )  # fmt: skip
        return out


def _surest(table: dict[str, dict[str, float]], key: str, actor: str, sure: float) -> None:
    """Keep, under `key`, each actor once with the surest reading of it."""
    known = table.setdefault(key, {})
    known[actor] = max(known.get(actor, 0.0), sure)


@cache
def _countries() -> tuple[re.Pattern[str], dict[str, str]]:
    """One scan for every name of a country, and the country each names."""
    rec = recogniser()
    names = {
        n: a
        for n, (a, kind) in rec.lookup.items()
        if a.startswith("country:") and kind != "metonym"
    }
    pattern = re.compile(trie_pattern(sorted(names), not_after=r"\w") + r"(?!\w)")
    return pattern, names


def country_named(names: list[str]) -> str | None:
    """The one country these names of an actor hold ("Ministry of Industry and Trade of Viet
    Nam", "Japan International Cooperation Agency"), or None."""
    pattern, countries = _countries()
    found = {countries[m.group()] for name in names for m in pattern.finditer(fold(name))}
    return found.pop() if len(found) == 1 else None


def _label(surface: str, kind: str) -> str:
    """How an unnamed instrument's name says its kind: the text's own words in title case,
    or the kind's name for an acronym ("MoC") or a single word."""
    words = surface.split()
    if any(w.isupper() or w[:-1].isupper() for w in words) or len(words) == 1:
        return kind
    return " ".join(w.lower() if w.lower() in _SMALL else w[:1].upper() + w[1:] for w in words)
