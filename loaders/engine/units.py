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
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

from graph.schema import domain_schema
from loaders.catalogue import patterns
from loaders.nlp import Word, lemma, scan
from loaders.recognise import Mention, recogniser
from loaders.rules.lexicon import Lexicon, lexicon, singular
from loaders.text import Segment, segment, unmarked

__all__ = ["DocumentHeader", "Gloss", "Unit", "glosses", "header_of", "parse_text", "units_of"]

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
    names: list[int] = field(default_factory=list)  # offsets the model reads names around


_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_GLOSS_END = re.compile(r"\s*[.;:)]|\s*$|,?\s+(?!and\b|or\b|nor\b)[a-z]")
_DATELINE_END = re.compile(r"(?:,[^:\n—–.]{1,30})?\s*(?::|—|–|\s-{1,2})\s+")


@dataclass(frozen=True)
class Gloss:
    """A country in brackets or after a comma right after a name: "the JST (Japan)",
    "DFG(Germany)", "the AIST, Japan in ..."."""

    body: Mention
    country: Mention
    start: int  # the opening bracket
    end: int  # after the closing bracket


def glosses(folded: str, mentions: list[Mention]) -> list[Gloss]:
    """The country glosses of a run of mentions: whose each body is, said aside (the
    parser reads "X (Japan), Y (Korea)" as "X, Y")."""
    out: list[Gloss] = []
    for before, gloss in pairwise(mentions):
        if not gloss.actor.startswith("country:"):
            continue
        opening = folded[before.end : gloss.start]
        closing = folded[gloss.end : gloss.end + 1]
        if opening.strip() == "(" and closing == ")":
            out.append(Gloss(before, gloss, before.end + opening.index("("), gloss.end + 1))
        elif (
            opening in (", ", "), ")
            and before.actor.split(":")[0] in _body_prefixes()
            and _GLOSS_END.match(folded, gloss.end)
        ):  # "the AIST, Japan in establishing ...", not "the AIST, Japan and Korea"
            start = before.end + opening.index(",")
            out.append(Gloss(before, gloss, start, gloss.end))
    return out


@dataclass(frozen=True)
class CountryList:
    """Countries in brackets after a word that names no actor: "aiding telecommunication
    development (Laos, Cambodia)", "GIS system (Macedonia and Guatemala)". The word stands
    for them: what is done for the development is done for Laos and Cambodia."""

    host_end: int  # where the word before the bracket ends
    start: int  # the opening bracket
    end: int  # after the closing bracket
    countries: tuple[str, ...]


_BRACKET = re.compile(r"\(([^()]*)\)")
_LISTED_NEXT = re.compile(r"\s*[A-Z]")
_LIST_JOINT = re.compile(r"[\s,]*(?:\band\b)?[\s,]*")


def country_lists(folded: str, unit: Unit) -> list[CountryList]:
    """The bracketed country lists of a unit (never a gloss of a name: "JST (Japan)")."""
    out: list[CountryList] = []
    for match in _BRACKET.finditer(folded, unit.start, unit.end):
        inside = [m for m in unit.mentions if match.start(1) <= m.start and m.end <= match.end(1)]
        if not inside or not all(m.actor.startswith("country:") for m in inside):
            continue
        cuts = [match.start(1), *(x for m in inside for x in (m.start, m.end)), match.end(1)]
        if not all(
            _LIST_JOINT.fullmatch(folded, a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True)
        ):
            continue
        host_end = len(folded[unit.start : match.start()].rstrip()) + unit.start
        if host_end == unit.start or not folded[host_end - 1].isalnum():
            continue
        if any(m.start < host_end <= m.end for m in unit.mentions):
            continue
        countries = tuple(dict.fromkeys(m.actor for m in inside))
        out.append(CountryList(host_end, match.start(), match.end(), countries))
    return out


@cache
def _body_prefixes() -> frozenset[str]:
    """The id prefixes of the bodies a country may gloss: parties that are no country."""
    schema = domain_schema()
    return frozenset(
        schema.prefix_of(name)
        for name, spec in schema.actor_types.items()
        if spec.role == "party" and name != "Country"
    )


def dateline_place(folded: str, unit: Unit) -> Mention | None:
    """The place a unit opens with as a news dateline ("New Delhi: The agency signed ...",
    "TOKYO, March 3 — ..."): where the story was filed, no party to what it says."""
    if not unit.mentions:
        return None
    first = unit.mentions[0]
    if folded[unit.start : first.start].strip() or first.kind not in ("metonym", "model"):
        return None
    if first.kind == "model" and not first.actor.startswith("place:"):
        return None
    return first if _DATELINE_END.match(folded, first.end) else None


