// The path finder: pick two actors, get the k shortest routes, drawn and listed. Each hop
// reads from one actor to the next with every relation that joins them: its type, its date,
// the quoted sentence with document and offsets, and the sentence inside its paragraph.

import { get } from "./api.js";
import { el, clear } from "./dom.js";
import { evidenceBlock, relationBadge, when } from "./evidence.js";

export async function findPaths(box, config, params, { draw, select }) {
  clear(box, el("p", { class: "hint" }, "Looking for routes…"));
  const answer = await get("/paths", params);
  const names = new Map();
  for (const path of answer.paths) for (const n of path.nodes) names.set(n.id, n.name);
  if (!answer.paths.length) {
    clear(box, el("p", { class: "hint", id: "no-path" },
      `No route of at most ${answer.max_hops} hops joins ${answer.source.name} and ${answer.target.name} with these filters. Try more hops, other relation types or a wider year range.`));
    return answer;
  }
  draw(answer);
  const actorLink = (id) => el("a", { href: "#", onclick: (e) => { e.preventDefault(); select(id); } }, names.get(id) || id);
  clear(box,
    el("p", {}, `${answer.paths.length} route${answer.paths.length === 1 ? "" : "s"} from ${answer.source.name} to ${answer.target.name}, shortest first.`),
    answer.paths.map((path, i) => el("article", { class: "path", "aria-label": `Route ${i + 1}` },
      el("h3", {}, `Route ${i + 1}: ${path.nodes.map((n) => n.name).join(" → ")} (${path.length} hop${path.length === 1 ? "" : "s"})`),
      path.hops.map((hop) => el("div", { class: "hop" },
        el("div", { class: "hop-head" }, actorLink(hop.from), " → ", actorLink(hop.to)),
        hop.relations.map((rel) => el("div", { class: `hop-relation${rel.confidence < config.default_min_confidence ? " low" : ""}` },
          el("div", {}, relationBadge(config, rel.type), ` ${rel.direction === "forward" ? "→" : "←"} ${when(rel)}`,
            rel.curated ? " · curated" : "", rel.confidence < 1 ? ` · confidence ${rel.confidence}` : ""),
          rel.evidence.length
            ? rel.evidence.map((ev, j) => evidenceBlock(ev, { open: i === 0 && j === 0 }))
            : el("p", { class: "hint" }, "Curated without a quoted sentence."))))))));
  return answer;
}
