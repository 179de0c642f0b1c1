"""Actors the statistical model finds: the third and least trusted source of names.

Names come, in this order of trust, from the gazetteer and catalogue, from the document's
own definitions ("Full Name (ACR)") and organisation-word names (loaders.recognise), then
from the model's named entities in the parsed sentences: organisations (ORG), places and
states (GPE, LOC, FAC), events (EVENT) and laws or treaties (LAW). A model entity never
overrides or cuts a name found before it; a person (PERSON) is never an actor; an entity
that is a person's title ("Minister for Digital"), a role ("the Executing Agency"), an
instrument's kind ("the Memorandum of Cooperation", "the Project"), a never-actor or a lone
generic word is no name. A new name is typed by its
head's organisation word ("... Institute" is a university), else by its label; every other
place the document writes it becomes a mention too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from loaders.catalogue import patterns, slugify
from loaders.recognise import ActorInfo, Mention, Recogniser
from loaders.rules.lexicon import lexicon, singular

__all__ = ["ModelNames", "model_names"]

_LABEL_TYPES = {"ORG": "Organization", "EVENT": "Event", "LAW": "Agreement"}
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_TRIM_START = ("the ", "The ")
_TRIM_END = ("'s", "'")


@dataclass
class ModelNames:
    """What the model adds to a document: mentions, their actors, and places."""

    mentions: list[Mention]
    actors: dict[str, ActorInfo]


_BRACKETED = re.compile(r"\s*\(([^()\s]{2,15})\)")


def _span(ent: Span, offset: int, folded: str) -> tuple[int, int] | None:
    start = offset + ent.start_char
    end = offset + ent.end_char
    text = folded[start:end]
    for prefix in _TRIM_START:
        if text.startswith(prefix):
            start += len(prefix)
            text = text[len(prefix) :]
    for suffix in _TRIM_END:
        if text.endswith(suffix):
            end -= len(suffix)
            text = text[: -len(suffix)]
    if text.count("(") > text.count(")"):  # "Exercise with Recurrence (CYDER": the name ends before
        cut = text.rfind("(")
        end -= len(text) - cut
        text = text[:cut]
    while text and not text[-1].isalnum() and text[-1] not in ")":
        end -= 1
        text = text[:-1]
    return (start, end) if text else None


def _place_prefix(folded: str, start: int, end: int) -> int | None:
    """Where a place's name starts after a word that only says it is a place ("the Capital
    Tallinn" is Tallinn), or None when the name has no such word."""
    name = folded[start:end]
    for prefix in patterns().place_prefixes:
        if name.startswith(prefix + " ") and len(name) > len(prefix) + 1:
            return start + len(prefix) + 1
    return None


def _people_words(parsed: list[tuple[Doc, int]]) -> frozenset[str]:
    """The words of every name the model reads as a person somewhere in the document."""
    return frozenset(
        t.lower_ for doc, _ in parsed for e in doc.ents if e.label_ == "PERSON" for t in e
    )


def _personal(ent: Span, words: list[str], people: frozenset[str]) -> bool:
    """Whether a name the model calls an organisation is a person's: all its words name a
    person elsewhere in the document, or, a single word, it is the subject of what someone
    says ("As Shaw points out")."""
    lowered = {w.lower() for w in words}
    if lowered <= people:
        return True
    if len(words) > 1 or words[0].isupper():
        return False
    head = ent.root
    speaking = lexicon().sets["reporting_verbs"] | {"point", "argue", "write", "observe"}
    return head.dep_ == "nsubj" and head.head.lemma_ in speaking


def _quoted(folded: str, start: int, end: int) -> bool:
    """Whether a name stands inside quotation marks: a title, not an organisation."""
    before = folded[max(0, start - 1) : start]
    after = folded[end : end + 1]
    return before in ('"', "'") or after in ('"', "'")


def _a_role(folded: str, start: int) -> bool:
    """Whether a name is a role held "as" ("added as Eligible Partner Funding Agency")."""
    return folded[max(0, start - 3) : start] == "as "


_TITLE_PATH = frozenset({"pobj", "prep", "conj", "compound", "nmod", "appos", "cc", "amod"})


def _in_title(ent: Span) -> bool:
    """Whether a name is part of a person's title ("Minister for Urban and Rural Affairs,
    Ecclesiastical Affairs and Nordic Cooperation"): reached from a capitalised title word
    through prepositions and lists only."""
    titles = lexicon().titles
    node = ent.root
    while node.dep_ in _TITLE_PATH and node.head.i != node.i:
        node = node.head
        if node.text[:1].isupper() and node.lower_ in titles:
            return True
    return False


def _titled(ent: Span) -> bool:
    """Whether a name has a person's title in apposition ("Vikas Sheel, Additional Secretary
    of ..."; "SAITO Mitsunori, chief representative of JICA India"): a person's name."""
    titles = lexicon().titles
    for child in ent.root.children:
        if child.dep_ == "appos" and not child.ent_type_:
            words = [child, *(c for c in child.children if c.dep_ in ("compound", "amod"))]
            if any(w.lower_ in titles for w in words):
                return True
    return False


