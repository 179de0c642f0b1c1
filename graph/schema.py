"""The domain schema (actor and relation types) from `schema/domain.yaml`, typed on load."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from graph.yaml_files import load_yaml

__all__ = ["ActorType", "DomainSchema", "RelationType", "domain_schema"]


class ActorType(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    prefix: str
    role: Literal["party", "instrument", "place"]
    description: str
    colour: str


class RelationType(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    directed: bool
    dated: bool = True
    source_types: list[str] | None = None
    target_types: list[str] | None = None

    def allows(self, source_type: str, target_type: str) -> bool:
        """Whether the schema allows an edge of this type between actors of these types."""
        return (self.source_types is None or source_type in self.source_types) and (
            self.target_types is None or target_type in self.target_types
        )


class DomainSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    actor_types: dict[str, ActorType]
    relation_types: dict[str, RelationType]

    @model_validator(mode="after")
    def _ends_are_actor_types(self) -> DomainSchema:
        for name, relation in self.relation_types.items():
            for end in (relation.source_types or []) + (relation.target_types or []):
                if end not in self.actor_types:
                    raise ValueError(f"relation type {name}: unknown actor type {end!r}")
        return self

    def types_with_role(self, role: str) -> frozenset[str]:
        """The actor types playing `role` (party, instrument, place) in extraction."""
        return frozenset(n for n, t in self.actor_types.items() if t.role == role)

    def prefix_of(self, actor_type: str) -> str:
        return self.actor_types[actor_type].prefix

    def check_actor_type(self, name: str) -> str:
        """`name` if it is an actor type of the schema; a ValueError naming the known ones."""
        if name not in self.actor_types:
            known = ", ".join(sorted(self.actor_types))
            raise ValueError(f"unknown actor type {name!r}; known: {known}")
        return name

    def check_relation_type(self, name: str) -> str:
        """`name` if it is a relation type of the schema; a ValueError naming the known ones."""
        if name not in self.relation_types:
            known = ", ".join(sorted(self.relation_types))
            raise ValueError(f"unknown relation type {name!r}; known: {known}")
        return name


@cache
def domain_schema() -> DomainSchema:
    """The schema shipped with Kizuna (cached: it is read once per process)."""
    text = resources.files("graph").joinpath("schema/domain.yaml").read_text(encoding="utf-8")
    return DomainSchema.model_validate(load_yaml(text)[0])
