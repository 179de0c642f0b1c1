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

from graph.model import Actor, Evidence, Relation
from loaders.catalogue import config_fingerprint, patterns
from loaders.recognise import Mention, recogniser
from loaders.relations import build_skeleton, sentence_relations
from loaders.tables import TableReader
from loaders.text import fold, segment, word_count

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
        return actors[actor_id].type

    starts = [m.start for m in mentions]
    protected = [x for m in mentions for x in (m.start, m.end)]
    segments = segment(folded, frozenset(pat.abbreviations), protected)
    tables = TableReader(type_of)
    anaphora = {k.lower(): v for k, v in pat.anaphora.items()}
    anaphor_re = _anaphor_regex()
    found: dict[tuple[str, str, str, int | None], list[tuple[int, int]]] = {}

    for seg in segments:
        lo = bisect_left(starts, seg.start)
        hi = bisect_left(starts, seg.end, lo)
        inside = [m for m in mentions[lo:hi] if m.end <= seg.end]
        if seg.kind == "row":
            results = tables.row(folded, seg.start, seg.end, inside)
        else:
            tables.caption(folded[seg.start : seg.end], inside)
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
            evidence=[
                Evidence(doc="", quote=text[s:e], start=s, end=e) for s, e in sorted(set(spans))
            ],
        )
        for (source, rel_type, target, year), spans in found.items()
    ]
    relations.sort(key=lambda r: (r.source, r.type, r.target, r.year or 0))
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
