"""Instruments as nodes: naming the unnamed ones and deriving the bilateral views.

An instrument the text names only by its kind ("a Memorandum of Cooperation") becomes a
node once a frame gives it parties, with a stable readable name from those parties, its kind
and its year ("Japan–Estonia Memorandum of Cooperation (2022)") and an id made from that
name. A later "the MoC" with no parties of its own is the last one of that kind in the
document. The bilateral views ("Japan SIGNED_MOC Estonia", "X PARTNERS_WITH Y") are derived
from the parties of each instrument, with the rule "derived:<kind>" and the parties'
evidence, so that both "what did Japan sign?" and "who are Japan's partners?" are answered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from graph.schema import domain_schema
from loaders.catalogue import slugify
from loaders.dates import StatedDate
from loaders.frames import Fact, FrameReader
from loaders.recognise import ActorInfo

__all__ = ["InstrumentNamer"]

_DERIVED = 0.8  # the confidence of a view derived from a frame's reading

_ROLES = frozenset({"SIGNED", "PARTICIPATES_IN", "LEADS", "HOSTS"})


class InstrumentNamer:
    """Names a document's unnamed instruments and derives bilateral relations."""

    def __init__(
        self, frames: FrameReader, actors: dict[str, ActorInfo], name_of: Callable[[str], str]
    ) -> None:
        self.frames = frames
        self.actors = actors
        self.name_of = name_of
        self.last_of_kind: dict[str, str] = {}
        self.schema = domain_schema()
        self.document_year: int | None = None

    def _label(self, surface: str, kind: str) -> str:
        words = surface.split()
        if any(w.isupper() or w[:-1].isupper() for w in words) or len(words) == 1:
            return kind
        small = {"of", "on", "for", "and", "the", "in"}
        return " ".join(w.lower() if w.lower() in small else w[:1].upper() + w[1:] for w in words)

    def settle(self, facts: list[Fact], stated: list[StatedDate]) -> list[Fact]:
        """Facts with every unnamed key replaced by its instrument's id (or dropped)."""
        keys = sorted({e for f in facts for e in (f.source, f.target) if e.startswith("?")})
        mapping: dict[str, str | None] = {}
        parties_types = self.schema.types_with_role("party")
        for key in keys:
            unnamed = self.frames.unnamed[key]
            kind = unnamed.instrument
            parties = list(
                dict.fromkeys(
                    f.source
                    for f in facts
                    if f.target == key and self.frames.type_of(f.source) in parties_types
                )
            )
            if not parties or (
                len(parties) < 2 and kind.type != "Agreement" and not unnamed.owned
            ):  # "an online meeting" with one party is too vague to be a node of its own
                mapping[key] = self.last_of_kind.get(kind.kind)
                continue
            label = self._label(unnamed.surface, kind.kind)
            if unnamed.owned:
                name = label[:1].upper() + label[1:]
            else:
                name = "–".join(self.name_of(p) for p in parties) + f" {label}"
            if unnamed.topic:
                name += f" {unnamed.topic}"
            year = stated[0].year if stated else self.document_year
            if year is not None:
                name += f" ({year})"
            actor_id = f"{self.schema.prefix_of(kind.type)}:{slugify(name)}"
            if actor_id not in self.actors:
                self.actors[actor_id] = ActorInfo(actor_id, name, kind.type, discovered=True)
            aliases = self.actors[actor_id].aliases
            aliases.add(unnamed.surface)
            if unnamed.topic:
                aliases.add(f"{unnamed.surface} {unnamed.topic}")
            self.frames.unnamed[actor_id] = replace(unnamed, key=actor_id)
            self.last_of_kind[kind.kind] = actor_id
            self.frames.remember(actor_id)
            mapping[key] = actor_id
        out: list[Fact] = []
        for fact in facts:
            source = mapping.get(fact.source, fact.source)
            target = mapping.get(fact.target, fact.target)
            if source is None or target is None:
                continue
            out.append(replace(fact, source=source, target=target))
        return out

    def derived(
        self, facts: list[tuple[Fact, StatedDate | None]]
    ) -> list[tuple[Fact, StatedDate | None]]:
        """The bilateral view between the two parties of a two-party instrument, dated as the
        parties' own relations to it (many parties are joined by the node, not a clique)."""
        parties: dict[str, dict[str, list[tuple[Fact, StatedDate | None]]]] = {}
        for fact, date in facts:
            if fact.type in _ROLES and fact.source != fact.target:
                parties.setdefault(fact.target, {}).setdefault(fact.source, []).append((fact, date))
        out: list[tuple[Fact, StatedDate | None]] = []
        for anchor, by_party in sorted(parties.items()):
            kind = (
                self.frames.unnamed[anchor].instrument
                if anchor in self.frames.unnamed
                else self.frames.lex.kind_of_name(self.name_of(anchor))
            )
            if kind is None or kind.bilateral is None or self.frames.type_of(anchor) == "Event":
                continue
            if len(by_party) != 2:
                continue  # a bilateral view only of a two-party instrument
            names = sorted(by_party)
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    rule = f"derived:{slugify(kind.kind)}"
                    for fact, date in by_party[a] + by_party[b]:
                        confidence = min(_DERIVED, fact.confidence)  # no surer than its reading
                        out.append((Fact(a, b, kind.bilateral, rule, confidence, fact.span), date))
        return out
