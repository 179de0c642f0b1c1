"""What an argument of a rule stands for: the one reading of arguments every rule shares.

A rule's path ends at one word. That word may be a recognised name, but also the head of a
list ("X, Y and Z"), an apposition, a class noun with its members ("companies NVIDIA,
Amazon and Arm"), a person ("Minister Sato", who stands for the ministry), a stand-in
("representatives of the Ministry", "the UK government", "Japanese officials"), an amount
("$110 million from X"), "the two countries", a relative pronoun ("which" is its
antecedent), a reporting pronoun ("JICA said it signed"), or an instrument named by its kind
("the MoC"). Each is read here into references the resolution stage settles in document
order: actors, instrument phrases, the last pair of parties, people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cache

from spacy.tokens import Token

from graph.schema import domain_schema
from loaders.catalogue import patterns
from loaders.engine.parsed import ParsedUnit, Phrase, says_when
from loaders.recognise import demonym_actor, recogniser
from loaders.rules.lexicon import Lexicon, lexicon
from loaders.rules.marks import mark_of
from loaders.text import fold

__all__ = [
    "ActorRef",
    "DocumentContext",
    "GiverRef",
    "ImplicitRef",
    "PairRef",
    "PersonRef",
    "PhraseRef",
    "Ref",
    "people_in",
    "ref_order",
    "referents",
]

_RELATIVES = frozenset({"which", "that", "who", "whom", "whose", "where"})
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
_SMALL = frozenset({"of", "for", "the", "and", "on", "to", "in", "&", ",", "then"})


@dataclass(frozen=True)
class ActorRef:
    actor: str


@dataclass(frozen=True)
class PhraseRef:
    phrase: Phrase


@dataclass(frozen=True)
class PairRef:
    """ "The two countries", "both sides": the last two parties named together; countries
    for "countries" and "sides", bodies for "ministries" and "agencies" where the document
    named such a pair."""

    position: int
    noun: str


@dataclass(frozen=True)
class PersonRef:
    """A person: the institution their own words name, else the one the document named
    with the same person before, else (for a bare title) the publishing government."""

    names: frozenset[str]
    institution: str | None
    titled: bool
    position: int


@dataclass(frozen=True)
class ImplicitRef:
    """The instrument a clause is about without naming it: the document's latest one of
    these types ("Minister Sato and Minister Jensen signed." after an MoC)."""

    position: int
    types: frozenset[str]


@dataclass(frozen=True)
class GiverRef:
    """Who gave the document's latest loan or grant ("Loan amount: JPY 12.5 billion" under
    a project's heading is that lender's funding of the project)."""

    position: int


Ref = ActorRef | PhraseRef | PairRef | PersonRef | ImplicitRef | GiverRef


def ref_order(ref: Ref) -> str:
    """A referent as text that sorts the same in every process: a set's members in order
    (a frozenset's repr follows the string hash, which changes with each process)."""
    if isinstance(ref, PhraseRef):
        return f"PhraseRef({ref.phrase.key})"
    values = (
        sorted(value) if isinstance(value, frozenset) else value
        for value in (getattr(ref, f.name) for f in fields(ref))
    )
    return f"{type(ref).__name__}({', '.join(map(repr, values))})"


@dataclass
class DocumentContext:
    """What reading arguments needs of the document: actor types and bodies."""

    type_of: Callable[[str], str]
    name_of: Callable[[str], str]
    bodies: list[tuple[frozenset[str], str]] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)  # a short name's parties

    def body_for_title(self, title_words: frozenset[str]) -> str | None:
        """The body of the document a title names ("Minister for Digital" -> the agency
        whose name holds "Digital"), if exactly one fits best."""
        if not title_words:
            return None
        matches = [
            (len(words & title_words), -len(words), actor)
            for words, actor in self.bodies
            if words and (title_words <= words or words <= title_words)
        ]
        return max(matches)[2] if matches else None


@cache
def ctx_party_types() -> frozenset[str]:
    return domain_schema().types_with_role("party")


@cache
def _class_nouns() -> frozenset[str]:
    return frozenset(n.lower() for nouns in patterns().class_nouns.values() for n in nouns)


@cache
def _demonyms() -> dict[str, str]:
    return {fold(d).lower(): demonym_actor(code) for d, code in patterns().demonyms.items()}


