// The explorer: wires search, graph view, filters, panels, paths, analytics, export and the
// URL state together. Every failure becomes a message on the page; the page never goes blank.
//
// The view is built by steps (expand an actor, two steps around one, draw a path), kept in
// order in the URL: each step lays out only its new nodes, on the picture the steps before it
// left, so a copied link that replays them draws the same picture. A change of filters
// replays the steps under the new filters, as opening the link would.

import { actorPath, get } from "./api.js";
import { el, clear, showMessage } from "./dom.js";
import { buildFilters, readFilters } from "./filters.js";
import { attachSearch } from "./search.js";
import { GraphView } from "./view.js";
import { relationCounts, showActor } from "./panel.js";
import { findPaths } from "./paths.js";
import { loadCentrality, loadCommunities } from "./analytics.js";
import { exportGraphml, exportJson, exportPng, exportSvg } from "./export.js";
import { formatStep, parseStep, readState, writeState } from "./state.js";

const CAP = 25;
const PROFILE_PAGE = 100;
const $ = (id) => document.getElementById(id);

const app = { config: null, view: null, state: {}, limits: new Map(), counts: new Map(), profiles: new Map(), lastCypher: null, replaying: false, graphInfo: null };

function fail(error, what) {
  const close = error.body?.close_matches?.map((m) => `${m.name} (${m.id})`).join(", ");
  showMessage(`${what}: ${error.message}${close && !error.message.includes("did you mean") ? ` Did you mean ${close}?` : ""}`);
}

function serverFilters(years = false) {
  const f = readFilters();
  const params = { types: f.types, actor_types: f.atypes, min_confidence: f.conf };
  if (years) Object.assign(params, { since: f.since, until: f.until });
  return params;
}

function saveState() {
  const f = readFilters();
  Object.assign(app.state, {
    types: f.types, atypes: f.atypes, since: f.since, until: f.until, noundated: !f.undated,
    conf: f.conf === app.config.default_min_confidence ? null : f.conf,
    measure: $("measure").value || null, communities: $("communities").checked,
  });
  writeState(app.state);
}

function showCypher(cypher) {
  if (!cypher) return;
  app.lastCypher = cypher;
  $("cypher").hidden = false;
  $("cypher-text").textContent = cypher.cypher;
  $("cypher-browser").href = cypher.browser_url;
}

// An actor's profile at the current confidence floor, asked once per view: its first page of
// relations (`full`, for the panel), or for the status line the least that gives its counts:
// the first page when it holds them all, else the counts alone (a hub's thousands of
// relations are counted by the server).
function profile(id, full = false) {
  const conf = readFilters().conf;
  const key = `${id}\u0000${conf}\u0000${full}`;
  if (!app.profiles.has(key)) {
    const asked = full
      ? get(actorPath(id), { limit: PROFILE_PAGE, min_confidence: conf })
      : get(actorPath(id), { limit: 1, min_confidence: conf }).then((actor) =>
        (actor.relation_count > 1 && actor.relation_count <= PROFILE_PAGE ? profile(id, true) : actor));
    asked.catch(() => app.profiles.delete(key));
    app.profiles.set(key, asked);
  }
  return app.profiles.get(key);
}

// --- steps ------------------------------------------------------------------------------

// Adds a step to the view's history (the URL) unless the view is being replayed or the same
// step is already there; any expansion takes the highlight off a path drawn before.
function record(step) {
  if (app.replaying) return;
  if (step.kind === "path") app.state.pathoff = null;
  else if (app.view.path) {
    app.view.clearPath();
    app.state.pathoff = true;
  }
  const text = formatStep(step);
  const steps = app.state.steps || [];
  if (steps[steps.length - 1] === text || (step.kind !== "path" && steps.includes(text))) return;
  app.state.steps = [...steps, text];
}

async function runStep(step) {
  if (step.kind === "one") return expandTo(step.id, step.limit);
  if (step.kind === "two") return expandWide(step.id);
  return drawPaths(step);
}

