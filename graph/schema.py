"""The domain schema (actor and relation types) from `schema/domain.yaml`, typed on load."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

__all__ = ["ActorType", "DomainSchema", "RelationType", "domain_schema"]


class ActorType(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    prefix: str
    description: str
    colour: str


class RelationType(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    directed: bool


class DomainSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    actor_types: dict[str, ActorType]
    relation_types: dict[str, RelationType]

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
    return DomainSchema.model_validate(yaml.safe_load(text))