def _a_field(ent: Span, name: str, never: frozenset[str] | set[str]) -> bool:
    """Whether a name is a field of work, not a body: it opens with one ("Big Data
    Analytics") or is listed with one ("Internet of Things, Artificial Intelligence and X")."""
    words = name.lower().split()
    if any(" ".join(words[:k]) in never for k in range(1, len(words))):
        return True
    for other in ent.root.conjuncts:
        phrase = ent.doc[other.left_edge.i : other.i + 1].text.lower()
        if phrase in never or phrase.removeprefix("the ") in never:
            return True
    return False


def _after_title(folded: str, start: int) -> bool:
    """Whether a name follows a person's title and "for"/"of" ("Minister for Digital"), or
    a capitalised title right before it, which makes it a person's ("President Biden")."""
    before = folded[max(0, start - 40) : start].split()
    lex = lexicon()
    if before and before[-1][:1].isupper() and before[-1].lower().rstrip(".") in lex.titles:
        return True
    return (
        len(before) >= 2
        and before[-1].lower() in ("for", "of")
        and before[-2].lower().strip(",") in lex.titles
    )


class Occupied:
    """The characters of a document that names already cover, one byte each: whether a
    span is free is one search of the bytes, whatever the number of names."""

    def __init__(self, size: int, spans: list[tuple[int, int]]) -> None:
        self.mask = bytearray(size)
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) == -1


def model_names(
    parsed: list[tuple[Doc, int]],
    text: str,
    folded: str,
    known: list[Mention],
    rec: Recogniser,
) -> ModelNames:
    """The names the model finds in the parsed units, beside the `known` mentions."""
    lex = lexicon()
    taken = Occupied(len(folded), [(m.start, m.end) for m in known])
    known_at = {(m.start, m.end): m.actor for m in known}
    actors: dict[str, ActorInfo] = {}
    found: list[Mention] = []

    people = _people_words(parsed)
    for doc, offset in parsed:
        for ent in doc.ents:
            if ent.label_ not in _LABEL_TYPES and ent.label_ not in _PLACE_LABELS:
                continue
            span = _span(ent, offset, folded)
            if span is None or not taken.free(*span):
                continue
            start, end = span
            place = _place_prefix(folded, start, end)
            if place is not None:
                start = place
            name = folded[start:end]
            words = name.split()
            if (
                not name[:1].isupper()
                or name.lower() in rec.never
                or (len(words) == 1 and (words[0] in rec.generic or words[0] in rec.leading))
                or (len(words) == 1 and singular(words[0]) in lex.instrument_heads)
                or lex.is_role(name)
                or any(w.lower().rstrip(".") in lex.titles | lex.honorifics for w in words)
                or (lex.kind_of_name(name) is not None and rec.head_of(words) is None)
                or _after_title(folded, start)
                or _in_title(ent)
                or (rec.head_of(words) is None and _titled(ent))
                or (rec.head_of(words) is None and _a_field(ent, name, rec.never))
                or _a_role(folded, start)
                or (_quoted(folded, start, end) and rec.head_of(words) is None)
                or (rec.head_of(words) is None and _personal(ent, words, people))
            ):
                continue
            defined = _defined_by(folded, end, known_at)
            if defined is not None:  # "the National High-Speed Rail Corp. Limited (NHSRCL)"
                found.append(Mention(start, end, defined, "model"))
                taken.add(start, end)
                continue
            if ent.label_ in _PLACE_LABELS or place is not None:
                actor_type = "Place"
            else:
                head = rec.head_of(words)
                actor_type = head[2] if head is not None else _LABEL_TYPES[ent.label_]
            if actor_type == "Place":  # "in Tokyo" is the city, never Japan
                actor_id = f"place:{slugify(name)}"
                actors.setdefault(
                    actor_id,
                    ActorInfo(
                        actor_id, " ".join(text[start:end].split()), "Place", discovered=True
                    ),
                )
            else:
                actor_id = rec.discovered_actor(text[start:end], name, actor_type, actors)
            found.append(Mention(start, end, actor_id, "model"))
            taken.add(start, end)
    found.extend(_elsewhere(folded, found, taken))
    return ModelNames(sorted(found, key=lambda m: (m.start, m.end)), actors)


def _defined_by(folded: str, end: int, known_at: dict[tuple[int, int], str]) -> str | None:
    """The known actor whose acronym follows a name in brackets: the name is its own."""
    match = _BRACKETED.match(folded, end)
    return None if match is None else known_at.get(match.span(1))


def _elsewhere(folded: str, found: list[Mention], taken: Occupied) -> list[Mention]:
    """Every other place the document writes a name the model found (places aside: a
    place is one only where the model says so)."""
    names = {folded[m.start : m.end]: m.actor for m in found if not m.actor.startswith("place:")}
    if not names:
        return []
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w-])"
    )
    out: list[Mention] = []
    for match in pattern.finditer(folded):
        start, end = match.span()
        if not taken.free(start, end):
            continue
        out.append(Mention(start, end, names[match.group()], "model"))
        taken.add(start, end)
    return out
