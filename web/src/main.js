// rasid's page for analysts: filters kept in the URL (#type=...&actor=...), a map, a
// timeline, an actor network, an event panel and an article view, all from the JSON API
// of `rasid serve`. No network access beyond that server.
import './style.css';
import { api, query } from './api.js';
import { h, clear, markText, snippet, safeUrl } from './dom.js';
import { TYPES, typeLabel, typeColor } from './labels.js';
import { createMap } from './map.js';
import { createTimeline } from './timeline.js';
import { createNetwork } from './network.js';
import { renderArticle } from './article.js';

const FILTERS = ['type', 'actor', 'country', 'since', 'until', 'q'];
const $ = (id) => document.getElementById(id);
const form = $('filters');
const state = { f: {}, event: null, doc: null };
let seq = 0;
let lastQ = '';
let graphData = { nodes: [], edges: [] };

// ---------------------------------------------------------------- URL state
function readHash() {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  state.f = {};
  for (const k of FILTERS) if (p.get(k)) state.f[k] = p.get(k);
  state.event = p.get('event') || null;
  state.doc = p.get('doc') || null;
}

function writeHash() {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (state.f[k]) p.set(k, state.f[k]);
  if (state.event) p.set('event', state.event);
  if (state.doc) p.set('doc', state.doc);
  const hash = p.toString();
  if (location.hash.replace(/^#/, '') !== hash) history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

function formToState() {
  const d = new FormData(form);
  state.f = {};
  for (const k of FILTERS) {
    const v = String(d.get(k) || '').trim();
    if (v) state.f[k] = v;
  }
}

function stateToForm() {
  for (const k of FILTERS) form.elements[k].value = state.f[k] || '';
}

function status(msg, isError) {
  const el = $('status');
  el.textContent = msg || '';
  el.classList.toggle('error', !!isError);
}

// ---------------------------------------------------------------- tabs
function showTab(name) {
  for (const b of document.querySelectorAll('.tabs button')) b.classList.toggle('active', b.dataset.tab === name);
  for (const t of document.querySelectorAll('.tab')) t.classList.toggle('active', t.id === `tab-${name}`);
}
for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));

// ---------------------------------------------------------------- views
const map = createMap($('map'), {
  onEvent: (e) => openEvent(e.store?.event),
  onCluster: (members) => { renderList(members, `${members.length} events here · أحداث هنا`); showTab('list'); },
});
const timeline = createTimeline($('timeline'), {
  onPeriod: (since, until) => {
    form.elements.since.value = since || '';
    form.elements.until.value = until || '';
    apply();
  },
});
const network = createNetwork($('network'), {
  onActor: (name) => { form.elements.actor.value = name || ''; apply(); },
});

function renderLegend() {
  const el = clear($('legend'));
  for (const [k, en, ar, c] of TYPES) {
    el.appendChild(h('span', { class: 'key' }, h('span', { class: 'dot', style: `background:${c}` }), `${en} · ${ar}`));
  }
  el.appendChild(h('span', { class: 'muted' }, 'size: fatalities · الحجم: القتلى'));
}

function eventDate(e) { return (e.date && e.date.value) || ''; }

function renderList(events, title) {
  const ol = clear($('event-list'));
  if (title) ol.appendChild(h('li', { class: 'list-title' }, title));
  if (!events.length) ol.appendChild(h('li', { class: 'muted' }, 'No events · لا أحداث'));
  const sorted = [...events].sort((a, b) => eventDate(b).localeCompare(eventDate(a)) || (b.store?.event ?? 0) - (a.store?.event ?? 0));
  for (const e of sorted.slice(0, 500)) {
    const li = h('li', { class: 'event-item', tabindex: 0, dataset: { event: String(e.store?.event ?? '') } },
      h('span', { class: 'badge', style: `background:${typeColor(e.type)}` }, typeLabel(e.type)), ' ',
      h('span', { class: 'date' }, eventDate(e) || '?'), ' ',
      e.fatalities ? h('span', { class: 'dead' }, `${e.fatalities} killed · قتيل`) : null,
      h('div', { class: 'summary' }, e.summary || ''));
    li.addEventListener('click', () => openEvent(e.store?.event));
    li.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') openEvent(e.store?.event); });
    ol.appendChild(li);
  }
}

function exportLinks() {
  const f = { ...state.f };
  delete f.q;
  $('export-csv').href = `/api/export.csv${query(f)}`;
  $('export-geojson').href = `/api/export.geojson${query(f)}`;
}

function renderSearch(res) {
  const box = clear($('search-results'));
  if (!res) { box.appendChild(h('p', { class: 'muted' }, 'Type words in Arabic or English above · اكتب كلمات للبحث')); return; }
  box.appendChild(h('p', { class: 'muted' }, `${res.count} articles for “${res.query}” · مقالات`));
  const ol = box.appendChild(h('ol', { class: 'search-list' }));
  for (const r of res.results || []) {
    const li = h('li', { class: 'search-item', tabindex: 0 },
      h('div', { class: 'title', lang: 'ar', dir: 'rtl' }, r.title || r.doc || ''),
      h('div', { class: 'muted' }, [r.published, r.doc].filter(Boolean).join(' · ')),
      h('div', { class: 'snippet', lang: 'ar', dir: 'rtl' }, snippet(r.snippet)));
    li.addEventListener('click', () => openDoc(String(r.doc_id ?? r.doc), null));
    ol.appendChild(li);
  }
}

// ---------------------------------------------------------------- data
async function refresh() {
  const my = ++seq;
  const base = {};
  for (const k of ['type', 'actor', 'country']) if (state.f[k]) base[k] = state.f[k];
  exportLinks();
  status('Loading… · جار التحميل');
  try {
    const all = await api.events(base);
    let shown = all.events;
    if (state.f.since || state.f.until) {
      shown = (await api.events({ ...base, since: state.f.since, until: state.f.until })).events;
    }
    let res = null;
    if (state.f.q) {
      res = await api.search(state.f.q);
      const docs = new Set((res.results || []).map((r) => r.doc));
      shown = shown.filter((e) => docs.has(e.doc) || (e.store?.sources || []).some((s) => docs.has(s.doc)));
    }
    if (my !== seq) return;
    await map.ready;
    map.update(shown);
    timeline.update(all.events, state.f.since, state.f.until);
    renderList(shown);
    renderSearch(res);
    if (state.f.q && state.f.q !== lastQ) showTab('search');
    else if (!state.f.q && lastQ) showTab('list');
    lastQ = state.f.q || '';
    network.select(state.f.actor);
    $('map-count').textContent = `${shown.length} events · ${shown.length} حدث`;
    document.body.dataset.events = String(shown.length);
    status('');
  } catch (err) {
    if (my === seq) status(`Error · خطأ: ${err.message}`, true);
  }
}

function apply() {
  formToState();
  writeHash();
  refresh();
}

function field(label, ar, value) {
  if (value == null || value === '' || (Array.isArray(value) && !value.length)) return null;
  return h('tr', null, h('th', null, label, h('span', { class: 'ar', lang: 'ar' }, ar)), h('td', null, value));
}

function entities(list) {
  return (list || []).map((a) => `${a.name || '?'}${a.text ? ` (${a.text})` : ''}${a.country ? ` [${a.country}]` : ''}`).join('; ');
}

async function openEvent(id) {
  if (id == null || id === '') return;
  state.event = String(id);
  writeHash();
  showTab('event');
  const panel = clear($('event-panel'));
  panel.appendChild(h('p', { class: 'muted' }, 'Loading… · جار التحميل'));
  let e;
  try {
    e = await api.event(id);
  } catch (err) {
    clear(panel).appendChild(h('p', { class: 'error' }, `Event ${id}: ${err.message}`));
    return;
  }
  clear(panel);
  panel.dataset.event = String(id);
  const loc = e.location;
  const size = e.size || {};
  const st = e.store || {};
  panel.appendChild(h('h3', null, h('span', { class: 'badge', style: `background:${typeColor(e.type)}` }, typeLabel(e.type)),
    ` #${id}`, e.modality && e.modality !== 'asserted' ? ` (${e.modality})` : ''));
  panel.appendChild(h('p', { class: 'summary' }, e.summary || ''));
  const fatal = e.fatalities != null
    ? `${e.fatalities}${st.fatalities_min != null && st.fatalities_min !== st.fatalities_max ? ` (reports: ${st.fatalities_min}–${st.fatalities_max})` : ''}` : null;
  panel.appendChild(h('table', { class: 'fields' },
    field('Date', 'التاريخ', e.date ? `${e.date.value} (${e.date.precision})${e.date.text ? ` · ${e.date.text}` : ''}` : null),
    field('Place', 'المكان', loc ? `${loc.name || ''}${loc.text ? ` (${loc.text})` : ''}${loc.admin1 ? `, ${loc.admin1}` : ''}${loc.country ? ` [${loc.country}]` : ''}${loc.lat != null ? ` ${(+loc.lat).toFixed(3)}, ${(+loc.lon).toFixed(3)}` : ''}` : null),
    field('Actor', 'الفاعل', entities(e.actor)),
    field('Recipient', 'المتلقي', entities(e.recipient)),
    field('Killed', 'القتلى', fatal),
    field('Injured', 'الجرحى', size.injured),
    field('Arrested', 'المعتقلون', size.arrested),
    field('Hostages', 'الرهائن', size.hostages),
    field('Mode', 'الأسلوب', e.mode),
    field('Context', 'السياق', (e.context || []).join(', ')),
    field('ACLED', 'أكليد', e.acled ? `${e.acled.event_type} / ${e.acled.sub_event_type}` : null),
    field('CAMEO', 'كاميو', e.cameo),
    field('Confidence', 'الثقة', e.confidence),
    field('Reports', 'التقارير', st.reports != null ? `${st.reports} in ${st.documents} articles · في ${st.documents} مقالات` : null)));
  const needles = [
    ...(e.actor || []).map((a) => ({ text: a.text, cls: 'm-actor' })),
    ...(e.recipient || []).map((a) => ({ text: a.text, cls: 'm-actor' })),
  ];
  panel.appendChild(h('h4', null, 'Reports · التقارير'));
  const reports = e.reports || [];
  for (const r of reports) {
    const ev = r.evidence || {};
    const url = safeUrl(r.url);
    const box = h('div', { class: `report${r.primary ? ' primary' : ''}`, dataset: { doc: r.doc || '' } },
      h('div', { class: 'title', lang: 'ar', dir: 'rtl' }, r.title || r.doc || ''),
      h('div', { class: 'muted' }, [r.published, r.doc, r.primary ? 'primary report · التقرير الرئيسي' : null].filter(Boolean).join(' · '),
        url ? [' · ', h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, 'source · المصدر')] : null),
      h('p', { class: 'summary' }, r.summary || ''),
      h('blockquote', { class: 'evidence', lang: 'ar', dir: 'rtl' }, markText(String(ev.text || ''), [
        ...needles,
        { text: r.trigger, cls: 'trigger' },
        { text: r.place_text, cls: 'm-place' },
        { text: r.date_text, cls: 'm-date' },
      ])));
    const btn = h('button', { type: 'button', class: 'open-article' }, 'Open article · فتح المقال');
    btn.addEventListener('click', () => openDoc(r.doc, Number(id)));
    box.appendChild(btn);
    panel.appendChild(box);
  }
}

