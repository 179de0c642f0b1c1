// The explorer: wires search, graph view, filters, panels, paths, analytics, export and the
// URL state together. Every failure becomes a message on the page; the page never goes blank.

import { actorPath, get } from "./api.js";
import { el, clear, showMessage } from "./dom.js";
import { buildFilters, readFilters } from "./filters.js";
import { attachSearch } from "./search.js";
import { GraphView } from "./view.js";
import { showActor } from "./panel.js";
import { findPaths } from "./paths.js";
import { loadCentrality, loadCommunities } from "./analytics.js";
import { exportGraphml, exportJson, exportPng, exportSvg } from "./export.js";
import { readState, writeState } from "./state.js";

const CAP = 25;
const $ = (id) => document.getElementById(id);

const app = { config: null, view: null, state: {}, limits: new Map(), counts: new Map(), lastCypher: null };

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

// --- expanding --------------------------------------------------------------------------

async function expand(id, more = false) {
  const limit = Math.min(app.config.max_limit, (app.limits.get(id) || 0) + (more || !app.limits.has(id) ? CAP : 0));
  app.limits.set(id, limit);
  const answer = await get(`${actorPath(id)}/neighbourhood`, { depth: 1, limit, ...serverFilters() });
  app.view.addNeighbourhood(answer);
  const f = readFilters();
  if (f.since !== null || f.until !== null) {
    app.view.addNeighbourhood(await get(`${actorPath(id)}/neighbourhood`, { depth: 1, limit, ...serverFilters(true) }));
  }
  showCypher(answer.cypher);
  const profile = await get(actorPath(id), { limit: 1 });
  app.counts.set(answer.center.id, { answer, profile });
  if (answer.center.id !== app.state.focus && !(app.state.expanded || []).includes(answer.center.id)) {
    app.state.expanded = [...(app.state.expanded || []), answer.center.id];
  }
  status(answer.center.id);
  afterChange();
  return answer;
}

// Everything within two relations of an actor, up to the page's wide cap, in one answer.
async function expandWide(id) {
  const answer = await get(`${actorPath(id)}/neighbourhood`, { depth: 2, limit: app.config.wide_limit, ...serverFilters() });
  app.view.addNeighbourhood(answer);
  const f = readFilters();
  if (f.since !== null || f.until !== null) {
    app.view.addNeighbourhood(await get(`${actorPath(id)}/neighbourhood`, { depth: 2, limit: app.config.wide_limit, ...serverFilters(true) }));
  }
  showCypher(answer.cypher);
  if (!(app.state.wide || []).includes(answer.center.id)) app.state.wide = [...(app.state.wide || []), answer.center.id];
  const shown = answer.nodes.length - 1;
  const reachable = (answer.level_counts || []).reduce((sum, n) => sum + n, 0);
  clear($("status"), [el("strong", {}, answer.center.name), ": ",
    answer.truncated ? `showing ${shown} of ${reachable || "more"} actors within two steps` : `all ${shown} actors within two steps shown`]);
  afterChange();
  return answer;
}

function status(id) {
  const entry = app.counts.get(id);
  if (!entry) return;
  const { answer, profile } = entry;
  const shown = answer.nodes.length - 1;
  const total = answer.level_counts?.[0];
  const counts = Object.entries(profile.relation_counts || {}).map(([t, n]) => `${t} ${n}`).join(", ");
  const parts = [
    el("strong", {}, answer.center.name), ": ",
    answer.truncated ? `showing ${shown} of ${total ?? "more"} neighbours` : `all ${shown} neighbours shown`,
    ` · ${profile.relation_count} relations${counts ? ` (${counts})` : ""}`,
  ];
  if (answer.truncated && answer.limit < app.config.max_limit) {
    parts.push(el("button", { type: "button", class: "small", id: "load-more", onclick: () => expand(id, true).catch((e) => fail(e, "Loading more")) }, "Load more"));
  }
  clear($("status"), parts);
}

// --- selection --------------------------------------------------------------------------