def parse_text(folded: str, unit: Unit) -> str:
    """What the parser reads of a unit, at the same offsets: footnote marks blanked, a
    dateline's place blanked, glosses and bracketed country lists blanked (see
    country_lists), a semicolon list of names read as a comma list and,
    in a heading written in Title Case ("Japan and Viet Nam Sign Memorandum of
    Cooperation"), the capitalised words that are no name in lower case, as the parser
    reads headings best."""
    text = unmarked(folded[unit.start : unit.end])
    place = dateline_place(folded, unit)
    if place is not None:
        end = _DATELINE_END.match(folded, place.end).end() - unit.start  # type: ignore[union-attr]
        text = " " * end + text[end:]
    text = _semicolon_lists_as_commas(text, unit)
    asides: list[Gloss | CountryList] = [
        *glosses(folded, unit.mentions),
        *country_lists(folded, unit),
    ]
    for aside in asides:  # "X (Japan), Y (Korea)": read "X, Y"; "aid for A (Laos)": "aid for A"
        start, end = aside.start - unit.start, aside.end - unit.start
        blank = " " * (end - start)
        if isinstance(aside, CountryList) and _LISTED_NEXT.match(text, end):
            blank = "," + blank[1:]  # "(Macedonia, Guatemala) Southeast Asia ...": a list goes on
        text = text[:start] + blank + text[end:]
    words = [w for w in unit.words if w.text[:1].isalpha()]
    capitalised = [w for w in words if w.text[:1].isupper()]
    if len(words) > 20 or text.rstrip().endswith(".") or len(capitalised) < 0.6 * len(words):
        return text
    inside = [(m.start - unit.start, m.end - unit.start) for m in unit.mentions]

    def lower(match: re.Match[str]) -> str:
        at = match.start()
        if at == 0 or any(s <= at < e for s, e in inside):
            return match.group()
        return match.group().lower()

    return _TITLE_WORD.sub(lower, text)


_LIST_GAP = re.compile(r"\s*;\s*(?:and\s+)?(?:the\s+)?")


def _semicolon_lists_as_commas(text: str, unit: Unit) -> str:
    """Names separated by semicolons ("JST; JSPS; AMED and UKRI", "Brazil; Kenya; and
    Peru") with commas: the parser reads a semicolon as a clause break. One semicolon
    between two names, with no "and", stays the clause break it usually is."""
    gaps: list[list[tuple[int, int]]] = [[]]
    for before, after in pairwise(unit.mentions):
        start, end = before.end - unit.start, after.start - unit.start
        if _LIST_GAP.fullmatch(text, start, end):
            gaps[-1].append((start, end))
        elif gaps[-1]:
            gaps.append([])
    for run in gaps:
        semicolons = [start + text[start:end].index(";") for start, end in run]
        if len(semicolons) >= 2 or any("and" in text[start:end] for start, end in run):
            for at in semicolons:
                text = text[:at] + "," + text[at + 1 :]
    return text


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
        if _reference_marks().search(body):
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
            opener.words = opener.words + scan(body, seg.start)
            continue
        field = _FIELD.match(body)
        if field is not None and _is_field(field.group(1), lex):
            units.append(Unit("field", seg.start, seg.end, inside, []))
            opener = None
            continue
        unit = Unit("sentence", seg.start, seg.end, inside, scan(body, seg.start))
        units.append(unit)
        if body.endswith(":"):
            unit.kind = "list"
            opener = unit
        else:
            opener = None
    for unit in units:
        if unit.kind in ("sentence", "list"):
            unit.parse, unit.names = _worth_parsing(unit, folded, lex)
    return units


@cache
def _reference_marks() -> re.Pattern[str]:
    """Any of the marks of a reference ("doi:", "ibid", an address), as one search."""
    return re.compile("|".join(re.escape(m) for m in patterns().reference_marks))


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


_REACH = 10  # words: how far from its trigger a relation's two ends may stand


def _worth_parsing(unit: Unit, folded: str, lex: Lexicon) -> tuple[bool, list[int]]:
    """Whether a sentence may hold a relation: a trigger word with two things to join
    within reach of it (a recognised name, an instrument such as "the MoC", a person, "both
    sides", an unknown capitalised name), or a person with a name beside them (who they
    speak for is learnt from it). And whether its names need the model: an unknown
    capitalised word within reach of a trigger."""
    words = unit.words
    starts = [w.start for w in words]
    named = [bisect_left(starts, m.start) for m in unit.mentions]  # names and people
    cues: list[int] = []  # other things a relation may join: "the MoC", "both sides"
    triggers: list[int] = []
    for k, word in enumerate(words):
        kinds = _kinds_of(lex, word.text)
        if not kinds:
            continue  # most words: nothing a relation is read from
        noun = singular(word.text)
        if kinds & _TRIGGER or (kinds & _HEAD and _introduces_parties(words, k)):
            triggers.append(k)
        if kinds & _HEAD and _one_or_counted(words, k, noun):
            cues.append(k)
        elif kinds & _PARTY_WORD:
            named.append(k)
        if kinds & _PAIR_NOUN and _parties_pair(words, k, lex):
            named += [k, k]  # "the ministries", "both sides": two parties
    unknown_at = _unknown_names(unit, folded)
    unknown = [bisect_left(starts, at) for at in unknown_at]
    if not triggers:
        people = bool(unit.mentions) and len(named) > len(unit.mentions)
        return people, unknown_at if people else []
    named += unknown

    place = _places(words, unit.mentions)

    def near(positions: list[int], t: int) -> int:
        return sum(1 for c in positions if c != t and abs(place[c] - place[t]) <= _REACH)

    worth = any(near(named, t) >= 1 and near(named, t) + near(cues, t) >= 2 for t in triggers)
    wanted = worth and any(near(unknown, t) for t in triggers)
    return worth, unknown_at if wanted else []


