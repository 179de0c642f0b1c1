"""Settings: one home for the graph, whatever folder a command is run from, and Neo4j
addresses that follow the local server's ports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from platformdirs import user_data_path

import api.settings
from api.settings import STORE_FILE, Settings, kizuna_project

PROJECT = Path(__file__).resolve().parents[1]


def _clean_environment(**extra: str) -> dict[str, str]:
    """The environment without Kizuna's and Neo4j's variables, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIZUNA_", "NEO4J_"))}
    return {**env, **extra}


def _kizuna(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The installed command line, run in a fresh process from `cwd`."""
    command = [sys.executable, "-c", "from api.cli import main; main()", *args]
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_the_project_this_code_runs_from_is_found() -> None:
    assert kizuna_project() == PROJECT


def test_from_the_project_the_home_is_its_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIZUNA_HOME", raising=False)
    monkeypatch.delenv("KIZUNA_STORE", raising=False)
    settings = Settings(_env_file=None)
    assert settings.home == PROJECT / "data"
    assert settings.store == PROJECT / "data" / STORE_FILE
    assert (settings.seeds, settings.curation) == (PROJECT / "seeds", PROJECT / "curation.yaml")


def test_outside_a_project_the_home_is_the_users_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("KIZUNA_HOME", raising=False)
    monkeypatch.delenv("KIZUNA_STORE", raising=False)
    monkeypatch.setattr(api.settings, "kizuna_project", lambda: None)
    settings = Settings(_env_file=None)
    home = user_data_path("kizuna", appauthor=False)
    assert settings.home == home
    assert settings.store == home / STORE_FILE
    assert settings.seeds == home / "seeds"


def test_kizuna_home_moves_the_store_and_kizuna_store_overrides_it(tmp_path: Path) -> None:
    assert Settings(_env_file=None, home=tmp_path).store == tmp_path / STORE_FILE
    chosen = tmp_path / "elsewhere.json"
    assert Settings(_env_file=None, home=tmp_path, store=chosen).store == chosen


def test_a_command_run_from_another_folder_uses_the_projects_store(tmp_path: Path) -> None:
    """The bug this was written for: `cd elsewhere && kizuna add ...` started a new graph in
    ./data. Now the store is the project's, and the command says so."""
    done = _kizuna(tmp_path, _clean_environment(), "stats")
    assert f"Store: {PROJECT / 'data' / STORE_FILE}" in done.stdout
    assert not (tmp_path / "data").exists()
    home = tmp_path / "home"
    done = _kizuna(tmp_path, _clean_environment(KIZUNA_HOME=str(home)), "stats")
    assert f"Store: {home / STORE_FILE}" in done.stdout
    assert f"KIZUNA_HOME: {home}" in done.stdout


def test_neo4j_addresses_follow_the_local_servers_ports(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NEO4J_URI", "NEO4J_BROWSER_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KIZUNA_NEO4J_BOLT_PORT", "7711")
    monkeypatch.setenv("KIZUNA_NEO4J_HTTP_PORT", "7499")
    settings = Settings(_env_file=None)
    assert settings.neo4j_uri == "bolt://127.0.0.1:7711"
    assert settings.neo4j_browser_url == "http://127.0.0.1:7499/browser/"
    monkeypatch.setenv("NEO4J_BROWSER_URL", "https://neo4j.example.org/browser/")
    assert Settings(_env_file=None).neo4j_browser_url == "https://neo4j.example.org/browser/"
