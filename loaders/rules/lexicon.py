"""The lexicon of loaders/data/lexicon.yaml, typed on load and turned into lemma lookups.

Every phrase is turned into its lemma sequence once, with the lemma table that reads the
documents, so the file is written in plain words. Relation and actor types are checked
against the domain schema: a type the schema does not know is an error naming the file's
line, raised before anything is extracted.
"""

from __future__ import annotations

import calendar
from functools import cache, lru_cache
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from graph.model import FrozenModel
from graph.schema import domain_schema
from loaders.datafiles import load_data_file
from loaders.nlp import lemmas_of, words

__all__ = [
    "LEXICON_FILE",
    "Instrument",
    "Lexicon",
    "LexiconFile",
    "Triggers",
    "lexicon",
    "singular",
]

LEXICON_FILE = Path(__file__).parent.parent / "data" / "lexicon.yaml"


def _relation(value: str) -> str:
    return domain_schema().check_relation_type(value)


def _actor_type(value: str) -> str:
    return domain_schema().check_actor_type(value)


class Triggers(FrozenModel):
    """The words that trigger one relation type."""

    verbs: list[str] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)
    holders: list[str] = Field(default_factory=list)


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
        return None if value is None else _relation(value)


class People(FrozenModel):
    honorifics: list[str] = Field(min_length=1)
    titles: list[str] = Field(min_length=1)
    away_words: list[str]
    body_heads: list[str] = Field(min_length=1)
    stands_for: list[str] = Field(min_length=1)

    @field_validator("stands_for")
    @classmethod
    def _types(cls, value: list[str]) -> list[str]:
        return [_actor_type(v) for v in value]


class LexiconFile(FrozenModel):
    """The content of lexicon.yaml."""

    relations: dict[str, Triggers] = Field(min_length=1)
    to_instrument: dict[str, str]
    instruments: list[Instrument] = Field(min_length=1)
    topic_openers: list[str]
    topic_fields: list[str]
    topic_stops: list[str]
    definites: list[str]
    back_references: list[str]
    generic_anaphors: list[str]
    new_markers: list[str]
    copulas: list[str]
    member_nouns: list[str]
    role_holders: list[str]
    list_verbs: list[str]
    cover_verbs: list[str]
    covered_types: list[str]
    patient_verbs: list[str]
    meeting_verbs: list[str]
    reporting_verbs: list[str]
    enacting_verbs: list[str]
    receiving_verbs: list[str]
    money_words: list[str]
    cofunding_verbs: list[str]
    pronouns: list[str]
    stand_ins: list[str]
    collectives: list[str]
    part_nouns: list[str]
    pair_nouns: list[str]
    pair_markers: list[str]
    number_words: list[str]
    country_pair_nouns: list[str]
    amount_words: list[str]
    time_words: list[str]
    through_words: list[str]
    locatives: list[str]
    located_types: list[str]
    placing_verbs: list[str]
    owned_types: list[str]
    people: People
    fields: dict[str, list[str]]
    amount_fields: list[str]

    @field_validator("relations", "fields")
    @classmethod
    def _relation_keys(cls, value: dict[str, object]) -> dict[str, object]:
        for key in value:
            _relation(key)
        return value

    @field_validator("to_instrument")
    @classmethod
    def _relation_pairs(cls, value: dict[str, str]) -> dict[str, str]:
        for key, target in value.items():
            _relation(key)
            _relation(target)
        return value

    @field_validator("covered_types", "located_types", "owned_types")
    @classmethod
    def _actor_types(cls, value: list[str]) -> list[str]:
        return [_actor_type(v) for v in value]

    @model_validator(mode="after")
    def _verbs_name_one_relation(self) -> LexiconFile:
        seen: dict[tuple[str, ...], str] = {}
        for rel_type, triggers in self.relations.items():
            for verb in triggers.verbs:
                key = lemmas_of(verb)
                if key in seen and seen[key] != rel_type:
                    raise ValueError(
                        f"the verb {verb!r} triggers both {seen[key]} and {rel_type}; keep one"
                    )
                seen[key] = rel_type
        return self


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A noun's singular form, crudely: "meetings" -> "meeting", "MoUs" -> "mou"."""
    lower = word.lower()
    if word.endswith("s") and sum(c.isupper() for c in word) >= 2:
        return lower[:-1]  # an acronym's plural: "MoUs", "MOCs"
    if lower.endswith("memoranda"):
        return lower[:-1] + "um"
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


@lru_cache(maxsize=8192)
def nouns_of(phrase: str) -> tuple[str, ...]:
    """The singular word forms of a phrase, as instrument phrases are matched."""
    return tuple(singular(w.text) for w in words(phrase))


def _lemma_set(phrases: list[str]) -> frozenset[str]:
    return frozenset(lemmas_of(p)[0] for p in phrases if lemmas_of(p))


