// Live logs of every app: follows the stream, pauses and resumes, filters by app, run and level.
import { get, subscribe } from './api.js';
import { h, replace, clock, pre, errorBox } from './dom.js';

const MAX_ROWS = 2000;

export async function render(main, params) {
  document.title = 'Logs · ara-local console';
  const state = { paused: false, held: [], app: params.get('app') || '', run: params.get('run') || '', level: params.get('level') || '' };
  const body = h('tbody', { id: 'log-rows' });
  const held = h('span', { id: 'held', class: 'muted', 'aria-live': 'polite' });
  const pause = h('button', { type: 'button', id: 'pause', 'aria-pressed': 'false' }, 'Pause');
  const scroller = h('div', { class: 'table-wrap logs', tabindex: '0', 'aria-label': 'Log rows' },
    h('table', {}, h('thead', {}, h('tr', {}, ['Time', 'App', 'Run', 'Level', 'Event', 'Message', 'Data'].map((x) => h('th', { scope: 'col' }, x)))), body));
  const form = h('form', { class: 'filters', method: 'get', action: '/console/logs', role: 'search', 'aria-label': 'Filter log rows' },
    h('div', { class: 'field' }, h('label', { for: 'l-app' }, 'App (slug or id)'), h('input', { id: 'l-app', name: 'app', value: state.app, size: 14 })),
    h('div', { class: 'field' }, h('label', { for: 'l-run' }, 'Run id'), h('input', { id: 'l-run', name: 'run', value: state.run, size: 30 })),
    h('div', { class: 'field' }, h('label', { for: 'l-level' }, 'Level'), h('select', { id: 'l-level', name: 'level' },
      ['', 'info', 'error'].map((l) => h('option', { value: l, selected: l === state.level }, l || 'any')))),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Apply'), h('a', { href: '/console/logs', class: 'button secondary' }, 'Clear')));
  replace(main, h('h1', {}, 'Logs'), form, h('p', { class: 'controls' }, pause, ' ', held), scroller);

  let appIds = null;
  const slugs = new Map();
  const matches = (row) => (!state.run || row.run_id === state.run) && (!state.level || row.level === state.level)
    && (!appIds || appIds.has(row.app_id));
  const follow = () => {
    scroller.scrollTop = scroller.scrollHeight;
  };
  const add = (rows) => {
    body.append(...rows.map((row) => rowView(row, slugs)));
    while (body.children.length > MAX_ROWS) body.firstElementChild.remove();
    follow();
  };
  // rows the stream delivers while a load is in flight: its snapshot may predate them, so they are kept
  let streamedDuringLoad = null;
  const key = (row) => `${row.app_id}:${row.id}`;
  const load = async () => {
    streamedDuringLoad = [];
    try {
      const { apps } = await get('apps');
      apps.forEach((a) => slugs.set(a.id, a.slug));
      if (state.app) appIds = new Set(apps.filter((a) => a.id === state.app || a.slug === state.app).map((a) => a.id));
      const { logs } = await get('logs', { app: state.app, run: state.run, level: state.level, limit: 300 });
      const fetched = new Set(logs.map(key));
      body.replaceChildren();
      add(logs.concat(streamedDuringLoad.filter((row) => !fetched.has(key(row)))));
    } catch (error) {
      replace(body, h('tr', {}, h('td', { colspan: 7 }, errorBox(error))));
    } finally {
      streamedDuringLoad = null;
    }
  };
  pause.addEventListener('click', () => {
    state.paused = !state.paused;
    pause.setAttribute('aria-pressed', String(state.paused));
    pause.textContent = state.paused ? 'Resume' : 'Pause';
    if (!state.paused) {
      add(state.held);
      state.held = [];
    }
    held.textContent = state.paused ? 'Paused: new rows are held until you resume.' : '';
  });
  await load();
  subscribe((row) => {
    if (!matches(row)) return;
    if (state.paused) {
      state.held.push(row);
      held.textContent = `Paused: ${state.held.length} new row${state.held.length === 1 ? '' : 's'} held.`;
    } else {
      if (streamedDuringLoad) streamedDuringLoad.push(row);
      add([row]);
    }
  }, () => { if (!state.paused) load(); });
}

function rowView(row, slugs) {
  return h('tr', { class: `level-${row.level}`, dataset: { event: row.event_type, runId: row.run_id || '' } },
    h('td', {}, clock(row.timestamp)),
    h('td', { title: row.app_id }, slugs.get(row.app_id) || row.app_id),
    h('td', {}, row.run_id ? h('a', { href: `/console/runs/${encodeURIComponent(row.run_id)}` }, h('code', {}, row.run_id)) : ''),
    h('td', {}, row.level),
    h('td', {}, h('code', {}, row.event_type)),
    h('td', {}, row.message),
    h('td', {}, row.data && Object.keys(row.data).length ? h('details', {}, h('summary', {}, 'data'), pre(row.data, 'Row data')) : ''));
}
