"""A parsed unit: the model's parse of one unit, with the document's mentions laid on it.

Each mention becomes a span of tokens whose syntactic head carries the mention's actor type
and role (party, instrument, place) as token attributes, so the rules can ask for "a party"
or "a project" at the end of a path. Each phrase that names an instrument by its kind ("a
loan agreement", "the MoC", "three Memoranda of Understanding on ...") is read here too:
its kind, whether it is definite, new or counted, and its topic, which names it later.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.attrs import IDX, ORTH
from spacy.tokens import Doc, Span, Token

from graph.schema import domain_schema
from loaders.engine.units import CountryList
from loaders.recognise import Mention
from loaders.rules.lexicon import Instrument, Lexicon, lexicon, singular
from loaders.rules.marks import mark, mark_of

__all__ = ["ParsedUnit", "Phrase", "lay_mentions", "says_when"]


@dataclass(frozen=True)
class Phrase:
    """An instrument named by its kind in one place of the text."""

    key: str  # "<start>" of its head word in the document: unique, ordered
    kind: Instrument = field(compare=False)
    surface: str  # "Memorandum of Cooperation", "loan agreement"
    title: str  # with its topic: "Memorandum of Cooperation on digital government"
    topics: tuple[str, ...]  # "on digital government", "in the ICT field"; "on A", "on B"
    definite: bool
    fresh: bool  # "another MoC", "a new agreement": never an earlier one
    counted: int  # "three MoUs" -> 3; one otherwise
    owner: str | None  # "the council of the X Partnership": the actor it belongs to
    position: int
    same_as: str | None = None  # "X is a partnership between ...": X (an id or a phrase key)


@dataclass
class ParsedUnit:
    """One unit's parse, with mentions and instrument phrases aligned on its tokens."""

    doc: Doc
    offset: int  # where the unit starts in the document
    mentions: list[Mention]
    mention_at: list[int | None]  # token -> index of the mention it is part of
    roots: dict[int, int] = field(default_factory=dict)  # mention index -> head token
    phrases: dict[int, Phrase] = field(default_factory=dict)  # head token -> phrase
    listed: dict[int, tuple[str, ...]] = field(default_factory=dict)  # token -> its countries

    def start_of(self, token: Token) -> int:
        return self.offset + token.idx

    def end_of(self, token: Token) -> int:
        return self.offset + token.idx + len(token.text)

    def mention_of(self, token: Token) -> Mention | None:
        index = self.mention_at[token.i]
        return None if index is None else self.mentions[index]

    def token_ids_of(self, index: int) -> list[int]:
        """The tokens a mention covers (one, unless it overlapped another when laid)."""
        return [i for i, at in enumerate(self.mention_at) if at == index]

    def text_of(self, tokens: list[Token]) -> str:
        if not tokens:
            return ""
        first, last = min(t.i for t in tokens), max(t.i for t in tokens)
        span: Span = self.doc[first : last + 1]
        return span.text


