"""One place for configuration: environment variables (and a .env file) typed by pydantic-settings.

Kizuna's own settings take the KIZUNA_ prefix; the Neo4j connection uses the names Neo4j tools
already use (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). The defaults point at the
local server that `scripts/neo4j-local start` runs (on KIZUNA_NEO4J_BOLT_PORT and
KIZUNA_NEO4J_HTTP_PORT, as the script does), so every command works with no flags.

The graph has one home, KIZUNA_HOME: the `data/` folder of the Kizuna project this command
runs from (its checkout, or the project folder the working folder lies in), else the user's
data folder (`~/.local/share/kizuna` on Linux). The store, its corpus and the extraction cache
live there, whichever folder a command is run from.

It imports neither the Neo4j driver (imported when a driver is made) nor the extraction or
networkx: every command but `kizuna --help` reads it first.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.querying import DEFAULT_MIN_CONFIDENCE
from loaders.store_writer import LOCK_WAIT_SECONDS

if TYPE_CHECKING:
    import neo4j

__all__ = ["STORE_FILE", "Settings", "kizuna_project"]

STORE_FILE = "kizuna-graph.json"
"""The embedded store's file name in KIZUNA_HOME."""


def _is_kizuna_project(folder: Path) -> bool:
    try:
        text = (folder / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return False
    return 'name = "kizuna"' in text and (folder / "seeds").is_dir()


@functools.cache
def kizuna_project() -> Path | None:
    """The Kizuna project this code runs from: its checkout when it is installed from one (as
    `scripts/run` and `scripts/bootstrap` do), else the project folder the working folder lies
    in (a Docker image's /app); None when it runs from neither."""
    code = Path(__file__).resolve().parents[1]
    here = Path.cwd().resolve()
    for folder in (code, here, *here.parents):
        if _is_kizuna_project(folder):
            return folder
    return None


def _default_home() -> Path:
    project = kizuna_project()
    if project is not None:
        return project / "data"
    from platformdirs import user_data_path

    return user_data_path("kizuna", appauthor=False)


def _in_project(name: str) -> Any:
    """The default of a file the project ships (seeds/, curation.yaml): the project's, else
    one of that name in KIZUNA_HOME."""

    def default(data: dict[str, Any]) -> Path:
        project = kizuna_project()
        if project is not None:
            return project / name
        home: Path = data.get("home") or _default_home()
        return home / name

    return default


def _in_home(data: dict[str, Any]) -> Path:
    home: Path = data.get("home") or _default_home()
    return home / STORE_FILE


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="KIZUNA_", env_file=".env", extra="ignore", populate_by_name=True
    )

    backend: Literal["memory", "neo4j"] = "memory"
    home: Path = Field(
        default_factory=_default_home,
        description="Where the graph lives: the store, its corpus and the extraction cache.",
    )
    store: Path = Field(
        default_factory=_in_home, description="The embedded store file (in KIZUNA_HOME)."
    )
    seeds: Path = Field(default_factory=_in_project("seeds"))
    curation: Path = Field(default_factory=_in_project("curation.yaml"))
    max_document_bytes: int = Field(default=20_000_000, gt=0)
    min_confidence: float = Field(
        default=DEFAULT_MIN_CONFIDENCE,
        ge=0.0,
        le=1.0,
        description="The confidence floor of every answer: relations the extractor is less "
        "sure of are left out of the API's answers, counts and degrees, of exports, and of "
        "the Browser guide's and the notebooks' Cypher, unless a reader asks for them.",
    )
    lock_wait: float = Field(
        default=LOCK_WAIT_SECONDS,
        ge=0,
        description="Seconds a command that writes the store waits for another to finish.",
    )
    analytics_wait: float = Field(
        default=20.0,
        gt=0,
        description="Seconds an analysis waits for the one running before it answers 503.",
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

    neo4j_bolt_port: int = Field(
        default=7687, ge=1, le=65535, description="The local server's Bolt port."
    )
    neo4j_http_port: int = Field(
        default=7474, ge=1, le=65535, description="The local server's HTTP port (Browser)."
    )
    neo4j_uri: str = Field(
        default_factory=lambda data: f"bolt://127.0.0.1:{data.get('neo4j_bolt_port', 7687)}",
        validation_alias=AliasChoices("NEO4J_URI", "neo4j_uri"),
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
        default_factory=lambda data: (
            f"http://127.0.0.1:{data.get('neo4j_http_port', 7474)}/browser/"
        ),
        validation_alias=AliasChoices("NEO4J_BROWSER_URL", "neo4j_browser_url"),
    )

    def neo4j_driver(self, **config: Any) -> neo4j.Driver:
        """A driver for the configured Neo4j server; the caller closes it. It connects lazily,
        so creating it succeeds even while the server is down. `config` goes to the driver
        (e.g. `notifications_min_severity="OFF"`).

        The server's UNRECOGNIZED notifications are not asked for: Kizuna's queries name the
        schema's labels, types and properties, and on a database that holds no graph yet
        ("label does not exist") they are no news."""
        import neo4j

        config.setdefault("notifications_disabled_classifications", ["UNRECOGNIZED"])
        return neo4j.GraphDatabase.driver(
            self.neo4j_uri, auth=(self.neo4j_user, self.neo4j_password), **config
        )
