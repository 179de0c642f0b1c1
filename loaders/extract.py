"""Extraction of one document: its actors and its relations, each with verbatim evidence.

One pass of stages, in one direction, each handing the next a typed result:
fold the text once -> recognise names (gazetteer, catalogue, the document's own definitions
and organisation-word names) -> cut it into units (sentences, lists, field lines, table
rows) and pick those worth parsing -> parse them with the statistical model -> add the
names the model finds -> lay the mentions on the parses -> read each unit (the rules on a
parse, the table and field readers on their lines) into claims -> resolve the claims in
document order -> keep what the schema allows -> name the unnamed instruments and derive
what their parties imply -> emit relations with evidence and dates.

The result depends only on the document's text (and the extractor's code, data and model),
so it is cached by content hash and a rebuild re-extracts only documents that changed.
Evidence offsets refer to the original text: `text[start:end] == quote` always holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from graph.model import Actor, Relation
from graph.schema import domain_schema
from loaders.catalogue import config_fingerprint, patterns
from loaders.dates import dateline, dates_in
from loaders.engine.aliases import short_names
from loaders.engine.emit import admitted, relations_of
from loaders.engine.entities import model_names
from loaders.engine.instruments import InstrumentNodes, country_named
from loaders.engine.matching import Claim, match_unit
from loaders.engine.parsed import ParsedUnit, lay_mentions
from loaders.engine.publishers import publisher_of
from loaders.engine.referents import DocumentContext, people_in
from loaders.engine.resolution import Fact, Resolver
from loaders.engine.units import Unit, country_lists, header_of, parse_text, units_of
from loaders.nlp import model_info, parse
from loaders.readers.fields import field_claims
from loaders.readers.glosses import gloss_claims
from loaders.readers.names import country_claims, name_claims, named_place
from loaders.readers.tables import TableReader
from loaders.recognise import ActorInfo, Mention, recogniser
from loaders.rules.grammar import grammar
from loaders.rules.lexicon import Instrument, lexicon
from loaders.text import fold, word_count

__all__ = ["EXTRACTOR_VERSION", "DocExtraction", "extract_document", "extractor_version"]

EXTRACTOR_VERSION = "3"


def extractor_version() -> str:
    """Cached extractions are reused only by the same extractor, data and model."""
    return f"{EXTRACTOR_VERSION}-{config_fingerprint()}-{model_info().fingerprint}"


class DocExtraction(BaseModel):
    """What one document yields. Evidence `doc` is empty here; the merge fills in the name."""

    model_config = ConfigDict(extra="forbid")

    version: str
    words: int
    actors: list[Actor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)


_SMALL = frozenset({"of", "for", "the", "and", "on", "to", "in", "&", ","})
_SURE = 0.5  # a name the model alone found is kept where a relation this sure links it


@dataclass
class _Actors:
    """The document's actors: those it names, and known ones its people stand for."""

    found: dict[str, ActorInfo]
    groups: dict[str, list[str]]

    def type_of(self, actor_id: str) -> str:
        if actor_id in self.groups:  # a group of parties is of its first party's type
            return self.type_of(self.groups[actor_id][0])
        if actor_id not in self.found:
            known = recogniser().known[actor_id]
            self.found[actor_id] = ActorInfo(
                known.id, known.name, known.type, set(known.aliases), dict(known.identifiers)
            )
        return self.found[actor_id].type

    def name_of(self, actor_id: str) -> str:
        if actor_id in self.groups:
            return " and ".join(self.name_of(a) for a in self.groups[actor_id])
        self.type_of(actor_id)
        return self.found[actor_id].name


def _bodies(actors: dict[str, ActorInfo]) -> list[tuple[frozenset[str], str]]:
    """The government bodies of a document by their names' content words, for people's
    titles to point at ("Minister for Digital" -> the agency named "... Digital ...")."""
    heads = frozenset(lexicon().data.people.body_heads)
    out: list[tuple[frozenset[str], str]] = []
    for actor_id, info in sorted(actors.items()):
        if info.type != "Agency":
            continue
        words = frozenset(w.strip(",.").lower() for w in info.name.split()) - _SMALL
        if words & heads:
            out.append((words - heads, actor_id))
    return out


def _home_titles(
    mentions: list[Mention], folded: str, publisher: str | None, actors: dict[str, ActorInfo]
) -> list[Mention]:
    """Mentions without a bare title of another country's office: "the Prime Minister" of
    an Australian release is Australia's (its publisher's), not the catalogue's Japanese
    one."""
    if publisher is None:
        return mentions
    titles = lexicon().titles
    out: list[Mention] = []
    for mention in mentions:
        words = folded[mention.start : mention.end].lower().removeprefix("the ").split()
        info = actors.get(mention.actor)
        if words and all(w in titles for w in words) and info is not None:
            country = country_named([info.name, *sorted(info.aliases)])
            if country is not None and country != publisher:
                continue
        out.append(mention)
    return out