def lay_mentions(
    doc: Doc,
    offset: int,
    mentions: list[Mention],
    type_of: Callable[[str], str],
    country_lists: Sequence[CountryList] = (),
) -> ParsedUnit:
    """Lay the mentions of a unit on its parse, each name made one token (as the rules see
    it: "the Government of India" is one party, whatever the parser made of its words,
    and what hangs on any of its words hangs on it), and mark the tokens the rules look
    for."""
    schema = domain_schema()
    spans: list[tuple[int, Span]] = []
    taken: set[int] = set()
    for index, mention in enumerate(mentions):
        span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
        if span is None or not span.text.strip() or taken & {t.i for t in span}:
            continue
        taken |= {t.i for t in span}
        spans.append((index, span))
    longer = [span for _, span in spans if len(span) > 1]
    if longer:
        with doc.retokenize() as retokenizer:
            for span in longer:
                root = span.root
                retokenizer.merge(
                    span, attrs={"TAG": root.tag_, "LEMMA": root.lemma_, "DEP": root.dep_}
                )
    unit = ParsedUnit(doc, offset, mentions, [None] * len(doc))
    starts = doc.to_array(IDX).tolist()
    for index, mention in enumerate(mentions):
        token = _token_at(doc, starts, mention.start - offset)
        if token is None or unit.mention_at[token.i] is not None:
            continue
        unit.mention_at[token.i] = index
        unit.roots[index] = token.i
        actor_type = type_of(mention.actor)
        mark(token, "role", schema.actor_types[actor_type].role)
        mark(token, "actor_type", actor_type)
    for listed in country_lists:
        host = _token_at(doc, starts, listed.host_end - 1 - offset)
        if host is not None and unit.mention_at[host.i] is None:
            unit.listed[host.i] = listed.countries
    lex = lexicon()
    strings = doc.vocab.strings
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        if unit.mention_at[i] is not None or singular(strings[orth]) not in lex.instrument_heads:
            continue  # only an instrument's head noun heads a phrase
        token = doc[i]
        if not token.tag_.startswith("NN") or token.dep_ in ("compound", "amod", "nmod"):
            continue  # a noun heads a phrase, a modifier ("loan" of "loan agreement") none
        phrase = _phrase(unit, token, lex)
        if phrase is not None:
            unit.phrases[token.i] = phrase
            mark(token, "role", "instrument")
            mark(token, "actor_type", phrase.kind.type)
    return unit


def says_when(token: Token, lex: Lexicon) -> bool:
    """Whether a word says when or how many, not what: a number ("in 2022"), a month or a
    day ("on 29 March 2022", "on Sunday"), a word of time ("the same day")."""
    return token.like_num or token.lower_ in lex.words["time_words"]


def _says_when_of(prep: Token, lex: Lexicon) -> bool:
    """Whether a preposition introduces a date ("on Sunday", "in 2022")."""
    return prep.dep_ == "prep" and any(says_when(g, lex) for g in prep.children if g.dep_ == "pobj")


def _token_at(doc: Doc, starts: list[int], char: int) -> Token | None:
    """The token that covers a character of the unit, if any (`starts`: each token's)."""
    at = bisect_right(starts, char) - 1
    if at < 0:
        return None
    token = doc[at]
    if char >= token.idx + len(token.text):
        return None
    return None if token.is_space else token


def _modifiers(head: Token) -> list[Token]:
    """The compound and adjective words right before a noun ("loan" of "loan agreement")."""
    out: list[Token] = []
    for child in reversed(list(head.lefts)):
        if (
            child.dep_ in ("compound", "amod", "nmod")
            and child.i == (out[0].i if out else head.i) - 1
        ):
            out.insert(0, child)
        elif child.dep_ in ("compound", "amod", "nmod"):
            continue
        else:
            break
    return out


