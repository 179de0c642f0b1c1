"""The relation rules of loaders/data/rules.yaml, typed on load and compiled to spaCy's
DependencyMatcher.

A rule is a trigger and the dependency path to each of its arguments. Compiling turns each
rule into one DependencyMatcher pattern: the trigger is its anchor node, every step of every
path one more node, joined by `>` (a child), `>>` (a descendant) or `<` (the head). What the
arguments stand for and which relations they give is the engine's work, the same for every
rule. A rule that names an unknown lexicon list, argument, relation type or actor type is
rejected with its file and line when the file is loaded, before anything is extracted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator
from spacy.matcher import DependencyMatcher

from graph.model import FrozenModel
from graph.schema import domain_schema
from loaders.datafiles import DataFileError, line_of, load_data_file_with_nodes
from loaders.nlp import model
from loaders.rules.lexicon import Lexicon, lexicon
from loaders.rules.marks import register_marks

__all__ = [
    "RULES_FILE",
    "CompiledRule",
    "Emit",
    "Grammar",
    "Rule",
    "Step",
    "Trigger",
    "compile_rules",
    "dependency_matcher",
    "grammar",
    "load_rules",
]

RULES_FILE = Path(__file__).parent.parent / "data" / "rules.yaml"

WORD_LISTS = (
    "copulas",
    "member_nouns",
    "role_holders",
    "list_verbs",
    "cover_verbs",
    "receiving_verbs",
    "patient_verbs",
    "meeting_verbs",
    "placing_verbs",
    "cofunding_verbs",
)
TABLES = ("verbs", "nouns", "holders", "instrument", "actor", *WORD_LISTS)
RELATION_TABLES = ("verbs", "nouns", "holders")
IMPLICIT = ("instrument", "trigger", "lender")  # targets that are not arguments
PARTICLE = "@particle"  # a step's word: the preposition of the trigger's own phrase
ROLES = ("party", "instrument", "place")


def _actor_types(value: list[str] | None) -> list[str] | None:
    """The actor types a rule names, each checked against the schema."""
    for name in value or []:
        domain_schema().check_actor_type(name)
    return value


def _listed(value: str | list[str] | None) -> list[str] | None:
    return [value] if isinstance(value, str) else value


class Step(FrozenModel):
    """One step of an argument's path from the trigger."""

    dep: list[str] | None = None
    word: list[str] | None = None
    lemma: list[str] | None = None
    up: list[str] | None = None
    descend: bool = False
    adjacent: bool = False
    before: bool = False  # the phrase right before the previous node, but for commas and adverbs
    role: list[Literal["party", "instrument", "place"]] | None = None
    types: list[str] | None = None

    _lists = field_validator("dep", "word", "lemma", "up", "role", mode="before")(_listed)

    @field_validator("types")
    @classmethod
    def _known_types(cls, value: list[str] | None) -> list[str] | None:
        return _actor_types(value)

    @model_validator(mode="after")
    def _one_direction(self) -> Step:
        moves = [self.up is not None, self.descend, self.before]
        if sum(moves) > 1 or (self.up is not None and self.dep is not None):
            raise ValueError("a step goes up, down, or to the word before; one of them")
        return self


class Trigger(FrozenModel):
    """What the trigger word of a rule is."""

    table: str
    relations: list[str] | None = None
    shape: Literal["role", "pair"] | None = None
    voice: Literal["active", "passive"] | None = None
    dep: list[str] | None = None
    lacks: list[str] = Field(default_factory=list)
    types: list[str] | None = None

    _lists = field_validator("dep", "lacks", "relations", mode="before")(_listed)

    @field_validator("table")
    @classmethod
    def _known_table(cls, value: str) -> str:
        if value not in TABLES:
            raise ValueError(f"unknown trigger table {value!r}; known: {', '.join(TABLES)}")
        return value

    @field_validator("relations")
    @classmethod
    def _known_relations(cls, value: list[str] | None) -> list[str] | None:
        for name in value or []:
            domain_schema().check_relation_type(name)
        return value

    @field_validator("types")
    @classmethod
    def _known_types(cls, value: list[str] | None) -> list[str] | None:
        return _actor_types(value)


