// Runs: newest first, filtered by app, agent, status and time, paginated; the first page follows new runs live.
import { get, subscribe, throttle } from './api.js';
import { h, replace, badge, table, time, duration, errorBox } from './dom.js';

const STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'];

export async function render(main, params) {
  document.title = 'Runs · ara-local console';
  const filters = {
    app: params.get('app') || '', agent: params.get('agent') || '', status: params.get('status') || '',
    since: params.get('since') || '', until: params.get('until') || '',
  };
  const before = params.get('before') || '';
  const results = h('div', { id: 'runs-results', 'aria-live': 'polite', 'aria-busy': 'true' });
  replace(main, h('h1', {}, 'Runs'), filterForm(filters), results);

  let shown;
  const load = async () => {
    try {
      const page = await get('runs', {
        app: filters.app, agent: filters.agent, status: filters.status,
        since: toInstant(filters.since), until: toInstant(filters.until), before,
      });
      // an unchanged page is not redrawn: a link being clicked stays in the document
      const json = JSON.stringify(page);
      if (json !== shown) {
        shown = json;
        replace(results, runsTable(page.runs), pager(page, filters, before));
      }
    } catch (error) {
      replace(results, errorBox(error));
    }
    results.setAttribute('aria-busy', 'false');
  };
  await load();
  performance.mark('console:runs-rendered');
  if (!before) {
    const refresh = throttle(load, 250);
    subscribe((row) => {
      if (row.run_id) refresh();
    }, load);
  }
}

/** datetime-local values are the viewer's local time; the API wants instants. */
function toInstant(local) {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

function filterForm(f) {
  const field = (id, label, control) => h('div', { class: 'field' }, h('label', { for: id }, label), control);
  const status = h('select', { id: 'f-status', name: 'status' },
    h('option', { value: '' }, 'any'), STATUSES.map((s) => h('option', { value: s, selected: s === f.status }, s)));
  return h('form', { class: 'filters', method: 'get', action: '/console/runs', role: 'search', 'aria-label': 'Filter runs' },
    field('f-app', 'App (slug or id)', h('input', { id: 'f-app', name: 'app', value: f.app, size: 14 })),
    field('f-agent', 'Agent', h('input', { id: 'f-agent', name: 'agent', value: f.agent, size: 14 })),
    field('f-status', 'Status', status),
    field('f-since', 'Started after', h('input', { id: 'f-since', name: 'since', type: 'datetime-local', step: 1, value: f.since })),
    field('f-until', 'Started before', h('input', { id: 'f-until', name: 'until', type: 'datetime-local', step: 1, value: f.until })),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Apply'),
      h('a', { href: '/console/runs', class: 'button secondary' }, 'Clear')));
}

function runsTable(runs) {
  if (!runs.length) return h('p', { class: 'muted' }, 'No runs match.');
  return table(null, ['Run', 'App', 'Agent', 'Status', 'Started by', 'Started', 'Duration', 'Tool calls'],
    runs.map((r) => h('tr', { dataset: { runId: r.run_id, status: r.status } },
      h('td', {}, h('a', { href: `/console/runs/${encodeURIComponent(r.run_id)}` }, h('code', {}, r.run_id))),
      h('td', {}, r.app_slug || r.app_id),
      h('td', {}, r.agent_id ? h('code', {}, r.agent_id) : h('span', { class: 'muted' }, 'tool job')),
      h('td', {}, badge(r.status)),
      h('td', {}, r.trigger),
      h('td', {}, time(r.created_at)),
      h('td', { class: 'num' }, duration(r.duration_ms)),
      h('td', { class: 'num' }, String(r.tool_calls)))));
}

function pager(page, filters, before) {
  const query = (extra) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) q.set(k, v);
    const s = q.toString();
    return `/console/runs${s ? `?${s}` : ''}`;
  };
  return h('nav', { class: 'pager', 'aria-label': 'Pages of runs' },
    before ? h('a', { href: query({}) }, 'Newest runs') : h('span', { class: 'muted' }, 'Showing the newest runs (live)'),
    page.more ? h('a', { href: query({ before: page.next_before }), rel: 'next' }, 'Older runs') : null);
}