// Rebuilds the view from its steps under the current filters: what opening the link gives.
async function replay() {
  const steps = (app.state.steps || []).map(parseStep).filter(Boolean);
  syncFilters();
  app.view.clear();
  app.limits.clear();
  app.counts.clear();
  app.profiles.clear();
  app.replaying = true;
  try {
    for (const step of steps) {
      try {
        await runStep(step);
      } catch (error) {
        fail(error, step.kind === "path" ? "Finding paths" : `The link names the actor "${step.id}"`);
      }
    }
  } finally {
    app.replaying = false;
  }
  const last = steps[steps.length - 1];
  if (app.view.path && (last?.kind !== "path" || app.state.pathoff)) app.view.clearPath();
}

// --- expanding --------------------------------------------------------------------------

function expand(id, more = false) {
  const limit = Math.min(app.config.max_limit, (app.limits.get(id) || 0) + (more || !app.limits.has(id) ? CAP : 0));
  return expandTo(id, limit);
}

async function expandTo(id, limit) {
  const answer = await get(`${actorPath(id)}/neighbourhood`, { depth: 1, limit, ...serverFilters() });
  const centre = answer.center.id;
  app.limits.set(id, limit);
  app.limits.set(centre, limit);
  record({ kind: "one", id: centre, limit });
  const f = readFilters();
  const answers = [answer];
  if (f.since !== null || f.until !== null) {
    answers.push(await get(`${actorPath(id)}/neighbourhood`, { depth: 1, limit, ...serverFilters(true) }));
  }
  const drawn = app.view.addNeighbourhoods(answers, !app.replaying);
  showCypher(answer.cypher);
  const actor = await profile(centre);
  await drawn;
  app.counts.set(centre, { answer: answers[answers.length - 1], actor });
  status(centre);
  afterChange({ redraw: false });
  return answer;
}

// Everything within two relations of an actor, up to the page's wide cap, in one answer.
async function expandWide(id) {
  const answer = await get(`${actorPath(id)}/neighbourhood`, { depth: 2, limit: app.config.wide_limit, ...serverFilters() });
  record({ kind: "two", id: answer.center.id, limit: app.config.wide_limit });
  const answers = [answer];
  const f = readFilters();
  if (f.since !== null || f.until !== null) {
    answers.push(await get(`${actorPath(id)}/neighbourhood`, { depth: 2, limit: app.config.wide_limit, ...serverFilters(true) }));
  }
  const drawn = app.view.addNeighbourhoods(answers, !app.replaying);
  showCypher(answer.cypher);
  const shown = answer.nodes.length - 1;
  const reachable = (answer.level_counts || []).reduce((sum, n) => sum + n, 0);
  clear($("status"), [el("strong", {}, answer.center.name), ": ",
    answer.truncated ? `showing ${shown} of ${reachable || "more"} actors within two steps` : `all ${shown} actors within two steps shown`]);
  await drawn;
  afterChange({ redraw: false });
  return answer;
}

// The status line of an expanded actor: how many of its neighbours are drawn, and its
// relations that pass the view's filters, as drawn.
function status(id) {
  const entry = app.counts.get(id);
  if (!entry) return;
  const { answer, actor } = entry;
  const counts = relationCounts(actor, (r) => app.view.edgeShown(r));
  const shown = answer.nodes.length - 1;
  const total = answer.level_counts?.[0];
  const byType = Object.entries(counts.byType).map(([t, n]) => `${t} ${n}`).join(", ");
  const parts = [
    el("strong", {}, answer.center.name), ": ",
    answer.truncated ? `showing ${shown} of ${total ?? "more"} neighbours` : `all ${shown} neighbours shown`,
    ` · ${counts.total} relations${byType ? ` (${byType})` : ""}${counts.complete ? "" : " in all"}`,
  ];
  if (answer.truncated && answer.limit < app.config.max_limit) {
    parts.push(el("button", { type: "button", class: "small", id: "load-more", onclick: () => expand(id, true).catch((e) => fail(e, "Loading more")) }, "Load more"));
  }
  clear($("status"), parts);
}

