"""Extraction of one document: its actors and its relations, each with verbatim evidence.

The result depends only on the document's text (and the catalogue and patterns), so it is
cached by content hash and a rebuild re-extracts only documents that changed. Evidence
offsets refer to the original text: `text[start:end] == quote` always holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field

from graph.model import Actor, Evidence, Relation, ordered_ends
from graph.schema import domain_schema
from loaders.catalogue import config_fingerprint, patterns, slugify
from loaders.dates import StatedDate, dateline, dates_in
from loaders.frames import Fact, FrameReader
from loaders.instruments import InstrumentNamer
from loaders.items import Item, sentence_items
from loaders.lexicon import lexicon
from loaders.nlp import words
from loaders.people import PeopleResolver
from loaders.recognise import ActorInfo, Mention, recogniser
from loaders.relations import Found, build_skeleton, sentence_relations
from loaders.tables import TableReader
from loaders.text import Segment, fold, segment, trie_pattern, word_count

__all__ = ["EXTRACTOR_VERSION", "DocExtraction", "extract_document", "extractor_version"]

EXTRACTOR_VERSION = "1"


def extractor_version() -> str:
    """Cached extractions are reused only by the same extractor, catalogue and patterns."""
    return f"{EXTRACTOR_VERSION}-{config_fingerprint()}"


class DocExtraction(BaseModel):
    """What one document yields. Evidence `doc` is empty here; the merge fills in the name."""

    model_config = ConfigDict(extra="forbid")

    version: str
    words: int
    actors: list[Actor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)


_ANAPHOR_CACHE: dict[str, re.Pattern[str]] = {}


def _anaphor_regex() -> re.Pattern[str]:
    if "re" not in _ANAPHOR_CACHE:
        _ANAPHOR_CACHE["re"] = re.compile(
            r"\b(?:" + trie_pattern(patterns().anaphora) + r")\b", re.IGNORECASE
        )
    return _ANAPHOR_CACHE["re"]


_SpanKey = tuple[str, str, str, int | None]  # (source, type, target, year) of a pattern


def extract_document(text: str) -> DocExtraction:
    """Recognise the actors of `text` and extract its relations with evidence."""
    reading = _DocumentReading(text)
    reading.read_segments()
    relations = _merged(reading.pattern_relations() + reading.frame_relations())
    return DocExtraction(
        version=extractor_version(),
        words=word_count(text),
        actors=reading.actor_list(relations),
        relations=relations,
    )


class _DocumentReading:
    """The state of reading one document: its actors, its readers and what they found.

    The frames, the people resolver, the instrument namer and the table reader all keep
    state across the sentences of one document (the latest instrument, the last pair of
    parties, the table's header row), so one object holds them for the document's life.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.rec = recogniser()
        self.pat = patterns()
        self.folded = fold(text)
        recognition = self.rec.recognise(text, self.folded)
        self.mentions = recognition.mentions
        self.actors = recognition.actors
        self.starts = [m.start for m in self.mentions]
        self.lex = lexicon()
        self.schema = domain_schema()
        instrument_types = self.schema.types_with_role("instrument")
        main_anchor = next(
            (m.actor for m in self.mentions if self.type_of(m.actor) in instrument_types), None
        )
        self.tables = TableReader(self.type_of)
        self.frames = FrameReader(
            self.lex, self.type_of, self.name_of, main_anchor, self.new_place, self.party_named
        )
        self.people = PeopleResolver(
            self.lex, self.type_of, self.rec.bodies(self.actors), lambda a: a in self.rec.known
        )
        self.namer = InstrumentNamer(self.frames, self.actors, self.name_of)
        self.document_date = dateline(self.folded, self.pat.paper_marks)
        self.namer.document_year = self.document_date.year if self.document_date else None
        self.anaphora = {k.lower(): v for k, v in self.pat.anaphora.items()}
        self.found: dict[_SpanKey, list[tuple[int, int]]] = {}
        self.facts: list[tuple[Fact, StatedDate | None]] = []
        self.intro: tuple[list[Item], int] | None = None  # a sentence ending ":" before a list

    # --- the callbacks the readers share ----------------------------------------------

    def type_of(self, actor_id: str) -> str:
        """The type of an actor; a known body a person's title named joins the document."""
        if actor_id not in self.actors:
            known = self.rec.known[actor_id]
            self.actors[actor_id] = ActorInfo(
                known.id, known.name, known.type, set(known.aliases), dict(known.identifiers)
            )
        return self.actors[actor_id].type

    def name_of(self, actor_id: str) -> str:
        """The name of an actor of the document or of the reference data."""
        return (
            self.actors[actor_id].name if actor_id in self.actors else self.rec.known[actor_id].name
        )

    def new_place(self, name: str) -> str:
        """The id of a place the locative frame found, added to the document's actors."""
        actor_id = f"{self.schema.prefix_of('Place')}:{slugify(name)}"
        self.actors.setdefault(actor_id, ActorInfo(actor_id, name, "Place", discovered=True))
        return actor_id

    def party_named(self, name: str) -> str | None:
        """The known party a name spells, or None."""
        hit = self.rec.lookup.get(fold(name))
        if hit is None or self.type_of(hit[0]) not in self.schema.types_with_role("party"):
            return None
        return hit[0]

    # --- reading ----------------------------------------------------------------------

    def read_segments(self) -> None:
        """Read every segment that may be evidence, in document order (the readers'
        state runs forward), stopping at a references heading."""
        pat = self.pat
        segments = segment(
            self.folded,
            frozenset(pat.abbreviations),
            [x for m in self.mentions for x in (m.start, m.end)],
        )
        headings = {h.lower() for h in pat.reference_headings}
        for seg in _bounded(self.folded, segments):
            body = self.folded[seg.start : seg.end]
            if body.strip(" #*:").lower() in headings:
                return  # bibliographies and reference lists are never evidence
            if any(mark in body for mark in pat.reference_marks):
                continue  # nor footnotes and lines with links or page references
            self.read_segment(seg, body)

    def read_segment(self, seg: Segment, body: str) -> None:
        """Read one table row or sentence, and file its pattern relations under its span."""
        lo = bisect_left(self.starts, seg.start)
        hi = bisect_left(self.starts, seg.end, lo)
        inside = [m for m in self.mentions[lo:hi] if m.end <= seg.end]
        if seg.kind == "row":
            results = self.tables.row(self.folded, seg.start, seg.end, inside)
        else:
            self.tables.caption(body, inside)
            if not inside and not self._may_refer(body):
                self.intro = None
                return  # no actor and nothing that could stand for one: nothing to read
            self.read_frames(seg, body, inside)
            results = self.read_patterns(seg, inside)
        for item in results:
            self.found.setdefault((item.source, item.type, item.target, item.year), []).append(
                (seg.start, seg.end)
            )

    def _may_refer(self, body: str) -> bool:
        """Whether a sentence with no actor may still give one: a list's opening line or
        item, a reference ("the MoC", "both sides") or an amount field."""
        return (
            self.intro is not None
            or body.endswith(":")
            or self.lex.refers(body)
            or self.lex.amount_line(body)
        )

    def read_frames(self, seg: Segment, body: str, inside: list[Mention]) -> None:
        """The frames' facts of one sentence, dated by the sentence (or its list opener)."""
        folded = self.folded
        items = self.frames.mark_instruments(
            self.frames.pairs(
                self.frames.semicolon_lists(
                    self.people.collapse(
                        sentence_items(folded, words(body, seg.start), (seg.start, seg.end), inside)
                    )
                )
            )
        )
        span = (seg.start, seg.end)
        if self.intro is not None and folded[seg.start] in "-*•":
            items = self.intro[0] + items  # "... are:" followed by a bulleted list
            span = (self.intro[1], seg.end)
        elif folded[seg.end - 1] == ":":
            self.intro = (items, seg.start)
        else:
            self.intro = None
        stated = dates_in(folded[span[0] : span[1]], span[0])
        read = self.namer.settle(self.frames.read(items, span), stated)
        self.facts.extend((fact, stated[0] if stated else None) for fact in read)

    def read_patterns(self, seg: Segment, inside: list[Mention]) -> list[Found]:
        """The older sentence patterns, over the sentence's skeleton with its anaphors."""
        folded = self.folded
        inside = inside + _anaphors(
            folded,
            (seg.start, seg.end),
            inside,
            self.mentions,
            self.anaphora,
            _anaphor_regex(),
            self.type_of,
            self.pat.anaphora_window,
        )
        if len(inside) < 2:
            return []
        inside.sort(key=lambda m: m.start)
        pieces: list[tuple[str, str | None]] = []
        cursor = seg.start
        for m in inside:
            pieces.append((folded[cursor : m.start], None))
            pieces.append(("", m.actor))
            cursor = m.end
        pieces.append((folded[cursor : seg.end], None))
        skeleton, ids = build_skeleton(pieces)
        return sentence_relations(skeleton, ids, self.type_of)

    # --- results ----------------------------------------------------------------------

    def pattern_relations(self) -> list[Relation]:
        """The patterns' relations, each with the spans of every sentence that states it."""
        text = self.text
        return [
            Relation(
                source=source,
                target=target,
                type=rel_type,
                year=year,
                date=str(year) if year is not None else None,
                date_precision="year" if year is not None else None,
                date_source="sentence" if year is not None else None,
                rule="pattern",
                confidence=0.9,
                evidence=[
                    Evidence(doc="", quote=text[s:e], start=s, end=e) for s, e in sorted(set(spans))
                ],
            )
            for (source, rel_type, target, year), spans in self.found.items()
        ]

    def frame_relations(self) -> list[Relation]:
        """The frames' relations and the views derived from them (the bilateral ones)."""
        all_facts = self.facts + self.namer.derived(self.facts)
        return _fact_relations(self.text, all_facts, self.document_date)

    def actor_list(self, relations: list[Relation]) -> list[Actor]:
        """The document's actors in id order; a place no relation links is left out."""
        linked = {e for r in relations for e in (r.source, r.target)}
        actors = {k: v for k, v in self.actors.items() if v.type != "Place" or k in linked}
        return [
            Actor(
                id=info.id,
                name=info.name,
                type=info.type,
                aliases=sorted(info.aliases - {info.name}),
                identifiers=dict(sorted(info.identifiers.items())),
                discovered=info.discovered,
            )
            for info in sorted(actors.values(), key=lambda a: a.id)
        ]


_LONGEST_SENTENCE = 3000  # characters; a longer "sentence" is text with no full stop


def _bounded(folded: str, segments: list[Segment]) -> list[Segment]:
    """Segments cut at whitespace into pieces of at most _LONGEST_SENTENCE characters, so
    that a document with no full stop costs what its length costs, never more."""
    out: list[Segment] = []
    for seg in segments:
        start = seg.start
        while seg.end - start > _LONGEST_SENTENCE:
            cut = folded.rfind(" ", start + 1, start + _LONGEST_SENTENCE)
            cut = cut if cut > start else start + _LONGEST_SENTENCE
            out.append(Segment(seg.kind, start, cut))
            start = cut + 1
        out.append(Segment(seg.kind, start, seg.end))
    return out


def _fact_relations(
    text: str, facts: list[tuple[Fact, StatedDate | None]], document_date: StatedDate | None
) -> list[Relation]:
    """Relations from frame facts: the date of the sentence, else the document's dateline."""
    out: list[Relation] = []
    schema = domain_schema()
    for fact, stated in facts:
        date, source = (stated, "sentence") if stated is not None else (document_date, "document")
        if not schema.relation_types[fact.type].dated:
            date = None
        start, end = fact.span
        ends = ordered_ends(fact.type, fact.source, fact.target)
        out.append(
            Relation(
                source=ends[0],
                target=ends[1],
                type=fact.type,
                year=date.year if date else None,
                date=date.iso if date else None,
                date_precision=date.precision if date else None,
                date_source=source if date else None,
                rule=fact.rule,
                confidence=fact.confidence,
                evidence=[Evidence(doc="", quote=text[start:end], start=start, end=end)],
            )
        )
    return out


def _merged(relations: list[Relation]) -> list[Relation]:
    """One relation per key: evidence united, the surest reading kept."""
    dated = {(r.source, r.type, r.target) for r in relations if r.year is not None}
    by_key: dict[str, list[Relation]] = {}
    for relation in relations:
        ends = (relation.source, relation.type, relation.target)
        if relation.year is None and ends in dated:  # an undated reading of a dated relation
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


def _strength(relation: Relation) -> tuple[int, float, int, str]:
    precision = {"day": 3, "month": 2, "year": 1}.get(relation.date_precision or "", 0)
    stated = 1 if relation.date_source == "sentence" else 0
    return (stated, relation.confidence, precision, relation.rule)


def _start_of(mention: Mention) -> int:
    return mention.start


def _anaphors(
    folded: str,
    span: tuple[int, int],
    inside: list[Mention],
    mentions: list[Mention],
    anaphora: dict[str, str],
    anaphor_re: re.Pattern[str],
    type_of: Callable[[str], str],
    window: int,
) -> list[Mention]:
    """Mentions for "the project" etc.: the nearest preceding actor of the expected type."""
    out: list[Mention] = []
    for match in anaphor_re.finditer(folded, *span):
        if any(m.start < match.end() and match.start() < m.end for m in inside):
            continue
        wanted = anaphora[match.group().lower()]
        k = bisect_left(mentions, match.start(), key=_start_of)
        while k > 0:
            k -= 1
            candidate = mentions[k]
            if candidate.start < match.start() - window:
                break
            if type_of(candidate.actor) == wanted:
                out.append(Mention(match.start(), match.end(), candidate.actor, "anaphor"))
                break
    return out
