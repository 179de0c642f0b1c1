// Calls to the Kizuna API. Every failure becomes an ApiError with the server's message,
// so the page can say what went wrong instead of going blank.

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `The service answered ${status}.`);
    this.status = status;
    this.body = body || {};
  }
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(","));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

// How many requests are under way, on the body for tests and assistive tools to wait on.
let pending = 0;
function track(step) {
  pending += step;
  document.body.dataset.pending = String(pending);
}

// Counts other work under way the same way (the layout of new nodes), until `promise` settles.
export async function busy(promise) {
  track(1);
  try {
    return await promise;
  } finally {
    track(-1);
  }
}

export async function get(path, params) {
  track(1);
  try {
    return await request(path, params);
  } finally {
    track(-1);
  }
}

async function request(path, params) {
  let response;
  try {
    response = await fetch(path + query(params), { headers: { Accept: "application/json" } });
  } catch (error) {
    throw new ApiError(0, { error: "Offline", message: "The Kizuna service cannot be reached. Is `kizuna serve` still running?" });
  }
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export const actorPath = (id) => `/actors/${encodeURIComponent(id)}`;
