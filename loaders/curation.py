"""The curation file: a user's corrections, applied to the extracted graph on every build.

It adds, removes and renames actors, adds aliases, and adds or removes relations. An added
relation carries evidence — a document name and an exact quote, located in that document
at build time so its offsets are verbatim — or is explicitly flagged `curated: true`.
A malformed file (YAML syntax or schema) is rejected with its line number before anything is
written, so a bad edit never damages the stored graph.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from graph.errors import CurationError
from graph.model import Actor, Evidence, Graph, Relation
from graph.schema import domain_schema

__all__ = ["Curation", "apply_curation", "load_curation"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AddActor(_Strict):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    identifiers: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _typed(self) -> AddActor:
        schema = domain_schema()
        if self.type not in schema.actor_types:
            raise ValueError(f"unknown actor type {self.type!r}")
        prefix = schema.prefix_of(self.type)
        if not self.id.startswith(prefix + ":"):
            raise ValueError(f"id {self.id!r} must start with {prefix!r}: for type {self.type}")
        return self


class Rename(_Strict):
    id: str
    name: str


class AddAliases(_Strict):
    id: str
    add: list[str]


class ActorChanges(_Strict):
    add: list[AddActor] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list)
    rename: list[Rename] = Field(default_factory=list)
    aliases: list[AddAliases] = Field(default_factory=list)


class Quote(_Strict):
    doc: str
    quote: str = Field(min_length=1)


class RelationRef(_Strict):
    source: str
    target: str
    type: str
    year: int | None = None

    @field_validator("type")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in domain_schema().relation_types:
            raise ValueError(f"unknown relation type {value!r}")
        return value


class AddRelation(RelationRef):
    evidence: list[Quote] = Field(default_factory=list)
    curated: bool = False

    @model_validator(mode="after")
    def _supported(self) -> AddRelation:
        if not self.evidence and not self.curated:
            raise ValueError("an added relation needs evidence (doc and quote) or curated: true")
        return self


class RelationChanges(_Strict):
    add: list[AddRelation] = Field(default_factory=list)
    remove: list[RelationRef] = Field(default_factory=list)


class Curation(_Strict):
    actors: ActorChanges = Field(default_factory=ActorChanges)
    relations: RelationChanges = Field(default_factory=RelationChanges)


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:
                break
            node = child
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def load_curation(path: Path) -> Curation:
    """Read and validate the curation file; a missing file means no corrections."""
    if not path.exists():
        return Curation()
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise CurationError(
            f"{path}:{line}: the curation file is not valid YAML ({exc.problem}).",
            path=str(path),
            line=line,
        ) from exc
    except yaml.YAMLError as exc:
        raise CurationError(f"{path}: not valid YAML ({exc}).", path=str(path), line=None) from exc
    try:
        return Curation.model_validate(data or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        line = _line_of(root, loc)
        where = ".".join(str(p) for p in loc) or "(top level)"
        raise CurationError(
            f"{path}:{line}: {where}: {first['msg']}", path=str(path), line=line
        ) from exc


def _same(relation: Relation, ref: RelationRef) -> bool:
    ends = {(ref.source, ref.target)}
    if not domain_schema().relation_types[ref.type].directed:
        ends.add((ref.target, ref.source))
    return (
        relation.type == ref.type
        and (relation.source, relation.target) in ends
        and (ref.year is None or relation.year == ref.year)
    )


def apply_curation(
    graph: Graph, curation: Curation, texts: Mapping[str, str]
) -> tuple[Graph, list[str]]:
    """The graph with the corrections applied, and warnings for corrections that did nothing."""
    warnings: list[str] = []
    actors = {a.id: a.model_copy(deep=True) for a in graph.actors}
    relations = {r.key: r.model_copy(deep=True) for r in graph.relations}
    changes = curation.actors
    for actor_id in changes.remove:
        if actors.pop(actor_id, None) is None:
            warnings.append(f"curation: cannot remove actor {actor_id}: not in the graph")
        relations = {k: r for k, r in relations.items() if actor_id not in (r.source, r.target)}
    for add in changes.add:
        current = actors.get(add.id)
        aliases = set(add.aliases) | (set(current.aliases) if current else set())
        actors[add.id] = Actor(
            id=add.id,
            name=add.name,
            type=add.type,
            aliases=sorted(aliases - {add.name}),
            identifiers={**(current.identifiers if current else {}), **add.identifiers},
            documents=current.documents if current else [],
            discovered=False,
        )
    for rename in changes.rename:
        actor = actors.get(rename.id)
        if actor is None:
            warnings.append(f"curation: cannot rename {rename.id}: not in the graph")
            continue
        actor.aliases = sorted((set(actor.aliases) | {actor.name}) - {rename.name})
        actor.name = rename.name
    for extra in changes.aliases:
        actor = actors.get(extra.id)
        if actor is None:
            warnings.append(f"curation: cannot add aliases to {extra.id}: not in the graph")
            continue
        actor.aliases = sorted((set(actor.aliases) | set(extra.add)) - {actor.name})
    for ref in curation.relations.remove:
        before = len(relations)
        relations = {k: r for k, r in relations.items() if not _same(r, ref)}
        if len(relations) == before:
            warnings.append(f"curation: no relation {ref.source} {ref.type} {ref.target} to remove")
    for new in curation.relations.add:
        missing = [e for e in (new.source, new.target) if e not in actors]
        if missing:
            warnings.append(f"curation: relation {new.type} names unknown actors {missing}")
            continue
        evidence = []
        for quote in new.evidence:
            text = texts.get(quote.doc)
            start = -1 if text is None else text.find(quote.quote)
            if start < 0:
                warnings.append(f"curation: quote not found in {quote.doc}: {quote.quote[:60]!r}")
                continue
            evidence.append(
                Evidence(
                    doc=quote.doc, quote=quote.quote, start=start, end=start + len(quote.quote)
                )
            )
        if not evidence and not new.curated:
            warnings.append(f"curation: relation {new.source} {new.type} {new.target} skipped: "
                            "none of its evidence was found")  # fmt: skip
            continue
        source, target = new.source, new.target
        if not domain_schema().relation_types[new.type].directed and target < source:
            source, target = target, source
        relation = Relation(
            source=source, target=target, type=new.type, year=new.year, curated=True
        )
        existing = relations.setdefault(relation.key, relation)
        known = {(e.doc, e.start, e.end) for e in existing.evidence}
        existing.evidence.extend(e for e in evidence if (e.doc, e.start, e.end) not in known)
    result = Graph(
        actors=list(actors.values()), relations=list(relations.values()), documents=graph.documents
    )
    return result.normalised(), warnings
