// The whole view in the URL: focus actor, expanded actors (one step or two), filters, years, path ends,
// analytics. A copied link reopens the same view.

const LISTS = ["types", "atypes", "expanded", "wide"];
const NUMBERS = ["since", "until", "conf", "k", "hops"];

export function readState() {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const [key, value] of params) {
    if (LISTS.includes(key)) state[key] = value ? value.split(",") : [];
    else if (NUMBERS.includes(key)) state[key] = Number(value);
    else if (key === "undated" || key === "communities") state[key] = value === "1";
    else state[key] = value;
  }
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
