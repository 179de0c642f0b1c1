"""The explorer page driven as a person would, in real Chromium, on both stores: what they
type and click, and what then appears on screen, checked against the seed texts."""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import matplotlib.image
import pytest
from playwright.sync_api import Browser, Page

from api.app import create_app
from graph.model import Actor, Graph, Relation
from graph.neo4j_store import Neo4jStore
from tests.api.live_server import serve
from tests.api.tcp_proxy import TcpProxy
from tests.browser.conftest import SEEDS, Explorer
from tests.browser.driving import choose, settle, shown
from tests.neo4j_server import Connect, Neo4jServer, run_settings

pytestmark = pytest.mark.browser

MOC_PARTNERS_2023 = ["country:SAU", "country:TUN", "country:JOR", "country:UKR"]
SOURCE = re.compile(r"^(.+), characters (\d+)–(\d+)")


def set_years(page: Page, since: int, until: int) -> None:
    page.evaluate(
        """([since, until]) => {
            const a = document.getElementById('since'), b = document.getElementById('until');
            a.value = since; b.value = until;
            a.dispatchEvent(new Event('input')); b.dispatchEvent(new Event('input'));
            b.dispatchEvent(new Event('change'));
        }""",
        [since, until],
    )
    settle(page)


def only_relation_type(page: Page, wanted: str) -> None:
    page.click("button#relation-types-none")
    page.check(f"#relation-types input[value='{wanted}']")
    settle(page)


def test_typing_jica_suggests_it_with_type_and_degree_and_enter_opens_it(
    explorer: Explorer,
) -> None:
    page = explorer.open()
    page.fill("#search", "jica")
    suggestion = page.wait_for_selector("#search-list li[data-id='agency:jica']")
    assert "Japan International Cooperation Agency" in suggestion.inner_text()
    assert re.search(r"Agency · \d+ relations?", suggestion.inner_text())
    page.press("#search", "Enter")
    settle(page)
    assert page.inner_text("#actor-name") == "Japan International Cooperation Agency"
    assert "JICA" in page.inner_text("#actor-panel")
    assert "agency:jica" in shown(page) and len(shown(page)) > 1
    assert "Japan International Cooperation Agency" in page.inner_text("#status")
    explorer.assert_clean()


def test_the_path_from_jica_to_india_reads_each_hop_from_the_seed_text(
    explorer: Explorer,
) -> None:
    page = explorer.open()
    choose(page, "#search", "jica", "agency:jica")
    page.click("#expand")
    settle(page)
    page.click("#open-paths")
    assert page.input_value("#path-from") == "Japan International Cooperation Agency"
    choose(page, "#path-to", "India", "country:IND")
    page.click("#paths-form button[type=submit]")
    settle(page)
    route = page.wait_for_selector(".path")
    assert route.inner_text().startswith("Route 1: Japan International Cooperation Agency")
    assert "→ India" in route.query_selector("h3").inner_text()
    for button in route.query_selector_all(".evidence button[aria-expanded='false']"):
        button.click()
    settle(page)
    blocks = route.query_selector_all(".evidence")
    assert blocks
    for block in blocks:
        _, start, end = SOURCE.match(block.query_selector(".source").inner_text()).groups()
        doc = block.get_attribute("data-doc")
        sentence = (SEEDS / doc).read_text(encoding="utf-8")[int(start) : int(end)]
        assert block.query_selector("blockquote").text_content() == sentence
        assert block.query_selector(".context mark").text_content() == sentence
    hops = route.query_selector_all(".hop")
    assert len(hops) == int(re.search(r"\((\d+) hops?\)", route.inner_text()).group(1))
    for hop in hops:
        assert hop.query_selector(".rel-type").inner_text()
    assert "country:IND" in shown(page)
    explorer.assert_clean()


