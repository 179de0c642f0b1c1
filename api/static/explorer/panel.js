// The side panel of the selected actor: names, identifiers (Wikidata links), the documents
// that mention it, and its relations grouped by type, each with when and the evidence.

import { actorPath, get } from "./api.js";
import { el, clear } from "./dom.js";
import { evidenceBlock, relationBadge, when } from "./evidence.js";

const PAGE = 100;

export async function showActor(box, config, id, { expand, expandWide, select, minConfidence }) {
  clear(box, el("p", { class: "hint" }, "Loading…"));
  const actor = await get(actorPath(id), { limit: PAGE });
  const identifiers = Object.entries(actor.identifiers).map(([scheme, value]) => [
    el("dt", {}, scheme),
    el("dd", {}, scheme === "wikidata"
      ? el("a", { href: `https://www.wikidata.org/wiki/${encodeURIComponent(value)}`, target: "_blank", rel: "noopener" }, value)
      : value),
  ]);
  const counts = Object.entries(actor.relation_counts || {});
  const groups = Object.entries(actor.relations).map(([type, relations]) => {
    const shown = relations.filter((r) => r.confidence >= minConfidence);
    if (!shown.length) return null;
    return el("section", { class: "group" },
      el("h3", {}, relationBadge(config, type), ` ${shown.length}`),
      el("ul", { class: "relations" }, shown.map((r) => el("li", { class: r.confidence < 0.5 ? "low" : "" },
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
      el("dt", {}, "Relations"), el("dd", {}, `${actor.relation_count}`,
        counts.length ? ` (${counts.map(([t, n]) => `${t} ${n}`).join(", ")})` : "")),
    el("div", { class: "buttons" },
      el("button", { type: "button", id: "expand", onclick: () => expand(actor.id) }, "Expand neighbours"),
      el("button", { type: "button", id: "expand-wide", onclick: () => expandWide(actor.id) }, `Two steps around (up to ${config.wide_limit.toLocaleString("en")})`)),
    actor.relation_count > PAGE ? el("p", { class: "hint" }, `The first ${PAGE} of ${actor.relation_count} relations; expand to see them in the graph.`) : null,
    groups);
  return actor;
}
