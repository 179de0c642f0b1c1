// Evidence as analysts read it: the quoted sentence (a table row read with its header), the
// document by its title with a link to its source, the offsets, and on demand (or at once,
// for paths) the sentence highlighted inside its paragraph from /documents.

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

// The document a quote comes from: its title (else its file name), linked to its source.
function documentName(evidence) {
  const name = evidence.title || evidence.doc;
  const label = evidence.title ? { title: evidence.doc } : {};
  if (!/^https?:\/\//i.test(evidence.source || "")) return el("cite", label, name);
  return el("a", { ...label, class: "document", href: evidence.source, target: "_blank", rel: "noopener" }, el("cite", {}, name));
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
  const block = el("div", { class: "evidence", "data-doc": evidence.doc },
    el("blockquote", evidence.row ? { class: "row", title: "A row of a table, read with its header" } : {}, evidence.row || evidence.quote),
    el("div", { class: "source" }, documentName(evidence), `, characters ${evidence.start}–${evidence.end} `, button),
    context);
  if (open) load();
  return block;
}
