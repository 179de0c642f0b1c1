// The side panel of the selected actor: names, identifiers (Wikidata links), the documents
// that mention it, and its relations grouped by type, each with when and the evidence.

import { el, clear } from "./dom.js";
import { evidenceBlock, relationBadge, when } from "./evidence.js";

// An actor's relations that `keep` keeps, in all and by type: counted from the relations its
// profile lists when they are all on the page (so that the counts match what is listed or
// drawn), else as the server counted them (at the confidence floor it was asked for).
export function relationCounts(actor, keep) {
  const listed = Object.values(actor.relations).flat();
  if (listed.length < actor.relation_count) return { total: actor.relation_count, byType: actor.relation_counts || {}, complete: false };
  const byType = {};
  for (const r of listed) if (keep(r)) byType[r.type] = (byType[r.type] || 0) + 1;
  const sorted = Object.fromEntries(Object.entries(byType).sort(([a], [b]) => a.localeCompare(b)));
  return { total: Object.values(byType).reduce((sum, n) => sum + n, 0), byType: sorted, complete: true };
}

export function showActor(box, config, actor, { expand, expandWide, select, minConfidence }) {
  const identifiers = Object.entries(actor.identifiers).map(([scheme, value]) => [
    el("dt", {}, scheme),
    el("dd", {}, scheme === "wikidata"
      ? el("a", { href: `https://www.wikidata.org/wiki/${encodeURIComponent(value)}`, target: "_blank", rel: "noopener" }, value)
      : value),
  ]);
  const counts = relationCounts(actor, (r) => r.confidence >= minConfidence);
  const low = config.default_min_confidence;
  const groups = Object.entries(actor.relations).map(([type, relations]) => {
    const shown = relations.filter((r) => r.confidence >= minConfidence);
    if (!shown.length) return null;
    return el("section", { class: "group" },
      el("h3", {}, relationBadge(config, type), ` ${shown.length}`),
      el("ul", { class: "relations" }, shown.map((r) => el("li", { class: r.confidence < low ? "low" : "" },
        el("div", {},
          r.direction === "outgoing" ? "→ " : "← ",
          el("a", { href: "#", onclick: (e) => { e.preventDefault(); select(r.other.id); } }, r.other.name),
          ` · ${when(r)}`, r.curated ? " · curated" : "", r.confidence < 1 ? ` · confidence ${r.confidence}` : ""),
        r.evidence.map((ev) => evidenceBlock(ev))))));
  });
  clear(box,
    el("h2", {}, "Actor"),
    el("p", { class: "actor-name", id: "actor-name" }, actor.name),
    el("dl", {},
      el("dt", {}, "Type"), el("dd", {}, el("span", { class: "swatch", style: `background:${config.actor_types[actor.type]?.colour}` }), ` ${actor.type}`),
      el("dt", {}, "Id"), el("dd", {}, actor.id),
      actor.aliases.length ? [el("dt", {}, "Aliases"), el("dd", {}, actor.aliases.join(", "))] : null,
      identifiers,
      el("dt", {}, "Documents"), el("dd", {}, actor.documents.join(", ") || "none"),
      el("dt", {}, "Relations"), el("dd", { id: "relation-counts" }, `${counts.total}`,
        Object.keys(counts.byType).length ? ` (${Object.entries(counts.byType).map(([t, n]) => `${t} ${n}`).join(", ")})` : "",
        minConfidence > 0 ? ` at confidence ≥ ${minConfidence}` : "")),
    el("div", { class: "buttons" },
      el("button", { type: "button", id: "expand", onclick: () => expand(actor.id) }, "Expand neighbours"),
      el("button", { type: "button", id: "expand-wide", onclick: () => expandWide(actor.id) }, `Two steps around (up to ${config.wide_limit.toLocaleString("en")})`)),
    counts.complete ? null : el("p", { class: "hint" }, `The first ${Object.values(actor.relations).flat().length} of ${actor.relation_count} relations; expand to see them in the graph.`),
    groups);
  return actor;
}