// --- selection --------------------------------------------------------------------------

async function select(id) {
  try {
    const actor = await showActor($("actor-panel"), app.config, await profile(id, true), {
      expand: (actorId) => expand(actorId).catch((e) => fail(e, "Expanding")),
      expandWide: (actorId) => expandWide(actorId).catch((e) => fail(e, "Showing two steps around")),
      select,
      minConfidence: readFilters().conf,
    });
    app.state.sel = actor.id;
    app.view.selected = actor.id;
    app.view.refresh();
    writeState(app.state);
  } catch (error) {
    fail(error, "Opening the actor");
  }
}

async function focusOn(hit) {
  app.state.focus = hit.id;
  try {
    await expand(hit.id);
    await select(hit.id);
    app.view.fit();
  } catch (error) {
    fail(error, "Opening the actor");
  }
}

// --- after every change -----------------------------------------------------------------

// The filters as the controls set them, for what the view draws.
function syncFilters() {
  const f = readFilters();
  Object.assign(app.view.filters, {
    since: f.since, until: f.until, undated: f.undated, minConfidence: f.conf,
    relationTypes: f.types ? new Set(f.types) : null, actorTypes: f.atypes ? new Set(f.atypes) : null,
  });
  return f;
}

// After every change: the view drawn under the filters (unless a step just drew it, with the
// same filters), the list of actors shown, the year-range message, the URL.
function afterChange({ redraw = true } = {}) {
  const f = syncFilters();
  if (redraw) app.view.refresh();
  const shown = app.view.shown;
  $("undated-count").textContent = app.view.undatedCount();
  const names = [...shown.nodes].map((id) => [app.view.graph.getNodeAttribute(id, "label"), id]).sort((a, b) => a[0].localeCompare(b[0]));
  $("shown-count").textContent = names.length;
  clear($("shown-list"), names.map(([label, id]) => el("li", {}, el("button", { type: "button", class: "small", "data-id": id, onclick: () => select(id) }, label))));
  if (app.view.graph.size > 0 && shown.edges.size === 0 && (f.since !== null || f.until !== null)) {
    showMessage(`No relation in view from ${f.since ?? "the start"} to ${f.until ?? "now"}. Widen the year range or press "All years".`, "info");
  } else if ($("message").classList.contains("info") && $("message").textContent.startsWith("No relation in view")) {
    showMessage("");
  }
  saveState();
}

async function filtersChanged() {
  afterChange();
  try {
    await replay();
    afterChange();
    if (app.state.sel && app.view.graph.hasNode(app.state.sel)) await select(app.state.sel);
    await analyticsChanged();
  } catch (error) {
    fail(error, "Applying the filters");
  }
}

async function analyticsChanged() {
  const params = serverFilters(true);
  const measure = $("measure").value;
  const answer = await loadCentrality(app.view, measure, params);
  $("measure-reading").textContent = measure ? app.config.measures[measure] + (answer?.approximate ? ` (${answer.method})` : "") : "";
  const communities = await loadCommunities(app.view, $("communities").checked, params);
  $("community-info").textContent = communities ? `${communities.communities.length} communities, modularity ${communities.modularity.toFixed(2)} (Louvain, fixed seed).` : "";
  saveState();
}

// --- paths ------------------------------------------------------------------------------

function pathStep() {
  return { kind: "path", from: app.state.from, to: app.state.to, k: Number($("path-k").value), hops: Number($("path-hops").value) };
}

async function drawPaths(step) {
  const params = { source: step.from, target: step.to, k: step.k, max_hops: step.hops, ...serverFilters(true) };
  let drawn = Promise.resolve();
  const answer = await findPaths($("paths-result"), app.config, params, {
    draw: (found) => { drawn = app.view.addPaths(found, !app.replaying); },
    select,
  });
  record({ ...step, from: answer.source.id, to: answer.target.id });
  await drawn;
  $("path-from").value = answer.source.name;
  $("path-to").value = answer.target.name;
  showCypher(answer.cypher);
  afterChange();
  return answer;
}