_TRIGGER, _HEAD, _PARTY_WORD, _PAIR_NOUN = 1, 2, 4, 8


@lru_cache(maxsize=65536)
def _kinds_of(lex: Lexicon, text: str) -> int:
    """What a word can be in the parse gate, as bits, learnt once per word: a trigger's
    first word, an instrument's head noun, a word that stands for a party ("both", a title
    such as "Minister"), a plural that may stand for two parties ("ministries")."""
    lower = text.lower()
    lemma_of = lemma(lower)
    party_word = lower in lex.words["pair_markers"] or (
        lower.rstrip(".") in _people_words() and text[:1].isupper()
    )
    return (
        (_TRIGGER if lemma_of in lex.trigger_firsts else 0)
        | (_HEAD if singular(text) in lex.instrument_heads else 0)
        | (_PARTY_WORD if party_word else 0)
        | (_PAIR_NOUN if lemma_of in lex.sets["pair_nouns"] else 0)
    )


def _places(words: list[Word], mentions: list[Mention]) -> list[int]:
    """Each word's place counted with every name as one word: a long ministry's name is
    one thing to reach, not twelve words."""
    inside = [False] * len(words)
    starts = [w.start for w in words]
    for mention in mentions:
        first = bisect_left(starts, mention.start)
        for k in range(first + 1, bisect_left(starts, mention.end)):
            inside[k] = True
    out: list[int] = []
    place = 0
    for k in range(len(words)):
        if not inside[k]:
            place += 1
        out.append(place)
    return out


_PARTY_PREPOSITIONS = frozenset({"between", "with", "among", "amongst", "for", "from", "by", "of"})


def _introduces_parties(words: list[Word], k: int) -> bool:
    """Whether an instrument word may give relations of its own: a preposition that
    introduces parties follows it closely ("an MoC between X and Y", "a loan for Z")."""
    return any(w.lower in _PARTY_PREPOSITIONS for w in words[k + 1 : k + 4])


def _parties_pair(words: list[Word], k: int, lex: Lexicon) -> bool:
    """Whether a word is a plural that stands for the two parties named before ("the
    ministries", "both sides", "the two countries")."""
    word = words[k]
    if word.lower == word.lemma or word.lemma not in lex.sets["pair_nouns"] or k == 0:
        return False
    before = words[k - 1].lower
    return before in lex.words["pair_markers"] or before in lex.words["definites"]


def _one_or_counted(words: list[Word], k: int, noun: str) -> bool:
    """Whether an instrument word names one instrument ("the MoC", "three MoUs"), not
    instruments in general ("partnerships", "initiatives")."""
    if words[k].lower == noun or words[k].text.isupper():
        return True
    if k == 0:
        return False
    lex = lexicon()
    before = words[k - 1].lower
    counted = before in lex.words["number_words"] or before in lex.words["pair_markers"]
    return counted or before in lex.words["definites"] or words[k - 1].text.isdigit()


@cache
def _never_names() -> frozenset[str]:
    """Capitalised words that are no name the model's names could keep, alone or in a
    longer name without another such word: titles and honorifics (a name holding one is a
    person's), never-actors ("AI", "ODA"), demonyms and the calendar's words."""
    rec = recogniser()
    return (
        _people_words()
        | frozenset(rec.never)
        | frozenset(d.lower() for d in rec.demonyms)
        | lexicon().calendar_names
    )


def _unknown_names(unit: Unit, folded: str) -> list[int]:
    """The offsets of the capitalised words outside every mention, not opening the
    sentence, that may be part of a name the model recognises."""
    out: list[int] = []
    never = _never_names()
    for match in _CAPITALISED.finditer(folded, unit.start, unit.end):
        at = match.start()
        if at == unit.start or any(m.start <= at < m.end for m in unit.mentions):
            continue
        if match.group().lower().rstrip(".") in never:
            continue
        out.append(at)
    return out
