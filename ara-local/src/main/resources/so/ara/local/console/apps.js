// Apps: each deployed manifest made readable, with "run this agent", "fire now" and "copy curl". Follows deploys
// live: an app that changes is redrawn in place, the others keep their state (an input being edited, say).
import { get, post, subscribe, throttle } from './api.js';
import { h, replace, pre, badge, table, toast, copy, json } from './dom.js';

export async function render(main) {
  document.title = 'Apps · ara-local console';
  const list = h('div', { id: 'apps-list' });
  const draw = async () => update(list, (await get('apps')).apps);
  const { apps } = await get('apps');
  replace(main, h('h1', {}, 'Apps'), list);
  update(list, apps);
  // next fire times move when a schedule fires: each draw refreshes the schedule tables too
  const refresh = throttle(draw, 200);
  subscribe((row) => {
    if (row.event_type === 'schedule.fired') refresh();
  }, refresh, refresh);
}

/** Redraws only the apps whose manifest changed, adds new ones, drops removed ones, in the API's order. */
function update(list, apps) {
  if (!apps.length) {
    replace(list, h('p', { id: 'no-apps' }, 'No app is deployed yet. Start your Spring app (it deploys on '
      + 'startup) or create one with POST /apps: it appears here as soon as it is deployed.'));
    return;
  }
  const empty = document.getElementById('no-apps');
  if (empty) empty.remove();
  const ids = new Set(apps.map((app) => app.id));
  for (const node of [...list.children]) {
    if (!ids.has(node.dataset.appId)) node.remove();
  }
  apps.forEach((app, i) => {
    const signature = JSON.stringify({ ...app, schedules: app.schedules.map((s) => s.id) });
    let node = [...list.children].find((n) => n.dataset.appId === app.id);
    if (!node || node.dataset.signature !== signature) {
      const fresh = appView(app);
      fresh.dataset.signature = signature;
      if (node) node.replaceWith(fresh);
      node = fresh;
    } else {
      redrawSchedules(app);
    }
    if (list.children[i] !== node) list.insertBefore(node, list.children[i] || null);
  });
}

/** Redraws an app's schedule table only when its schedules (their next fire times) changed: a button stays clickable. */
function redrawSchedules(app) {
  const holder = document.getElementById(`schedules-${app.id}`);
  const signature = JSON.stringify(app.schedules);
  if (holder.dataset.signature !== signature) {
    holder.dataset.signature = signature;
    replace(holder, schedulesTable(app));
  }
}

function appView(app) {
  return h('article', { class: 'app', 'aria-labelledby': `app-${app.id}`, dataset: { appId: app.id } },
    h('h2', { id: `app-${app.id}` }, app.name || app.slug,
      app.name && app.name !== app.slug ? [' ', h('span', { class: 'muted' }, `(${app.slug})`)] : null, ' ', badge(app.status)),
    h('p', { class: 'muted' }, 'App id ', h('code', {}, app.id),
      app.default_agent_id ? [' · default agent ', h('code', {}, app.default_agent_id)] : null),
    h('h3', {}, 'Agents'),
    app.agents.length ? app.agents.map((agent) => agentView(app, agent)) : h('p', { class: 'muted' }, 'No agents.'),
    h('h3', {}, 'Tools'),
    app.tools.length ? app.tools.map(toolView) : h('p', { class: 'muted' }, 'No tools.'),
    h('h3', {}, 'Schedules'),
    h('div', { id: `schedules-${app.id}`, dataset: { signature: JSON.stringify(app.schedules) } }, schedulesTable(app)),
    h('h3', {}, 'Endpoints'),
    endpointsTable(app));
}

function agentView(app, agent) {
  const inputId = `input-${app.id}-${agent.id}`;
  const area = h('textarea', { id: inputId, rows: 12, spellcheck: 'false', class: 'code', 'aria-describedby': `${inputId}-help` });
  area.value = json(agent.input_template);
  const button = h('button', { type: 'submit' }, `Run ${agent.id}`);
  const form = h('form', { class: 'run-form', 'aria-label': `Run agent ${agent.id}` },
    h('label', { for: inputId }, 'Input (JSON)'),
    area,
    h('p', { id: `${inputId}-help`, class: 'hint' }, 'The built-in model calls the tools listed in ',
      h('code', {}, 'tool_calls'), ' (', h('code', {}, '[{"name": ..., "args": {...}}]'), ') in order, then answers ',
      h('code', {}, '[agent] message'), ' with one line per tool result.'),
    button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let input;
    try {
      input = JSON.parse(area.value || '{}');
    } catch (error) {
      toast(`The input is not valid JSON: ${error.message}`, 'error');
      area.focus();
      return;
    }
    button.disabled = true;
    try {
      const started = await post(`apps/${encodeURIComponent(app.id)}/runs`, { agent_id: agent.id, input });
      window.location.assign(started.url);
    } catch (error) {
      toast(error.message, 'error');
      button.disabled = false;
    }
  });
  const tags = [agent.id === app.default_agent_id ? 'default' : null, agent.entrypoint ? 'entrypoint' : null]
    .filter(Boolean);
  return h('article', { class: 'card agent', 'aria-label': `Agent ${agent.id}` },
    h('h4', {}, h('code', {}, agent.id), tags.map((t) => [' ', h('span', { class: 'tag' }, t)])),
    agent.instructions ? h('p', { class: 'instructions' }, agent.instructions) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Skills'), h('dd', {}, agent.skills.length ? list(agent.skills) : 'none'),
      h('dt', {}, 'Handoffs'), h('dd', {}, agent.handoff_to.length
        ? list(agent.handoff_to.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))) : 'none')),
    form);
}

