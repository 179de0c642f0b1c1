"""The trigger lexicons and argument frames of loaders/data/frames.yaml, typed on load.

Every phrase is turned into its lemma sequence once, with the same tokenizer and lemmatizer
that read the documents, so the file can be written in plain words. Relation and actor types
are checked against the domain schema: a type the schema does not know is an error with the
file's line, raised before anything is extracted.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from pydantic import Field, field_validator

from graph.model import FrozenModel
from graph.schema import domain_schema
from loaders.datafiles import load_data_file
from loaders.nlp import words
from loaders.text import trie_pattern

__all__ = [
    "FRAMES_FILE",
    "Frames",
    "Instrument",
    "Lexicon",
    "lemmas_of",
    "lexicon",
    "nouns_of",
    "singular",
]

FRAMES_FILE = Path(__file__).parent / "data" / "frames.yaml"


def _check_relation(value: str) -> str:
    return domain_schema().check_relation_type(value)


def _check_relation_keys(value: dict[str, list[str]]) -> dict[str, list[str]]:
    for key in value:
        _check_relation(key)
    return value


class Instrument(FrozenModel):
    """A kind of instrument a text may name without a proper name."""

    kind: str
    type: str
    role: str
    bilateral: str | None = None
    funds: bool = False
    phrases: list[str] = Field(min_length=1)

    @field_validator("type")
    @classmethod
    def _instrument_type(cls, value: str) -> str:
        schema = domain_schema()
        schema.check_actor_type(value)
        if value not in schema.types_with_role("instrument"):
            raise ValueError(f"{value!r} is not an instrument type of the schema")
        return value

    @field_validator("role", "bilateral")
    @classmethod
    def _relation(cls, value: str | None) -> str | None:
        return None if value is None else _check_relation(value)


class People(FrozenModel):
    honorifics: list[str] = Field(min_length=1)
    titles: list[str] = Field(min_length=1)
    away_words: list[str]
    body_heads: list[str] = Field(min_length=1)
    stands_for: list[str] = Field(min_length=1)

    @field_validator("stands_for")
    @classmethod
    def _types(cls, value: list[str]) -> list[str]:
        for name in value:
            domain_schema().check_actor_type(name)
        return value


class Frames(FrozenModel):
    """The content of frames.yaml."""

    instruments: list[Instrument] = Field(min_length=1)
    triggers: dict[str, list[str]] = Field(min_length=1)
    bilateral: dict[str, list[str]]
    verb_fillers: list[str]
    list_nouns: dict[str, list[str]]
    list_openers: list[str]
    patient_verbs: list[str]
    reporting_verbs: list[str]
    joint_work_role: str
    joint_work_types: list[str]
    membership_verbs: list[str]
    membership_role: str
    member_types: list[str]
    transfer_verbs: list[str]
    transfer_role: str
    subject_pronouns: list[str]
    aid_verbs: list[str]
    aid_role: str
    meeting_verbs: list[str]
    meeting_role: str
    cover_verbs: list[str]
    co_financing_verbs: list[str]
    co_financing_role: str
    copulas: list[str]
    covered_types: list[str]
    stand_in_nouns: list[str]
    fields: dict[str, list[str]]
    amount_fields: list[str]
    role_nouns: dict[str, list[str]]
    role_openers: list[str]
    role_holders: list[str]
    locatives: list[str]
    located_types: list[str]
    definites: list[str]
    generic_anaphors: list[str]
    pair_nouns: list[str]
    topic_openers: list[str]
    topic_fields: list[str]
    topic_stops: list[str]
    not_places: list[str]
    place_prefixes: list[str]
    owned_types: list[str]
    people: People

    _relations = field_validator("triggers", "bilateral", "list_nouns", "fields", "role_nouns")(
        _check_relation_keys
    )


def lemmas_of(phrase: str) -> tuple[str, ...]:
    """The lemma sequence of a phrase, as the documents' words are read."""
    return tuple(w.lemma for w in words(phrase))


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A noun's singular form, crudely: "meetings" -> "meeting", "MoUs" -> "mou"."""
    lower = word.lower()
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


