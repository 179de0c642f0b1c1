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

    def type_of_prefix(self, prefix: str) -> str | None:
        for name, spec in self.actor_types.items():
            if spec.prefix == prefix:
                return name
        return None


@cache
def domain_schema() -> DomainSchema:
    """The schema shipped with Kizuna (cached: it is read once per process)."""
    text = resources.files("graph").joinpath("schema/domain.yaml").read_text(encoding="utf-8")
    return DomainSchema.model_validate(yaml.safe_load(text))
