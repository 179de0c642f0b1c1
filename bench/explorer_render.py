"""Rendering benchmark of the explorer page in headless Chromium (Playwright, Debian's chromium).

Serves the API over the synthetic graph (bench/synthetic_graph.py, memory backend, in its own
process) and measures in the page, with performance.now():

- first render of a ~2,000-node neighbourhood: the page's "Two steps around" on the biggest
  hub (one answer of up to 2,000 actors), fetched, placed, drawn and listed, until the frame
  after the draw;
- expanding a hub of thousands of neighbours with the cap at 200: fetched, placed, drawn; and
  the page's own Expand (cap 25, with the per-type counts of the hub's profile);
- panning with 5,000 nodes shown: the frames per second in which the picture moves while the
  mouse drags the view (the page translates the drawn layers and redraws once on release).

    .venv/bin/python -m bench.explorer_render                      # 100k actors, 1M relations
    .venv/bin/python -m bench.explorer_render --actors 10000 --relations 100000

Headless Chromium draws WebGL in software (SwiftShader) here, so the frame rate is a floor of
what a desktop GPU gives.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Page, sync_playwright

from bench.api_load import api_process
from bench.synthetic_graph import add_graph_options, synthetic_graph
from graph.memory_store import MemoryStore
from tests.chromium import HEADLESS_FLAGS

__all__ = ["main"]

HUBS = [f"country:syn-{i:06d}" for i in range(20)]

LOAD_AND_DRAW = """async ([ids, depth, limit]) => {
  const view = window.kizuna.view;
  view.clear();
  const t0 = performance.now();
  const answers = await Promise.all(ids.map((id) =>
    fetch(`/actors/${encodeURIComponent(id)}/neighbourhood?depth=${depth}&limit=${limit}`)
      .then((r) => r.json())));
  const fetched = performance.now();
  await view.addNeighbourhoods(answers);
  view.fit();
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const t1 = performance.now();
  return { total: t1 - t0, fetch: fetched - t0, draw: t1 - fetched,
           first: view.timing ? view.timing.drawn - t0 : null,
           laidOut: view.timing ? view.timing.laidOut - t0 : null,
           nodes: view.shown.nodes.size, edges: view.shown.edges.size };
}"""

PAGE_WIDE = """async (id) => {
  const view = window.kizuna.view;
  view.clear();
  const t0 = performance.now();
  const answer = await window.kizuna.expandWide(id);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return { total: performance.now() - t0, first: view.timing ? view.timing.drawn - t0 : null,
           laidOut: view.timing ? view.timing.laidOut - t0 : null, nodes: view.shown.nodes.size,
           edges: view.shown.edges.size, truncated: answer.truncated };
}"""

GROW = """async ([ids, wanted]) => {
  window.kizuna.view.clear();
  const t0 = performance.now();
  for (const id of ids) {
    await window.kizuna.expandWide(id);
    if (window.kizuna.view.shown.nodes.size >= wanted) break;
  }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return { total: performance.now() - t0, nodes: window.kizuna.view.shown.nodes.size,
           edges: window.kizuna.view.shown.edges.size };
}"""

PAGE_EXPAND = """async (id) => {
  const page = window.kizuna;
  page.view.clear();
  page.limits.clear();
  page.profiles?.clear();
  const t0 = performance.now();
  await page.expand(id);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return { total: performance.now() - t0, nodes: page.view.shown.nodes.size,
           first: page.view.timing ? page.view.timing.drawn - t0 : null };
}"""

PAN = """async (seconds) => {
  // A mouse drag as the browser delivers it: mousedown on the graph, then one mousemove per
  // animation frame, back and forth. A frame counts when the picture on screen moved in it:
  // the drawn layers' translation changed or sigma drew the view again.
  const renderer = window.kizuna.view.renderer;
  const target = renderer.getCanvases().mouse;
  const layer = renderer.getCanvases().nodes;
  const box = target.getBoundingClientRect();
  const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
  const fire = (type, x, y, on) => on.dispatchEvent(new MouseEvent(type, {
    clientX: x, clientY: y, button: 0, buttons: type === "mouseup" ? 0 : 1, bubbles: true }));
  let renders = 0;
  const count = () => { renders += 1; };
  renderer.on("afterRender", count);
  const before = renderer.getCamera().getState();
  fire("mousedown", cx, cy, target);
  const start = performance.now();
  let frames = 0;
  let moved = 0;
  let shown = "";
  let seenRenders = 0;
  let x = cx;
  let y = cy;
  await new Promise((done) => {
    const step = (now) => {
      frames += 1;
      if (layer.style.transform !== shown || renders !== seenRenders) moved += 1;
      shown = layer.style.transform;
      seenRenders = renders;
      const t = (now - start) / 1000;
      x = cx + 150 * Math.sin(t * 3);
      y = cy + 100 * Math.cos(t * 3) - 100;
      fire("mousemove", x, y, document);
      if (t < seconds) requestAnimationFrame(step); else done();
    };
    requestAnimationFrame(step);
  });
  const elapsed = (performance.now() - start) / 1000;
  const during = renders;
  fire("mouseup", x, y, document);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  renderer.off("afterRender", count);
  const after = renderer.getCamera().getState();
  return { fps: moved / elapsed, frames: frames / elapsed, renders: during, seconds: elapsed,
           cameraMoved: Math.hypot(after.x - before.x, after.y - before.y) > 0 };
}"""


def _degrees(url: str) -> list[tuple[int, str]]:
    with httpx.Client(base_url=url, timeout=600) as http:
        found = [
            (http.get(f"/actors/{hub}", params={"limit": 1}).json()["relation_count"], hub)
            for hub in HUBS
        ]
    return sorted(found, reverse=True)


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(float(r[key]) for r in runs)


def _stages(runs: list[dict[str, Any]]) -> str:
    """The page's stages when it has them (a layout after the first picture)."""
    if runs[0].get("first") is None:
        return ""
    text = f"; first picture {_median(runs, 'first'):.0f} ms"
    if runs[0].get("laidOut") is not None:
        text += f", laid out {_median(runs, 'laidOut'):.0f} ms"
    return text