async function select(id) {
  try {
    const actor = await showActor($("actor-panel"), app.config, id, {
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
  app.state.expanded = [];
  try {
    await expand(hit.id);
    await select(hit.id);
    app.view.fit();
  } catch (error) {
    fail(error, "Opening the actor");
  }
}

// --- after every change -----------------------------------------------------------------

function afterChange() {
  const f = readFilters();
  Object.assign(app.view.filters, {
    since: f.since, until: f.until, undated: f.undated, minConfidence: f.conf,
    relationTypes: f.types ? new Set(f.types) : null, actorTypes: f.atypes ? new Set(f.atypes) : null,
  });
  app.view.refresh();
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
    const ids = [app.state.focus, ...(app.state.expanded || [])].filter(Boolean);
    for (const id of ids) await expand(id);
    for (const id of app.state.wide || []) await expandWide(id);
    if (app.state.from && app.state.to) await runPaths();
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

const pathEnds = { from: null, to: null };

async function runPaths() {
  const params = {
    source: app.state.from, target: app.state.to,
    k: Number($("path-k").value), max_hops: Number($("path-hops").value), ...serverFilters(true),
  };
  app.state.k = params.k;
  app.state.hops = params.max_hops;
  writeState(app.state);
  const answer = await findPaths($("paths-result"), app.config, params, {
    draw: (found) => { app.view.addPaths(found); afterChange(); app.view.fit(); },
    select,
  });
  showCypher(answer.cypher);
  return answer;
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

// --- start ------------------------------------------------------------------------------

function wire() {
  attachSearch($("search"), $("search-list"), app.config, focusOn);
  attachSearch($("path-from"), $("path-from-list"), app.config, (hit) => { app.state.from = hit.id; pathEnds.from = hit; writeState(app.state); });
  attachSearch($("path-to"), $("path-to-list"), app.config, (hit) => { app.state.to = hit.id; pathEnds.to = hit; writeState(app.state); });
  $("open-paths").addEventListener("click", openPaths);
  $("paths-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!app.state.from || !app.state.to) { showMessage("Pick both ends of the path from the suggestions first."); return; }
    runPaths().catch((e) => fail(e, "Finding paths"));
  });
  $("measure").addEventListener("change", () => analyticsChanged().catch((e) => fail(e, "Analytics")));
  $("communities").addEventListener("change", () => analyticsChanged().catch((e) => fail(e, "Communities")));
  $("export-png").addEventListener("click", () => exportPng(app.view).catch((e) => fail(e, "Export")));
  $("export-svg").addEventListener("click", () => exportSvg(app.view));
  $("export-json").addEventListener("click", () => exportJson(app.view));
  $("export-graphml").addEventListener("click", () => exportGraphml(app.view));
  $("fit").addEventListener("click", () => app.view.fit());
  $("clear").addEventListener("click", () => {
    app.view.clear();
    app.limits.clear();
    app.state = {};
    clear($("status"));
    clear($("paths-result"));
    afterChange();
  });
  $("links-among").addEventListener("click", () => linksAmong().catch((e) => fail(e, "Links among shown")));
  $("cypher-copy").addEventListener("click", () => navigator.clipboard?.writeText(app.lastCypher?.cypher || "").catch(() => showMessage("Copying needs clipboard permission; select the text instead.", "info")));
}

async function linksAmong() {
  const shown = [...app.view.visible().nodes].slice(0, 80);
  const ids = new Set(shown);
  for (const id of shown) {
    const profile = await get(actorPath(id), { limit: app.config.max_limit });
    for (const relations of Object.values(profile.relations)) {
      for (const r of relations) if (ids.has(r.source) && ids.has(r.target)) app.view.addEdge(r);
    }
  }
  afterChange();
}

async function restore(state) {
  if (state.k) $("path-k").value = state.k;
  if (state.hops) $("path-hops").value = state.hops;
  if (state.measure) $("measure").value = state.measure;
  $("communities").checked = Boolean(state.communities);
  const ids = [state.focus, ...(state.expanded || [])].filter(Boolean);
  for (const id of ids) {
    try {
      const answer = await expand(id);
      if (id === state.focus) app.state.focus = answer.center.id;
    } catch (error) {
      if (id === state.focus) app.state.focus = null;
      app.state.expanded = (app.state.expanded || []).filter((x) => x !== id);
      fail(error, `The link names the actor "${id}"`);
    }
  }
  for (const id of state.wide || []) {
    await expandWide(id).catch((error) => {
      app.state.wide = (app.state.wide || []).filter((x) => x !== id);
      fail(error, `The link names the actor "${id}"`);
    });
  }
  if (state.from && state.to) {
    $("paths-panel").hidden = false;
    for (const [end, input] of [["from", "path-from"], ["to", "path-to"]]) {
      $(input).value = app.view.graph.hasNode(state[end]) ? app.view.graph.getNodeAttribute(state[end], "label") : state[end];
    }
    await runPaths().catch((e) => fail(e, "Finding paths"));
  }
  if (ids.length || state.wide?.length || state.from) app.view.fit();
  if (state.sel) await select(state.sel);
  else if (app.state.focus) await select(app.state.focus);
  if (state.measure || state.communities) await analyticsChanged().catch((e) => fail(e, "Analytics"));
}

async function start() {
  try {
    app.config = await get("/explorer/config");
  } catch (error) {
    showMessage(`The explorer cannot start: ${error.message}`);
    return;
  }
  app.state = readState();
  const initial = { ...app.state };
  app.view = new GraphView($("graph"), app.config, { select, expand: (id) => expand(id, true).catch((e) => fail(e, "Expanding")) });
  buildFilters(app.config, app.state, filtersChanged);
  wire();
  if (app.config.browser_url) {
    $("browser-link").href = app.config.browser_url;
    $("browser-link").hidden = false;
  }
  try {
    const health = await get("/health");
    if (health.actors === 0) {
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
