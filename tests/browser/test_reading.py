"""Reading the graph in real Chromium: labels that never overlap nor hide under a panel, a path
highlight that goes away when the analyst moves on, links that reopen with names, edges that
say what they are, expansions that leave the picture in place, and one confidence floor, the
server's, for what the page draws and counts."""

from __future__ import annotations

import json
import math
import re

import pytest
from playwright.sync_api import Page, Route

from graph.model import Actor, Graph, Relation
from tests.browser.conftest import Explorer
from tests.browser.driving import (
    assert_labels_readable,
    choose,
    find_paths,
    pan,
    settle,
    shown,
)

pytestmark = pytest.mark.browser

DIM = "#e4e7ec"

HIGHLIGHT = """(dim) => {
  const view = window.kizuna.view;
  const drawn = [...view.shown.edges].map((e) => view.renderer.getEdgeDisplayData(e));
  const nodes = [...view.shown.nodes].map((n) => view.renderer.getNodeDisplayData(n));
  return { faded: [...drawn, ...nodes].filter((d) => d.color === dim).length,
           thick: drawn.filter((d) => d.size > 2).length };
}"""
PLAIN = {"faded": 0, "thick": 0}


def highlight(page: Page) -> dict[str, int]:
    """How many things are drawn faded, and how many edges drawn thick as a path's."""
    found: dict[str, int] = page.evaluate(HIGHLIGHT, DIM)
    return found


POSITIONS = """() => Object.fromEntries(window.kizuna.view.graph.mapNodes(
  (id, a) => [id, [a.x, a.y]]))"""


def open_jica_to_india(page: Page) -> None:
    find_paths(page, ("jica", "agency:jica"), ("India", "country:IND"))


def test_labels_never_overlap_nor_run_under_a_panel_on_japan_and_two_steps_around(
    explorer: Explorer,
) -> None:
    page = explorer.open()
    choose(page, "#search", "Japan", "country:JPN")
    japan = assert_labels_readable(page)
    assert any(box.id == "country:JPN" and box.text == "Japan" for box in japan)
    page.click("#expand-wide")
    settle(page)
    around = assert_labels_readable(page)
    assert len(around) > len(japan)
    pan(page, 60, -140)  # the picture under the status line and the buttons
    assert_labels_readable(page)
    page.click("#shown summary")  # the list of actors opens over the drawing: room is made
    settle(page)
    assert_labels_readable(page)
    explorer.assert_clean()


def neighbourhood_graph(partners: int, each: int) -> Graph:
    """A hub with `partners` partners, each with `each` partners of its own; names of every
    length, the longest far wider than a label may be."""
    hub = Actor(id="country:HUB", name="Hubland", type="Country")
    actors = [hub]
    relations = []
    for i in range(partners):
        partner = Actor(
            id=f"org:p{i:02d}",
            name=f"Regional Partnership Council on Digital Standards No. {i}"[: 12 + 4 * i],
            type="Organization",
        )
        actors.append(partner)
        relations.append(Relation(source=hub.id, target=partner.id, type="PARTNERS_WITH"))
        for j in range(each):
            member = Actor(
                id=f"company:p{i:02d}c{j:02d}",
                name=f"Company {i:02d}-{j:02d} Advanced Semiconductor Research"[: 14 + 3 * j],
                type="Company",
            )
            actors.append(member)
            relations.append(Relation(source=member.id, target=partner.id, type="MEMBER_OF"))
            relations.append(
                Relation(source=member.id, target=partner.id, type="SUPPORTS", year=2020 + j % 5)
            )
    return Graph(actors=actors, relations=relations)


def test_labels_never_overlap_nor_run_under_a_panel_on_a_200_node_neighbourhood(
    memory_explorer: Explorer,
) -> None:
    memory_explorer.store.replace(neighbourhood_graph(12, 16))
    page = memory_explorer.open("/?steps=2~2000~country:HUB&sel=country:HUB")
    settle(page)
    assert len(shown(page)) == 1 + 12 + 12 * 16
    boxes = assert_labels_readable(page)
    assert any(box.text.endswith("…") for box in boxes)  # long names are shortened
    curved = page.evaluate(
        "() => [...window.kizuna.view.shown.edges].filter((e) => "
        "window.kizuna.view.renderer.getEdgeDisplayData(e).type.startsWith('curved')).length"
    )
    assert curved == 2 * 12 * 16  # MEMBER_OF and SUPPORTS between the same two actors
    memory_explorer.assert_clean()


def test_a_path_highlight_goes_with_clear_path_with_a_new_expansion_and_with_clear(
    explorer: Explorer,
) -> None:
    page = explorer.open()
    choose(page, "#search", "Japan", "country:JPN")
    open_jica_to_india(page)
    lit = highlight(page)
    assert lit["thick"] and lit["faded"]  # the routes stand out, the rest fades
    assert_labels_readable(page)
    page.click("#clear-path")
    assert highlight(page) == PLAIN
    page.click("#paths-form button[type=submit]")
    settle(page)
    assert highlight(page)["thick"]
    page.click("#shown summary")
    page.click("#shown-list button[data-id='country:IND']")
    settle(page)
    page.click("#expand")
    settle(page)
    assert highlight(page) == PLAIN  # the next expansion is not drawn faded
    page.click("#paths-form button[type=submit]")
    settle(page)
    assert highlight(page)["thick"]
    page.click("#clear")
    choose(page, "#search", "India", "country:IND")
    assert highlight(page) == PLAIN
    explorer.assert_clean()