def _with_model_names(units: list[Unit], mentions: list[Mention]) -> None:
    """Give each unit the mentions inside it, the model's names now included."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    k = 0
    for unit in units:
        while k < len(ordered) and ordered[k].start < unit.start:
            k += 1
        inside: list[Mention] = []
        j = k
        while j < len(ordered) and ordered[j].start < unit.end:
            if ordered[j].end <= unit.end:
                inside.append(ordered[j])
            j += 1
        unit.mentions = inside


def extract_document(text: str) -> DocExtraction:
    """Recognise the actors of `text` and extract its relations with evidence."""
    folded = fold(text)
    header = header_of(folded)
    rec = recogniser()
    recognition = rec.recognise(text, folded)
    defined = short_names(folded, recognition.mentions, recognition.actors)
    known = sorted(
        defined.pointed([*recognition.mentions, *defined.mentions]), key=lambda m: (m.start, m.end)
    )
    known = _home_titles(known, folded, publisher_of(header.source), recognition.actors)
    units = units_of(folded, known, header.end)
    to_parse = [u for u in units if u.parse]
    docs = parse(
        [parse_text(folded, u) for u in to_parse],
        [[at - u.start for at in u.names] for u in to_parse],
    )
    names = model_names(
        [(d, u.start) for d, u in zip(docs, to_parse, strict=True)], text, folded, known, rec
    )
    actors = _Actors({**names.actors, **recognition.actors}, defined.groups)
    _with_model_names(units, [*known, *names.mentions])
    ctx = DocumentContext(actors.type_of, actors.name_of, _bodies(actors.found), defined.groups)
    parsed = {
        id(u): lay_mentions(d, u.start, u.mentions, actors.type_of, country_lists(folded, u))
        for d, u in zip(docs, to_parse, strict=True)
    }
    ordered = sorted([*known, *names.mentions], key=lambda m: m.start)
    reading = _Reading(text, folded, actors, ctx, header.source, ordered, set(names.actors))
    for unit in units:
        reading.read(unit, parsed.get(id(unit)))
    return reading.result()


class _Reading:
    """The units of one document read in order into facts, then settled into relations."""

    def __init__(
        self,
        text: str,
        folded: str,
        actors: _Actors,
        ctx: DocumentContext,
        source: str | None,
        mentions: list[Mention],
        modelled: set[str],
    ) -> None:
        self.modelled = modelled  # the actors only the statistical model found
        self.written = _written_names(text, mentions, actors.type_of)
        self.text = text
        self.folded = folded
        self.actors = actors
        self.ctx = ctx
        instrument_types = domain_schema().types_with_role("instrument")
        lex = lexicon()
        self.kinds: dict[str, Instrument | None] = {}
        self.resolver = Resolver(
            actors.type_of,
            self.kind_of_actor,
            publisher_of(source),
            list(dict.fromkeys(
                m.actor for m in mentions if actors.type_of(m.actor) in instrument_types
            )),
            actors.groups,
        )  # fmt: skip
        self.instrument_types = instrument_types
        self.lex = lex
        self.tables = TableReader(actors.type_of)
        self.facts: list[Fact] = []
        self.named: set[str] = set()  # instruments and bodies whose names were read
        self.owned_types = frozenset(lex.data.owned_types)
        self.document_date = dateline(folded, patterns().paper_marks)

    def kind_of_actor(self, actor_id: str) -> Instrument | None:
        if actor_id not in self.kinds:
            self.kinds[actor_id] = self.lex.kind_of_name(self.actors.name_of(actor_id))
        return self.kinds[actor_id]

    def type_of(self, key: str) -> str:
        if key.startswith("?"):
            return self.resolver.instrument_type(key)
        return self.actors.type_of(key)

    def kind_of(self, key: str) -> Instrument | None:
        return self.resolver.kind(key)

    def read(self, unit: Unit, parsed: ParsedUnit | None) -> None:
        """One unit's claims, resolved in document order."""
        self.resolver.begin_unit()
        for mention in unit.mentions:
            self.resolver.see_mention(mention.actor, mention.start)
        span = (unit.start, unit.end)
        claims: list[Claim] = self._names(unit) if unit.kind != "row" else []
        if unit.kind == "row":
            claims += self.tables.row(self.folded, unit.start, unit.end, unit.mentions)
        else:
            self.tables.caption(self.folded[unit.start : unit.end], unit.mentions)
        if unit.kind == "field":
            claims += field_claims(self.folded, unit.start, unit.end, unit.mentions)
        if unit.kind != "row":
            claims += gloss_claims(self.folded, unit.mentions, span)
        if parsed is not None:
            for phrase in sorted(parsed.phrases.values(), key=lambda p: p.position):
                self.resolver.see_phrase(phrase, span)
            for person in people_in(parsed, self.ctx):
                self.resolver.see_person(person)
            claims += match_unit(parsed, span, self.ctx)
        self.facts.extend(self.resolver.resolve(claims))

    def _names(self, unit: Unit) -> list[Claim]:
        """What the names of the instruments a unit names first say of them."""
        claims: list[Claim] = []
        for mention in unit.mentions:
            actor = mention.actor
            actor_type = self.actors.type_of(actor)
            if actor in self.named or actor in self.actors.groups:
                continue
            if actor_type in self.owned_types:
                self.named.add(actor)
                surface = self.folded[mention.start : mention.end]
                claims += country_claims(actor, surface, (unit.start, unit.end), mention.start)
                continue
            if actor_type not in self.instrument_types:
                continue
            self.named.add(actor)
            place = named_place(self.actors.name_of(actor), actor_type)
            if place is not None and place[0].startswith("place:"):
                self.actors.found.setdefault(
                    place[0], ActorInfo(place[0], place[1], "Place", discovered=True)
                )
            for name in dict.fromkeys(
                (self.folded[mention.start : mention.end], self.actors.name_of(actor))
            ):
                claims += name_claims(
                    actor, name, actor_type, (unit.start, unit.end), mention.start
                )
        return claims

    def _year_of(self, span: tuple[int, int], position: int) -> int | None:
        stated = dates_in(self.folded[span[0] : span[1]], span[0])
        if stated:
            return min(stated, key=lambda d: abs(d.start - position)).year
        return self.document_date.year if self.document_date else None

    def result(self) -> DocExtraction:
        facts = admitted(self.facts, self.type_of, self.kind_of)
        nodes = InstrumentNodes(
            self.resolver, self.actors.found, self.actors.name_of, self.actors.type_of,
            self._year_of,
        )  # fmt: skip
        facts = nodes.settle(facts)
        facts += admitted(nodes.derived(facts), self.actors.type_of, self.kind_of_actor)
        relations = _merged(relations_of(facts, self.text, self.folded, self.document_date))
        actors = _actor_list(self.actors.found, relations, self.modelled, self.written)
        kept = {a.id for a in actors}
        return DocExtraction(
            version=extractor_version(),
            words=word_count(self.text),
            actors=actors,
            relations=[r for r in relations if r.source in kept and r.target in kept],
        )


