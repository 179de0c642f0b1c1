"""The curation file: a user's corrections, applied to the extracted graph on every build.

It adds, removes and renames actors, adds aliases, and adds or removes relations. An added
relation carries evidence — a document name and an exact quote, located in that document
at build time so its offsets are verbatim — or is explicitly flagged `curated: true`.
A malformed file (YAML syntax or schema) is rejected with its line number before anything is
written, so a bad edit never damages the stored graph.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import Field, ValidationError, field_validator, model_validator

from graph.errors import CurationError
from graph.files import file_problem
from graph.model import Actor, Evidence, Graph, Relation, StrictModel, ordered_ends
from graph.schema import domain_schema
from graph.yaml_files import load_yaml

__all__ = ["Curation", "apply_curation", "load_curation"]


class AddActor(StrictModel):
    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    identifiers: dict[str, str] = Field(default_factory=dict)

    @field_validator("type")
    @classmethod
    def _known(cls, value: str) -> str:
        return domain_schema().check_actor_type(value)

    @model_validator(mode="after")
    def _prefixed(self) -> AddActor:
        prefix = domain_schema().prefix_of(self.type)
        if not self.id.startswith(prefix + ":"):
            raise ValueError(f"id {self.id!r} must start with {prefix!r}: for type {self.type}")
        return self


class Rename(StrictModel):
    id: str
    name: str


class AddAliases(StrictModel):
    id: str
    add: list[str]


class ActorChanges(StrictModel):
    add: list[AddActor] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list)
    rename: list[Rename] = Field(default_factory=list)
    aliases: list[AddAliases] = Field(default_factory=list)


class Quote(StrictModel):
    doc: str
    quote: str = Field(min_length=1)


class RelationRef(StrictModel):
    source: str
    target: str
    type: str
    year: int | None = None

    @field_validator("type")
    @classmethod
    def _known(cls, value: str) -> str:
        return domain_schema().check_relation_type(value)


class AddRelation(RelationRef):
    evidence: list[Quote] = Field(default_factory=list)
    curated: bool = False

    @model_validator(mode="after")
    def _supported(self) -> AddRelation:
        if not self.evidence and not self.curated:
            raise ValueError("an added relation needs evidence (doc and quote) or curated: true")
        return self


class RelationChanges(StrictModel):
    add: list[AddRelation] = Field(default_factory=list)
    remove: list[RelationRef] = Field(default_factory=list)


class Curation(StrictModel):
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
    """Read and validate the curation file; a missing file means no corrections.

    Every problem is one CurationError naming the file (and the line where there is one): a
    folder or an unreadable file, text that is not UTF-8, YAML that does not parse or states
    a key twice (PyYAML would keep the second block and drop the first), or a correction
    that does not fit the schema."""
    if not path.exists():
        return Curation()
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise CurationError(
            f"{path}: cannot read the curation file ({file_problem(exc)}).",
            path=str(path),
            line=None,
        ) from exc
    except UnicodeDecodeError as exc:
        raise CurationError(
            f"{path}: the curation file is not UTF-8 text (invalid byte at offset "
            f"{exc.start}); save it as UTF-8.",
            path=str(path),
            line=None,
        ) from exc
    try:
        data, root = load_yaml(text)
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
    return (
        relation.type == ref.type
        and (relation.source, relation.target) == ordered_ends(ref.type, ref.source, ref.target)
        and (ref.year is None or relation.year == ref.year)
    )


@dataclass
class _Work:
    """The graph being corrected: actors and relations by key, and the warnings so far."""

    actors: dict[str, Actor]
    relations: dict[str, Relation]
    warnings: list[str] = field(default_factory=list)


def _remove_actors(work: _Work, ids: list[str]) -> None:
    """Removed actors take their relations with them."""
    for actor_id in ids:
        if work.actors.pop(actor_id, None) is None:
            work.warnings.append(f"curation: cannot remove actor {actor_id}: not in the graph")
        work.relations = {
            k: r for k, r in work.relations.items() if actor_id not in (r.source, r.target)
        }


def _add_actors(work: _Work, additions: list[AddActor]) -> None:
    """An added actor replaces an extracted one with the same id, keeping its aliases."""
    for add in additions:
        current = work.actors.get(add.id)
        aliases = set(add.aliases) | (set(current.aliases) if current else set())
        work.actors[add.id] = Actor(
            id=add.id,
            name=add.name,
            type=add.type,
            aliases=sorted(aliases - {add.name}),
            identifiers={**(current.identifiers if current else {}), **add.identifiers},
            documents=current.documents if current else [],
            discovered=False,
        )


def _present(work: _Work, actor_id: str, change: str) -> Actor | None:
    """The actor a correction changes; None, with a warning, when the graph lacks it."""
    actor = work.actors.get(actor_id)
    if actor is None:
        work.warnings.append(f"curation: cannot {change} {actor_id}: not in the graph")
    return actor


def _rename_actors(work: _Work, renames: list[Rename]) -> None:
    """A renamed actor keeps its old name as an alias."""
    for rename in renames:
        if actor := _present(work, rename.id, "rename"):
            actor.aliases = sorted((set(actor.aliases) | {actor.name}) - {rename.name})
            actor.name = rename.name


def _add_aliases(work: _Work, extras: list[AddAliases]) -> None:
    for extra in extras:
        if actor := _present(work, extra.id, "add aliases to"):
            actor.aliases = sorted((set(actor.aliases) | set(extra.add)) - {actor.name})


def _remove_relations(work: _Work, refs: list[RelationRef]) -> None:
    for ref in refs:
        before = len(work.relations)
        work.relations = {k: r for k, r in work.relations.items() if not _same(r, ref)}
        if len(work.relations) == before:
            work.warnings.append(
                f"curation: no relation {ref.source} {ref.type} {ref.target} to remove"
            )


def _located(work: _Work, new: AddRelation, texts: Mapping[str, str]) -> list[Evidence]:
    """The evidence of an added relation, each quote found verbatim in its document."""
    evidence = []
    for quote in new.evidence:
        text = texts.get(quote.doc)
        start = -1 if text is None else text.find(quote.quote)
        if start < 0:
            work.warnings.append(f"curation: quote not found in {quote.doc}: {quote.quote[:60]!r}")
            continue
        evidence.append(
            Evidence(doc=quote.doc, quote=quote.quote, start=start, end=start + len(quote.quote))
        )
    return evidence


def _add_relations(work: _Work, additions: list[AddRelation], texts: Mapping[str, str]) -> None:
    """Added relations are curated; one that matches an extracted relation adds its evidence."""
    for new in additions:
        missing = [e for e in (new.source, new.target) if e not in work.actors]
        if missing:
            work.warnings.append(f"curation: relation {new.type} names unknown actors {missing}")
            continue
        evidence = _located(work, new, texts)
        if not evidence and not new.curated:
            work.warnings.append(
                f"curation: relation {new.source} {new.type} {new.target} skipped: "
                "none of its evidence was found"
            )
            continue
        source, target = ordered_ends(new.type, new.source, new.target)
        relation = Relation(
            source=source, target=target, type=new.type, year=new.year, curated=True
        )
        existing = work.relations.setdefault(relation.key, relation)
        known = {(e.doc, e.start, e.end) for e in existing.evidence}
        existing.evidence.extend(e for e in evidence if (e.doc, e.start, e.end) not in known)


def apply_curation(
    graph: Graph, curation: Curation, texts: Mapping[str, str]
) -> tuple[Graph, list[str]]:
    """The graph with the corrections applied, and warnings for corrections that did nothing.

    Actors are removed, added, renamed and given aliases, then relations removed and added,
    in that order, so a correction may name an actor that another correction adds.
    """
    work = _Work(
        actors={a.id: a.model_copy(deep=True) for a in graph.actors},
        relations={r.key: r.model_copy(deep=True) for r in graph.relations},
    )
    _remove_actors(work, curation.actors.remove)
    _add_actors(work, curation.actors.add)
    _rename_actors(work, curation.actors.rename)
    _add_aliases(work, curation.actors.aliases)
    _remove_relations(work, curation.relations.remove)
    _add_relations(work, curation.relations.add, texts)
    result = Graph(
        actors=list(work.actors.values()),
        relations=list(work.relations.values()),
        documents=graph.documents,
    )
    return result.normalised(), work.warnings