def referents(
    unit: ParsedUnit, token: Token, ctx: DocumentContext, single: bool = False
) -> list[Ref]:
    """Everything one argument word stands for, its coordinated words included (unless
    `single`: the word alone)."""
    out: list[Ref] = []
    seen: set[int] = set()
    for word in [token] if single else _coordinated(unit, token):
        for ref in _own(unit, word, ctx, seen, depth=0):
            if ref not in out:
                out.append(ref)
    return out


def _coordinated(unit: ParsedUnit, token: Token) -> list[Token]:
    """A word and the words coordinated with it ("X, Y and Z"), from its mention's head,
    with the names set beside them ("BMBF / DLR-PT")."""
    index = unit.mention_at[token.i]
    if index is not None and index in unit.roots:
        token = unit.doc[unit.roots[index]]
    words = [token, *_between_span(unit, token), *_orphans_before(unit, token)]
    if token.ent_type_ == "PERSON":
        words += _persons_within(token)
    lex = lexicon()
    owners: list[Token] = []  # "the NRF of South Africa and the JST": South Africa owns, not listed
    k = 0
    while k < len(words):  # conjuncts and named appositions, and theirs in turn
        word = words[k]
        k += 1
        joined, of_objects = _of_conjuncts(unit, word)
        owners += of_objects
        conjuncts: tuple[Token, ...] = tuple(word.conjuncts)
        children: tuple[Token, ...] = tuple(word.children)
        if _is_person(word, lex):  # a person's list is of people, not of their titles' bodies
            conjuncts = tuple(c for c in conjuncts if _is_person(c, lex))
            children = ()  # and what stands beside a person is their address
        for other in (*conjuncts, *children, *joined):
            listed = other in conjuncts or _listed_beside(unit, word, other) or other in joined
            if listed and other not in words and other not in owners:
                words.append(other)
    return words + _orphan_after(unit, words)


def _orphan_after(unit: ParsedUnit, words: list[Token]) -> list[Token]:
    """The last name of a list the parser left hanging ("A, B, and the C." with C made a
    stray dependent of the verb): a party named right after the list's last word, past
    ", and", that no other word governs."""
    last = max(words, key=lambda w: w.i)
    if len(words) < 2 or mark_of(last, "role") != "party":
        return []
    doc = unit.doc
    k = last.i + 1  # a name is one token on the parse (lay_mentions)
    joined = False
    while k < len(doc) and (doc[k].is_punct or doc[k].dep_ in ("cc", "det") or doc[k].is_space):
        joined |= doc[k].lower_ == "and"
        k += 1
    at = unit.mention_at[k] if k < len(doc) else None
    if not joined or at is None:
        return []
    word = doc[unit.roots.get(at, k)]
    if mark_of(word, "role") == "party" and word.dep_ in _STRAY_DEPS and word not in words:
        return [word]
    return []


def _of_conjuncts(unit: ParsedUnit, word: Token) -> tuple[list[Token], list[Token]]:
    """Names the parser coordinated with the object of a word's "of" although they belong
    to the word's own list: in "the NRF of South Africa and the JST", the JST is a second
    body, not a second country (a conjunct of another actor type than the object)."""
    out: list[Token] = []
    objects: list[Token] = []
    index = unit.mention_at[word.i]
    inside = [unit.doc[i] for i in unit.token_ids_of(index)] if index is not None else [word]
    for prep in (c for t in inside for c in t.children):
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or unit.mention_of(obj) is None:
                continue
            for other in obj.conjuncts:
                other_type = mark_of(other, "actor_type")
                if (
                    other_type not in ("", mark_of(obj, "actor_type"))
                    and mark_of(other, "role") == mark_of(word, "role") == "party"
                ):
                    out.append(other)
                    objects.append(obj)
    return out, objects


def _listed_beside(unit: ParsedUnit, word: Token, other: Token) -> bool:
    """Whether an apposition is one more name of a list ("BMBF / DLR-PT", "organisations
    ERIA, ITU") rather than a description of the word ("JST (Japan)" is Japan's JST)."""
    if other.dep_ != "appos" or unit.mention_of(other) is None:
        return False
    own = unit.mention_of(word)
    return own is None or mark_of(word, "actor_type") == mark_of(other, "actor_type")


_BETWEEN = frozenset({"between", "among", "amongst"})
_PLACE_PREPS = frozenset({"in", "at", "near"})


