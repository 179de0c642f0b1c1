"""Neo4j Browser on the local server, in real headless Chromium.

The first test fetches /browser/ and renders it: the app and its connect form must appear. The
second logs in as a person would, plays Kizuna's guide as the API serves it, loads Kizuna's
style sheet with `:style` by clicking the guide's block, runs a guide query from its slide, and
checks what is drawn: the label chips and the canvas show the colours of graph/schema/domain.yaml.
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import httpx
import matplotlib.image
import numpy
import pytest

from api.app import create_app
from graph.memory_store import MemoryStore
from graph.model import Graph
from graph.neo4j_store import Neo4jStore
from graph.schema import domain_schema
from tests.api.live_server import serve
from tests.chromium import Chromium
from tests.neo4j_server import Neo4jServer

# React keeps the value of a controlled input in its own state: set it through the native
# setter and announce it with the event React listens to.
_SET_VALUE = """(selector, value) => {
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
    neo4j_server: Neo4jServer, chromium: Chromium
) -> None:
    dom = chromium.dump_dom(f"{neo4j_server.http_url}/browser/")
    assert "<title>Neo4j Browser</title>" in dom
    # The app rendered (not just the HTML shell): its editor, stream and connect form.
    for testid in ("main", "activeEditor", "stream", "boltaddress", "username", "password"):
        assert f'data-testid="{testid}"' in dom, testid
    assert 'data-testid="connect"' in dom
    assert "Connect to Neo4j" in dom


def test_guide_plays_and_style_colours_the_graph_in_browser(
    neo4j_server: Neo4jServer,
    neo4j_store: Neo4jStore,
    contract_graph: Graph,
    guide_base: str,
    tmp_path: Path,
    chromium: Chromium,
) -> None:
    neo4j_store.replace(contract_graph, wipe=True)
    play = f":play {guide_base}/guide.html"
    url = f"{neo4j_server.http_url}/browser/?" + urllib.parse.urlencode(
        {"cmd": "edit", "arg": play}
    )
    page = chromium.page()
    try:
        page.open(url)
        page.wait_for(f"!!document.querySelector('{_testid('connect')}')")
        host = urllib.parse.urlsplit(neo4j_server.uri).netloc
        for testid, value in (
            ("bolt-scheme-select", "bolt://"),
            ("boltaddress", host),
            ("authenticationMethod", "NATIVE"),
            ("username", neo4j_server.user),
            ("password", neo4j_server.password),
        ):
            assert page.js(f"({_SET_VALUE})('{_testid(testid)}', {value!r})") == value
        page.js(f"document.querySelector('{_testid('connect')}').click()")
        page.wait_for("document.body.innerText.includes('You are connected as user')", 60)
        page.wait_for(f"!document.querySelector('{_testid('disconnectedBanner')}')", 60)

        # The editor holds the :play command from the URL: run it, the guide's first slide shows.
        assert play in page.wait_for(_EDITOR_TEXT)
        page.js(f"document.querySelector('{_testid('editor-Run')}').click()")
        page.wait_for("document.body.innerText.includes('Click a grey block')", 60)

        # Its first runnable block is the :style command: one click fills the editor, Run applies.
        runnable = "Array.from(document.querySelectorAll('pre.runnable, .runnable pre'))"
        page.js(f"{runnable}.find(e => e.textContent.startsWith(':style')).click()")
        page.wait_for(f"{_EDITOR_TEXT}.includes('kizuna.grass')")
        page.js(f"document.querySelector('{_testid('editor-Run')}').click()")
        page.wait_for("document.body.innerText.includes('node.Country')", 60)
        assert "Could not parse" not in page.js("document.body.innerText")

        # The guide's "Japan's partner network" slide, drawn as a graph.
        for _ in range(10):
            if page.js(f"{runnable}.some(e => e.textContent.includes('RETURN p'))"):
                break
            page.js("document.querySelector('.next-slide').click()")
            time.sleep(0.5)
        page.js(f"{runnable}.find(e => e.textContent.includes('RETURN p')).click()")
        page.js(f"document.querySelector('{_testid('editor-Run')}').click()")
        # Browser draws the graph on a canvas; its Overview lists each label and relationship
        # type as a chip in the colour the style gives it.
        chips = page.wait_for(
            "(() => { const chips = {}; for (const e of document.querySelectorAll('*')) {"
            " const m = (e.childElementCount === 0 && e.textContent || '').trim()"
            ".match(/^([A-Za-z_]+) \\((\\d+)\\)$/);"
            " if (m) chips[m[1]] = [Number(m[2]), getComputedStyle(e).backgroundColor]; }"
            " return chips.Country ? chips : null })()",
            60,
        )
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
            page.screenshot(shot)
            pixels = matplotlib.image.imread(shot)[:, :, :3]
            country_pixels = int((numpy.abs(pixels - country).max(axis=2) < 0.02).sum())
            if country_pixels > 5 * 1000:
                break
            time.sleep(0.5)
        assert country_pixels > 5 * 1000, "five Country nodes of about 2,500 pixels each"
    finally:
        page.close()
