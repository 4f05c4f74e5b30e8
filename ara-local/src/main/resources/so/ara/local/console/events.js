// Events: send one to an app (it starts a run of its agent) and see every sent event with its metadata.
import { get, post, subscribe, throttle } from './api.js';
import { h, replace, pre, badge, table, time, toast, errorBox, json } from './dom.js';

const TEMPLATE = {
  event_type: 'ticket.created',
  channel: 'console',
  source: 'console',
  message: 'A customer cannot log in',
  payload: { ticket_id: 'T-1' },
  metadata: { priority: 'high' },
};

export async function render(main) {
  document.title = 'Events · ara-local console';
  const [{ apps }] = await Promise.all([get('apps')]);
  const list = h('div', { id: 'events-list', 'aria-live': 'polite' });
  replace(main, h('h1', {}, 'Events'), sendForm(apps), h('h2', {}, 'Sent events'), list);
  const load = async () => {
    try {
      const { events } = await get('events');
      replace(list, eventsTable(events));
    } catch (error) {
      replace(list, errorBox(error));
    }
  };
  await load();
  const refresh = throttle(load, 250);
  subscribe((row) => {
    if (row.event_type === 'event.received' || row.event_type.startsWith('run.')) refresh();
  }, load);
}

function sendForm(apps) {
  if (!apps.length) return h('p', { class: 'muted' }, 'Deploy an app to send it events.');
  const app = h('select', { id: 'e-app' }, apps.map((a) => h('option', { value: a.id }, a.slug)));
  const area = h('textarea', { id: 'e-body', rows: 10, spellcheck: 'false', class: 'code', 'aria-describedby': 'e-help' });
  area.value = json(TEMPLATE);
  const button = h('button', { type: 'submit', id: 'e-send' }, 'Send event');
  const form = h('form', { class: 'card', 'aria-label': 'Send an event' },
    h('h2', {}, 'Send an event'),
    h('div', { class: 'field' }, h('label', { for: 'e-app' }, 'App'), app),
    h('div', { class: 'field' }, h('label', { for: 'e-body' }, 'Event (JSON)'), area),
    h('p', { id: 'e-help', class: 'hint' }, 'The same body as POST /v1/apps/{id}/events: ', h('code', {}, 'event_type'), ', ',
      h('code', {}, 'channel'), ', ', h('code', {}, 'source'), ', ', h('code', {}, 'message'), ', ', h('code', {}, 'payload'), ', ',
      h('code', {}, 'metadata'), ' and optionally ', h('code', {}, 'agent_id'), '. It starts a run with input ', h('code', {}, '{"event": <body>}'), '.'),
    button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let body;
    try {
      body = JSON.parse(area.value);
    } catch (error) {
      toast(`The event is not valid JSON: ${error.message}`, 'error');
      area.focus();
      return;
    }
    button.disabled = true;
    try {
      const sent = await post(`apps/${encodeURIComponent(app.value)}/events`, body);
      toast(h('span', {}, `Event ${sent.event_id} sent. `, h('a', { href: sent.url }, 'Open its run')));
    } catch (error) {
      toast(error.message, 'error');
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function eventsTable(events) {
  if (!events.length) return h('p', { class: 'muted' }, 'No events sent yet.');
  return table(null, ['Received', 'Event', 'App', 'Type', 'Channel / source', 'Message', 'Metadata', 'Payload', 'Run'],
    events.map((e) => h('tr', { dataset: { eventId: e.event_id || '' } },
      h('td', {}, time(e.received_at)),
      h('td', {}, h('code', {}, e.event_id || '(evicted)')),
      h('td', {}, e.app_slug || e.app_id),
      h('td', {}, e.event_type == null ? '' : h('code', {}, String(e.event_type))),
      h('td', {}, [e.channel, e.source].filter((x) => x != null).join(' / ')),
      h('td', {}, e.message == null ? '' : String(e.message)),
      h('td', {}, e.metadata == null ? '' : pre(e.metadata, 'Event metadata')),
      h('td', {}, e.payload == null ? '' : pre(e.payload, 'Event payload')),
      h('td', {}, h('a', { href: `/console/runs/${encodeURIComponent(e.run_id)}` }, h('code', {}, e.run_id)), ' ', badge(e.run_status)))));
}
