// DOM helpers. Data from the API (article text, names, titles) is never parsed as HTML:
// it only ever reaches the page through textContent / createTextNode / setAttribute.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(el, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k == null || k === false) continue;
    el.appendChild(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  return el;
}

/** h('div', {class: 'x'}, 'text', child, ...) */
export function h(tag, attrs, ...kids) {
  return append(setAttrs(document.createElement(tag), attrs), kids);
}

export function s(tag, attrs, ...kids) {
  return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), kids);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Only http(s) links from data; anything else (javascript:, data:) is not a link. */
export function safeUrl(u) {
  try {
    const url = new URL(String(u));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A search snippet with <b>…</b> marks from the store: split, never parsed as HTML. */
export function snippet(text) {
  const out = document.createDocumentFragment();
  const parts = String(text || '').split(/(<b>|<\/b>)/);
  let bold = false;
  for (const p of parts) {
    if (p === '<b>') bold = true;
    else if (p === '</b>') bold = false;
    else if (p) out.appendChild(bold ? h('mark', null, p) : document.createTextNode(p));
  }
  return out;
}

/** Highlight every occurrence of the given needles ({text, cls}) in text. */
export function markText(text, needles) {
  const marks = [];
  for (const n of needles) {
    if (!n.text || n.text.length < 2) continue;
    let i = text.indexOf(n.text);
    while (i >= 0) {
      marks.push([i, i + n.text.length, n.cls]);
      i = text.indexOf(n.text, i + n.text.length);
    }
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const [a, b, cls] of marks) {
    if (a < pos) continue; // overlapping: the first (longest) wins
    if (a > pos) frag.appendChild(document.createTextNode(text.slice(pos, a)));
    frag.appendChild(h('mark', { class: cls }, text.slice(a, b)));
    pos = b;
  }
  if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
  return frag;
}