def measure(page: Page, hubs: list[str], repeats: int) -> None:
    first = [page.evaluate(PAGE_WIDE, hubs[0]) for _ in range(repeats)]
    print(
        f"first render of a neighbourhood, the page's Two steps around on the biggest hub: "
        f"{first[0]['nodes']} nodes, {first[0]['edges']} edges: median "
        f"{_median(first, 'total'):.0f} ms over {repeats} runs (fetched, placed, drawn, listed)"
        f"{_stages(first)}",
        flush=True,
    )
    capped = [page.evaluate(LOAD_AND_DRAW, [hubs[:1], 1, 200]) for _ in range(repeats)]
    print(
        f"expand the biggest hub, cap 200: {capped[0]['nodes']} nodes: "
        f"median {_median(capped, 'total'):.0f} ms (fetch {_median(capped, 'fetch'):.0f} ms, "
        f"place and draw {_median(capped, 'draw'):.0f} ms){_stages(capped)}",
        flush=True,
    )
    own = [page.evaluate(PAGE_EXPAND, hubs[0]) for _ in range(repeats)]
    print(
        f"the page's Expand button on that hub (cap 25, with counts per type): "
        f"median {_median(own, 'total'):.0f} ms{_stages(own)}",
        flush=True,
    )
    loaded = page.evaluate(GROW, [hubs, 5000])
    print(
        f"loaded {loaded['nodes']} nodes, {loaded['edges']} edges "
        f"in {loaded['total']:.0f} ms (Two steps around, hub after hub)"
    )
    page.wait_for_timeout(500)
    panned = page.evaluate(PAN, 4)
    print(
        f"panning by mouse drag with {loaded['nodes']} nodes shown: {panned['fps']:.1f} "
        f"frames/s in which the picture moved, of {panned['frames']:.1f} animation frames/s "
        f"({panned['renders']} sigma draws during {panned['seconds']:.1f} s of drag; "
        f"the camera moved on release: {panned['cameraMoved']})"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add_graph_options(parser)
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args(argv)
    binary = shutil.which("chromium")
    if binary is None:
        raise SystemExit("chromium is not installed (apt-get install -y chromium)")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        options.store = Path(folder) / "store.json"
        options.workers = 1
        store = MemoryStore(options.store)
        store.replace(synthetic_graph(options.actors, options.relations, options.seed))
        store.close()
        del store
        _serve_and_measure(binary, options, began)


def _serve_and_measure(binary: str, options: argparse.Namespace, began: float) -> None:
    with api_process("memory", options) as url:
        print(
            f"API over {options.actors} actors / {options.relations} relations up in "
            f"{time.perf_counter() - began:.0f} s",
            flush=True,
        )
        degrees = _degrees(url)
        print("biggest hubs (relations):", ", ".join(f"{h} {d}" for d, h in degrees[:4]))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=binary, headless=True, args=HEADLESS_FLAGS
            )
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(url + "/")
            page.wait_for_selector("body[data-ready=true]")
            measure(page, [h for _, h in degrees], options.repeats)
            browser.close()


if __name__ == "__main__":
    main()