def test_a_reopened_link_shows_names_and_the_same_actors_in_the_same_places(
    explorer: Explorer,
) -> None:
    page = explorer.open()
    open_jica_to_india(page)
    page.dblclick(
        "#graph",
        position=page.evaluate(
            """() => { const r = window.kizuna.view.renderer;
                   const p = r.framedGraphToViewport(r.getNodeDisplayData('country:IND'));
                   return { x: p.x, y: p.y }; }"""
        ),
    )
    settle(page)
    before = (sorted(shown(page)), page.evaluate(POSITIONS))
    again = explorer.open(page.url.removeprefix(explorer.url))
    settle(again)
    assert again.input_value("#path-from") == "Japan International Cooperation Agency"
    assert again.input_value("#path-to") == "India"
    assert again.inner_text("#actor-name") == page.inner_text("#actor-name")
    assert (sorted(shown(again)), again.evaluate(POSITIONS)) == before
    explorer.assert_clean()


def test_expanding_places_the_new_neighbours_around_the_actor_and_moves_nothing_else(
    memory_explorer: Explorer,
) -> None:
    memory_explorer.store.replace(neighbourhood_graph(12, 16))
    page = memory_explorer.open()
    choose(page, "#search", "Hubland", "country:HUB")
    before = page.evaluate(POSITIONS)
    assert len(before) == 13
    partner = "org:p07"
    page.click("#shown summary")
    page.click(f"#shown-list button[data-id='{partner}']")
    settle(page)
    page.click("#expand")
    settle(page)
    after = page.evaluate(POSITIONS)
    assert {i: after[i] for i in before} == before
    new = [i for i in after if i not in before]
    assert len(new) == 16
    # around the partner expanded, not around the hub or the picture's middle
    centre = [sum(after[i][axis] for i in new) / len(new) for axis in (0, 1)]
    assert math.dist(centre, after[partner]) < 0.5 * math.dist(after[partner], after["country:HUB"])
    nearer = [
        math.dist(after[i], after[partner]) < math.dist(after[i], after["country:HUB"]) for i in new
    ]
    assert sum(nearer) > len(new) / 2
    memory_explorer.assert_clean()


def test_hovering_an_edge_tells_its_type_year_and_confidence(memory_explorer: Explorer) -> None:
    page = memory_explorer.open()
    choose(page, "#search", "jica", "agency:jica")
    target = page.evaluate(
        """() => { const v = window.kizuna.view, r = v.renderer;
          const edge = [...v.shown.edges].find((e) => !v.curvatures.has(e));
          const [s, t] = v.graph.extremities(edge).map((n) => r.framedGraphToViewport(r.getNodeDisplayData(n)));
          const box = document.getElementById('graph').getBoundingClientRect();
          return { relation: v.graph.getEdgeAttribute(edge, 'relation'),
                   x: box.left + (s.x + t.x) / 2, y: box.top + (s.y + t.y) / 2 }; }"""
    )
    page.mouse.move(target["x"] - 20, target["y"] - 20)
    page.mouse.move(target["x"], target["y"], steps=4)
    page.wait_for_selector("#edge-tip:not([hidden])")
    tip = page.inner_text("#edge-tip")
    relation = target["relation"]
    assert relation["type"] in tip
    assert str(relation["year"] or "no year stated") in tip
    assert f"confidence {relation['confidence']}" in tip
    page.mouse.move(5, 5)
    page.wait_for_selector("#edge-tip[hidden]", state="attached")
    memory_explorer.assert_clean()


def relation_counts(page: Page) -> tuple[int, dict[str, int], dict[str, int]]:
    """The panel's "N (TYPE n, ...)" and the number of relations listed under each type."""
    text = page.inner_text("#relation-counts")
    total = int(text.split()[0])
    stated = {t: int(n) for t, n in re.findall(r"([A-Z_]+) (\d+)", text)}
    listed = {
        group.query_selector(".rel-type").inner_text(): len(group.query_selector_all("li"))
        for group in page.query_selector_all("#actor-panel .group")
    }
    return total, stated, listed


def test_the_confidence_floor_is_the_servers_and_the_panel_counts_what_it_lists(
    memory_explorer: Explorer, seeds_graph_with_cooccurrence: Graph
) -> None:
    memory_explorer.store.replace(seeds_graph_with_cooccurrence)
    page = memory_explorer.open()
    choose(page, "#search", "jica", "agency:jica")
    total, stated, listed = relation_counts(page)
    assert stated == listed and total == sum(listed.values())
    assert page.input_value("#confidence") == "0.5"  # the server's default
    hidden = memory_explorer.store.actor("agency:jica").relations
    assert any(r.confidence < 0.5 for r in hidden)  # a relation it leaves out
    assert total == sum(r.confidence >= 0.5 for r in hidden)

    def lower_floor(route: Route) -> None:
        config = route.fetch().json()
        route.fulfill(json={**config, "default_min_confidence": 0.25})

    page.route("**/explorer/config", lower_floor)
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.input_value("#confidence") == "0.25"
    assert "Below 0.25" in page.inner_text("#confidence-hint")
    choose(page, "#search", "jica", "agency:jica")
    total, stated, listed = relation_counts(page)
    assert stated == listed and total == sum(r.confidence >= 0.25 for r in hidden)
    status = re.search(r"(\d+) relations \(([^)]*)\)", page.inner_text("#status"))
    assert status is not None
    counted = dict(part.rsplit(" ", 1) for part in status.group(2).split(", "))
    assert int(status.group(1)) == total
    assert {t: int(n) for t, n in counted.items()} == stated
    assert (
        json.loads(page.evaluate("() => JSON.stringify(window.kizuna.view.filters.minConfidence)"))
        == 0.25
    )
    memory_explorer.assert_clean()
