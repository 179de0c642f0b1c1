"""docker-compose.yml and the Dockerfile: valid, and configured with the names Settings reads.

No Docker engine runs here, so nothing is started. What can be checked is: the structure of
the YAML (services, images, ports, volumes, health checks), its wiring against the variables
`api.settings.Settings` reads (a renamed setting, a wrong port or a hard-coded password fails),
the Dockerfile's steps, and - where the `docker compose` client is installed - the client's
own resolution of the file with `docker compose config`, which needs no engine.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import AliasChoices

from api.settings import Settings, kizuna_project

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"


def _compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _settings_env_names() -> set[str]:
    """Every environment variable name that Settings reads."""
    prefix = Settings.model_config.get("env_prefix", "")
    names: set[str] = set()
    for field_name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(str(choice) for choice in alias.choices)
        elif isinstance(alias, str):
            names.add(alias)
        else:
            names.add(f"{prefix}{field_name}".upper())
    return names


def _published_ports(service: dict[str, Any]) -> dict[int, int]:
    """container port -> host port, from the short `[host_ip:]host:container` syntax."""
    ports: dict[int, int] = {}
    for entry in service.get("ports", []):
        parts = str(entry).split(":")
        ports[int(parts[-1])] = int(parts[-2])
    return ports


def _docker_compose_available() -> bool:
    if shutil.which("docker") is None:
        return False
    probe = subprocess.run(
        ["docker", "compose", "version"], capture_output=True, text=True, check=False
    )
    return probe.returncode == 0


def test_compose_file_defines_the_tests_neo4j_and_the_api_built_from_the_dockerfile() -> None:
    services = _compose()["services"]
    assert set(services) == {"neo4j", "api"}
    pom = (ROOT / "scripts" / "neo4j" / "pom.xml").read_text(encoding="utf-8")
    version = re.search(r"<neo4j.version>([\d.]+)</neo4j.version>", pom)
    assert version and version.group(1).startswith("5.26.")
    assert services["neo4j"]["image"] == f"neo4j:{version.group(1)}-community"
    assert services["api"]["build"] in (".", {"context": "."})
    assert DOCKERFILE.is_file()


def test_api_environment_uses_only_names_that_settings_reads() -> None:
    env = _compose()["services"]["api"]["environment"]
    known = _settings_env_names()
    assert set(env) <= known, f"unknown settings: {set(env) - known}"
    for needed in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "KIZUNA_BACKEND"):
        assert needed in env
    assert env["KIZUNA_BACKEND"] == "neo4j"
    assert Settings.model_validate({"backend": env["KIZUNA_BACKEND"]}).backend == "neo4j"


def test_api_reaches_neo4j_by_service_name_on_the_published_bolt_port() -> None:
    services = _compose()["services"]
    uri = services["api"]["environment"]["NEO4J_URI"]
    match = re.fullmatch(r"(bolt|neo4j)://neo4j:(\d+)", uri)
    assert match, uri
    bolt_port = int(match.group(2))
    neo4j_ports = _published_ports(services["neo4j"])
    assert bolt_port == 7687 and 7687 in neo4j_ports
    assert 7474 in neo4j_ports, "Neo4j Browser needs the HTTP port"
    assert services["api"]["environment"]["NEO4J_USER"] == Settings().neo4j_user


def test_password_comes_from_the_environment_and_is_required() -> None:
    services = _compose()["services"]
    required = re.compile(r"\$\{NEO4J_PASSWORD:\?[^}]+\}")
    assert required.fullmatch(services["api"]["environment"]["NEO4J_PASSWORD"])
    auth = services["neo4j"]["environment"]["NEO4J_AUTH"]
    user, _, password = auth.partition("/")
    assert user == services["api"]["environment"]["NEO4J_USER"]
    assert required.fullmatch(password)
    for service in services.values():
        assert Settings().neo4j_password not in str(service.get("environment", {}))


def test_api_serves_on_the_settings_port_and_is_health_checked() -> None:
    api = _compose()["services"]["api"]
    port = Settings().port
    assert port == 8000
    assert _published_ports(api) == {port: port}
    probe = " ".join(api["healthcheck"]["test"])
    assert f":{port}/health" in probe
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_neo4j_is_health_checked_and_keeps_data_and_logs_in_named_volumes() -> None:
    compose = _compose()
    neo4j = compose["services"]["neo4j"]
    assert "7474" in " ".join(neo4j["healthcheck"]["test"])
    mounts = {m.split(":")[1]: m.split(":")[0] for m in neo4j["volumes"]}
    assert {"/data", "/logs"} <= set(mounts)
    for volume in mounts.values():
        assert volume in compose["volumes"], f"{volume} is not a named volume"


def test_dockerfile_installs_the_locked_versions_then_builds_loads_and_serves() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim", text, re.MULTILINE)
    assert "uv sync --locked" in text, "the image installs exactly what uv.lock pins"
    # The dependencies install in a layer before the code: a code change does not redo them.
    dependencies = text.index("uv sync --locked --no-editable --no-install-project")
    assert text.index("COPY pyproject.toml uv.lock") < dependencies < text.index("COPY . /app")
    assert (ROOT / "uv.lock").is_file()
    assert "uv.lock" not in (ROOT / ".dockerignore").read_text(encoding="utf-8")
    cmd = text[text.index("CMD") :]
    steps = [
        cmd.index("kizuna build"),
        cmd.index("kizuna neo4j load"),
        cmd.index("kizuna serve --backend neo4j --host 0.0.0.0"),
    ]
    assert steps == sorted(steps)
    assert f"--port {Settings().port}" in cmd


def test_the_file_resolves_only_when_the_password_is_set(tmp_path: Path) -> None:
    """`docker compose config` (the compose client alone, no engine) resolves the whole file
    with NEO4J_PASSWORD set and refuses it without. Skipped only where no compose client is
    installed: it is a client, not a server."""
    if not _docker_compose_available():
        pytest.skip("no `docker compose` client is installed")
    password = "compose-test-password"
    with_password = {**os.environ, "NEO4J_PASSWORD": password}
    without = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    ok = subprocess.run(
        ["docker", "compose", "-f", str(COMPOSE), "config", "--format", "json"],
        capture_output=True,
        text=True,
        env=with_password,
        cwd=tmp_path,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    resolved = json.loads(ok.stdout)
    assert resolved["services"]["neo4j"]["environment"]["NEO4J_AUTH"] == f"neo4j/{password}"
    assert resolved["services"]["api"]["environment"]["NEO4J_PASSWORD"] == password
    refused = subprocess.run(
        ["docker", "compose", "-f", str(COMPOSE), "config"],
        capture_output=True,
        text=True,
        env=without,
        cwd=tmp_path,
        check=False,
    )
    assert refused.returncode != 0
    assert "NEO4J_PASSWORD" in refused.stderr


def test_the_api_keeps_its_store_and_corpus_in_a_volume_and_rebuilds_the_registered_corpus() -> (
    None
):
    compose = _compose()
    mounts = {m.split(":")[1]: m.split(":")[0] for m in compose["services"]["api"]["volumes"]}
    workdir = re.search(r"^WORKDIR (\S+)", DOCKERFILE.read_text(encoding="utf-8"), re.MULTILINE)
    assert workdir
    # The image's /app is a Kizuna project, so its home is /app/data, as a checkout's is data/.
    project = kizuna_project()
    assert project is not None
    store_dir = str(Path(workdir.group(1)) / Settings().store.parent.relative_to(project))
    assert mounts[store_dir] in compose["volumes"], "the store and its corpus outlive the container"
    cmd = DOCKERFILE.read_text(encoding="utf-8").split("CMD", 1)[1]
    # A plain `kizuna build` rebuilds the registered corpus, documents added included.
    assert "kizuna build &&" in cmd


def test_a_documents_folder_is_mounted_for_kizuna_add() -> None:
    api = _compose()["services"]["api"]
    mounts = {m.split(":")[1]: m.split(":")[0] for m in api["volumes"]}
    assert mounts["/documents"] == "./documents"
    assert (ROOT / "documents").is_dir(), "the folder exists in a fresh clone"
    assert "kizuna add /documents/" in (ROOT / "README.md").read_text(encoding="utf-8")
