// Evidence as analysts read it: the quoted sentence, the document and offsets, and on demand
// (or at once, for paths) the sentence highlighted inside its paragraph from /documents.

import { get } from "./api.js";
import { el } from "./dom.js";

export function relationBadge(config, type) {
  const colour = config.relation_types[type]?.colour || "#888";
  return el("span", { class: "rel-type", style: `background:${colour}` }, type);
}

export function when(relation) {
  if (relation.date) return relation.date_source === "document" ? `${relation.date} (document date)` : relation.date;
  return relation.year ?? "no year stated";
}

export function evidenceBlock(evidence, { open = false } = {}) {
  const context = el("div", { class: "context", hidden: true });
  const load = async () => {
    if (!context.hidden) { context.hidden = true; button.setAttribute("aria-expanded", "false"); return; }
    try {
      const span = await get(`/documents/${encodeURIComponent(evidence.doc)}`, { start: evidence.start, end: evidence.end, context: 600 });
      context.replaceChildren(span.window_start > 0 ? "…" : "", span.before, el("mark", {}, span.span), span.after, span.window_end < span.chars ? "…" : "");
    } catch (error) {
      context.replaceChildren(`The paragraph cannot be shown: ${error.message}`);
    }
    context.hidden = false;
    button.setAttribute("aria-expanded", "true");
  };
  const button = el("button", { type: "button", class: "small", "aria-expanded": "false", onclick: load }, "In its paragraph");
  const block = el("div", { class: "evidence" },
    el("blockquote", {}, evidence.quote),
    el("div", { class: "source" }, `${evidence.doc}, characters ${evidence.start}–${evidence.end} `, button),
    context);
  if (open) load();
  return block;
}
