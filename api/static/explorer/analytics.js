// Analytics in the page: size nodes by a centrality, colour them by community, both computed
// by the API over the same filters as the view.

import { get } from "./api.js";

export async function loadCentrality(view, measure, filters) {
  if (!measure) { view.sizes = null; view.refresh(); return null; }
  const answer = await get("/analytics/centrality", { measure, limit: 500, ...filters });
  const top = answer.actors[0]?.score || 1;
  view.sizes = new Map(answer.actors.map((a) => [a.id, top ? a.score / top : 0]));
  view.refresh();
  return answer;
}

export async function loadCommunities(view, on, filters) {
  if (!on) { view.communities = null; view.refresh(); return null; }
  const answer = await get("/analytics/communities", filters);
  view.communities = new Map();
  for (const group of answer.communities) for (const id of group.members) view.communities.set(id, group.id);
  view.refresh();
  return answer;
}