_NAMING_KINDS = frozenset({"catalogue", "acronym", "alias", "model"})
_UNNAMED_TYPES = frozenset({"Country", "Place"})  # their names are the gazetteer's


def _written_names(
    text: str, mentions: list[Mention], type_of: Callable[[str], str]
) -> dict[str, set[str]]:
    """How the document writes each body it names ("Department of Economic Affairs" for
    the catalogue's "Department of Economic Affairs of India", "MOST" where it defines the
    acronym): aliases a reader can search by. Countries and places keep the gazetteer's."""
    out: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind not in _NAMING_KINDS or type_of(mention.actor) in _UNNAMED_TYPES:
            continue
        written = " ".join(text[mention.start : mention.end].split())
        if written[:1].isupper():
            out.setdefault(mention.actor, set()).add(written)
    return out


def _actor_list(
    found: dict[str, ActorInfo],
    relations: list[Relation],
    modelled: set[str],
    written: dict[str, set[str]],
) -> list[Actor]:
    """The document's actors in id order, with the names the document writes them by as
    aliases. A place, or a name only the statistical model found, is kept only where a
    relation links it."""
    linked = {e for r in relations for e in (r.source, r.target) if r.confidence >= _SURE}
    kept = {
        k: v for k, v in found.items() if (v.type != "Place" and k not in modelled) or k in linked
    }
    return [
        Actor(
            id=info.id,
            name=info.name,
            type=info.type,
            aliases=sorted((info.aliases | written.get(info.id, set())) - {info.name}),
            identifiers=dict(sorted(info.identifiers.items())),
            discovered=info.discovered,
        )
        for info in sorted(kept.values(), key=lambda a: a.id)
    ]


def _merged(relations: list[Relation]) -> list[Relation]:
    """One relation per key: evidence united, the surest reading kept. An undated reading
    of a relation the document also dates joins the dated one."""
    dated = {(r.source, r.type, r.target) for r in relations if r.year is not None}
    by_key: dict[str, list[Relation]] = {}
    for relation in relations:
        ends = (relation.source, relation.type, relation.target)
        if relation.year is None and ends in dated:
            key = min(r.key for r in relations if (r.source, r.type, r.target) == ends and r.year)
        else:
            key = relation.key
        by_key.setdefault(key, []).append(relation)
    out: list[Relation] = []
    for group in by_key.values():
        best = max(group, key=_strength)
        if best.year is None:
            best = max((r for r in group if r.year is not None), key=_strength, default=best)
        spans = {e.sort_key(): e for r in group for e in r.evidence}
        out.append(best.model_copy(update={"evidence": [spans[k] for k in sorted(spans)]}))
    out.sort(key=lambda r: (r.source, r.type, r.target, r.year or 0))
    return out


def _strength(relation: Relation) -> tuple[float, int, int, int, str]:
    """How sure a reading is: its confidence first, then a date read in its own sentence,
    then the date's precision, then the rule written first in rules.yaml."""
    precision = {"day": 3, "month": 2, "year": 1}.get(relation.date_precision or "", 0)
    stated = 1 if relation.date_source == "sentence" else 0
    return (relation.confidence, stated, precision, -grammar().rank(relation.rule), relation.rule)