class Lexicon:
    """lexicon.yaml as lemma lookups: what each word triggers or stands for."""

    def __init__(self, data: LexiconFile) -> None:
        self.data = data
        schema = domain_schema()
        self.verbs: dict[tuple[str, ...], str] = {}
        self.nouns: dict[tuple[str, ...], str] = {}
        self.holders: dict[tuple[str, ...], str] = {}
        for rel_type, triggers in data.relations.items():
            for table, phrases in (
                (self.verbs, triggers.verbs),
                (self.nouns, triggers.nouns),
                (self.holders, triggers.holders),
            ):
                for phrase in phrases:
                    table.setdefault(lemmas_of(phrase), rel_type)
        self.instruments: dict[tuple[str, ...], Instrument] = {}
        for instrument in data.instruments:
            for phrase in instrument.phrases:
                self.instruments.setdefault(nouns_of(phrase), instrument)
        self.instrument_heads = frozenset(k[-1] for k in self.instruments) | frozenset(
            k[0] for k in self.instruments
        )
        self.longest_instrument = max(len(k) for k in self.instruments)
        self.particles = frozenset(k[-1] for k in self.verbs if len(k) > 1)
        self.pairs = frozenset(n for n, t in schema.relation_types.items() if not t.directed)
        self.fields = {
            tuple(p.lower().split()): rel_type
            for rel_type, phrases in data.fields.items()
            for p in phrases
        }
        self.amount_fields = frozenset(p.lower() for p in data.amount_fields)
        self.sets = {
            name: _lemma_set(getattr(data, name))
            for name in (
                "copulas",
                "member_nouns",
                "role_holders",
                "list_verbs",
                "cover_verbs",
                "patient_verbs",
                "meeting_verbs",
                "reporting_verbs",
                "enacting_verbs",
                "receiving_verbs",
                "stand_ins",
                "collectives",
                "part_nouns",
                "pair_nouns",
                "country_pair_nouns",
                "placing_verbs",
                "money_words",
                "cofunding_verbs",
            )
        }
        # the words that head a loan or a grant ("loan", "grant", "aid")
        self.sets["funds_heads"] = frozenset(
            key[-1] for key, kind in self.instruments.items() if kind.funds
        )
        self.words = {
            name: frozenset(w.lower() for w in getattr(data, name))
            for name in (
                "definites",
                "back_references",
                "generic_anaphors",
                "new_markers",
                "pronouns",
                "pair_markers",
                "number_words",
                "amount_words",
                "time_words",
                "through_words",
                "locatives",
                "topic_fields",
                "topic_stops",
            )
        }
        self.calendar_names = frozenset(
            w.lower() for w in (*calendar.month_name, *calendar.day_name) if w
        )  # "march", "sunday": words of time that are also capitalised
        self.words["time_words"] |= self.calendar_names
        self.honorifics = frozenset(h.lower().rstrip(".") for h in data.people.honorifics)
        self.titles = frozenset(t.lower() for t in data.people.titles)
        self.trigger_firsts = (
            frozenset(key[0] for table in (self.verbs, self.nouns, self.holders) for key in table)
            | frozenset(k[0] for k in self.instruments)
            | self.sets["member_nouns"]
        )

    def trigger_lemmas(self, table: str, relations: frozenset[str] | None = None) -> list[str]:
        """The head lemmas of one trigger table ("verbs", "nouns", "holders"), optionally only
        those of some relation types, sorted."""
        source: dict[tuple[str, ...], str] = getattr(self, table)
        return sorted(
            {key[0] if table == "verbs" else key[-1] for key, rel in source.items()
             if relations is None or rel in relations}
        )  # fmt: skip

    def relation_of(self, table: str, key: tuple[str, ...]) -> str | None:
        """The relation type a trigger phrase (as lemmas) gives in one table."""
        found: str | None = getattr(self, table).get(key)
        return found

    def kind_of(self, nouns: tuple[str, ...]) -> Instrument | None:
        """The instrument kind of a phrase given as singular nouns, longest match first."""
        for size in range(min(self.longest_instrument, len(nouns)), 0, -1):
            for i in range(len(nouns) - size, -1, -1):
                hit = self.instruments.get(nouns[i : i + size])
                if hit is not None:
                    return hit
        return None

    def is_role(self, phrase: str) -> bool:
        """Whether a phrase names a role a party holds ("Executing Agency"), not a party."""
        return lemmas_of(phrase.lower()) in self.holders

    def is_kind(self, phrase: str) -> bool:
        """Whether a phrase is only a kind of instrument ("Technical Cooperation Project")."""
        return nouns_of(phrase.lower()) in self.instruments

    @lru_cache(maxsize=8192)  # noqa: B019 - one Lexicon per process
    def kind_of_name(self, name: str) -> Instrument | None:
        """The instrument kind a proper name contains ("... Memorandum of Cooperation ...")."""
        return self.kind_of(nouns_of(name))


@cache
def lexicon() -> Lexicon:
    return Lexicon(load_data_file(LEXICON_FILE, LexiconFile))