async function runPaths() {
  const step = pathStep();
  Object.assign(app.state, { k: step.k, hops: step.hops });
  await drawPaths(step);
  app.view.fit();
}

function clearPath() {
  app.view.clearPath();
  app.state.pathoff = true;
  clear($("paths-result"));
  writeState(app.state);
}

function openPaths() {
  $("paths-panel").hidden = false;
  $("open-paths").setAttribute("aria-expanded", "true");
  if (!app.state.from && app.state.sel) {
    app.state.from = app.state.sel;
    $("path-from").value = app.view.graph.hasNode(app.state.sel) ? app.view.graph.getNodeAttribute(app.state.sel, "label") : app.state.sel;
  }
  $("path-to").focus();
}

// --- edge tooltips ----------------------------------------------------------------------

function hoverEdge(relation, event) {
  const tip = $("edge-tip");
  if (!relation) { tip.hidden = true; return; }
  if (tip.dataset.id === relation.id && !tip.hidden) {
    tip.style.left = `${event.original.clientX + 14}px`;
    tip.style.top = `${event.original.clientY + 14}px`;
    return;
  }
  tip.dataset.id = relation.id;
  const name = (id) => (app.view.graph.hasNode(id) ? app.view.graph.getNodeAttribute(id, "label") : id);
  clear(tip,
    el("strong", {}, relation.type), ` · ${relation.year ?? "no year stated"} · confidence ${relation.confidence}`,
    el("div", { class: "hint" }, `${name(relation.source)} → ${name(relation.target)}`));
  tip.style.left = `${event.original.clientX + 14}px`;
  tip.style.top = `${event.original.clientY + 14}px`;
  tip.hidden = false;
}

// --- start ------------------------------------------------------------------------------

function wire() {
  const floor = () => readFilters().conf;
  attachSearch($("search"), $("search-list"), app.config, focusOn, floor);
  attachSearch($("path-from"), $("path-from-list"), app.config, (hit) => { app.state.from = hit.id; writeState(app.state); }, floor);
  attachSearch($("path-to"), $("path-to-list"), app.config, (hit) => { app.state.to = hit.id; writeState(app.state); }, floor);
  $("open-paths").addEventListener("click", openPaths);
  $("paths-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!app.state.from || !app.state.to) { showMessage("Pick both ends of the path from the suggestions first."); return; }
    runPaths().catch((e) => fail(e, "Finding paths"));
  });
  $("clear-path").addEventListener("click", clearPath);
  $("measure").addEventListener("change", () => analyticsChanged().catch((e) => fail(e, "Analytics")));
  $("communities").addEventListener("change", () => analyticsChanged().catch((e) => fail(e, "Communities")));
  $("export-png").addEventListener("click", () => exportPng(app.view, titleLine()).catch((e) => fail(e, "Export")));
  $("export-svg").addEventListener("click", () => exportSvg(app.view, titleLine()));
  $("export-json").addEventListener("click", () => exportJson(app.view));
  $("export-graphml").addEventListener("click", () => exportGraphml(app.view));
  $("fit").addEventListener("click", () => app.view.fit());
  $("clear").addEventListener("click", () => {
    app.view.clear();
    app.limits.clear();
    app.counts.clear();
    app.profiles.clear();
    app.state = {};
    clear($("status"));
    clear($("paths-result"));
    $("path-from").value = "";
    $("path-to").value = "";
    afterChange();
  });
  $("links-among").addEventListener("click", () => linksAmong().catch((e) => fail(e, "Links among shown")));
  // The list of actors shown floats over the drawing: the camera makes room for it.
  $("shown").addEventListener("toggle", () => app.view.fit());
  $("cypher-copy").addEventListener("click", () => navigator.clipboard?.writeText(app.lastCypher?.cypher || "").catch(() => showMessage("Copying needs clipboard permission; select the text instead.", "info")));
}

