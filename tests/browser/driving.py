"""Driving the explorer page as a person would, and reading what it drew: shared by the browser
tests and the screenshot script.

`drawn_labels` reads the labels from the page's renderer (the boxes its label layer drew) and
checks them against the page itself: no two overlap, none crosses a panel floating over the
drawing area or its edges, and the label canvas holds no ink outside those boxes (and the
leader lines that join a distant label to its node), so no label is drawn that the boxes miss.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Page

__all__ = [
    "LabelBox",
    "assert_labels_readable",
    "choose",
    "drawn_labels",
    "find_paths",
    "pan",
    "settle",
    "shown",
]

PANELS = ["#status", ".stage-tools", "#shown"]


def settle(page: Page) -> None:
    """Waits until no request nor layout is under way and the camera has stopped."""
    page.wait_for_selector("body[data-pending='0']", state="attached", timeout=60_000)
    page.wait_for_function(
        "() => !window.kizuna.view.renderer.getCamera().isAnimated()", timeout=10_000
    )
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")


def choose(page: Page, field: str, text: str, actor_id: str) -> None:
    """Types into a search field and picks the suggestion with the keyboard."""
    page.fill(field, text)
    listbox = page.get_attribute(field, "aria-controls")
    page.wait_for_selector(f"#{listbox} li[data-id='{actor_id}']")
    for _ in range(10):
        if page.get_attribute(f"#{listbox} li[data-id='{actor_id}']", "aria-selected") == "true":
            break
        page.press(field, "ArrowDown")
    page.press(field, "Enter")
    settle(page)


def find_paths(page: Page, start: tuple[str, str], end: tuple[str, str]) -> None:
    """Opens `start` (what to type, the actor's id) and finds the paths to `end`."""
    choose(page, "#search", *start)
    page.click("#open-paths")
    choose(page, "#path-to", *end)
    page.click("#paths-form button[type=submit]")
    settle(page)
    page.wait_for_selector(".path")


def shown(page: Page) -> list[str]:
    """The ids of the actors shown, from the page's list of them."""
    return page.eval_on_selector_all("#shown-list button", "bs => bs.map(b => b.dataset.id)")


@dataclass(frozen=True)
class LabelBox:
    id: str
    text: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Any) -> bool:
        return (
            self.left < other["right"] - 0.5
            and other["left"] < self.right - 0.5
            and self.top < other["bottom"] - 0.5
            and other["top"] < self.bottom - 0.5
        )


READ_LABELS = """(panels) => {
  const view = window.kizuna.view;
  const frame = document.getElementById('graph').getBoundingClientRect();
  const boxes = view.labels.boxes.map((b) => ({ id: b.id, text: b.text,
    left: b.left + frame.left, top: b.top + frame.top, right: b.right + frame.left,
    bottom: b.bottom + frame.top, leader: b.leader ? b.leader.map(([x, y]) => [x + frame.left, y + frame.top]) : null }));
  const rects = panels.flatMap((selector) => [...document.querySelectorAll(selector)])
    .map((node) => node.getBoundingClientRect()).filter((r) => r.width && r.height)
    .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
  // Ink on the label canvas outside every box and leader line: labels the boxes do not tell.
  const canvas = view.renderer.getCanvases().labels;
  const ratio = canvas.width / frame.width;
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const inBox = (x, y) => view.labels.boxes.some((b) => x >= b.left - 1 && x <= b.right + 1 && y >= b.top - 1 && y <= b.bottom + 1);
  const nearLeader = (x, y) => view.labels.boxes.some((b) => {
    if (!b.leader) return false;
    const [[x1, y1], [x2, y2]] = b.leader;
    const [dx, dy] = [x2 - x1, y2 - y1];
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(x - x1 - t * dx, y - y1 - t * dy) <= 2;
  });
  const stray = [];
  for (let py = 0; py < canvas.height; py += 1) {
    for (let px = 0; px < canvas.width; px += 1) {
      if (pixels[(py * canvas.width + px) * 4 + 3] === 0) continue;
      const [x, y] = [px / ratio, py / ratio];
      if (!inBox(x, y) && !nearLeader(x, y)) stray.push([Math.round(x), Math.round(y)]);
    }
  }
  // The labels that must show: those of the nodes drawn in the free part of the drawing area.
  const free = (id) => {
    const at = view.renderer.framedGraphToViewport(view.renderer.getNodeDisplayData(id));
    const [x, y] = [at.x + frame.left, at.y + frame.top];
    return x >= frame.left && x <= frame.right && y >= frame.top && y <= frame.bottom &&
      !rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
  };
  return { boxes, rects, stray, frame: { left: frame.left, top: frame.top, right: frame.right, bottom: frame.bottom },
           forced: view.labels.order.filter((o) => o.forced && free(o.id)).map((o) => o.id),
           shown: view.shown.nodes.size };
}"""


PAN_BY = """([dx, dy]) => {
  const r = window.kizuna.view.renderer;
  const { width, height } = r.getDimensions();
  const at = r.viewportToFramedGraph({ x: width / 2 - dx, y: height / 2 - dy });
  r.getCamera().setState({ x: at.x, y: at.y });
}"""


def pan(page: Page, dx: float, dy: float) -> None:
    """Moves the picture by (dx, dy) pixels, as a drag would."""
    page.evaluate(PAN_BY, [dx, dy])
    settle(page)


def drawn_labels(page: Page) -> dict[str, Any]:
    """The labels the renderer drew (page coordinates), the panels, and the stray ink."""
    page.mouse.move(0, 0)  # a hovered node shows its whole name over the others
    settle(page)
    found: dict[str, Any] = page.evaluate(READ_LABELS, PANELS)
    return found


def assert_labels_readable(page: Page) -> list[LabelBox]:
    """Every drawn label stays clear of the others and of the panels, inside the drawing area;
    the labels that must show (the selected actor, its neighbours, the expanded actors, a
    path's hops) all do, where their nodes are not under a panel. Returns the labels."""
    found = drawn_labels(page)
    boxes = [LabelBox(**{k: v for k, v in b.items() if k != "leader"}) for b in found["boxes"]]
    assert boxes, "no label drawn"
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b.__dict__), f"{a.text!r} overlaps {b.text!r}"
    frame = found["frame"]
    for box in boxes:
        assert frame["left"] <= box.left and box.right <= frame["right"], box
        assert frame["top"] <= box.top and box.bottom <= frame["bottom"], box
        for panel in found["rects"]:
            assert not box.overlaps(panel), f"{box.text!r} runs under a panel {panel}"
    assert not found["stray"], f"label ink outside the label boxes at {found['stray'][:20]}"
    labelled = {b.id for b in boxes}
    assert set(found["forced"]) <= labelled, set(found["forced"]) - labelled
    return boxes
