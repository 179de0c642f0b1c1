// A search box with suggestions as you type (names, aliases, acronyms, one typo), each with
// its type and degree; arrows move through them, Enter chooses, Escape closes (ARIA combobox).
// `floor()` gives the confidence floor the degrees are asked at.

import { get } from "./api.js";
import { el, clear, showMessage } from "./dom.js";

export function attachSearch(input, list, config, onChoose, floor = () => config.default_min_confidence) {
  let hits = [];
  let active = -1;
  let asked = 0;
  let timer = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const mark = (index) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    const chosen = list.children[index];
    if (chosen) {
      input.setAttribute("aria-activedescendant", chosen.id);
      chosen.scrollIntoView({ block: "nearest" });
    }
  };

  const choose = (hit) => {
    input.value = hit.name;
    close();
    onChoose(hit);
  };

  const render = () => {
    clear(list, hits.map((hit, i) => el("li", {
      id: `${list.id}-${i}`, role: "option", "aria-selected": "false", "data-id": hit.id,
      onmousedown: (event) => { event.preventDefault(); choose(hit); },
    },
    el("span", { class: "swatch", style: `background:${config.actor_types[hit.type]?.colour || "#999"}` }),
    el("span", { class: "name" }, hit.name, hit.matched !== hit.name ? el("span", { class: "meta" }, ` (${hit.matched})`) : null),
    el("span", { class: "meta" }, `${hit.type} · ${hit.degree} relation${hit.degree === 1 ? "" : "s"}`))));
    if (!hits.length) list.append(el("li", { role: "option", "aria-disabled": "true" }, "No actor matches; try another spelling."));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };

  const suggest = async () => {
    const text = input.value.trim();
    if (!text) { hits = []; close(); return; }
    const ticket = ++asked;
    try {
      const answer = await get("/actors", { q: text, limit: 8, min_confidence: floor() });
      if (ticket !== asked) return;
      hits = answer.hits;
      render();
      if (hits.length) mark(0);
    } catch (error) {
      if (ticket === asked) showMessage(`Search failed: ${error.message}`);
    }
  };

  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden) { suggest(); return; }
      if (!hits.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      mark((active + step + hits.length) % hits.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!list.hidden && hits[active]) choose(hits[active]);
      else suggest();
    } else if (event.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  return { set(hit) { input.value = hit ? hit.name : ""; } };
}
