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
from loaders.relations import build_skeleton, sentence_relations
from loaders.tables import TableReader
from loaders.text import Segment, fold, segment, word_count

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
        phrases = sorted(patterns().anaphora, key=len, reverse=True)
        _ANAPHOR_CACHE["re"] = re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE
        )
    return _ANAPHOR_CACHE["re"]


def extract_document(text: str) -> DocExtraction:
    """Recognise the actors of `text` and extract its relations with evidence."""
    rec = recogniser()
    pat = patterns()
    folded = fold(text)
    recognition = rec.recognise(text, folded)
    mentions = recognition.mentions
    actors = recognition.actors

    def type_of(actor_id: str) -> str:
        if actor_id not in actors:  # a known body a person's title named
            known = rec.known[actor_id]
            actors[actor_id] = ActorInfo(
                known.id, known.name, known.type, set(known.aliases), dict(known.identifiers)
            )
        return actors[actor_id].type

    starts = [m.start for m in mentions]
    protected = [x for m in mentions for x in (m.start, m.end)]
    segments = _bounded(folded, segment(folded, frozenset(pat.abbreviations), protected))
    tables = TableReader(type_of)
    anaphora = {k.lower(): v for k, v in pat.anaphora.items()}
    anaphor_re = _anaphor_regex()
    found: dict[tuple[str, str, str, int | None], list[tuple[int, int]]] = {}
    lex = lexicon()
    schema = domain_schema()
    instrument_types = schema.types_with_role("instrument")
    main_anchor = next((m.actor for m in mentions if type_of(m.actor) in instrument_types), None)

    def new_place(name: str) -> str:
        actor_id = f"{schema.prefix_of('Place')}:{slugify(name)}"
        actors.setdefault(actor_id, ActorInfo(actor_id, name, "Place", discovered=True))
        return actor_id

    def party_named(name: str) -> str | None:
        hit = rec.lookup.get(fold(name))
        if hit is None or type_of(hit[0]) not in schema.types_with_role("party"):
            return None
        return hit[0]

    frames = FrameReader(
        lex,
        type_of,
        lambda a: actors[a].name if a in actors else rec.known[a].name,
        main_anchor,
        new_place,
        party_named,
    )
    people = PeopleResolver(lex, type_of, rec.bodies(actors), lambda a: a in rec.known)
    namer = InstrumentNamer(
        frames, actors, lambda a: actors[a].name if a in actors else rec.known[a].name
    )
    document_date = dateline(folded, pat.paper_marks)
    namer.document_year = document_date.year if document_date else None
    facts: list[tuple[Fact, StatedDate | None]] = []
    intro: tuple[list[Item], int] | None = None

    headings = {h.lower() for h in pat.reference_headings}
    in_references = False
    for seg in segments:
        body = folded[seg.start : seg.end]
        if body.strip(" #*:").lower() in headings:
            in_references = True
        if in_references or any(mark in body for mark in pat.reference_marks):
            continue  # bibliographies, reference lists and footnotes are never evidence
        lo = bisect_left(starts, seg.start)
        hi = bisect_left(starts, seg.end, lo)
        inside = [m for m in mentions[lo:hi] if m.end <= seg.end]
        if seg.kind == "row":
            results = tables.row(folded, seg.start, seg.end, inside)
        else:
            tables.caption(folded[seg.start : seg.end], inside)
            if not inside and not (
                intro is not None or body.endswith(":") or lex.refers(body) or lex.amount_line(body)
            ):
                intro = None
                continue  # no actor and nothing that could stand for one: nothing to read
            items = frames.mark_instruments(
                frames.pairs(
                    people.collapse(
                        sentence_items(folded, words(body, seg.start), (seg.start, seg.end), inside)
                    )
                )
            )
            span = (seg.start, seg.end)
            if intro is not None and folded[seg.start] in "-*•":
                items = intro[0] + items  # "... are:" followed by a bulleted list
                span = (intro[1], seg.end)
            elif folded[seg.end - 1] == ":":
                intro = (items, seg.start)
            else:
                intro = None
            stated = dates_in(folded[span[0] : span[1]], span[0])
            read = namer.settle(frames.read(items, span), stated)
            facts.extend((fact, stated[0] if stated else None) for fact in read)
            inside = inside + _anaphors(
                folded,
                (seg.start, seg.end),
                inside,
                mentions,
                anaphora,
                anaphor_re,
                type_of,
                pat.anaphora_window,
            )
            if len(inside) < 2:
                continue
            inside.sort(key=lambda m: m.start)
            pieces: list[tuple[str, str | None]] = []
            cursor = seg.start
            for m in inside:
                pieces.append((folded[cursor : m.start], None))
                pieces.append(("", m.actor))
                cursor = m.end
            pieces.append((folded[cursor : seg.end], None))
            skeleton, ids = build_skeleton(pieces)
            results = sentence_relations(skeleton, ids, type_of)
        for item in results:
            found.setdefault((item.source, item.type, item.target, item.year), []).append(
                (seg.start, seg.end)
            )

    relations = [
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
        for (source, rel_type, target, year), spans in found.items()
    ]
    all_facts = facts + namer.derived(facts)
    relations.extend(_fact_relations(text, all_facts, document_date))
    relations = _merged(relations)
    linked = {e for r in relations for e in (r.source, r.target)}
    actors = {k: v for k, v in actors.items() if v.type != "Place" or k in linked}
    actor_list = [
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
    return DocExtraction(
        version=extractor_version(),
        words=word_count(text),
        actors=actor_list,
        relations=relations,
    )


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
        k = bisect_left([m.start for m in mentions], match.start())
        while k > 0:
            k -= 1
            candidate = mentions[k]
            if candidate.start < match.start() - window:
                break
            if type_of(candidate.actor) == wanted:
                out.append(Mention(match.start(), match.end(), candidate.actor, "anaphor"))
                break
    return out