class Emit(FrozenModel):
    """The relations one match gives."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    source: str | None = Field(default=None, alias="from")
    to: str | None = None
    among: str | None = None
    type: str = "trigger"
    giver: bool = False
    within: list[str] | None = None  # for `to: instrument`: the actor types it may be
    of: str | None = None  # for `type: bilateral`: the argument whose instrument kind says it

    @field_validator("within")
    @classmethod
    def _known_types(cls, value: list[str] | None) -> list[str] | None:
        return _actor_types(value)

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value in ("trigger", "role", "bilateral"):
            return value
        return domain_schema().check_relation_type(value)

    @model_validator(mode="after")
    def _ends(self) -> Emit:
        pair = self.source is not None and self.to is not None
        if pair == (self.among is not None):
            raise ValueError("an emit gives `from` and `to`, or `among`")
        if (self.type == "bilateral") != (self.of is not None):
            raise ValueError("`type: bilateral` names the instrument it comes from with `of`")
        return self


class Rule(FrozenModel):
    """A trigger, the paths to its arguments, and what a match gives."""

    name: str
    trigger: Trigger
    arguments: dict[str, list[Step]] = Field(min_length=1)
    emit: list[Emit] = Field(min_length=1)
    confidence: float = Field(gt=0.0, le=1.0)
    single: list[str] = Field(default_factory=list)  # arguments read without their lists

    @model_validator(mode="after")
    def _emits_name_arguments(self) -> Rule:
        for emit in self.emit:
            for end in (emit.source, emit.to, emit.among, emit.of):
                if end is not None and end not in self.arguments and end not in IMPLICIT:
                    raise ValueError(
                        f"rule {self.name}: emit names {end!r}, which is no argument of it"
                    )
        for name in self.single:
            if name not in self.arguments:
                raise ValueError(f"rule {self.name}: `single` names {name!r}, no argument of it")
        for name, path in self.arguments.items():
            if name in IMPLICIT:
                raise ValueError(
                    f"rule {self.name}: an argument may not be called {name!r}: emit reads "
                    f"{name!r} as the "
                    + ("nearest instrument" if name == "instrument" else "trigger word")
                )
            if not path:
                raise ValueError(f"rule {self.name}: argument {name!r} has an empty path")
        return self


class RulesFile(FrozenModel):
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> RulesFile:
        names = [r.name for r in self.rules]
        doubles = sorted({n for n in names if names.count(n) > 1})
        if doubles:
            raise ValueError(f"rule names must be unique; repeated: {', '.join(doubles)}")
        return self


@dataclass(frozen=True)
class CompiledRule:
    """A rule, its DependencyMatcher pattern, and where each of its arguments sits among
    the pattern's nodes."""

    rule: Rule
    pattern: list[dict[str, Any]]
    argument_nodes: dict[str, int]
    descents: tuple[tuple[int, int], ...]  # (upper node, lower node) joined by ">>"
    particles: tuple[int, ...]  # nodes that must be the trigger phrase's own preposition
    adjacents: tuple[tuple[int, int], ...]  # (node, node) next to each other, but for punctuation
    relations: frozenset[str] | None  # the relation types a relation trigger may give

    @property
    def size(self) -> tuple[int, int]:
        """How much a match says: its arguments, then the steps its path took (a more
        specific reading of the same words wins)."""
        return len(self.rule.arguments), len(self.pattern)


def _relations_of(trigger: Trigger, lex: Lexicon) -> frozenset[str] | None:
    if trigger.table not in RELATION_TABLES:
        return None
    wanted = set(lex.data.relations)
    if trigger.relations is not None:
        wanted &= set(trigger.relations)
    if trigger.shape == "pair":
        wanted &= lex.pairs
    elif trigger.shape == "role":
        wanted -= lex.pairs
    return frozenset(wanted)


def _trigger_attrs(
    trigger: Trigger, lex: Lexicon, relations: frozenset[str] | None
) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    if relations is not None:
        attrs["LEMMA"] = {"IN": lex.trigger_lemmas(trigger.table, relations)}
        attrs["TAG"] = {"REGEX": "^VB" if trigger.table == "verbs" else "^NN"}
    elif trigger.table in WORD_LISTS:
        attrs["LEMMA"] = {"IN": sorted(lex.sets[trigger.table])}
    elif trigger.table == "instrument":
        attrs["_"] = {"role": "instrument"}
    else:  # an actor
        attrs["_"] = {"role": {"IN": list(ROLES)}}
    if trigger.types is not None:
        attrs.setdefault("_", {})["actor_type"] = {"IN": trigger.types}
    if trigger.dep is not None:
        attrs["DEP"] = {"IN": trigger.dep}
    return attrs


