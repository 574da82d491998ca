// The timeline: events per week, stacked by PLOVER type; brushing selects a period (the
// "from" and "to" filters), a click without a drag clears it.
import { select } from 'd3-selection';
import { scaleUtc, scaleLinear } from 'd3-scale';
import { brushX } from 'd3-brush';
import { max } from 'd3-array';
import { s } from './dom.js';
import { TYPES, typeColor, typeLabel } from './labels.js';

const DAY = 86400000;

/** Start of the event's date range (UTC ms), or null. */
export function eventTime(e) {
  const v = e.date && e.date.value;
  if (!v) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(v);
  if (!m) return null;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
}

/** Monday of the week (UTC). */
export function weekOf(t) {
  const d = new Date(t);
  const dow = (d.getUTCDay() + 6) % 7;
  return t - dow * DAY;
}

export const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

export function createTimeline(el, { onPeriod }) {
  const width = 960;
  const height = 150;
  const m = { l: 34, r: 10, t: 8, b: 22 };
  const svg = select(el).append('svg').attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img').attr('aria-label', 'Events per week · الأحداث في الأسبوع');
  const gBars = svg.append('g');
  const gAxis = svg.append('g').attr('class', 'axis');
  const gBrush = svg.append('g').attr('class', 'brush');
  let x = scaleUtc();
  let silent = false;

  const brush = brushX()
    .extent([[m.l, m.t], [width - m.r, height - m.b]])
    .on('end', (ev) => {
      if (silent) return;
      if (!ev.selection) { onPeriod(null, null); return; }
      const [a, b] = ev.selection.map((px) => x.invert(px).getTime());
      onPeriod(isoDay(a), isoDay(b));
    });
  gBrush.call(brush);

  return {
    update(events, since, until) {
      const weeks = new Map();
      for (const e of events) {
        const t = eventTime(e);
        if (t == null) continue;
        const w = weekOf(t);
        if (!weeks.has(w)) weeks.set(w, new Map());
        const c = weeks.get(w);
        c.set(e.type, (c.get(e.type) || 0) + 1);
      }
      const keys = [...weeks.keys()].sort((a, b) => a - b);
      let lo = keys.length ? keys[0] : Date.now() - 52 * 7 * DAY;
      let hi = keys.length ? keys[keys.length - 1] + 7 * DAY : Date.now();
      if (hi - lo < 8 * 7 * DAY) { const mid = (lo + hi) / 2; lo = weekOf(mid - 4 * 7 * DAY); hi = lo + 9 * 7 * DAY; }
      x = scaleUtc().domain([new Date(lo), new Date(hi)]).range([m.l, width - m.r]);
      const ymax = max(keys, (k) => [...weeks.get(k).values()].reduce((a, b) => a + b, 0)) || 1;
      const y = scaleLinear().domain([0, ymax]).nice().range([height - m.b, m.t]);
      const g = gBars.node();
      while (g.firstChild) g.removeChild(g.firstChild);
      const bw = Math.max(2, x(new Date(lo + 7 * DAY)) - x(new Date(lo)) - 1);
      for (const k of keys) {
        let acc = 0;
        const c = weeks.get(k);
        for (const [t] of TYPES) {
          const n = c.get(t);
          if (!n) continue;
          g.appendChild(s('rect', {
            class: 'bar', x: x(new Date(k)).toFixed(1), width: bw.toFixed(1),
            y: y(acc + n).toFixed(1), height: (y(acc) - y(acc + n)).toFixed(1), fill: typeColor(t),
            dataset: { week: isoDay(k), type: t },
          }, s('title', null, `${isoDay(k)} · ${typeLabel(t)}: ${n}`)));
          acc += n;
        }
      }
      const a = gAxis.node();
      while (a.firstChild) a.removeChild(a.firstChild);
      a.appendChild(s('line', { x1: m.l, x2: width - m.r, y1: height - m.b, y2: height - m.b }));
      for (const t of x.ticks(8)) {
        a.appendChild(s('text', { x: x(t), y: height - 6, 'text-anchor': 'middle' }, isoDay(t.getTime())));
      }
      for (const t of y.ticks(3)) {
        a.appendChild(s('text', { x: m.l - 4, y: y(t) + 4, 'text-anchor': 'end' }, String(t)));
      }
      silent = true;
      if (since || until) {
        const a0 = since ? x(new Date(since)) : m.l;
        const b0 = until ? x(new Date(until)) : width - m.r;
        gBrush.call(brush.move, [Math.max(m.l, a0), Math.min(width - m.r, Math.max(a0 + 1, b0))]);
      } else {
        gBrush.call(brush.move, null);
      }
      silent = false;
    },
  };
}