function list(items) {
  return h('ul', { class: 'inline' }, items.map((x) => h('li', {}, h('code', {}, x))));
}

function toolView(tool) {
  return h('article', { class: 'card tool', 'aria-label': `Tool ${tool.name}` },
    h('h4', {}, h('code', {}, tool.name)),
    tool.description ? h('p', {}, tool.description) : null,
    tool.parameters.length
      ? table(`Parameters of ${tool.name}`, ['Parameter', 'Type', 'Required', 'Description'],
        tool.parameters.map((p) => h('tr', {}, h('td', {}, h('code', {}, p.name)), h('td', {}, p.type),
          h('td', {}, p.required ? 'yes' : 'no'), h('td', {}, p.description || ''))))
      : h('p', { class: 'muted' }, 'No parameters.'),
    h('details', {}, h('summary', {}, 'JSON schema'), pre(tool.schema, `JSON schema of ${tool.name}`)));
}

function schedulesTable(app) {
  if (!app.schedules.length) {
    return h('p', { class: 'muted' }, app.status === 'active' ? 'No schedules.'
      : 'No schedules registered (schedules run only while the app is active).');
  }
  return table(null, ['Schedule', 'Runs', 'When', 'Time zone', 'Next fire', ''],
    app.schedules.map((s) => {
      const button = h('button', { type: 'button', class: 'secondary' }, 'Fire now');
      button.setAttribute('aria-label', `Fire schedule ${s.id} now`);
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await post(`apps/${encodeURIComponent(app.id)}/schedules/${encodeURIComponent(s.id)}/fire`);
          toast(h('span', {}, `Schedule ${s.id} fired. `, h('a', { href: `/console/runs?app=${app.slug}` }, 'See its run')));
        } catch (error) {
          toast(error.message, 'error');
        } finally {
          button.disabled = false;
        }
      });
      const when = s.kind === 'every' ? `every ${s.every_seconds} s` : s.one_shot_at ? `once at ${s.one_shot_at}`
        : h('code', {}, s.expr || 'cron');
      return h('tr', {},
        h('td', {}, h('code', {}, s.id), s.source === 'automation' ? [' ', h('span', { class: 'tag' }, 'automation')] : null),
        h('td', {}, s.target),
        h('td', {}, when),
        h('td', {}, s.timezone),
        h('td', {}, s.next_fire_local ? h('time', { datetime: s.next_fire_at, title: s.next_fire_at }, s.next_fire_local) : 'never'),
        h('td', {}, button));
    }));
}

function endpointsTable(app) {
  if (!app.endpoints.length) return h('p', { class: 'muted' }, 'No endpoints.');
  return table(null, ['Endpoint', 'Agent', 'Auth', 'URL', ''], app.endpoints.map((e) => {
    const button = h('button', { type: 'button', class: 'secondary' }, 'Copy curl');
    button.setAttribute('aria-label', `Copy a curl command for endpoint ${e.label}`);
    button.addEventListener('click', async () => {
      toast(await copy(e.curl) ? `Copied the curl command for ${e.label}.`
        : 'Copying failed; select the command below instead.', 'info');
    });
    return h('tr', {},
      h('td', {}, h('strong', {}, e.method), ' ', h('code', {}, e.path || `/${e.label}`)),
      h('td', {}, e.agent_id ? h('code', {}, e.agent_id) : ''),
      h('td', {}, e.auth_mode, e.secret_env ? [' ', h('span', { class: 'muted' }, `(${e.secret_env})`)] : null),
      h('td', { class: 'wrap' }, h('code', {}, e.url)),
      h('td', {}, button, h('details', {}, h('summary', {}, 'Show'), pre(e.curl, `curl command for ${e.label}`))));
  }));
}
