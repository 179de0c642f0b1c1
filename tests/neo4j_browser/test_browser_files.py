"""The committed Browser files (style sheet, queries, guide) match what the code generates, and
the guide server answers Neo4j Browser's cross-origin requests."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.browser_guide import BROWSER_FILES, guide_html, parse_queries, serve
from api.browser_style import grass, text_colour
from graph.schema import domain_schema

QUERIES = BROWSER_FILES / "queries.cypher"


def _rules(sheet: str) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    for selector, body in re.findall(r"([\w.]+) \{\n(.*?\n)\}", sheet, re.DOTALL):
        rules[selector] = dict(re.findall(r"\s*([\w-]+): (.+?);\n", body))
    return rules


def test_committed_style_sheet_is_the_generated_one() -> None:
    assert (BROWSER_FILES / "kizuna.grass").read_text(encoding="utf-8") == grass()


def test_every_actor_type_has_its_schema_colour_and_a_name_caption() -> None:
    rules = _rules(grass())
    for label, spec in domain_schema().actor_types.items():
        rule = rules[f"node.{label}"]
        assert rule["color"] == spec.colour.upper()
        assert rule["caption"] == '"{name}"'
        assert rule["text-color-internal"] == text_colour(spec.colour)


def test_every_relation_type_has_a_type_caption() -> None:
    rules = _rules(grass())
    for rel_type in domain_schema().relation_types:
        assert rules[f"relationship.{rel_type}"]["caption"] == '"<type>"'


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


def test_committed_guide_is_generated_from_the_queries_file() -> None:
    queries = parse_queries(QUERIES.read_text(encoding="utf-8"))
    assert (BROWSER_FILES / "guide.html").read_text(encoding="utf-8") == guide_html(queries)


def test_queries_file_has_the_ready_queries_the_issue_asks_for() -> None:
    titles = [q.title for q in parse_queries(QUERIES.read_text(encoding="utf-8"))]
    for wanted in (
        "Japan's partners by year",
        "Paths from JICA to India",
        "All MOCs",
        "ODA projects with funder, implementer and host",
        "Which documents mention JICA",
    ):
        assert wanted in titles
    assert len(titles) == len(set(titles))


def test_guide_has_one_runnable_block_per_query_plus_the_style_command() -> None:
    queries = parse_queries(QUERIES.read_text(encoding="utf-8"))
    page = guide_html(queries, port=9999)
    assert page.count("<slide") == len(queries) + 1
    assert page.count('class="pre-scrollable code runnable"') == len(queries) + 1
    assert ":style http://localhost:9999/kizuna.grass" in page


def test_a_query_without_a_title_or_semicolon_is_refused() -> None:
    with pytest.raises(ValueError, match="Title"):
        parse_queries("MATCH (n) RETURN n;")
    with pytest.raises(ValueError, match="semicolon"):
        parse_queries("// Everything\nMATCH (n) RETURN n")
    assert parse_queries("// header only\n// more header\n") == []


@pytest.fixture
def guide_server() -> Iterator[str]:
    server = serve(0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_guide_server_serves_the_folder_with_cors(guide_server: str) -> None:
    origin = {"Origin": "http://127.0.0.1:7474"}
    for name in ("guide.html", "kizuna.grass", "queries.cypher"):
        response = httpx.get(f"{guide_server}/{name}", headers=origin)
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == "*"
        assert response.content == Path(BROWSER_FILES / name).read_bytes()


def test_guide_server_answers_browsers_cors_preflight(guide_server: str) -> None:
    # Browser's guide fetch sends pragma and cache-control headers, hence a preflight.
    response = httpx.options(
        f"{guide_server}/guide.html",
        headers={
            "Origin": "http://127.0.0.1:7474",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "pragma,cache-control",
        },
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "*"
    assert "GET" in response.headers["access-control-allow-methods"]
    assert response.headers["access-control-allow-headers"] == "*"
