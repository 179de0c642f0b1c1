"""The units a document is read in: sentences, lists, "Field: value" lines and table rows.

A unit is the fixed piece of text one reader reads, and the one a parse is made of: a
sentence, or a sentence ending in ":" with the bulleted items that follow it (one list), a
field line, or a table row. The same document always gives the same units, so a sentence
is always parsed the same way, whatever else is parsed with it.

Only some sentences are worth the parse: those with a trigger word and at least two things
a relation could join (a recognised name, an instrument such as "the MoC", a person, "both
sides", an unknown capitalised name the model may recognise). Selecting them here keeps the
statistical model on a small share of a long paper.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from loaders.catalogue import patterns
from loaders.nlp import Word, words
from loaders.recognise import Mention
from loaders.rules.lexicon import Lexicon, lexicon, singular
from loaders.text import Segment, segment

__all__ = ["DocumentHeader", "Unit", "header_of", "units_of"]

_LONGEST = 3000  # characters; a longer "sentence" is text with no full stop
_BULLET = re.compile(r"[ \t]*(?:[-*•]|\d+[.)])[ \t]")
_FIELD = re.compile(r"[ \t]*[-*•]?[ \t]*([A-Z][\w /&()'-]{0,40}?)[ \t]*:[ \t]*(\S.*)$")
_HEADER = re.compile(r"^(source|title|date|published)[ \t]*:[ \t]*(.+)$", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-Z][\w&.'-]*[A-Za-z]")


@dataclass(frozen=True)
class DocumentHeader:
    """What a document's own header lines say of it ("source: <address>", "title: ...")."""

    source: str | None = None
    title: str | None = None
    end: int = 0  # where the header ends: its lines are no evidence


@dataclass
class Unit:
    """One piece of a document read as a whole, with the mentions inside it."""

    kind: str  # sentence | list | field | row
    start: int
    end: int
    mentions: list[Mention]
    words: list[Word]
    parse: bool = False


def header_of(folded: str) -> DocumentHeader:
    """The header lines at the top of a document ("source:", "title:"), if any."""
    fields: dict[str, str] = {}
    end = 0
    position = 0
    for line in folded.splitlines(keepends=True):
        match = _HEADER.match(line.strip())
        if match is None:
            break
        fields.setdefault(match.group(1).lower(), match.group(2).strip())
        position += len(line)
        end = position
    return DocumentHeader(fields.get("source"), fields.get("title"), end)


def _bounded(folded: str, segments: list[Segment]) -> list[Segment]:
    """Segments cut at whitespace into pieces of at most _LONGEST characters, so that a
    document with no full stop costs what its length costs, never more."""
    out: list[Segment] = []
    for seg in segments:
        start = seg.start
        while seg.end - start > _LONGEST:
            cut = folded.rfind(" ", start + 1, start + _LONGEST)
            cut = cut if cut > start else start + _LONGEST
            out.append(Segment(seg.kind, start, cut))
            start = cut + 1
        out.append(Segment(seg.kind, start, seg.end))
    return out


def _inside(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    lo = bisect_left(starts, start)
    hi = bisect_left(starts, end, lo)
    return [m for m in mentions[lo:hi] if m.end <= end]


def units_of(folded: str, mentions: list[Mention], body_start: int) -> list[Unit]:
    """The document's units in order, up to a references heading (bibliographies and
    reference lists are never evidence), each marked whether it is worth parsing."""
    pat = patterns()
    lex = lexicon()
    starts = [m.start for m in mentions]
    segments = segment(
        folded, frozenset(pat.abbreviations), [x for m in mentions for x in (m.start, m.end)]
    )
    headings = {h.lower() for h in pat.reference_headings}
    units: list[Unit] = []
    opener: Unit | None = None  # a sentence ending ":" that bulleted items may follow
    for seg in _bounded(folded, segments):
        if seg.start < body_start:
            continue
        body = folded[seg.start : seg.end]
        if body.strip(" #*:").lower() in headings:
            break
        if any(mark in body for mark in pat.reference_marks):
            opener = None
            continue
        inside = _inside(mentions, starts, seg.start, seg.end)
        if seg.kind == "row":
            units.append(Unit("row", seg.start, seg.end, inside, []))
            opener = None
            continue
        if opener is not None and _BULLET.match(body) and _list_item(body):
            opener.end = seg.end
            opener.mentions = opener.mentions + inside
            opener.words = opener.words + words(body, seg.start)
            continue
        field = _FIELD.match(body)
        if field is not None and _is_field(field.group(1), lex):
            units.append(Unit("field", seg.start, seg.end, inside, []))
            opener = None
            continue
        unit = Unit("sentence", seg.start, seg.end, inside, words(body, seg.start))
        units.append(unit)
        if body.endswith(":"):
            unit.kind = "list"
            opener = unit
        else:
            opener = None
    for unit in units:
        unit.parse = unit.kind in ("sentence", "list") and _worth_parsing(unit, folded, lex)
    return units


def _list_item(body: str) -> bool:
    """Whether a bulleted line is an item of the list before it ("- the X Corporation;"),
    not a sentence of its own ("- X was added as a partner.")."""
    return not body.rstrip().endswith(".") or len(body.split()) <= 8


def _is_field(label: str, lex: Lexicon) -> bool:
    key = label.strip(" -*").lower()
    return tuple(key.split()) in lex.fields or key in lex.amount_fields


@cache
def _people_words() -> frozenset[str]:
    lex = lexicon()
    return lex.honorifics | lex.titles


def _worth_parsing(unit: Unit, folded: str, lex: Lexicon) -> bool:
    """Whether a sentence may hold a relation: a trigger word and two things to join, or a
    person with a name beside them (who they speak for is learnt from it)."""
    lemmas = {w.lemma for w in unit.words}
    triggered = not lemmas.isdisjoint(lex.trigger_firsts) or any(
        singular(w.text) in lex.instrument_heads for w in unit.words
    )
    people = sum(1 for w in unit.words if w.lower.rstrip(".") in _people_words())
    cues = len(unit.mentions) + min(people, 2)
    cues += sum(1 for w in unit.words if singular(w.text) in lex.instrument_heads)
    cues += sum(1 for w in unit.words if w.lower in lex.words["pair_markers"])
    if cues < 2:
        cues += _unknown_names(unit, folded)
    if triggered:
        return cues >= 2
    return people > 0 and bool(unit.mentions)


def _unknown_names(unit: Unit, folded: str) -> int:
    """Capitalised words outside every mention and not opening the sentence: names the
    model may recognise."""
    count = 0
    for match in _CAPITALISED.finditer(folded, unit.start, unit.end):
        at = match.start()
        if at == unit.start or any(m.start <= at < m.end for m in unit.mentions):
            continue
        count += 1
    return count