def _between_span(unit: ParsedUnit, token: Token) -> list[Token]:
    """The parties a "between" names, read off the words it spans as well as its parse
    (the parser often hangs the second party on a place: "between X in Seattle and Y"): the
    named parties up to the next ";", "between" or verb, less those named as places."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _BETWEEN:
        return []
    out: list[Token] = []
    seen: set[int] = set()
    for word in unit.doc[prep.i + 1 :]:
        if word.lower_ in (";",) or word.lower_ in _BETWEEN or word.tag_.startswith("VB"):
            break
        index = unit.mention_at[word.i]
        if index is None or index in seen or index not in unit.roots:
            continue
        seen.add(index)
        root = unit.doc[unit.roots[index]]
        if root == token or mark_of(root, "role") != "party":
            continue
        if _in_place_phrase(root, prep):
            continue
        out.append(root)
    return out


_STRAY_DEPS = frozenset({"advmod", "npadvmod", "dep"})


def _orphans_before(unit: ParsedUnit, token: Token) -> list[Token]:
    """Names listed right before a word that the parser hung on a date instead of the list
    ("On 16 January 2024, A (X), B (Y) and C held ...": A is made a conjunct of the date),
    or made an adverb of the list's own verb ("JST, JSPS, AMED and UKRI signed": JST
    modifies "signed")."""
    out: list[Token] = []
    k = token.i - 1  # a name is one token on the parse (lay_mentions)
    while k >= 0:
        word = unit.doc[k]
        if word.is_punct or word.dep_ == "cc" or word.lower_ in ("the", "and"):
            k -= 1
            continue
        before = unit.mention_at[k]
        if before is None or before not in unit.roots:
            break
        root = unit.doc[unit.roots[before]]
        stray = root.dep_ in _STRAY_DEPS and root.head == token.head and root.head != root
        if mark_of(root, "role") != "party" or not (says_when(root.head, lexicon()) or stray):
            break
        out.append(root)
        k = root.i - 1
    return out


def _in_place_phrase(word: Token, stop: Token) -> bool:
    """Whether a word names a place: the object of "in"/"at" or set beside one ("in Tsukuba,
    Japan"), below `stop`."""
    node = word
    while node != stop and node.head != node:
        if node.dep_ == "pobj" and node.head.lower_ in _PLACE_PREPS:
            return True
        if node.dep_ not in ("appos", "pobj", "prep", "compound"):
            return False
        node = node.head
    return False


def _own(
    unit: ParsedUnit, token: Token, ctx: DocumentContext, seen: set[int], depth: int
) -> list[Ref]:
    """What one word stands for, without its coordinated words."""
    if token.i in seen or depth > 4:
        return []
    seen.add(token.i)
    lex = lexicon()
    mention = unit.mention_of(token)
    if mention is not None:
        members = ctx.groups.get(mention.actor, [mention.actor])
        return [ActorRef(actor) for actor in members]
    if token.i in unit.phrases:
        named = _spelled_out(unit, token) or _exemplified(unit, token)
        return [ActorRef(a) for a in named] if named else [PhraseRef(unit.phrases[token.i])]
    lower = token.lower_
    if lower in _RELATIVES:
        antecedent = _antecedent(token)
        return _all(unit, antecedent, ctx, seen, depth) if antecedent is not None else []
    if lower in lex.words["pronouns"]:
        return _pronoun(unit, token, ctx, seen, depth)
    if _is_person(token, lex):
        return [_person(unit, token, ctx, lex)]
    if token.lemma_ in lex.sets["pair_nouns"] and _a_pair(token, lex):
        return [PairRef(unit.start_of(token), token.lemma_)]
    if (
        token.lemma_ in lex.sets["stand_ins"]
        or token.lemma_ in lex.sets["collectives"]
        or lower in _class_nouns()
    ):
        return _members(unit, token, ctx, seen, depth)
    if lower in lex.words["amount_words"]:
        return _from(unit, token, ctx, seen, depth)
    listed = _listed_for(unit, token)
    if listed:  # "development (Laos, Cambodia)", "assistance for IT (Nepal, Sri Lanka)"
        return [ActorRef(country) for country in listed]
    appositions = [c for c in token.children if c.dep_ == "appos"]
    return [r for a in appositions for r in _all(unit, a, ctx, seen, depth + 1)]


def _listed_for(unit: ParsedUnit, token: Token) -> tuple[str, ...]:
    """The countries bracketed after a word, or after the object of its "for" or "to"."""
    if token.i in unit.listed:
        return unit.listed[token.i]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
            for obj in prep.children:
                if obj.i in unit.listed:
                    return unit.listed[obj.i]
    return ()


def _a_pair(token: Token, lex: Lexicon) -> bool:
    """ "the two countries", "both sides", "the ministries" (a plural with "the" only)."""
    markers = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet", "amod")}
    if markers & lex.words["pair_markers"]:
        return True
    return markers == {"the"} and token.tag_ in ("NNS", "NNPS")


def _spelled_out(unit: ParsedUnit, token: Token, types: frozenset[str] | None = None) -> list[str]:
    """The names a colon spells a plural out as: "two projects in Thailand: the "A" and the
    "B"" are A and B; "9 institutions from 8 countries: X, Y and Z" are X, Y and Z (the
    colon may follow the phrases that hang on the word, up to the next verb)."""
    doc = unit.doc
    if types is None:
        types = frozenset({unit.phrases[token.i].kind.type})
    colon = next(
        (w.i for w in doc[token.i + 1 :] if w.text == ":" or w.tag_.startswith("VB")), None
    )
    if colon is None or doc[colon].text != ":":
        return []
    out: list[str] = []
    for word in doc[colon + 1 :]:
        mention = unit.mention_of(word)
        if (
            mention is not None
            and mark_of(word, "actor_type") in types
            and mention.actor not in out
        ):
            out.append(mention.actor)
        elif word.tag_.startswith("VB"):
            break
    return out


def _exemplified(unit: ParsedUnit, token: Token) -> list[str]:
    """The names a plural phrase lists after "such as", "including" or "like" ("projects
    such as the A Project and the B Project" are A and B), when they are of its type."""
    if token.tag_ not in ("NNS", "NNPS"):
        return []
    wanted = unit.phrases[token.i].kind.type
    out: list[str] = []
    for prep in token.children:
        such = prep.lower_ == "as" and any(
            c.lower_ == "such" for c in (*prep.children, *token.children)
        )
        if prep.dep_ != "prep" or not (such or prep.lower_ in ("including", "like")):
            continue
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            for word in (obj, *obj.conjuncts):
                mention = unit.mention_of(word)
                if (
                    mention is not None
                    and mark_of(word, "actor_type") == wanted
                    and mention.actor not in out
                ):
                    out.append(mention.actor)
    return out


def _all(
    unit: ParsedUnit, token: Token, ctx: DocumentContext, seen: set[int], depth: int
) -> list[Ref]:
    out: list[Ref] = []
    for word in _coordinated(unit, token):
        out.extend(_own(unit, word, ctx, seen, depth + 1))
    return out


def _antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of its relative clause."""
    node = token
    while node.head != node:
        if node.dep_ == "relcl":
            return node.head
        node = node.head
    return None


def _pronoun(
    unit: ParsedUnit, token: Token, ctx: DocumentContext, seen: set[int], depth: int
) -> list[Ref]:
    """ "JICA said it signed ...": the reporting subject; "We, the Ministers of the G7":
    the apposition; "its membership": the subject of the clause."""
    lex = lexicon()
    appositions = [c for c in token.children if c.dep_ == "appos"]
    if appositions:
        return [r for a in appositions for r in _all(unit, a, ctx, seen, depth)]
    verb = token.head
    while (
        verb.dep_ not in ("ROOT", "ccomp") and verb.head != verb and not verb.tag_.startswith("VB")
    ):
        verb = verb.head
    if verb.dep_ == "ccomp" and verb.head.lemma_ in lex.sets["reporting_verbs"]:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        return [r for s in subjects for r in _all(unit, s, ctx, seen, depth)]
    if token.dep_ == "poss":
        clause = token.head
        while clause.head != clause and not clause.tag_.startswith("VB"):
            clause = clause.head
        subjects = [
            c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i
        ]
        return [r for s in subjects for r in _all(unit, s, ctx, seen, depth)]
    return []


def _is_person(token: Token, lex: Lexicon) -> bool:
    """A person's word: a name the model calls a person, a capitalised title ("Minister"),
    or a name a title or honorific opens ("Minister Sato", "Mr. KONO Taro"); never a
    known actor's name, whatever the model calls it."""
    if mark_of(token, "actor_type"):
        return False
    if token.ent_type_ == "PERSON" and token.tag_ in ("NNP", "NNPS"):
        return True
    if _titled(token, lex):
        return True
    return token.text[:1].isupper() and any(
        c.dep_ == "compound" and _titled(c, lex) for c in token.children
    )


def _titled(token: Token, lex: Lexicon) -> bool:
    word = token.lower_.rstrip(".")
    return token.text[:1].isupper() and (word in lex.titles or word in lex.honorifics)


def _person_tokens(token: Token) -> list[Token]:
    """The words of a person's mention: the name, its title and what the title names,
    without clauses that only say what the person did, nor another person coordinated
    into it by the parser ("Ambassador of Japan to Bangladesh and Ms. Fatima Yasmin")."""
    out: list[Token] = []
    stack = [token]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(
            c for c in node.children
            if c.dep_ not in _CLAUSES and not (c.dep_ == "conj" and _another_person(token, c))
        )  # fmt: skip
    return sorted(out, key=lambda t: t.i)


def _another_person(person: Token, word: Token) -> bool:
    return word.ent_type_ == "PERSON" and word.ent_iob_ != "" and not _same_entity(person, word)


def _same_entity(a: Token, b: Token) -> bool:
    return any(a.i in range(e.start, e.end) and b.i in range(e.start, e.end) for e in a.doc.ents)


def _persons_within(token: Token) -> list[Token]:
    """People the parser coordinated inside a person's phrase instead of with the person."""
    out: list[Token] = []
    for node in token.subtree:
        if (
            node.dep_ == "conj"
            and node.i != token.i
            and _another_person(token, node)
            and node.head.ent_type_ != "PERSON"
        ):
            out.append(node)
    return out


def _person(unit: ParsedUnit, token: Token, ctx: DocumentContext, lex: Lexicon) -> PersonRef:
    words = _person_tokens(token)
    head = token.head
    if token.dep_ in ("compound", "appos") and head != token:
        words = sorted({*words, *_person_tokens(head)}, key=lambda t: t.i)
    candidates: list[tuple[bool, int, int, str]] = []
    rank = {t: i for i, t in enumerate(lex.data.people.stands_for)}
    away = frozenset(lex.data.people.away_words)
    for k, word in enumerate(words):
        mention = unit.mention_of(word)
        if mention is None or (k > 0 and unit.mention_of(words[k - 1]) is mention):
            continue
        before = [w for w in words[max(0, k - 2) : k] if w.lower_ != "the"]
        if before and before[-1].lower_ in away:
            continue
        actor_type = ctx.type_of(mention.actor)
        if actor_type in rank:  # a body of the reference data first, then the most specific
            known = mention.actor in recogniser().known
            candidates.append((not known, rank[actor_type], k, mention.actor))
    titled = any(w.lower_.rstrip(".") in lex.titles for w in words)
    names = frozenset(
        w.lower_
        for w in words
        if len(w.text) > 2
        and unit.mention_of(w) is None
        and (w.ent_type_ == "PERSON" or _named_after_title(w, lex))
    )
    institution = min(candidates)[3] if candidates else None
    if institution is None or ctx.type_of(institution) == "Country":
        # "Minister for Internal Affairs and Communications of Japan": the ministry itself
        body = ctx.body_for_title(_title_words(words, lex)) or _known_body(
            _title_phrase(words, lex)
        )
        institution = body or institution or _demonym_of(words)
    return PersonRef(names, institution, titled, unit.start_of(token))


def _named_after_title(word: Token, lex: Lexicon) -> bool:
    """Whether a capitalised word is a name a title or honorific opens ("Sato" of
    "Minister Sato", "KONO" of "Mr. KONO Taro")."""
    if not word.text[:1].isupper() or _titled(word, lex) or not word.is_alpha:
        return False
    for k in range(word.i - 1, max(-1, word.i - 4), -1):
        before = word.doc[k]
        if _titled(before, lex):
            return True
        if not (before.text[:1].isupper() and before.is_alpha):
            return False
    return False


def _demonym_of(words: list[Token]) -> str | None:
    """ "Japanese Prime Minister Suga", "the Indian Ambassador": the demonym's country."""
    demonyms = _demonyms()
    for word in words:
        if word.dep_ in ("amod", "compound") and word.lower_ in demonyms:
            return demonyms[word.lower_]
    return None


def _after_title(words: list[Token], lex: Lexicon) -> list[Token]:
    """The words a title names after "for"/"of", up to punctuation or a person's name
    ("Minister for Internal Affairs and Communications" -> "Internal Affairs and
    Communications")."""
    for k, word in enumerate(words):
        if (
            word.lower_ in lex.titles
            and k + 1 < len(words)
            and words[k + 1].lower_ in ("for", "of")
        ):
            rest: list[Token] = []
            for w in words[k + 2 :]:
                if (w.is_punct and w.text != "-") or w.ent_type_ == "PERSON":
                    break
                rest.append(w)
            return rest
    return []


def _title_words(words: list[Token], lex: Lexicon) -> frozenset[str]:
    """Content words of what a title names: "Minister for Digital" -> {"digital"}."""
    return frozenset(w.lower_ for w in _after_title(words, lex) if not w.is_punct) - _SMALL


_BODY_NAMES = ("Ministry of {}", "Ministry for {}", "Department of {}", "Department for {}")


def _title_phrase(words: list[Token], lex: Lexicon) -> str:
    """The words a title names, as written ("Internal Affairs and Communications")."""
    return " ".join(w.text for w in _after_title(words, lex))


def _known_body(phrase: str) -> str | None:
    """The body of the reference data a minister's title names: "Minister for Internal
    Affairs and Communications" is the minister of the "Ministry of Internal Affairs and
    Communications"."""
    if not phrase:
        return None
    lookup = recogniser().lookup
    for template in _BODY_NAMES:
        found = lookup.get(fold(template.format(phrase)))
        if found is not None:
            return found[0]
    return None


def _members(
    unit: ParsedUnit, token: Token, ctx: DocumentContext, seen: set[int], depth: int
) -> list[Ref]:
    """Who a stand-in or class noun stands for: "representatives of X", "the UK
    government", "Japanese officials", "companies NVIDIA, Amazon and Arm", "countries such
    as X and Y"."""
    if token.tag_ in ("NNS", "NNPS"):  # "institutions from 8 countries: X, Y and Z"
        parties = frozenset(ctx_party_types())
        spelled = _spelled_out(unit, token, parties)
        if spelled:
            return [ActorRef(a) for a in spelled]
    out: list[Ref] = []
    demonyms = _demonyms()
    children = list(token.children)
    if token.dep_ == "conj":  # "the Digital and Tech Ministers of the G7": the list's "of"
        children += [c for c in token.head.children if c.dep_ == "prep" and c.i > token.i]
    stand_in = token.lemma_ in lexicon().sets["stand_ins"]
    listed = any(c.dep_ == "appos" for c in children)
    for child in children:
        if listed and child.dep_ in ("poss", "compound", "nmod"):
            continue  # "all ORP current funders, i.e. X, Y and Z": the list, not the owner
        if child.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
            if child.lower_ in demonyms and unit.mention_of(child) is None:
                if stand_in:  # "Japanese officials" are Japan's; "Japanese universities" not
                    out.append(ActorRef(demonyms[child.lower_]))
            elif unit.mention_of(child) is not None or child.dep_ == "appos":
                out.extend(_all(unit, child, ctx, seen, depth))
        elif child.dep_ == "prep" and child.lower_ in (
            "of",
            "from",
            "for",
            "as",
            "including",
            "like",
            "at",
        ):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    out.extend(_all(unit, obj, ctx, seen, depth))
    return out


def _from(
    unit: ParsedUnit, token: Token, ctx: DocumentContext, seen: set[int], depth: int
) -> list[Ref]:
    """ "$110 million from X": the money stands for who gives it (the "from" may hang on the
    amount or on the verb it is an argument of)."""
    out: list[Ref] = []
    node: Token | None = token
    while node is not None and not out:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        out.extend(_all(unit, obj, ctx, seen, depth))
        if node.tag_.startswith("VB") or node.head == node:
            break
        node = node.head
    return out


def people_in(unit: ParsedUnit, ctx: DocumentContext) -> list[PersonRef]:
    """Every person the model names in a unit, with who they speak for where it says so."""
    lex = lexicon()
    heads = {ent.root.i for ent in unit.doc.ents if ent.label_ == "PERSON"}
    heads |= {
        t.i
        for t in unit.doc
        if (t.text[:1].isupper() or t.ent_type_ == "PERSON")  # only such words can be
        and _is_person(t, lex)
        and not _titled(t, lex)
    }
    return [_person(unit, unit.doc[i], ctx, lex) for i in sorted(heads)]
