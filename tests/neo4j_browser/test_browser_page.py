"""Neo4j Browser on the local server, in real headless Chromium.

The first test fetches /browser/ and renders it: the app and its connect form must appear. The
second logs in as a person would, plays Kizuna's guide as the API serves it, loads Kizuna's
style sheet with `:style` by clicking the guide's block, runs a guide query from its slide, and
checks what is drawn: the label chips and the canvas show the colours of graph/schema/domain.yaml.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import httpx
import matplotlib.image
import numpy
import pytest
from playwright.sync_api import Browser

from api.app import create_app
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from graph.schema import domain_schema
from tests.api.live_server import serve
from tests.neo4j_server import Neo4jServer

# React keeps the value of a controlled input in its own state: set it through the native
# setter and announce it with the event React listens to.
_SET_VALUE = """([selector, value]) => {
  const el = document.querySelector(selector);
  const proto = el.tagName === 'SELECT' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
  el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));
  return el.value;
}"""


def _rgb(colour: str) -> str:
    """#RRGGBB as the browser's computed-style `rgb(r, g, b)`."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _testid(name: str) -> str:
    return f'[data-testid="{name}"]'


# The editor's text, with the non-breaking spaces it renders turned back into spaces.
_EDITOR_TEXT = (
    "document.querySelector('[data-testid=\"activeEditor\"]').innerText.replace(/\\u00a0/g, ' ')"
)


@pytest.fixture
def guide_base(tmp_path: Path, contract_graph: Graph) -> Iterator[str]:
    """The API (which serves the guide and the style sheet) on a free port."""
    store = MemoryStore(tmp_path / "store.json")
    store.replace(contract_graph)
    with serve(create_app(store=store)) as server:
        # Browser's default allowlist for remote guides and styles is "guides.neo4j.com, localhost".
        yield f"http://localhost:{server.port}/neo4j-browser"


def test_browser_is_served_at_slash_browser(neo4j_server: Neo4jServer) -> None:
    response = httpx.get(f"{neo4j_server.http_url}/browser/", timeout=30)
    assert response.status_code == 200
    assert "<title>Neo4j Browser</title>" in response.text


def test_headless_chromium_renders_browser_with_its_connect_form(
    neo4j_server: Neo4jServer, chromium: Browser
) -> None:
    page = chromium.new_page()
    try:
        page.goto(f"{neo4j_server.http_url}/browser/")
        page.wait_for_selector(_testid("connect"), timeout=60_000)
        assert page.title() == "Neo4j Browser"
        # The app rendered (not just the HTML shell): its editor, stream and connect form.
        for testid in ("main", "activeEditor", "stream", "boltaddress", "username", "password"):
            assert page.query_selector(_testid(testid)), testid
        assert "Connect to Neo4j" in page.inner_text("body")
    finally:
        page.close()


def test_guide_plays_and_style_colours_the_graph_in_browser(
    neo4j_server: Neo4jServer,
    neo4j_store: Neo4jStore,
    contract_graph: Graph,
    guide_base: str,
    tmp_path: Path,
    chromium: Browser,
) -> None:
    neo4j_store.replace(contract_graph, wipe=True)
    play = f":play {guide_base}/guide.html"
    url = f"{neo4j_server.http_url}/browser/?" + urllib.parse.urlencode(
        {"cmd": "edit", "arg": play}
    )
    # Browser's content security policy forbids eval, which Playwright's waiting on a condition
    # in the page uses; the test lifts it for its own scripts only.
    context = chromium.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector(_testid("connect"), timeout=60_000)
        host = urllib.parse.urlsplit(neo4j_server.uri).netloc
        for testid, value in (
            ("bolt-scheme-select", "bolt://"),
            ("boltaddress", host),
            ("authenticationMethod", "NATIVE"),
            ("username", neo4j_server.user),
            ("password", neo4j_server.password),
        ):
            assert page.evaluate(_SET_VALUE, [_testid(testid), value]) == value
        page.click(_testid("connect"))
        page.wait_for_function(
            "() => document.body.innerText.includes('You are connected as user')", timeout=60_000
        )
        page.wait_for_selector(_testid("disconnectedBanner"), state="detached", timeout=60_000)

        # The editor holds the :play command from the URL: run it, the guide's first slide shows.
        page.wait_for_function(f"() => {_EDITOR_TEXT}.includes({play!r})", timeout=60_000)
        page.click(_testid("editor-Run"))
        page.get_by_text("Click a grey block").first.wait_for(timeout=60_000)

        # Its first runnable block is the :style command: one click fills the editor, Run applies.
        runnable = page.locator("pre.runnable, .runnable pre")
        runnable.filter(has_text=":style").first.click()
        page.wait_for_function(f"() => {_EDITOR_TEXT}.includes('kizuna.grass')", timeout=60_000)
        page.click(_testid("editor-Run"))
        page.wait_for_function("document.body.innerText.includes('node.Country')", timeout=60_000)
        assert "Could not parse" not in page.inner_text("body")

        # The next block sets the confidence floor every ready query reads.
        runnable.filter(has_text=":param min_confidence").first.click()
        page.wait_for_function(f"() => {_EDITOR_TEXT}.includes('min_confidence')", timeout=60_000)
        page.click(_testid("editor-Run"))
        page.wait_for_function(
            "document.body.innerText.includes('\"min_confidence\": 0.5')", timeout=60_000
        )

        # The guide's "Japan's partner network" slide, drawn as a graph.
        for _ in range(10):
            if runnable.filter(has_text="RETURN p").count():
                break
            page.click(".next-slide")
            page.wait_for_timeout(500)
        runnable.filter(has_text="RETURN p").first.click()
        page.click(_testid("editor-Run"))
        # Browser draws the graph on a canvas; its Overview lists each label and relationship
        # type as a chip in the colour the style gives it.
        chips = page.wait_for_function(
            "() => { const chips = {}; for (const e of document.querySelectorAll('*')) {"
            " const m = (e.childElementCount === 0 && e.textContent || '').trim()"
            ".match(/^([A-Za-z_]+) \\((\\d+)\\)$/);"
            " if (m) chips[m[1]] = [Number(m[2]), getComputedStyle(e).backgroundColor]; }"
            " return chips.Country ? chips : null }",
            timeout=60_000,
        ).json_value()
        schema = domain_schema()
        assert chips["Country"] == [5, _rgb(schema.actor_types["Country"].colour)]
        assert chips["Organization"] == [1, _rgb(schema.actor_types["Organization"].colour)]
        assert chips["SIGNED_MOC"][0] == 3 and chips["PARTNERS_WITH"][0] == 3
        # And the canvas really shows Country-coloured nodes (Japan, Denmark, ... are Countries).
        country = numpy.array(
            [int(schema.actor_types["Country"].colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        )
        shot = tmp_path / "browser-graph.png"
        for _ in range(40):  # the layout animates in; poll until the nodes are drawn
            page.screenshot(path=shot)
            pixels = matplotlib.image.imread(shot)[:, :, :3]
            country_pixels = int((numpy.abs(pixels - country).max(axis=2) < 0.02).sum())
            if country_pixels > 5 * 1000:
                break
            page.wait_for_timeout(500)
        assert country_pixels > 5 * 1000, "five Country nodes of about 2,500 pixels each"
    finally:
        context.close()
