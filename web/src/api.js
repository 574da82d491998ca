// The JSON API of `rasid serve` (same origin).
async function get(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await r.json();
  } catch {
    body = null;
  }
  if (!r.ok) throw new Error((body && body.error) || `${r.status} ${r.statusText}`);
  return body;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  stats: () => get('/api/stats'),
  events: (f) => get(`/api/events${query({ ...f, limit: 10000 })}`),
  event: (id) => get(`/api/events/${encodeURIComponent(id)}`),
  doc: (ref) => get(`/api/docs/${encodeURIComponent(ref)}`),
  search: (q) => get(`/api/search${query({ q, limit: 100 })}`),
  actors: () => get('/api/actors?limit=10000'),
  places: () => get('/api/places?limit=10000'),
  graph: () => get('/api/graph'),
};