def test_the_year_slider_at_2023_shows_japans_moc_partners_of_that_year(
    explorer: Explorer, seeds_graph: Graph
) -> None:
    page = explorer.open()
    choose(page, "#search", "Japan", "country:JPN")
    only_relation_type(page, "SIGNED_MOC")
    set_years(page, 2023, 2023)
    visible = shown(page)
    for partner in MOC_PARTNERS_2023:
        assert partner in visible
    other_years = {
        r.other_end("country:JPN")
        for r in seeds_graph.relations
        if r.type == "SIGNED_MOC" and "country:JPN" in (r.source, r.target) and r.year != 2023
    } - set(MOC_PARTNERS_2023)
    assert other_years and not other_years & set(visible)
    page.click("#shown summary")
    names = page.inner_text("#shown-list")
    for name in ["Saudi Arabia", "Tunisia", "Jordan", "Ukraine"]:
        assert name in names
    drawn = page.evaluate(
        """() => { const v = window.kizuna.view, counts = {};
          for (const e of v.shown.edges) {
            if (!v.graph.extremities(e).includes('country:JPN')) continue;
            const type = v.graph.getEdgeAttribute(e, 'relation').type;
            counts[type] = (counts[type] || 0) + 1;
          }
          return counts; }"""
    )
    assert drawn == {"SIGNED_MOC": len(MOC_PARTNERS_2023)}
    assert f"all {len(MOC_PARTNERS_2023)} neighbours shown" in page.inner_text("#status")
    moc = len(MOC_PARTNERS_2023)
    assert f"{moc} relations (SIGNED_MOC {moc})" in page.inner_text("#status")
    explorer.assert_clean()


def test_a_copied_link_reopens_the_same_view(explorer: Explorer) -> None:
    page = explorer.open()
    choose(page, "#search", "Japan", "country:JPN")
    only_relation_type(page, "SIGNED_MOC")
    set_years(page, 2022, 2023)
    before = {
        "shown": shown(page),
        "panel": page.inner_text("#actor-name"),
        "years": (page.input_value("#since"), page.input_value("#until")),
        "types": page.eval_on_selector_all(
            "#relation-types input:checked", "xs => xs.map(x => x.value)"
        ),
        "positions": page.evaluate(
            "() => [...window.kizuna.view.shown.nodes].sort().map("
            "n => [n, window.kizuna.view.graph.getNodeAttribute(n, 'x'), "
            "window.kizuna.view.graph.getNodeAttribute(n, 'y')])"
        ),
    }
    link = page.url
    assert "focus=country%3AJPN" in link and "since=2022" in link
    again = explorer.open(link.removeprefix(explorer.url))
    settle(again)
    assert {
        "shown": shown(again),
        "panel": again.inner_text("#actor-name"),
        "years": (again.input_value("#since"), again.input_value("#until")),
        "types": again.eval_on_selector_all(
            "#relation-types input:checked", "xs => xs.map(x => x.value)"
        ),
        "positions": again.evaluate(
            "() => [...window.kizuna.view.shown.nodes].sort().map("
            "n => [n, window.kizuna.view.graph.getNodeAttribute(n, 'x'), "
            "window.kizuna.view.graph.getNodeAttribute(n, 'y')])"
        ),
    } == before
    explorer.assert_clean()


def test_the_view_exports_as_a_png_at_twice_its_size_and_an_svg_with_the_screens_labels(
    explorer: Explorer, tmp_path: Path
) -> None:
    page = explorer.open()
    choose(page, "#search", "jica", "agency:jica")
    box = page.query_selector("#graph").bounding_box()
    with page.expect_download() as svg_download:
        page.click("#export-svg")
    svg = ET.parse(svg_download.value.path()).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    width, height = float(svg.get("width")), float(svg.get("height"))
    assert width == round(box["width"]) and height > box["height"]  # a title line, a legend
    groups = {g.get("id"): g for g in svg.iter(f"{ns}g")}
    labels = [(t.get("data-id"), t.text) for t in groups["labels"].iter(f"{ns}text")]
    on_screen = page.evaluate("() => window.kizuna.view.labels.boxes.map((b) => [b.id, b.text])")
    assert labels == [tuple(label) for label in on_screen]
    jica = dict(labels)["agency:jica"]  # shortened on screen, whole on hover
    assert jica.endswith("…") and "Japan International Cooperation Agency".startswith(jica[:-1])
    names = [t.text for t in groups["nodes"].iter(f"{ns}title")]
    assert "Japan International Cooperation Agency" in names
    title = next(svg.iter(f"{ns}text")).text
    assert title.startswith("Kizuna · Japan International Cooperation Agency")
    assert "confidence ≥ 0.5" in title and re.search(r"drawn \d{4}-\d{2}-\d{2}", title)
    legend = [t.text for t in groups["legend"].iter(f"{ns}text")]
    assert "Agency" in legend and "IMPLEMENTS" in legend
    with page.expect_download() as png_download:
        page.click("#export-png")
    png = tmp_path / "view.png"
    png_download.value.save_as(png)
    image = matplotlib.image.imread(png)
    assert image.shape[:2] == (round(2 * height), round(2 * width))
    assert image.std() > 0  # something is drawn on the white background
    explorer.assert_clean()