// What the exported picture is of: its focus, its filters and the graph it was drawn from.
function titleLine() {
  const f = readFilters();
  const name = (id) => (id && app.view.graph.hasNode(id) ? app.view.graph.getNodeAttribute(id, "label") : id);
  const first = parseStep((app.state.steps || [])[0] || "");
  const focus = name(app.state.focus || first?.id || first?.from) || "nothing";
  const parts = [`Kizuna · ${focus}`];
  if (app.view.path && app.state.from && app.state.to) parts.push(`paths ${name(app.state.from)} → ${name(app.state.to)}`);
  parts.push(f.types ? `relations: ${f.types.join(", ") || "none"}` : "all relation types");
  if (f.atypes) parts.push(`actors: ${f.atypes.join(", ") || "none"}`);
  if (f.since !== null || f.until !== null) parts.push(`years ${f.since ?? "…"}–${f.until ?? "…"}`);
  if (!f.undated) parts.push("dated relations only");
  parts.push(`confidence ≥ ${f.conf}`);
  const info = app.graphInfo;
  const graph = info ? `graph of ${info.actors} actors, ${info.relations} relations from ${info.documents} documents` : "graph";
  parts.push(`${graph}, drawn ${new Date().toISOString().slice(0, 10)}`);
  return parts.join(" · ");
}

async function linksAmong() {
  const shown = [...app.view.visible().nodes].slice(0, 80);
  const ids = new Set(shown);
  for (const id of shown) {
    const answer = await get(actorPath(id), { limit: app.config.max_limit, min_confidence: readFilters().conf });
    for (const relations of Object.values(answer.relations)) {
      for (const r of relations) if (ids.has(r.source) && ids.has(r.target)) app.view.addEdge(r, { among: true });
    }
  }
  afterChange();
}

async function restore(state) {
  if (state.k) $("path-k").value = state.k;
  if (state.hops) $("path-hops").value = state.hops;
  if (state.measure) $("measure").value = state.measure;
  $("communities").checked = Boolean(state.communities);
  await replay();
  if (state.from && state.to && !$("path-from").value) {
    // The path finder's ends, by name, even when no path was drawn with them.
    for (const [end, input] of [["from", "path-from"], ["to", "path-to"]]) {
      $(input).value = await get(actorPath(state[end]), { limit: 1 }).then((a) => a.name, () => state[end]);
    }
  }
  if (state.from || state.to) $("paths-panel").hidden = false;
  if (state.steps?.length) app.view.fit({ animate: false });
  const first = parseStep((state.steps || [])[0] || "");
  const chosen = state.sel || state.focus || first?.id;
  if (chosen) await select(chosen);
  if (state.measure || state.communities) await analyticsChanged().catch((e) => fail(e, "Analytics"));
}

async function start() {
  try {
    app.config = await get("/explorer/config");
  } catch (error) {
    showMessage(`The explorer cannot start: ${error.message}`);
    return;
  }
  app.state = readState(app.config);
  const initial = { ...app.state };
  const panels = [$("status"), document.querySelector(".stage-tools"), $("shown")];
  app.view = new GraphView($("graph"), app.config, {
    select,
    expand: (id) => expand(id, true).catch((e) => fail(e, "Expanding")),
    hoverEdge,
  }, panels);
  buildFilters(app.config, app.state, filtersChanged);
  wire();
  if (app.config.browser_url) {
    $("browser-link").href = app.config.browser_url;
    $("browser-link").hidden = false;
  }
  try {
    app.graphInfo = await get("/health");
    if (app.graphInfo.actors === 0) {
      showMessage("The store is empty: build the graph first (kizuna build, or kizuna neo4j load for Neo4j), then reload this page.", "info");
    }
  } catch (error) {
    fail(error, "The store does not answer");
  }
  await restore(initial);
  afterChange();
  document.body.dataset.ready = "true";
}

app.expand = expand;
app.expandWide = expandWide;
window.kizuna = app;
start();
