"""The Browser style sheet and guide: generated from the schema and the queries file, and
served by the API itself with the CORS Neo4j Browser's cross-origin fetch needs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from api.browser_guide import guide_html, parse_queries, queries_text, ready_queries
from api.browser_style import grass, text_colour
from api.settings import Settings
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.schema import domain_schema
from tests.api.live_server import serve

ORIGIN = {"Origin": "http://127.0.0.1:7474"}


def _rules(sheet: str) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    for selector, body in re.findall(r"([\w.]+) \{\n(.*?\n)\}", sheet, re.DOTALL):
        rules[selector] = dict(re.findall(r"\s*([\w-]+): (.+?);\n", body))
    return rules


def test_every_actor_type_has_its_schema_colour_and_a_name_caption() -> None:
    rules = _rules(grass())
    for label, spec in domain_schema().actor_types.items():
        rule = rules[f"node.{label}"]
        assert rule["color"] == spec.colour.upper()
        assert rule["caption"] == '"{name}"'
        assert rule["text-color-internal"] == text_colour(spec.colour)


def test_every_relation_type_is_captioned_with_its_type_and_confidence() -> None:
    rules = _rules(grass())
    for rel_type in domain_schema().relation_types:
        assert rules[f"relationship.{rel_type}"]["caption"] == f'"{rel_type} {{confidence}}"'
    assert rules["relationship.MENTIONS"]["caption"] == '"<type>"'


def test_actor_rule_comes_before_the_type_rules_so_type_colours_win() -> None:
    selectors = list(_rules(grass()))
    first_type = min(selectors.index(f"node.{t}") for t in domain_schema().actor_types)
    assert selectors.index("node.Actor") < first_type


def test_style_sheet_has_no_comments_which_browser_would_read_as_selectors() -> None:
    assert "/*" not in grass() and "//" not in grass()


def test_text_colour_contrasts_with_the_fill() -> None:
    assert text_colour("#000000") == "#FFFFFF"
    assert text_colour("#FFFFFF") == "#000000"
    assert text_colour("#D7263D") == "#FFFFFF"  # the Country red
    assert text_colour("#FFB400") == "#000000"  # the Project amber


def test_queries_file_has_the_ready_queries_users_ask_for() -> None:
    titles = [q.title for q in ready_queries()]
    for wanted in (
        "Japan's partners by year",
        "Paths from JICA to India",
        "All MOCs",
        "ODA projects with funder, implementer and host",
        "Which documents mention JICA",
        "Curated relations",
        "Uncertain relations (below the confidence floor)",
    ):
        assert wanted in titles
    assert len(titles) == len(set(titles))


def test_queries_file_ships_inside_the_package() -> None:
    import api

    shipped = Path(api.__file__).parent / "browser" / "queries.cypher"
    assert queries_text() == shipped.read_text(encoding="utf-8")
    assert not (Path(api.__file__).parents[1] / "neo4j").exists(), "no folder shadows the driver"


def test_guide_has_one_runnable_block_per_query_plus_the_style_and_floor_commands() -> None:
    queries = ready_queries()
    page = guide_html(queries, "http://localhost:9999/neo4j-browser/kizuna.grass", 0.7)
    assert page.count("<slide") == len(queries) + 1
    assert page.count('class="pre-scrollable code runnable"') == len(queries) + 2
    assert ":style http://localhost:9999/neo4j-browser/kizuna.grass" in page
    assert ":param min_confidence =&gt; 0.7" in page


def test_every_ready_query_over_relations_honours_the_confidence_floor() -> None:
    for query in ready_queries():
        if "MENTIONS" in query.cypher:  # which documents name an actor: no relation read
            continue
        assert "r.confidence >= $min_confidence" in query.cypher or (
            query.title.startswith("Uncertain") and "r.confidence < $min_confidence" in query.cypher
        ), query.title


def test_a_query_without_a_title_or_semicolon_is_refused() -> None:
    with pytest.raises(ValueError, match="Title"):
        parse_queries("MATCH (n) RETURN n;")
    with pytest.raises(ValueError, match="semicolon"):
        parse_queries("// Everything\nMATCH (n) RETURN n")
    assert parse_queries("// header only\n// more header\n") == []


FLOOR = 0.6
"""The confidence floor the served guide is configured with (not the default)."""


@pytest.fixture
def api_url(tmp_path: Path, contract_graph: Graph) -> Iterator[str]:
    store = MemoryStore(tmp_path / "store.json")
    store.replace(contract_graph)
    with serve(create_app(Settings(min_confidence=FLOOR), store=store)) as server:
        yield server.url


def test_the_api_serves_the_style_sheet_guide_and_queries_with_cors(api_url: str) -> None:
    for name, body in (
        ("kizuna.grass", grass()),
        ("queries.cypher", queries_text()),
        (
            "guide.html",
            guide_html(ready_queries(), f"{api_url}/neo4j-browser/kizuna.grass", FLOOR),
        ),
    ):
        response = httpx.get(f"{api_url}/neo4j-browser/{name}", headers=ORIGIN)
        assert response.status_code == 200, name
        assert response.headers["access-control-allow-origin"] == "*"
        assert response.text == body, name


def test_the_guide_points_at_the_style_sheet_on_the_host_browser_used(api_url: str) -> None:
    port = api_url.rsplit(":", 1)[1]
    page = httpx.get(f"http://localhost:{port}/neo4j-browser/guide.html").text
    assert f":style http://localhost:{port}/neo4j-browser/kizuna.grass" in page
    sheet = httpx.get(f"http://localhost:{port}/neo4j-browser/kizuna.grass")
    assert _rules(sheet.text)["node.Country"]["caption"] == '"{name}"'


def test_the_api_answers_browsers_cors_preflight(api_url: str) -> None:
    # Browser's guide fetch sends pragma and cache-control headers, hence a preflight.
    for name in ("guide.html", "kizuna.grass"):
        response = httpx.options(
            f"{api_url}/neo4j-browser/{name}",
            headers={
                **ORIGIN,
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "pragma,cache-control",
            },
        )
        assert response.status_code == 204
        assert response.headers["access-control-allow-origin"] == "*"
        assert "GET" in response.headers["access-control-allow-methods"]
        assert response.headers["access-control-allow-headers"] == "*"
