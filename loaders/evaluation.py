"""Precision and recall of the extractor against an annotated corpus, as the field measures.

A corpus is a folder with `docs/` (the documents) and `expected.yaml` or `expected-*.yaml`
(what an analyst says each document states: actors with their aliases, places, relations
with the quote that states them, and negatives that must never be actors). The documents
are extracted as a build would extract them, and then:

- actor recall: the share of required annotated actors some node matches by name or alias;
- relation recall: the share of required annotated relations whose two actors are linked,
  directly or through one node that stands for the relation itself (an agreement, project,
  event or programme: instruments are nodes in Kizuna), per annotated type and overall;
- precision: among edges whose two ends are annotated actors (or instruments joining
  them), the share that joins a pair the annotations relate, per extracted type and overall;
  an edge touching a negative (a person, a technology) is wrong.
Relation types are reported but not required to agree: a relation an analyst calls
AGREEMENT_WITH may be read as SIGNED_MOC or as two SIGNED edges through an MOC node.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from graph.model import Graph, Relation
from graph.querying import DEFAULT_MIN_CONFIDENCE
from graph.schema import domain_schema
from loaders.datafiles import DataFileError, load_data_file
from loaders.pipeline import build_graph

__all__ = ["Evaluation", "TypeScore", "evaluate_corpus", "load_expectations"]


class _Loose(BaseModel):
    model_config = ConfigDict(extra="allow")


class ExpectedActor(_Loose):
    name: str
    type: str | None = None
    aliases: list[str] = Field(default_factory=list)
    required: bool = True


class ExpectedPlace(_Loose):
    name: str
    aliases: list[str] = Field(default_factory=list)


class ExpectedRelation(_Loose):
    subject: str
    relation: str
    object: str
    alt_subjects: list[str] = Field(default_factory=list)
    alt_objects: list[str] = Field(default_factory=list)
    required: bool = True
    quote: str = ""


class ExpectedNegative(_Loose):
    text: str


class ExpectedDoc(_Loose):
    file: str
    actors: list[ExpectedActor] = Field(default_factory=list)
    places: list[ExpectedPlace | str] = Field(default_factory=list)
    relations: list[ExpectedRelation] = Field(default_factory=list)
    negatives: list[ExpectedNegative | str] = Field(default_factory=list)


class Expectations(_Loose):
    docs: list[ExpectedDoc] = Field(min_length=1)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"[^a-z0-9&.' -]+", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", _norm(text)).strip("_")


def load_expectations(corpus: Path) -> list[ExpectedDoc]:
    """Every annotated document of a corpus (expected.yaml and expected-*.yaml)."""
    files = sorted(corpus.glob("expected*.yaml"))
    if not files:
        raise DataFileError(f"{corpus}: no expected.yaml or expected-*.yaml; is it a corpus?")
    return [doc for path in files for doc in load_data_file(path, Expectations).docs]


@dataclass
class TypeScore:
    """Recall (by annotated type) and precision (by extracted type) of one relation type."""

    expected: int = 0
    found: int = 0
    judged: int = 0
    correct: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.judged if self.judged else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)


@dataclass
class Evaluation:
    """The figures and the lists behind them."""

    actors_expected: int = 0
    actors_found: int = 0
    by_type: dict[str, TypeScore] = field(default_factory=dict)
    overall: TypeScore = field(default_factory=TypeScore)
    missing_actors: list[tuple[str, str]] = field(default_factory=list)  # (doc, name)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, label, quote)
    false_positives: list[tuple[str, str]] = field(default_factory=list)  # (label, quote)
    false_actors: list[str] = field(default_factory=list)

    @property
    def actor_recall(self) -> float:
        return self.actors_found / self.actors_expected if self.actors_expected else 0.0


def _label(graph_names: dict[str, str], relation: Relation) -> str:
    source = graph_names.get(relation.source, relation.source)
    target = graph_names.get(relation.target, relation.target)
    return f"{source} -{relation.type}- {target}"


def evaluate_corpus(corpus: Path, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Evaluation:
    """Extract `corpus/docs` and score the graph against the corpus's annotations."""
    expected = load_expectations(corpus)
    graph, _ = build_graph([corpus / "docs"], None, 20_000_000)
    return score(graph, expected, min_confidence)


_GoldRelation = tuple[str, ExpectedRelation, set[tuple[str, str]]]  # doc, relation, pairs


@dataclass
class _Gold:
    """The annotations of a corpus, keyed by the slug of each actor's name."""

    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    required: dict[str, bool] = field(default_factory=dict)
    docs: dict[str, str] = field(default_factory=dict)  # slug -> the first file naming it
    negatives: set[str] = field(default_factory=set)
    relations: list[_GoldRelation] = field(default_factory=list)


def _read_gold(expected: Iterable[ExpectedDoc]) -> _Gold:
    """Every annotated actor (with its surface names), place, negative and relation."""
    gold = _Gold()
    for doc in expected:
        for actor in doc.actors:
            key = _slug(actor.name)
            gold.names[key] |= {actor.name, *actor.aliases}
            gold.required[key] = gold.required.get(key, False) or actor.required
            gold.docs.setdefault(key, doc.file)
        for place in doc.places:
            name, aliases = (place, []) if isinstance(place, str) else (place.name, place.aliases)
            gold.names[_slug(name)] |= {name, *aliases}
        for negative in doc.negatives:
            gold.negatives.add(_norm(negative if isinstance(negative, str) else negative.text))
        for relation in doc.relations:
            subjects = [relation.subject, *relation.alt_subjects]
            objects = [relation.object, *relation.alt_objects]
            pairs = {(_slug(a), _slug(b)) for a in subjects for b in objects}
            gold.relations.append((doc.file, relation, pairs))
    return gold


