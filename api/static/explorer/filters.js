// The filter controls and the legend, built from the schema the API serves: relation types and
// actor types as checkboxes in their legend colours, the year range, the confidence floor.

import { el, clear } from "./dom.js";

export const YEAR_MIN = 1950;
export const YEAR_MAX = 2030;

function checkboxes(box, types, chosen, name, onChange) {
  const setAll = (on) => () => {
    box.querySelectorAll("input[type=checkbox]").forEach((input) => { input.checked = on; });
    onChange();
  };
  clear(box,
    el("div", { class: "buttons" },
      el("button", { type: "button", class: "small", id: `${box.id}-all`, onclick: setAll(true) }, "All"),
      el("button", { type: "button", class: "small", id: `${box.id}-none`, onclick: setAll(false) }, "None")),
    Object.entries(types).map(([type, spec]) => el("label", { title: spec.description },
      el("input", { type: "checkbox", name, value: type, checked: !chosen || chosen.includes(type), onchange: onChange }),
      el("span", { class: "swatch", style: `background:${spec.colour}` }), type)));
}

export function checked(box) {
  const boxes = [...box.querySelectorAll("input[type=checkbox]")];
  const on = boxes.filter((b) => b.checked).map((b) => b.value);
  return on.length === boxes.length ? null : on;
}

export function buildFilters(config, state, onChange) {
  checkboxes(document.getElementById("relation-types"), config.relation_types, state.types, "relation-type", onChange);
  checkboxes(document.getElementById("actor-types"), config.actor_types, state.atypes, "actor-type", onChange);
  const since = document.getElementById("since");
  const until = document.getElementById("until");
  for (const input of [since, until]) { input.min = YEAR_MIN; input.max = YEAR_MAX; }
  since.value = state.since ?? YEAR_MIN;
  until.value = state.until ?? YEAR_MAX;
  document.getElementById("undated").checked = !state.noundated;
  const confidence = document.getElementById("confidence");
  confidence.value = state.conf ?? config.default_min_confidence;
  const show = () => {
    if (Number(since.value) > Number(until.value)) {
      if (document.activeElement === until) since.value = until.value; else until.value = since.value;
    }
    document.getElementById("since-out").textContent = Number(since.value) === YEAR_MIN ? "any" : since.value;
    document.getElementById("until-out").textContent = Number(until.value) === YEAR_MAX ? "any" : until.value;
    document.getElementById("confidence-out").textContent = Number(confidence.value).toFixed(2);
  };
  show();
  for (const input of [since, until, confidence]) {
    input.addEventListener("input", show);
    input.addEventListener("change", onChange);
  }
  document.getElementById("undated").addEventListener("change", onChange);
  document.getElementById("years-reset").addEventListener("click", () => { since.value = YEAR_MIN; until.value = YEAR_MAX; show(); onChange(); });
  buildLegend(config);
}

export function readFilters() {
  const since = Number(document.getElementById("since").value);
  const until = Number(document.getElementById("until").value);
  return {
    types: checked(document.getElementById("relation-types")),
    atypes: checked(document.getElementById("actor-types")),
    since: since === YEAR_MIN ? null : since,
    until: until === YEAR_MAX ? null : until,
    undated: document.getElementById("undated").checked,
    conf: Number(document.getElementById("confidence").value),
  };
}

function buildLegend(config) {
  const floor = config.default_min_confidence;
  document.getElementById("confidence-hint").textContent = `Below ${floor}: bare co-occurrences, drawn faint.`;
  clear(document.getElementById("legend"),
    el("h2", {}, "Legend"),
    Object.entries(config.actor_types).map(([type, spec]) => el("div", { class: "item" }, el("span", { class: "swatch", style: `background:${spec.colour}` }), type)),
    el("div", { class: "item" }, el("span", { class: "swatch", style: "background:#b3b9c4;border-radius:0;height:3px" }), "relation without a stated year"),
    el("div", { class: "item" }, el("span", { class: "swatch", style: "background:rgba(78,121,167,.35);border-radius:0;height:3px" }), `low confidence (below ${floor})`));
}
