// One run: what started it, its input, the prompt as built, a timeline of each model turn and tool call, output,
// error and log rows; follows the run live and reruns it with the same input.
import { get, post, subscribe, throttle } from './api.js';
import { h, replace, pre, badge, section, table, time, clock, duration, toast, errorBox } from './dom.js';

export async function render(main, runId) {
  document.title = `Run ${runId} · ara-local console`;
  let shown;
  const load = async () => {
    try {
      const run = await get(`runs/${encodeURIComponent(runId)}`);
      // an unchanged run is not redrawn: a button being clicked stays in the document
      const json = JSON.stringify(run);
      if (json === shown) return;
      shown = json;
      const focused = document.activeElement && document.activeElement.id;
      replace(main, view(run));
      if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
    } catch (error) {
      replace(main, h('h1', {}, `Run ${runId}`), errorBox(error));
    }
  };
  await load();
  performance.mark('console:run-rendered');
  const refresh = throttle(load, 120);
  subscribe((row) => {
    if (row.run_id === runId) refresh();
  }, load);
}

function view(d) {
  const r = d.run;
  const rerun = h('button', { type: 'button', id: 'rerun' }, 'Rerun with the same input');
  rerun.addEventListener('click', async () => {
    rerun.disabled = true;
    try {
      const started = await post(`runs/${encodeURIComponent(r.run_id)}/rerun`);
      window.location.assign(started.url);
    } catch (error) {
      toast(error.message, 'error');
      rerun.disabled = false;
    }
  });
  const output = d.output || {};
  return [
    h('p', { class: 'crumbs' }, h('a', { href: '/console/runs' }, 'Runs'), ' / ', h('code', {}, r.run_id)),
    h('h1', {}, 'Run ', h('code', {}, r.run_id), ' ', h('span', { id: 'run-status' }, badge(r.status))),
    h('dl', { class: 'facts summary' },
      h('dt', {}, 'App'), h('dd', {}, r.app_slug || r.app_id),
      h('dt', {}, 'Agent'), h('dd', {}, r.agent_id ? h('code', {}, r.agent_id) : 'tool job'),
      h('dt', {}, 'Started by'), h('dd', { id: 'trigger' }, trigger(d.trigger)),
      h('dt', {}, 'Started'), h('dd', {}, time(r.created_at)),
      h('dt', {}, 'Finished'), h('dd', {}, d.completed_at ? time(d.completed_at) : 'not yet'),
      h('dt', {}, 'Duration'), h('dd', {}, duration(r.duration_ms) || '…')),
    r.agent_id ? h('p', {}, rerun) : null,
    d.error ? h('div', { class: 'error', role: 'alert', id: 'run-error' }, h('strong', {}, 'Error: '), d.error.message || JSON.stringify(d.error)) : null,
    section('Timeline', timeline(d.timeline)),
    section('Input', pre(d.input, 'Run input')),
    section('Prompt', d.prompt != null ? pre(d.prompt, 'Prompt as built')
      : h('p', { class: 'muted' }, d.prompt_chars != null ? `${d.prompt_chars} characters (text not recorded)` : 'Not built yet.')),
    section('Output',
      output.text != null && output.text !== '' ? pre(output.text, 'Output text') : h('p', { class: 'muted' }, 'No output text.'),
      output.tool_calls && output.tool_calls.length ? h('details', {}, h('summary', {}, `Tool calls (${output.tool_calls.length}) as JSON`),
        pre(output.tool_calls, 'Tool calls')) : null),
    section('Log rows', logTable(d.logs)),
  ];
}

function trigger(t) {
  const d = t.detail || {};
  switch (t.kind) {
    case 'schedule': return [`schedule `, h('code', {}, d.schedule_id || '?'), d.source ? ` (${d.source})` : ''];
    case 'event': return ['event ', h('code', {}, d.event_id || '?'), d.event_type ? ` (${d.event_type})` : '',
      ' · ', h('a', { href: '/console/events' }, 'events')];
    case 'endpoint': return ['endpoint ', h('code', {}, `${d.method || ''} ${d.path || d.label || ''}`),
      d.request_id ? [' · request ', h('code', {}, d.request_id)] : null];
    default: return `API (${d.response_mode || 'run'})`;
  }
}

function timeline(items) {
  if (!items.length) return h('p', { class: 'muted' }, 'Nothing has happened yet.');
  const total = Math.max(1, ...items.map((i) => i.start_ms + (i.duration_ms || 0)));
  return h('ol', { class: 'timeline', id: 'timeline' }, items.map((item) => {
    const bar = h('span', { class: 'bar' });
    bar.style.marginInlineStart = `${(100 * item.start_ms) / total}%`;
    bar.style.width = `${Math.max(0.8, (100 * (item.duration_ms || 0)) / total)}%`;
    return h('li', { class: `item kind-${item.kind}`, dataset: { kind: item.kind, name: item.name, status: item.status } },
      h('div', { class: 'head' },
        h('span', { class: 'what' }, item.kind === 'tool' ? ['Tool ', h('code', {}, item.name)] : item.name),
        ' ', badge(item.status),
        h('span', { class: 'when' }, `+${item.start_ms} ms`, item.duration_ms != null ? ` · ${duration(item.duration_ms)}` : '')),
      h('div', { class: 'track', 'aria-hidden': 'true' }, bar),
      item.kind === 'model' && item.status !== 'running' && !item.error ? asked(item.tool_calls || []) : null,
      item.args !== null && item.args !== undefined ? h('div', { class: 'io' }, h('span', { class: 'io-label' }, 'args'), pre(item.args, `Arguments of ${item.name}`)) : null,
      item.result !== null && item.result !== undefined ? h('div', { class: 'io' }, h('span', { class: 'io-label' }, item.kind === 'model' ? 'answer' : 'result'), pre(item.result, `Result of ${item.name}`)) : null,
      item.error ? h('p', { class: 'error' }, item.error) : null);
  }));
}

/** What a model turn asked for: tool calls (then another turn follows), or nothing (it answered). */
function asked(tools) {
  if (!tools.length) return h('p', { class: 'asked' }, 'Answered without tool calls.');
  return h('p', { class: 'asked' }, `Asked for ${tools.length === 1 ? 'a tool call' : `${tools.length} tool calls`}: `,
    tools.map((t, i) => [i ? ', ' : '', h('code', {}, t)]));
}

export function logTable(rows) {
  if (!rows.length) return h('p', { class: 'muted' }, 'No log rows.');
  return table(null, ['Time', 'Level', 'Event', 'Message', 'Data'], rows.map((row) => h('tr', { class: `level-${row.level}` },
    h('td', {}, clock(row.timestamp)),
    h('td', {}, row.level),
    h('td', {}, h('code', {}, row.event_type)),
    h('td', {}, row.message),
    h('td', {}, row.data && Object.keys(row.data).length ? h('details', {}, h('summary', {}, 'data'), pre(row.data, 'Row data')) : ''))));
}
