// Talks to the console's JSON API and its SSE stream (same origin; the session cookie carries the token).

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function answer(response) {
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok) {
    throw new ApiError(response.status, body.detail || `HTTP ${response.status}`);
  }
  return body;
}

export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const qs = query.toString();
  return answer(await fetch(`/console/api/${path}${qs ? `?${qs}` : ''}`, { headers: { Accept: 'application/json' } }));
}

export async function post(path, body) {
  const init = { method: 'POST', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return answer(await fetch(`/console/api/${path}`, init));
}

const listeners = new Set();
const openListeners = new Set();
const appsListeners = new Set();
let source;

/**
 * Calls onRow(row) for every log row of every app; onOpen() after each (re)connect, to reload page data; onApps()
 * whenever an app is created, deployed, updated or removed.
 */
export function subscribe(onRow, onOpen, onApps) {
  listeners.add(onRow);
  if (onOpen) openListeners.add(onOpen);
  if (onApps) appsListeners.add(onApps);
  if (!source) connect();
  return () => {
    listeners.delete(onRow);
    if (onOpen) openListeners.delete(onOpen);
    if (onApps) appsListeners.delete(onApps);
  };
}

// Browsers allow few connections per host: a page being left (or put in the back/forward cache) closes its stream.
window.addEventListener('pagehide', () => {
  if (source) source.close();
  source = undefined;
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted && listeners.size) {
    connect();
    openListeners.forEach((fn) => fn());
  }
});

function connect() {
  const live = document.getElementById('live');
  source = new EventSource('/console/api/stream');
  // also on the first open: rows sent between the page's first fetch and this moment reached no listener
  source.addEventListener('open', () => {
    live.dataset.state = 'live';
    live.textContent = 'Live';
    openListeners.forEach((fn) => fn());
  });
  source.addEventListener('error', () => {
    live.dataset.state = 'offline';
    live.textContent = 'Reconnecting\u2026';
  });
  source.addEventListener('log', (event) => {
    const row = JSON.parse(event.data);
    listeners.forEach((fn) => fn(row));
  });
  source.addEventListener('apps', () => appsListeners.forEach((fn) => fn()));
}

/**
 * Coalesces bursts of rows into one refresh: fn runs `ms` after the first call of a burst, so a steady stream of rows
 * still refreshes the page several times a second instead of starving it.
 */
export function throttle(fn, ms) {
  let timer;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
}