def _of_object(head: Token) -> Token | None:
    """The object of the "of" right after a noun ("cooperation" of "memorandum of
    cooperation")."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == head.i + 1:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _phrase(unit: ParsedUnit, head: Token, lex: Lexicon) -> Phrase | None:
    """The instrument phrase a noun heads, if its words name an instrument kind."""
    if singular(head.text) not in lex.instrument_heads:
        return None
    back = lex.words["back_references"]
    modifiers = [m for m in _modifiers(head) if m.lower_ not in back]
    words = [*modifiers, head]
    nouns = tuple(singular(t.text) for t in words)
    of_object = _of_object(head)
    kind: Instrument | None = None
    if of_object is not None and unit.mention_at[of_object.i] is None:
        kind = lex.instruments.get((singular(head.text), "of", singular(of_object.text)))
        if kind is not None:
            words = [*words, *head.doc[head.i + 1 : of_object.i + 1]]
    if kind is None:
        for size in range(len(nouns), 0, -1):  # the longest run ending at the head
            kind = lex.instruments.get(nouns[len(nouns) - size :])
            if kind is not None:
                words = words[len(nouns) - size :]
                break
    if kind is None:
        return None
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "predet")}
    definite = bool(determiners & lex.words["definites"]) or any(
        c.lower_ in back for c in head.lefts
    )  # "Japan's grant aid" is a new one; "the above MoC" an earlier one
    counted = 1
    for child in head.children:
        if child.dep_ == "nummod" and (child.lower_ in lex.words["number_words"] or child.like_num):
            counted = 2
    fresh = any(
        c.lower_ in lex.words["new_markers"] for c in head.children if c.dep_ in ("amod", "det")
    )
    topic_lists, owner = _topics(unit, head, lex)
    owner = owner or _named_by(unit, head, kind)
    same_as = _copula_subject(unit, head, lex)
    surface = " ".join(t.text for t in words)
    topics = tuple(" ".join(t.text for t in tokens) for tokens in topic_lists)
    title = _noun_phrase(unit, head, lex) or surface
    return Phrase(
        key=str(unit.start_of(head)),
        kind=kind,
        surface=surface,
        title=title,
        topics=topics,
        definite=definite,
        fresh=fresh,
        counted=counted,
        owner=owner,
        position=unit.start_of(head),
        same_as=same_as,
    )


_TITLE_CUTS = frozenset({"relcl", "acl", "advcl", "appos", "punct"})
_HEAD_CUTS = frozenset({"cc", "conj", "det", "poss"})  # "the MoC and the loan": two phrases
_LONGEST_TITLE = 14  # words
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a sentence, not a heading
_LEADING = frozenset({"det", "compound", "amod", "nummod", "nmod"})


def _noun_phrase(unit: ParsedUnit, head: Token, lex: Lexicon) -> str:
    """The phrase as the text writes it, for an alias: "Two New Partnerships Between U.S.
    and Japanese Universities", "Memorandum of Cooperation in the ICT field" (without
    articles, clauses, appositions, a purpose hung on its topic, a date, and what a longer
    phrase would add). A heading with no verb that opens with the phrase is its whole title, however
    the parser reads it ("Partnership between X and Y Concerning Critical Minerals")."""
    doc = head.doc
    finite = any(t.tag_ in _FINITE for t in doc)
    if not finite and all(t.head.i == head.i and t.dep_ in _LEADING for t in doc[: head.i]):
        return doc.text.strip(" .:;,")
    tokens: list[Token] = []
    stack = [head]
    while stack:
        node = stack.pop()
        tokens.append(node)
        stack.extend(
            c for c in node.children
            if c.dep_ not in _TITLE_CUTS
            and not (node == head and c.dep_ in _HEAD_CUTS)
            and not (node != head and c.dep_ == "prep" and c.lower_ == "for")
            and not _says_when_of(c, lex)
        )  # fmt: skip
    tokens.sort(key=lambda t: t.i)
    span = [t for t in tokens if tokens[0].i <= t.i <= tokens[-1].i]
    headline = head.dep_ == "ROOT" and not finite
    if len(span) != tokens[-1].i - tokens[0].i + 1:
        return ""  # a phrase with a gap is no title
    if len(span) > _LONGEST_TITLE and not headline:
        return ""  # too long to be a title, unless it is the whole heading line
    return unit.text_of(span)


def _copula_subject(unit: ParsedUnit, head: Token, lex: Lexicon) -> str | None:
    """The instrument a phrase describes after a copula ("AJ-CORE is a partnership between
    X and Y", "This project represents a collaboration between ..."), or a participle of
    a name calls it ("the X initiative, adopted as a project"): that one, not a new one. An
    actor id, or the key of the subject's own phrase."""
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "as" and verb.head.dep_ == "acl":
        named = verb.head.head  # "the X initiative, adopted in 2022 as a project": X
        index = unit.mention_at[named.i]
        if index is not None and mark_of(named, "role") == "instrument":
            return unit.mentions[index].actor
    if head.dep_ not in ("attr", "dobj") or verb.lemma_ not in lex.sets["copulas"]:
        return None
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        index = unit.mention_at[child.i]
        if index is not None and mark_of(child, "role") == "instrument":
            return unit.mentions[index].actor
        if child.i in unit.phrases:
            return unit.phrases[child.i].key
    return None


def _named_by(unit: ParsedUnit, head: Token, kind: Instrument) -> str | None:
    """The actor of the phrase's own type its name stands before ("the Mumbai-Ahmedabad
    High-Speed Rail (MAHSR) project" is that project)."""
    for child in head.lefts:
        at = unit.mention_at[child.i]
        if (
            child.dep_ in ("compound", "nmod")
            and at is not None
            and mark_of(child, "actor_type") == kind.type
        ):
            return unit.mentions[at].actor
    return None


def _topics(unit: ParsedUnit, head: Token, lex: Lexicon) -> tuple[list[list[Token]], str | None]:
    """What an instrument phrase is about ("on digital government", "in the ICT field"; two
    topics for "MoUs on A and on B"), and the actor it belongs to ("of the X Partnership").

    The topic may hang on the phrase or, as the parser often attaches it, on the verb the
    phrase is the object of, right after the phrase ("signed MoUs on A and on B")."""
    openers = {o for o in lex.data.topic_openers if " " not in o}
    preps = [c for c in head.rights if c.dep_ == "prep"]
    if head.dep_ == "dobj":
        after = max(t.i for t in head.subtree) + 1
        preps += [c for c in head.head.rights if c.dep_ == "prep" and c.i == after]
    for child in preps:
        objects = [g for g in child.children if g.dep_ == "pobj"]
        if not objects:
            continue
        obj = objects[0]
        if says_when(obj, lex):
            continue  # "signed an MoC on 29 March 2022": when, not what about
        if child.lower_ == "of" and unit.mention_at[obj.i] is not None:
            mention = unit.mentions[unit.mention_at[obj.i] or 0]
            return [], mention.actor
        is_field = child.lower_ == "in" and singular(obj.text) in lex.words["topic_fields"]
        if child.lower_ in openers or is_field:
            return _split_topics(_topic_tokens(child), child, openers), None
    return [], None


_TOPIC_CLAUSES = frozenset({"appos", "relcl", "acl", "advcl", "punct"})


def _topic_tokens(first: Token) -> list[Token]:
    """The words of a topic phrase, without the parties, places and clauses hung on it
    ("in the digital field with Y" is "in the digital field"), nor a party the parser
    coordinated into it."""
    stops = lexicon().words["topic_stops"]
    out: list[Token] = []
    stack = [first]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in stops:
                continue
            if (
                child.dep_ == "prep"
                and child.lower_ == "in"
                and node.i != first.i
                and not _field_prep(child)
            ):
                continue  # "on research cooperation in the presence of ...": not the topic
            if child.dep_ in _TOPIC_CLAUSES and child.i > first.i + 1:
                continue
            if child.dep_ == "conj" and mark_of(child, "role") == "party":
                continue  # "on a Digital Partnership and the Ministry of X": a party, not topic
            stack.append(child)
    out.sort(key=lambda t: t.i)
    while len(out) > 1 and out[-1].dep_ in ("cc", "punct"):
        out.pop()
    return out


def _field_prep(prep: Token) -> bool:
    """ "in the ICT sector", "in the field of ...": a field the topic is in."""
    fields = lexicon().words["topic_fields"]
    return any(singular(o.text) in fields for o in prep.children if o.dep_ == "pobj")


def _split_topics(tokens: list[Token], first: Token, openers: set[str]) -> list[list[Token]]:
    """A topic phrase cut where a coordinated opener starts another ("and on B")."""
    out: list[list[Token]] = [[]]
    for token in tokens:
        if token != first and token.dep_ == "conj" and token.lower_ in openers:
            out.append([])
        out[-1].append(token)
    for piece in out:
        while piece and (piece[-1].is_punct or piece[-1].dep_ == "cc"):
            piece.pop()
    return [piece for piece in out if piece]