def _step_attrs(step: Step, lex: Lexicon) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    if step.dep is not None:
        attrs["DEP"] = {"IN": step.dep}
    if step.word is not None:
        words = [w.lower() for w in step.word if w != PARTICLE]
        if PARTICLE in step.word:
            words += sorted(lex.particles)
        attrs["LOWER"] = {"IN": words}
    if step.lemma is not None:
        lemmas: set[str] = set()
        for item in step.lemma:
            lemmas |= lex.sets[item[1:]] if item.startswith("@") else {item}
        attrs["LEMMA"] = {"IN": sorted(lemmas)}
    extension: dict[str, Any] = {}
    if step.role is not None:
        extension["role"] = {"IN": step.role}
    if step.types is not None:
        extension["actor_type"] = {"IN": step.types}
    if extension:
        attrs["_"] = extension
    return attrs


def _compile(rule: Rule, lex: Lexicon) -> CompiledRule:
    relations = _relations_of(rule.trigger, lex)
    trigger_attrs = _trigger_attrs(rule.trigger, lex, relations)
    nodes: list[dict[str, Any]] = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": trigger_attrs}]
    positions: dict[str, int] = {}
    descents: list[tuple[int, int]] = []
    adjacents: list[tuple[int, int]] = []
    particles: list[int] = []
    for name, path in rule.arguments.items():
        previous = 0
        for k, step in enumerate(path):
            node_id = f"{name}{k}"
            if step.up is not None:
                constraint = nodes[previous]["RIGHT_ATTRS"].setdefault("DEP", {"IN": step.up})
                constraint["IN"] = [d for d in constraint["IN"] if d in step.up]
                nodes.append(
                    {
                        "LEFT_ID": nodes[previous]["RIGHT_ID"],
                        "REL_OP": "<",
                        "RIGHT_ID": node_id,
                        "RIGHT_ATTRS": _step_attrs(step, lex),
                    }
                )
            else:
                operator = ">>" if step.descend else ";*" if step.before else ">"
                nodes.append(
                    {
                        "LEFT_ID": nodes[previous]["RIGHT_ID"],
                        "REL_OP": operator,
                        "RIGHT_ID": node_id,
                        "RIGHT_ATTRS": _step_attrs(step, lex),
                    }
                )
                if step.descend:
                    descents.append((previous, len(nodes) - 1))
                if step.adjacent or step.before:
                    adjacents.append((previous, len(nodes) - 1))
                if step.word is not None and PARTICLE in step.word:
                    particles.append(len(nodes) - 1)
            previous = len(nodes) - 1
        positions[name] = previous
    return CompiledRule(
        rule,
        nodes,
        positions,
        tuple(descents),
        tuple(particles),
        tuple(adjacents),
        relations,
    )


@dataclass
class Grammar:
    """The compiled rules, in the file's order: where two readings of one relation are
    equally sure, the rule written first wins."""

    rules: dict[str, CompiledRule]

    def rank(self, rule: str) -> int:
        """A rule's place in the file; readers' and derived rules come after every rule."""
        names = list(self.rules)
        return names.index(rule) if rule in names else len(names)


def load_rules(path: Path = RULES_FILE) -> list[Rule]:
    """The rules of a rules file, typed and checked; a DataFileError with file and line."""
    data, node = load_data_file_with_nodes(path, RulesFile)
    lex = lexicon()
    for i, rule in enumerate(data.rules):
        for name, steps in rule.arguments.items():
            for step in steps:
                for item in step.lemma or []:
                    if item.startswith("@") and item[1:] not in lex.sets:
                        where = line_of(node, ("rules", i, "arguments", name))
                        raise DataFileError(
                            f"{path}, line {where}: rule {rule.name}: unknown word list {item}; "
                            f"known: {', '.join('@' + s for s in sorted(lex.sets))}"
                        )
    return data.rules


def compile_rules(rules: list[Rule]) -> Grammar:
    """Each rule compiled to its DependencyMatcher pattern, keyed by rule name."""
    lex = lexicon()
    return Grammar({rule.name: _compile(rule, lex) for rule in rules})


def dependency_matcher(compiled: Grammar) -> DependencyMatcher:
    """spaCy's own DependencyMatcher holding every rule's pattern under the rule's name."""
    register_marks()
    matcher = DependencyMatcher(model().vocab)
    for name, entry in compiled.rules.items():
        matcher.add(name, [entry.pattern])
    return matcher


@cache
def grammar() -> Grammar:
    """The project's rules (loaders/data/rules.yaml), compiled once per process."""
    return compile_rules(load_rules())
