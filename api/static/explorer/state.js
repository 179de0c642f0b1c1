// The whole view in the URL: the steps that built it, in order (expand an actor with how many
// neighbours, two steps around one, a path between two), the selected actor, the filters, the
// years, the path finder's ends and the analytics. A copied link replays the steps and so
// reopens the same view. A step is written `1~25~country:JPN`, `2~2000~country:JPN` or
// `p~3~4~agency:jica~country:IND` (routes, hops, from, to).

const LISTS = ["types", "atypes", "expanded", "wide", "steps"];
const NUMBERS = ["since", "until", "conf", "k", "hops"];
const FLAGS = ["noundated", "communities", "pathoff"];

export function formatStep(step) {
  if (step.kind === "path") return ["p", step.k, step.hops, step.from, step.to].join("~");
  return [step.kind === "two" ? "2" : "1", step.limit, step.id].join("~");
}

export function parseStep(text) {
  const [kind, ...rest] = text.split("~");
  if (kind === "p" && rest.length === 4) {
    const [k, hops, from, to] = rest;
    return { kind: "path", k: Number(k), hops: Number(hops), from, to };
  }
  if ((kind === "1" || kind === "2") && rest.length >= 2 && Number(rest[0]) > 0) {
    return { kind: kind === "2" ? "two" : "one", limit: Number(rest[0]), id: rest.slice(1).join("~") };
  }
  return null;
}

// The state in the address bar. Links written before steps existed (focus, expanded, wide,
// from and to) are read as the steps they stood for.
export function readState(config) {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const [key, value] of params) {
    if (LISTS.includes(key)) state[key] = value ? value.split(",") : [];
    else if (NUMBERS.includes(key)) state[key] = Number(value);
    else if (FLAGS.includes(key)) state[key] = value === "1";
    else state[key] = value;
  }
  if (!state.steps) {
    const steps = [state.focus, ...(state.expanded || [])].filter(Boolean).map((id) => formatStep({ kind: "one", id, limit: 25 }));
    for (const id of state.wide || []) steps.push(formatStep({ kind: "two", id, limit: config.wide_limit }));
    if (state.from && state.to) steps.push(formatStep({ kind: "path", k: state.k || 3, hops: state.hops || 4, from: state.from, to: state.to }));
    if (steps.length) state.steps = steps;
  }
  delete state.expanded;
  delete state.wide;
  return state;
}

export function writeState(state) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (Array.isArray(value)) { if (value.length) params.set(key, value.join(",")); }
    else if (value === true) params.set(key, "1");
    else params.set(key, String(value));
  }
  const text = params.toString();
  const url = `${location.pathname}${text ? `?${text}` : ""}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, "", url);
}
