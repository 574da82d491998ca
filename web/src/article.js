// The article view: the Arabic text right-to-left with its entities and event spans
// highlighted, and the English summaries of its reports beside it. Spans from the API are
// UTF-8 byte offsets; they are mapped to string indices here. Every piece of text goes in
// through text nodes only.
import { h, clear, safeUrl } from './dom.js';
import { MENTION, typeLabel } from './labels.js';

/** byte offset -> UTF-16 index, for every byte offset of `text` (Int32Array). */
export function byteToIndex(text) {
  const enc = new TextEncoder().encode(text);
  const map = new Int32Array(enc.length + 1);
  let b = 0;
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const nb = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < nb; k++) map[b + k] = i;
    b += nb;
    i += ch.length;
  }
  map[b] = i;
  return map;
}

/** Segments [start, end, classes[], reportIds[]] of text from spans {start, end, cls, report}. */
export function segments(len, spans) {
  const cuts = new Set([0, len]);
  for (const sp of spans) { cuts.add(sp.start); cuts.add(sp.end); }
  const pts = [...cuts].filter((x) => x >= 0 && x <= len).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    const cls = new Set();
    const reps = new Set();
    for (const sp of spans) if (sp.start <= a && sp.end >= b) { cls.add(sp.cls); if (sp.report != null) reps.add(sp.report); }
    out.push([a, b, [...cls], [...reps]]);
  }
  return out;
}

export function renderArticle(doc, { focusEvent } = {}) {
  const text = String(doc.text || '');
  const b2i = byteToIndex(text);
  const nb = b2i.length - 1;
  const idx = (b) => b2i[Math.max(0, Math.min(nb, b | 0))];
  const spans = [];
  const add = (span, cls, report) => {
    if (!span || span[0] == null || span[1] == null || span[1] <= span[0]) return;
    spans.push({ start: idx(span[0]), end: idx(span[1]), cls, report });
  };
  for (const m of doc.mentions || []) add([m.start, m.end], `m-${MENTION[m.kind] ? m.kind : 'other'}`);
  for (const r of doc.reports || []) {
    add(r.evidence, r.event === focusEvent ? 'evidence focus' : 'evidence', r.report);
    add(r.trigger_span, 'trigger', r.report);
  }

  document.getElementById('article-title').textContent = doc.title || doc.key || '';
  const meta = clear(document.getElementById('article-meta'));
  const bits = [doc.published && `published ${doc.published}`, doc.source, doc.key && `id ${doc.key}`].filter(Boolean);
  meta.appendChild(document.createTextNode(bits.join(' · ')));
  const url = safeUrl(doc.url);
  if (url) {
    meta.appendChild(document.createTextNode(' · '));
    meta.appendChild(h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url));
  } else if (doc.url) {
    meta.appendChild(document.createTextNode(` · ${doc.url}`));
  }

  const legend = clear(document.getElementById('article-legend'));
  for (const [k, [en, ar]] of Object.entries(MENTION)) {
    const cls = k === 'trigger' || k === 'evidence' ? k : `m-${k}`;
    legend.appendChild(h('span', { class: `key ${cls}` }, `${en} · ${ar}`));
  }

  const box = clear(document.getElementById('article-text'));
  for (const [a, b, cls, reps] of segments(text.length, spans)) {
    const piece = text.slice(a, b);
    if (!cls.length) { box.appendChild(document.createTextNode(piece)); continue; }
    const el = h('span', { class: cls.join(' ').split(' ').filter(Boolean).join(' ') }, piece);
    if (reps.length) el.dataset.reports = reps.join(' ');
    box.appendChild(el);
  }

  const list = clear(document.getElementById('article-summaries'));
  for (const r of doc.reports || []) {
    const li = h('li', { class: r.event === focusEvent ? 'focus' : '', dataset: { report: String(r.report), event: String(r.event) } },
      h('span', { class: 'badge', 'data-type': r.type || '' }, typeLabel(r.type)), ' ',
      r.modality && r.modality !== 'asserted' ? h('em', null, `(${r.modality}) `) : null,
      r.summary || '');
    li.addEventListener('mouseenter', () => flash(box, r.report, true));
    li.addEventListener('mouseleave', () => flash(box, r.report, false));
    li.addEventListener('click', () => {
      const first = box.querySelector(`[data-reports~="${CSS.escape(String(r.report))}"]`);
      if (first) first.scrollIntoView({ block: 'center' });
    });
    list.appendChild(li);
  }
  if (!(doc.reports || []).length) list.appendChild(h('li', { class: 'muted' }, 'No event reported · لا حدث'));
  const focus = box.querySelector('.focus');
  if (focus) focus.scrollIntoView({ block: 'center' });
}

function flash(box, report, on) {
  for (const el of box.querySelectorAll(`[data-reports~="${CSS.escape(String(report))}"]`)) el.classList.toggle('hover', on);
}
