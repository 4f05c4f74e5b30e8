// Entry point: drops the token from the address bar (the cookie carries it now), then renders the page.
import { replace, errorBox } from './dom.js';
import * as apps from './apps.js';
import * as runs from './runs.js';
import * as run from './run.js';
import * as logs from './logs.js';
import * as events from './events.js';

const url = new URL(window.location.href);
if (url.searchParams.has('token')) {
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
}

const path = url.pathname.replace(/\/+$/, '');
const runMatch = path.match(/^\/console\/runs\/([^/]+)$/);
let page;
let section;
if (runMatch) {
  page = () => run.render(main, decodeURIComponent(runMatch[1]));
  section = 'runs';
} else {
  section = { '/console/runs': 'runs', '/console/logs': 'logs', '/console/events': 'events' }[path] || 'apps';
  const pages = { apps, runs, logs, events };
  page = () => pages[section].render(main, url.searchParams);
}

const main = document.getElementById('main');
for (const link of document.querySelectorAll('nav a[data-section]')) {
  if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
}
page().catch((error) => replace(main, errorBox(error)));