class _Links:
    """The graph's kept edges as adjacency, and how a gold pair is linked through them:
    directly, or through one instrument node that stands for the relation."""

    def __init__(self, graph: Graph, edges: list[Relation], gold_of: dict[str, set[str]]) -> None:
        self.instruments = domain_schema().types_with_role("instrument")
        self.node_type = {a.id: a.type for a in graph.actors}
        self.gold_of = gold_of
        self.adjacent: dict[str, set[str]] = defaultdict(set)
        for edge in edges:
            self.adjacent[edge.source].add(edge.target)
            self.adjacent[edge.target].add(edge.source)

    def stands_for_relation(self, node: str) -> bool:
        """Whether a node is an instrument, which joins its parties."""
        return self.node_type.get(node) in self.instruments

    def linked(self, a: set[str], b: set[str]) -> bool:
        """Whether a node of `a` and one of `b` are linked, directly or through one
        instrument."""
        adjacent = self.adjacent
        if any(adjacent[x] & b for x in a):
            return True
        return any(
            mid not in a and mid not in b and self.stands_for_relation(mid) and adjacent[mid] & b
            for x in a
            for mid in adjacent[x]
        )

    def supported(self, s: str, t: str, gold_pairs: set[frozenset[str]]) -> bool:
        """Whether the edge s-t states an annotated pair, itself or as one role of an
        instrument whose other party completes the pair."""
        gold_of = self.gold_of
        if any(frozenset((x, y)) in gold_pairs for x in gold_of[s] for y in gold_of[t]):
            return True
        for mid, other in ((s, t), (t, s)):
            if self.stands_for_relation(mid):
                for far in self.adjacent[mid] - {other}:
                    if any(
                        frozenset((x, y)) in gold_pairs
                        for x in gold_of[other]
                        for y in gold_of[far]
                    ):
                        return True
        return False


def score(graph: Graph, expected: Iterable[ExpectedDoc], min_confidence: float) -> Evaluation:
    """Score a built graph against annotations (relations below `min_confidence` ignored)."""
    result = Evaluation()
    gold = _read_gold(expected)
    found = _actor_recall(result, graph, gold)
    gold_of: dict[str, set[str]] = defaultdict(set)
    for key, ids in found.items():
        for node_id in ids:
            gold_of[node_id].add(key)
    edges = [r for r in graph.relations if r.confidence >= min_confidence or r.curated]
    links = _Links(graph, edges, gold_of)
    _relation_recall(result, gold, found, links)
    _precision(result, graph, gold, edges, links)
    return result


def _actor_recall(result: Evaluation, graph: Graph, gold: _Gold) -> dict[str, set[str]]:
    """Count the required actors the graph holds (and note false actors); returns each
    gold slug's node ids."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for node in graph.actors:
        for name in (node.name, *node.aliases):
            by_name[_norm(name)].add(node.id)
        if _norm(node.name) in gold.negatives:
            result.false_actors.append(node.name)
    found: dict[str, set[str]] = {
        key: set().union(*(by_name.get(_norm(n), set()) for n in surfaces))
        for key, surfaces in gold.names.items()
    }
    for key, is_required in sorted(gold.required.items()):
        if is_required:
            result.actors_expected += 1
            if found.get(key):
                result.actors_found += 1
            else:
                result.missing_actors.append((gold.docs[key], sorted(gold.names[key])[0]))
    return found


def _relation_recall(
    result: Evaluation, gold: _Gold, found: dict[str, set[str]], links: _Links
) -> None:
    """Count the required relations whose actors the graph links, by type and overall."""
    for doc_name, relation, pairs in gold.relations:
        if not relation.required:
            continue
        score_of = result.by_type.setdefault(relation.relation, TypeScore())
        score_of.expected += 1
        result.overall.expected += 1
        if any(links.linked(found.get(x, set()), found.get(y, set())) for x, y in pairs):
            score_of.found += 1
            result.overall.found += 1
        else:
            label = f"{relation.subject} -{relation.relation}- {relation.object}"
            result.misses.append((doc_name, label, relation.quote))


def _precision(
    result: Evaluation, graph: Graph, gold: _Gold, edges: list[Relation], links: _Links
) -> None:
    """Judge every edge between annotated actors (or an instrument and one), and every
    edge touching a negative, against the annotated pairs."""
    gold_pairs = {frozenset(p) for _, _, pairs in gold.relations for p in pairs}
    node_names = {a.id: a.name for a in graph.actors}
    negative_nodes = {n for n, name in node_names.items() if _norm(name) in gold.negatives}
    gold_of, stands_for_relation = links.gold_of, links.stands_for_relation
    for edge in edges:
        s, t = edge.source, edge.target
        touches_negative = s in negative_nodes or t in negative_nodes
        if not touches_negative:
            if not (gold_of[s] or stands_for_relation(s)) or not (
                gold_of[t] or stands_for_relation(t)
            ):
                continue
            if not gold_of[s] and not gold_of[t]:
                continue
        score_of = result.by_type.setdefault(edge.type, TypeScore())
        score_of.judged += 1
        result.overall.judged += 1
        if not touches_negative and links.supported(s, t, gold_pairs):
            score_of.correct += 1
            result.overall.correct += 1
        else:
            quote = edge.evidence[0].quote if edge.evidence else ""
            result.false_positives.append((_label(node_names, edge), quote))
