// tests/web/ui.mjs BUILD_DIR — browser tests of rasid's web page: Debian's chromium driven by
// playwright-core (no browser download) against a real `rasid serve` on 127.0.0.1 with a
// store of the sample articles plus a hostile article (tests/web/hostile.jsonl).
// Screenshots go to build/test-output/. Prints "N passed, N failed"; exits non-zero on any
// failure, including a missing chromium or unbuilt web page (never a silent skip).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILD = path.resolve(ROOT, process.argv[2] || 'build');
const RASID = path.join(BUILD, 'rasid');
const WEB = path.join(ROOT, 'web/dist');
const OUT = path.join(ROOT, 'build/test-output');
const CHROMIUM = process.env.RASID_CHROMIUM || '/usr/bin/chromium';
let passed = 0;
let failed = 0;

function check(name, cond, detail) {
  if (cond) passed++;
  else {
    failed++;
    console.log(`FAIL web: ${name}${detail !== undefined ? `: ${detail}` : ''}`);
  }
}

function finish(code) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code ?? (failed ? 1 : 0));
}

function fatal(msg) {
  console.log(`FAIL web: ${msg}`);
  failed++;
  finish(1);
}

if (!existsSync(RASID)) fatal(`${RASID} not built`);
if (!existsSync(path.join(WEB, 'index.html'))) fatal('web/dist/index.html missing: run `make web`');
if (!existsSync(CHROMIUM)) fatal(`${CHROMIUM} missing: apt-get install chromium (scripts/deps.sh installs it)`);
let chromium;
try {
  chromium = createRequire(path.join(ROOT, 'web/package.json'))('playwright-core').chromium;
} catch (e) {
  fatal(`playwright-core not installed in web/node_modules (make web runs npm ci): ${e.message}`);
}

mkdirSync(OUT, { recursive: true });
const tmp = mkdtempSync(path.join(tmpdir(), 'rasid-web-'));
const db = path.join(tmp, 'web.db');
const env = { ...process.env, RASID_DATA: process.env.RASID_DATA || path.join(ROOT, 'data') };
const ing = spawnSync(RASID, ['ingest', '--db', db, path.join(ROOT, 'samples/articles.jsonl'), path.join(ROOT, 'tests/web/hostile.jsonl')],
  { env, encoding: 'utf8' });
if (ing.status !== 0) fatal(`rasid ingest failed (${ing.status}): ${ing.stderr}`);

// the server, on an ephemeral port
const server = spawn(RASID, ['serve', '--db', db, '--port', '0', '--web', WEB], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverErr = '';
server.stderr.on('data', (d) => { serverErr += d; });
const url = await new Promise((resolve, reject) => {
  let out = '';
  const t = setTimeout(() => reject(new Error(`rasid serve printed no URL: ${out} ${serverErr}`)), 30000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
    if (m) { clearTimeout(t); resolve(m[1]); }
  });
  server.on('exit', (c) => { clearTimeout(t); reject(new Error(`rasid serve exited ${c}: ${serverErr}`)); });
}).catch((e) => { fatal(e.message); });

// what the page should show, from the API itself (the coder's output may change)
const apiGet = async (p) => (await fetch(new URL(p, url))).json();
const allEvents = (await apiGet('api/events?limit=10000')).events;
const evDoc = (e) => e.doc || (e.store?.sources || [])[0]?.doc;
const names = (e) => [...(e.actor || []), ...(e.recipient || [])].map((a) => a.name).filter(Boolean);
const actorCounts = new Map();
for (const e of allEvents) for (const n of new Set(names(e))) actorCounts.set(n, (actorCounts.get(n) || 0) + 1);
const pickActor = [...actorCounts.entries()].filter(([, n]) => n < allEvents.length).sort((a, b) => b[1] - a[1])[0]?.[0];
const datedDays = [...new Set(allEvents.map((e) => e.date?.value).filter((d) => d && d.length === 10))].sort();
const focusEvent = allEvents.find((e) => e.fatalities && evDoc(e) !== 'hostile-xss') || allEvents.find((e) => evDoc(e) !== 'hostile-xss');
const hostileEvent = allEvents.find((e) => evDoc(e) === 'hostile-xss' || (e.store?.sources || []).some((x) => x.doc === 'hostile-xss'));
const maliEvents = allEvents.filter((e) => evDoc(e) === 'mali-attack').length;
const graph = await apiGet('api/graph');
const netActor = [...graph.nodes].sort((a, b) => b.events - a.events)[0]?.name;