def test_the_shown_subgraph_exports_as_json_and_graphml(explorer: Explorer, tmp_path: Path) -> None:
    page = explorer.open()
    choose(page, "#search", "jica", "agency:jica")
    with page.expect_download() as json_download:
        page.click("#export-json")
    exported = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    assert sorted(n["id"] for n in exported["nodes"]) == sorted(shown(page))
    for edge in exported["edges"]:
        for evidence in edge["evidence"]:
            text = (SEEDS / evidence["doc"]).read_text(encoding="utf-8")
            assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    with page.expect_download() as graphml_download:
        page.click("#export-graphml")
    root = ET.parse(graphml_download.value.path()).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    assert sorted(n.get("id") for n in root.iter(f"{ns}node")) == sorted(shown(page))
    assert len(list(root.iter(f"{ns}edge"))) == len(exported["edges"])
    explorer.assert_clean()


def test_an_unknown_actor_in_the_link_says_so_and_the_page_still_works(
    memory_explorer: Explorer,
) -> None:
    memory_explorer.allowed = (
        "Failed to load resource: the server responded with a status of 404",
    )
    page = memory_explorer.open("/?focus=country%3AXXX")
    message = page.inner_text("#message")
    assert "country:XXX" in message and "No actor" in message
    choose(page, "#search", "jica", "agency:jica")
    assert page.inner_text("#actor-name") == "Japan International Cooperation Agency"
    memory_explorer.assert_clean()


def test_an_empty_store_says_how_to_fill_it(memory_explorer: Explorer) -> None:
    memory_explorer.store.replace(Graph())
    page = memory_explorer.open()
    assert "The store is empty" in page.inner_text("#message")
    assert page.is_visible("#search")
    memory_explorer.assert_clean()


def test_a_store_that_goes_away_is_reported_on_the_page(
    chromium: Browser, neo4j_server: Neo4jServer, neo4j_connect: Connect, seeds_graph: Graph
) -> None:
    """Neo4j taken away from the API (its connection cut, tests.api.tcp_proxy). The embedded
    store cannot go away once it has read a graph: it keeps answering from it."""
    bolt = urlsplit(run_settings().neo4j_uri)
    proxy = TcpProxy((bolt.hostname or "127.0.0.1", bolt.port or 7687))
    proxy.start()
    try:
        store = Neo4jStore(
            neo4j_connect(neo4j_uri=f"bolt://127.0.0.1:{proxy.port}"), neo4j_server.database
        )
        store.replace(seeds_graph)
        with serve(create_app(store=store)) as server:
            explorer = Explorer("neo4j", server, store, chromium)
            explorer.allowed = (
                "Failed to load resource: the server responded with a status of 503",
            )
            page = explorer.open()
            proxy.stop()
            page.fill("#search", "jica")
            page.wait_for_selector("#message:not([hidden])")
            assert "Search failed" in page.inner_text("#message")
            assert "cannot" in page.inner_text("#message").lower()
            assert page.is_visible("#search")
            explorer.assert_clean()
    finally:
        proxy.stop()


def test_a_year_range_with_nothing_in_it_says_so(memory_explorer: Explorer) -> None:
    page = memory_explorer.open()
    choose(page, "#search", "Japan", "country:JPN")
    only_relation_type(page, "SIGNED_MOC")
    set_years(page, 1951, 1952)
    assert "No relation in view from 1951 to 1952" in page.inner_text("#message")
    assert shown(page) == ["country:JPN"]
    memory_explorer.assert_clean()


def hub_graph(partners: int) -> Graph:
    """One country tied to `partners` companies, two relation types, half of them dated."""
    hub = Actor(id="country:HUB", name="Hubland", type="Country")
    companies = [
        Actor(id=f"company:c{i:03d}", name=f"Company {i:03d}", type="Company")
        for i in range(partners)
    ]
    relations = [
        Relation(
            source=c.id,
            target=hub.id,
            type="SUPPORTS" if i % 3 else "FUNDS",
            year=2020 + i % 4 if i % 2 else None,
        )
        for i, c in enumerate(companies)
    ]
    return Graph(actors=[hub, *companies], relations=relations)


def test_a_hub_shows_a_capped_neighbourhood_with_counts_per_type_and_loads_more(
    memory_explorer: Explorer,
) -> None:
    memory_explorer.store.replace(hub_graph(60))
    page = memory_explorer.open()
    choose(page, "#search", "Hubland", "country:HUB")
    status = page.inner_text("#status")
    assert "showing 25 of 60 neighbours" in status
    assert "60 relations (FUNDS 20, SUPPORTS 40)" in status
    assert len(shown(page)) == 26
    page.click("#load-more")
    settle(page)
    assert len(shown(page)) == 51
    assert page.inner_text("#undated-count") == "25"  # of the 50 relations loaded
    page.uncheck("#undated")
    settle(page)
    assert len(shown(page)) < 51
    memory_explorer.assert_clean()


