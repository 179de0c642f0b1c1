"""One place for configuration: environment variables (and a .env file) typed by pydantic-settings.

Kizuna's own settings take the KIZUNA_ prefix; the Neo4j connection uses the names Neo4j tools
already use (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). The defaults point at the
local server that `scripts/neo4j-local start` runs, so every command works with no flags.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import neo4j
from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.querying import DEFAULT_MIN_CONFIDENCE

__all__ = ["Settings"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="KIZUNA_", env_file=".env", extra="ignore", populate_by_name=True
    )

    backend: Literal["memory", "neo4j"] = "memory"
    store: Path = Path("data/kizuna-graph.json")
    seeds: Path = Path("seeds")
    curation: Path = Path("curation.yaml")
    max_document_bytes: int = Field(default=20_000_000, gt=0)
    min_confidence: float = Field(
        default=DEFAULT_MIN_CONFIDENCE,
        ge=0.0,
        le=1.0,
        description="The confidence floor of every answer: relations the extractor is less "
        "sure of are left out of the API's answers, counts and degrees, of exports, and of "
        "the Browser guide's and the notebooks' Cypher, unless a reader asks for them.",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(
        default=1,
        ge=1,
        le=64,
        description="API server processes; each opens the store. One per core serves "
        "concurrent clients on every core.",
    )

    neo4j_uri: str = Field(
        default="bolt://127.0.0.1:7687", validation_alias=AliasChoices("NEO4J_URI", "neo4j_uri")
    )
    neo4j_user: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_USER", "neo4j_user")
    )
    neo4j_password: str = Field(
        default="kizuna-local",
        validation_alias=AliasChoices("NEO4J_PASSWORD", "neo4j_password"),
    )
    neo4j_database: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "neo4j_database")
    )
    neo4j_browser_url: str = Field(
        default="http://127.0.0.1:7474/browser/",
        validation_alias=AliasChoices("NEO4J_BROWSER_URL", "neo4j_browser_url"),
    )

    def neo4j_driver(self, **config: Any) -> neo4j.Driver:
        """A driver for the configured Neo4j server; the caller closes it. It connects lazily,
        so creating it succeeds even while the server is down. `config` goes to the driver
        (e.g. `notifications_min_severity="OFF"`)."""
        return neo4j.GraphDatabase.driver(
            self.neo4j_uri, auth=(self.neo4j_user, self.neo4j_password), **config
        )