let browser;
let userDir;
function cleanup() {
  try { server.kill('SIGTERM'); } catch {}
  rmSync(tmp, { recursive: true, force: true });
  if (userDir) rmSync(userDir, { recursive: true, force: true });
}

try {
  userDir = mkdtempSync(path.join(tmpdir(), 'rasid-chromium-'));
  // a fresh profile (the --user-data-dir of the brief) through playwright's own parameter
  browser = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  const dialogs = [];
  const errors = [];
  const offsite = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(url) && !r.url().startsWith('data:')) offsite.push(r.url()); });
  page.setDefaultTimeout(30000); // (a loaded CI machine: a wait, not a speed test)

  // ---- the page loads; markers on the map; timeline; network
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  const nMarkers = await page.locator('#map circle.marker').count();
  const nClusters = await page.locator('#map g.cluster').count();
  const located = allEvents.filter((e) => e.location && e.location.lat != null).length;
  check('markers on the map', nMarkers + nClusters > 0 && nMarkers <= located, `${nMarkers} markers, ${nClusters} clusters`);
  check('countries drawn', (await page.locator('#map path.country').count()) > 100);
  check('timeline bars', (await page.locator('#timeline rect.bar').count()) > 0);
  check('network nodes', (await page.locator('#network g.node').count()) === graph.nodes.length && graph.nodes.length > 0);
  check('network edges by quad class', (await page.locator('#network line.edge').count()) === graph.edges.length &&
    (await page.locator('#network line.edge.coop, #network line.edge.conf').count()) > 0);
  const total = Number(await page.getAttribute('body', 'data-events'));
  check('every event listed', total === allEvents.length && (await page.locator('#event-list li.event-item').count()) === total, total);
  check('bilingual labels', (await page.textContent('body')).includes('الخريطة') && (await page.textContent('body')).includes('Map'));
  await page.screenshot({ path: path.join(OUT, 'web-1-map.png'), fullPage: true });

  // zooming out clusters nearby events; a cluster click zooms back in or lists its events
  const mapBox = await page.locator('#map svg').boundingBox();
  await page.mouse.move(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
  for (let i = 0; i < 8; i++) { await page.mouse.wheel(0, 400); await page.waitForTimeout(60); }
  await page.waitForTimeout(200);
  const zoomedOut = await page.locator('#map g.cluster').count();
  check('clustered when dense (zoomed out)', located < 2 || zoomedOut >= 1, zoomedOut);
  await page.screenshot({ path: path.join(OUT, 'web-1b-clusters.png') });
  if (zoomedOut) {
    const before = await page.locator('#map circle.marker').count();
    await page.locator('#map g.cluster').first().click();
    await page.waitForTimeout(200);
    check('cluster click zooms in or lists', (await page.locator('#map circle.marker').count()) > before ||
      (await page.locator('#event-list .list-title').count()) === 1);
  }

  // ---- filter by actor (URL keeps it)
  check('an actor to filter by', !!pickActor);
  await page.fill('#f-actor', pickActor);
  await page.dispatchEvent('#f-actor', 'change');
  await page.waitForFunction((t) => Number(document.body.dataset.events) < t, total);
  const byActor = Number(await page.getAttribute('body', 'data-events'));
  check('actor filter narrows', byActor === actorCounts.get(pickActor), `${byActor} != ${actorCounts.get(pickActor)}`);
  const listed = await page.locator('#event-list li.event-item').evaluateAll((els) => els.map((e) => e.dataset.event));
  const expected = allEvents.filter((e) => names(e).includes(pickActor)).map((e) => String(e.store.event));
  check('actor filter: exactly the actor\'s events', listed.sort().join() === expected.sort().join(), `${listed} vs ${expected}`);
  check('URL keeps the actor', new URL(page.url()).hash.includes(`actor=${new URLSearchParams({ a: pickActor }).toString().slice(2)}`), page.url());
  check('network highlights the actor', (await page.locator('#network g.node.selected').count()) === 1);
  await page.screenshot({ path: path.join(OUT, 'web-2-actor.png'), fullPage: true });

  // ---- period
  await page.click('#f-clear');
  await page.waitForFunction((t) => Number(document.body.dataset.events) === t, total);
  check('dated events for a period', datedDays.length >= 2, datedDays);
  const since = datedDays[0];
  const until = datedDays[0];
  await page.fill('#f-since', since);
  await page.fill('#f-until', until);
  await page.dispatchEvent('#f-until', 'change');
  await page.waitForFunction((t) => Number(document.body.dataset.events) < t, total);
  const byPeriod = Number(await page.getAttribute('body', 'data-events'));
  const dates = await page.locator('#event-list .date').allTextContents();
  check('period filter', byPeriod >= 1 && dates.some((d) => d === since) &&
    dates.every((d) => d === '?' || (d.slice(0, since.length) >= since.slice(0, d.length) && d.slice(0, until.length) <= until)), dates);
  check('timeline shows the period as a brush', (await page.locator('#timeline .selection').getAttribute('width')) !== null);
  // reload restores the filters from the URL
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  check('reload restores the period', (await page.inputValue('#f-since')) === since && (await page.inputValue('#f-until')) === until);
  check('reload restores the events', Number(await page.getAttribute('body', 'data-events')) === byPeriod);

  // brushing the timeline selects a period
  await page.click('#f-clear');
  await page.waitForFunction((t) => Number(document.body.dataset.events) === t, total);
  const box = await page.locator('#timeline svg').boundingBox();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => location.hash.includes('since=') && location.hash.includes('until='));
  check('brush sets the period', /since=\d{4}-\d\d-\d\d/.test(page.url()) && /until=\d{4}-\d\d-\d\d/.test(page.url()), page.url());
  await page.screenshot({ path: path.join(OUT, 'web-2-period.png'), fullPage: true });
  await page.click('#f-clear');
  await page.waitForFunction((t) => Number(document.body.dataset.events) === t, total);

  // ---- text search (Arabic)
  await page.fill('#f-q', 'ميناكا');
  await page.dispatchEvent('#f-q', 'change');
  await page.waitForSelector('#search-results .search-item');
  await page.waitForFunction((n) => Number(document.body.dataset.events) === n, maliEvents);
  check('Arabic search finds the Ménaka article', (await page.locator('#search-results .search-item').count()) >= 1 &&
    (await page.textContent('#search-results')).includes('ميناكا'));
  check('Arabic search: the map shows that article\'s events', Number(await page.getAttribute('body', 'data-events')) === maliEvents);
  await page.click('#f-clear');
  await page.waitForFunction((t) => Number(document.body.dataset.events) === t, total);

  // ---- open an event: panel with fields and reports with evidence highlighted
  await page.click('.tabs button[data-tab="list"]');
  await page.locator(`#event-list li.event-item[data-event="${focusEvent.store.event}"]`).click();
  await page.waitForSelector('#event-panel .report');
  check('event panel fields', (await page.locator('#event-panel table.fields tr').count()) >= 4);
  check('event panel: evidence highlighted', (await page.locator('#event-panel .evidence mark').count()) >= 1);
  check('event panel: trigger highlighted', (await page.locator('#event-panel .evidence mark.trigger').count()) >= 1);
  check('URL keeps the event', /event=\d+/.test(page.url()));
  await page.screenshot({ path: path.join(OUT, 'web-3-event.png'), fullPage: true });

  // ---- its article: RTL with highlights, English summaries beside
  await page.locator('#event-panel button.open-article').first().click();
  await page.waitForSelector('#article:not([hidden]) #article-text span');
  check('article is right-to-left', (await page.getAttribute('#article-text', 'dir')) === 'rtl');
  const focusDoc = await apiGet(`api/docs/${encodeURIComponent(evDoc(focusEvent))}`);
  const kinds = new Set(focusDoc.mentions.map((m) => m.kind));
  for (const k of ['actor', 'place', 'date', 'number', 'person']) {
    if (kinds.has(k)) check(`article highlights ${k}`, (await page.locator(`#article-text span.m-${k}`).count()) >= 1);
  }
  check('article has actors and places to highlight', kinds.has('actor') && kinds.has('place'), [...kinds]);
  check('article highlights the event trigger', (await page.locator('#article-text span.trigger').count()) >= 1);
  check('article marks the evidence of this event', (await page.locator('#article-text span.evidence.focus').count()) >= 1);
  const spanText = await page.locator('#article-text span.trigger').first().textContent();
  check('trigger span is the trigger text', focusDoc.reports.some((r) => r.trigger === spanText), spanText);
  check('English summaries beside', (await page.locator('#article-summaries li').count()) >= 1 &&
    (await page.textContent('#article-summaries')).includes(focusDoc.reports[0].summary));
  await page.screenshot({ path: path.join(OUT, 'web-4-article.png') });
  await page.click('#article-close');

  // ---- the hostile article renders as text
  await page.goto(`${url}#doc=hostile-xss`);
  await page.waitForSelector('#article:not([hidden]) #article-text span');
  await page.waitForTimeout(300);
  const txt = await page.textContent('#article-text');
  check('hostile: <script> shown as text', txt.includes('<script>alert(1)</script>'));
  check('hostile: onerror= shown as text', txt.includes('<img src=x onerror=alert(1)>'));
  check('hostile: title as text', (await page.textContent('#article-title')).includes('<script>alert(1)</script>'));
  check('hostile: no element injected', (await page.locator('#article img, #article script, #article-text a, #event-list img').count()) === 0);
  check('hostile: javascript: URL not a link', (await page.locator('a[href^="javascript"]').count()) === 0);
  // its event in the list and panel
  await page.screenshot({ path: path.join(OUT, 'web-5-hostile.png') });
  await page.click('#article-close');
  await page.click('.tabs button[data-tab="list"]');
  check('hostile article reports an event', !!hostileEvent);
  if (hostileEvent) {
    await page.locator(`#event-list li.event-item[data-event="${hostileEvent.store.event}"]`).click();
    await page.waitForSelector('#event-panel .report');
    check('hostile: report title as text', (await page.textContent('#event-panel')).includes('<script>alert(1)</script>'));
    check('hostile: nothing injected in the panel', (await page.locator('#event-panel img, #event-panel script').count()) === 0);
  }
  await page.fill('#f-q', 'alert');
  await page.dispatchEvent('#f-q', 'change');
  await page.waitForSelector('#search-results .search-item');
  check('hostile: search results as text', (await page.locator('#search-results img, #search-results script').count()) === 0);
  await page.screenshot({ path: path.join(OUT, 'web-6-hostile-search.png') });
  check('no dialog fired', dialogs.length === 0, dialogs);

  // ---- clicking an actor in the network filters by it
  await page.click('#f-clear');
  await page.waitForFunction((t) => Number(document.body.dataset.events) === t, total);
  await page.locator(`#network g.node[data-actor="${netActor}"] circle`).click();
  await page.waitForFunction(() => location.hash.includes('actor='));
  check('network click filters', (await page.inputValue('#f-actor')) === netActor);

  check('no page errors', errors.length === 0, errors);
  check('no request leaves the server (offline)', offsite.length === 0, offsite);
} catch (e) {
  check('browser run', false, e.stack || String(e));
}
try { if (browser) await browser.close(); } catch {}
// a clean stop on SIGTERM (under ASan this also catches leaks and memory errors)
const code = await new Promise((resolve) => {
  if (server.exitCode !== null) { resolve(server.exitCode); return; }
  const t = setTimeout(() => { server.kill('SIGKILL'); resolve('timeout'); }, 10000);
  server.on('exit', (c, sig) => { clearTimeout(t); resolve(c ?? sig); });
  server.kill('SIGTERM');
});
check('rasid serve stops cleanly on SIGTERM', code === 0, `${code} ${serverErr.slice(-2000)}`);
cleanup();
finish();