async function openDoc(ref, focusEvent) {
  if (!ref) return;
  state.doc = String(ref);
  writeHash();
  const view = $('article');
  try {
    const doc = await api.doc(ref);
    view.hidden = false;
    view.dataset.doc = String(doc.id);
    renderArticle(doc, { focusEvent: focusEvent ?? (state.event ? Number(state.event) : null) });
  } catch (err) {
    status(`Article ${ref}: ${err.message}`, true);
  }
}

$('article-close').addEventListener('click', () => {
  $('article').hidden = true;
  state.doc = null;
  writeHash();
});

// ---------------------------------------------------------------- filters
let timer = 0;
form.addEventListener('change', () => apply());
form.addEventListener('submit', (ev) => { ev.preventDefault(); apply(); });
form.elements.q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 400); });
$('f-clear').addEventListener('click', () => { form.reset(); apply(); });
window.addEventListener('hashchange', () => {
  const before = { event: state.event, doc: state.doc };
  readHash();
  stateToForm();
  refresh();
  if (state.event && state.event !== before.event) openEvent(state.event);
  if (state.doc && state.doc !== before.doc) openDoc(state.doc, state.event ? Number(state.event) : null);
  if (!state.doc) $('article').hidden = true;
});

async function init() {
  const typeSel = form.elements.type;
  for (const [k, en, ar] of TYPES) typeSel.appendChild(h('option', { value: k }, `${en} · ${ar}`));
  renderLegend();
  renderSearch(null);
  readHash();
  try {
    const [stats, actors, places, graph] = await Promise.all([api.stats(), api.actors(), api.places(), api.graph()]);
    $('stats').textContent = `${stats.documents} articles · ${stats.events} events · ${stats.actors} actors` +
      (stats.first_date ? ` · ${stats.first_date} – ${stats.last_date}` : '') + ` — ${stats.documents} مقالا · ${stats.events} حدثا`;
    const dl = $('actors-list');
    for (const a of actors.actors || []) if (a.name) dl.appendChild(h('option', { value: a.name }));
    const countries = [...new Set((places.places || []).map((p) => p.country).filter(Boolean))].sort();
    for (const c of countries) form.elements.country.appendChild(h('option', { value: c }, c));
    graphData = graph;
    network.update(graphData, state.f.actor);
  } catch (err) {
    status(`Error · خطأ: ${err.message}`, true);
  }
  stateToForm();
  await refresh();
  if (state.event) openEvent(state.event);
  if (state.doc) openDoc(state.doc, state.event ? Number(state.event) : null);
  document.body.dataset.ready = '1';
}

init();