def test_analytics_size_by_centrality_and_colour_by_community_with_their_reading(
    explorer: Explorer,
) -> None:
    page = explorer.open()
    choose(page, "#search", "Japan", "country:JPN")
    page.select_option("#measure", "betweenness")
    settle(page)
    assert "who brokers between otherwise separate partner groups" in page.inner_text(
        "#measure-reading"
    )
    sizes = page.evaluate("() => Object.fromEntries(window.kizuna.view.sizes)")
    assert sizes["country:JPN"] == 1.0
    page.check("#communities")
    settle(page)
    assert re.search(r"\d+ communities, modularity 0\.\d\d", page.inner_text("#community-info"))
    assert "measure=betweenness" in page.url and "communities=1" in page.url
    explorer.assert_clean()


def test_on_neo4j_the_page_links_to_browser_and_shows_the_cypher_of_the_view(
    explorer: Explorer,
) -> None:
    page = explorer.open()
    choose(page, "#search", "jica", "agency:jica")
    if explorer.kind == "memory":
        assert page.is_hidden("#browser-link") and page.is_hidden("#cypher")
        return
    assert page.is_visible("#browser-link")
    page.click("#cypher summary")
    assert "MATCH" in page.inner_text("#cypher-text")
    assert page.get_attribute("#cypher-browser", "href").startswith("http")
    explorer.assert_clean()


def chain_graph(length: int) -> Graph:
    """Countries in a line, each tied to the next: C00 - C01 - C02 - ..."""
    actors = [
        Actor(id=f"country:C{i:02d}", name=f"Chainland {i:02d}", type="Country")
        for i in range(length)
    ]
    relations = [
        Relation(source=a.id, target=b.id, type="PARTNERS_WITH", year=2020)
        for a, b in itertools.pairwise(actors)
    ]
    return Graph(actors=actors, relations=relations)


def test_two_steps_around_draws_every_actor_within_two_relations_and_keeps_it_in_the_link(
    memory_explorer: Explorer,
) -> None:
    memory_explorer.store.replace(chain_graph(6))
    page = memory_explorer.open()
    choose(page, "#search", "Chainland 02", "country:C02")
    page.click("#expand-wide")
    settle(page)
    assert sorted(shown(page)) == [f"country:C{i:02d}" for i in range(5)]
    assert "all 4 actors within two steps shown" in page.inner_text("#status")
    assert "2%7E2000%7Ecountry%3AC02" in page.url  # the step, in the link
    page.goto(page.url)
    page.wait_for_selector("body[data-ready=true]")
    settle(page)
    assert sorted(shown(page)) == [f"country:C{i:02d}" for i in range(5)]
    memory_explorer.assert_clean()


NODE_ON_SCREEN = """(id) => {
  const r = window.kizuna.view.renderer;
  const at = r.framedGraphToViewport(r.getNodeDisplayData(id));
  const box = r.getCanvases().nodes.getBoundingClientRect();
  return [at.x, at.y, box.left, box.top];
}"""


def test_dragging_the_view_moves_the_graph_with_the_mouse_and_a_drag_is_not_a_click(
    memory_explorer: Explorer,
) -> None:
    page = memory_explorer.open()
    choose(page, "#search", "Japan", "country:JPN")
    assert page.inner_text("#actor-name") == "Japan"
    page.wait_for_function("() => !window.kizuna.view.renderer.getCamera().isAnimated()")
    x0, y0, left0, top0 = page.evaluate(NODE_ON_SCREEN, "country:JPN")
    box = page.query_selector("#graph").bounding_box()
    start = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] + 60, start[1] + 40, steps=5)
    page.mouse.move(start[0] + 120, start[1] + 80, steps=5)
    _, _, left, top = page.evaluate(NODE_ON_SCREEN, "country:JPN")
    assert (round(left - left0), round(top - top0)) == (120, 80)  # the picture follows the mouse
    page.mouse.up()
    settle(page)
    x1, y1, left1, top1 = page.evaluate(NODE_ON_SCREEN, "country:JPN")
    assert (left1, top1) == (left0, top0)
    assert abs(x1 - x0 - 120) < 1.5 and abs(y1 - y0 - 80) < 1.5  # and the camera followed
    assert page.inner_text("#actor-name") == "Japan"
    memory_explorer.assert_clean()