def nouns_of(phrase: str) -> tuple[str, ...]:
    """The singular word forms of a phrase, as instrument phrases are matched."""
    return tuple(singular(w.text) for w in words(phrase))


class Lexicon:
    """frames.yaml compiled into lemma-sequence lookups."""

    def __init__(self, frames: Frames) -> None:
        self.frames = frames
        self._phrase_tables(frames)
        self._verbs(frames)
        self._word_sets(frames)
        self._first_words()
        self._reference_patterns()

    def _phrase_tables(self, frames: Frames) -> None:
        """Phrases keyed by their lemma (or singular noun) sequences, as the frames look
        them up in a sentence's words."""
        self.instruments: dict[tuple[str, ...], Instrument] = {}
        for instrument in frames.instruments:
            for phrase in instrument.phrases:
                self.instruments.setdefault(nouns_of(phrase), instrument)
        self.triggers = self._index(frames.triggers)
        self.bilateral = self._index(frames.bilateral)
        self.list_nouns = self._index(frames.list_nouns)
        self.fields = self._index(frames.fields)
        self.amount_fields = {tuple(p.lower().split()) for p in frames.amount_fields}
        self._amount_labels = frozenset(p.lower() for p in frames.amount_fields)
        self.role_nouns = self._index(frames.role_nouns)
        self.role_holders = {lemmas_of(p) for p in frames.role_holders}
        self.openers = {lemmas_of(p) for p in frames.list_openers}
        self.place_prefixes = {lemmas_of(p) for p in frames.place_prefixes}
        self.longest = max(len(k) for k in (*self.instruments, *self.triggers, *self.list_nouns))

    def _verbs(self, frames: Frames) -> None:
        """The verbs of each frame as lemmas, with the relation type or actor types each
        frame gives, checked against the domain schema."""
        schema = domain_schema()
        check = schema.check_relation_type
        self.aid_verbs = frozenset(lemmas_of(p)[0] for p in frames.aid_verbs)
        self.aid_role = check(frames.aid_role)
        self.patient_verbs = frozenset(lemmas_of(p)[0] for p in frames.patient_verbs)
        self.membership = {
            lemmas_of(p): check(frames.membership_role) for p in frames.membership_verbs
        }
        self.member_types = frozenset(schema.check_actor_type(t) for t in frames.member_types)
        self.transfer = {lemmas_of(p): check(frames.transfer_role) for p in frames.transfer_verbs}
        self.link_firsts = frozenset(k[0] for k in (*self.membership, *self.transfer))
        self.joint_work_role = check(frames.joint_work_role)
        self.joint_work_types = frozenset(
            schema.check_actor_type(t) for t in frames.joint_work_types
        )
        self.reporting_verbs = frozenset(lemmas_of(p)[0] for p in frames.reporting_verbs)
        self.meeting_verbs = frozenset(lemmas_of(p)[0] for p in frames.meeting_verbs)
        self.meeting_role = check(frames.meeting_role)
        self.stand_ins = frozenset(lemmas_of(p)[0] for p in frames.stand_in_nouns)
        self.cover_verbs = frozenset(lemmas_of(p)[0] for p in frames.cover_verbs)
        self.copulas = frozenset(lemmas_of(p)[0] for p in frames.copulas)
        self.covered_types = frozenset(schema.check_actor_type(t) for t in frames.covered_types)

    def _word_sets(self, frames: Frames) -> None:
        """The plain word lists, as sets for one lookup per word."""
        self.role_openers = frozenset(frames.role_openers)
        self.fillers = frozenset(frames.verb_fillers)
        self.subject_pronouns = frozenset(frames.subject_pronouns)
        self.locatives = frozenset(frames.locatives)
        self.located_types = frozenset(frames.located_types)
        self.definites = frozenset(frames.definites)
        self.generic_anaphors = frozenset(frames.generic_anaphors)
        self.pair_nouns = frozenset(singular(n) for n in frames.pair_nouns)
        self.topic_openers = frozenset(frames.topic_openers)
        self.topic_fields = frozenset(frames.topic_fields)
        self.topic_stops = frozenset(frames.topic_stops)
        self.not_places = frozenset(frames.not_places)
        self.owned_types = frozenset(frames.owned_types)
        self.honorifics = frozenset(h.rstrip(".") for h in frames.people.honorifics)
        self.titles = frozenset(frames.people.titles)

    def _first_words(self) -> None:
        """The phrases of the phrase tables by their first lemma, longest first, so that
        a frame tries only the phrases a word can start and the longest one wins."""
        by_first: dict[str, set[tuple[str, ...]]] = {}
        phrase_tables = (
            self.triggers,
            self.bilateral,
            self.list_nouns,
            self.role_nouns,
            self.membership,
            self.transfer,
        )
        for table in phrase_tables:
            for key in table:
                by_first.setdefault(key[0], set()).add(key)
        # the first lemmas of each phrase table, keyed by the table's identity: most words
        # start no phrase of the table a frame asks about, and this says so in one lookup
        self.first_lemmas = {id(t): frozenset(k[0] for k in t) for t in phrase_tables}
        self.by_first = {
            first: sorted(keys, key=lambda k: (-len(k), k)) for first, keys in by_first.items()
        }
        self.first_nouns = frozenset(k[0] for k in self.instruments)
        # every lower-case word whose singular starts an instrument phrase: the noun itself
        # or the noun with an "s" that `singular` strips, so a word is tested in one lookup
        self.first_forms = frozenset(
            form
            for noun in self.first_nouns
            for form in (noun, f"{noun}s")
            if singular(form) in self.first_nouns
        )

    def _reference_patterns(self) -> None:
        """The two scans `refers` makes over a sentence with no actor: a reference to an
        instrument or to the parties ("the MoC", "both countries"), and a person's title."""
        stems = {*self.first_nouns, *self.pair_nouns}
        self._referring = re.compile(
            r"\b(?:the|this|these|those|its|two|both)\s+(?:[\w-]+\s+){0,2}?(?:"
            + trie_pattern(stems)
            + r")",
            re.IGNORECASE,
        )
        people = {*self.honorifics, *self.titles}
        self._person = re.compile(
            trie_pattern((w[:1].upper() + w[1:] for w in people), not_after=r"\w") + r"\b"
        )

    @staticmethod
    def _index(table: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
        out: dict[tuple[str, ...], str] = {}
        for rel_type, phrases in table.items():
            for phrase in phrases:
                out.setdefault(lemmas_of(phrase), rel_type)
        return out

    def refers(self, text: str) -> bool:
        """Whether a sentence with no recognised actor may still name one by reference:
        "the two countries", "this project", "the MoC", or a person ("Minister Sato")."""
        return self._referring.search(text) is not None or self._person.search(text) is not None

    def amount_line(self, text: str) -> bool:
        """Whether a line is an amount field ("Loan amount: JPY 23.7 billion"), which gives
        a relation though it names no actor."""
        label, colon, _ = text.partition(":")
        return bool(colon) and len(label) < 40 and label.strip(" -*").lower() in self._amount_labels

    @lru_cache(maxsize=8192)  # noqa: B019 - one Lexicon per process
    def kind_of_name(self, name: str) -> Instrument | None:
        """The instrument kind a proper name contains ("... Memorandum of Cooperation ...")."""
        lemmas = nouns_of(name)
        for size in range(min(self.longest, len(lemmas)), 0, -1):
            for i in range(len(lemmas) - size + 1):
                hit = self.instruments.get(lemmas[i : i + size])
                if hit is not None:
                    return hit
        return None


@cache
def lexicon() -> Lexicon:
    return Lexicon(load_data_file(FRAMES_FILE, Frames))
