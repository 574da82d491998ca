// The map: country borders from world-atlas (shipped in the bundle, no tile server), events
// as circles coloured by PLOVER type and sized by fatalities, clustered in screen space when
// they crowd; pan and zoom re-cluster.
import { select } from 'd3-selection';
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { zoom, zoomIdentity } from 'd3-zoom';
import { feature, mesh } from 'topojson-client';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { s } from './dom.js';
import { typeColor, typeLabel } from './labels.js';

const CLUSTER_PX = 22;

export function createMap(el, { onEvent, onCluster }) {
  const width = 960;
  const height = 520;
  const projection = geoNaturalEarth1();
  const path = geoPath(projection);
  const svg = select(el)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', 'Map of events · خريطة الأحداث');
  const gLand = svg.append('g').attr('class', 'land');
  const gMarks = svg.append('g').attr('class', 'marks');
  let countries = null;
  let borders = null;
  let events = [];
  let transform = zoomIdentity;
  let frame = 0;
  let fitted = false;

  const z = zoom()
    .scaleExtent([0.25, 64])
    .on('zoom', (ev) => {
      transform = ev.transform;
      gLand.attr('transform', transform);
      gLand.selectAll('path').attr('stroke-width', 0.6 / transform.k);
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; drawMarks(); });
    });
  svg.call(z);

  const ready = fetch(atlasUrl)
    .then((r) => r.json())
    .then((topo) => {
      countries = feature(topo, topo.objects.countries);
      borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);
      fit();
      drawLand();
    })
    .catch((e) => {
      el.dataset.error = String(e);
    });

  function fit() {
    const pts = events.filter((e) => e.location && isFinite(e.location.lon) && isFinite(e.location.lat));
    let x0 = -20, x1 = 55, y0 = -5, y1 = 40; // Africa and the Middle East
    if (pts.length) {
      x0 = Math.min(...pts.map((e) => e.location.lon));
      x1 = Math.max(...pts.map((e) => e.location.lon));
      y0 = Math.min(...pts.map((e) => e.location.lat));
      y1 = Math.max(...pts.map((e) => e.location.lat));
      const padx = Math.max(8, (x1 - x0) * 0.3);
      const pady = Math.max(6, (y1 - y0) * 0.3);
      x0 -= padx; x1 += padx; y0 -= pady; y1 += pady;
    }
    projection.fitExtent([[10, 10], [width - 10, height - 10]], {
      type: 'MultiPoint',
      coordinates: [[x0, y0], [x1, y1], [x0, y1], [x1, y0]],
    });
    fitted = pts.length > 0;
  }

  function drawLand() {
    gLand.selectAll('*').remove();
    gLand.append('path').attr('class', 'graticule').attr('d', path(geoGraticule10()));
    if (!countries) return;
    gLand.selectAll('path.country').data(countries.features).join('path').attr('class', 'country').attr('d', path);
    gLand.append('path').attr('class', 'border').attr('d', path(borders));
    gLand.selectAll('path').attr('stroke-width', 0.6 / transform.k);
  }

  function cluster() {
    const cells = new Map();
    const out = [];
    const pts = [];
    for (const e of events) {
      const loc = e.location;
      if (!loc || !isFinite(loc.lon) || !isFinite(loc.lat)) continue;
      const p = projection([loc.lon, loc.lat]);
      if (!p) continue;
      const [x, y] = transform.apply(p);
      pts.push({ e, x, y });
    }
    pts.sort((a, b) => (b.e.fatalities || 0) - (a.e.fatalities || 0));
    for (const p of pts) {
      const cx = Math.floor(p.x / CLUSTER_PX);
      const cy = Math.floor(p.y / CLUSTER_PX);
      let best = null;
      for (let dx = -1; dx <= 1 && !best; dx++)
        for (let dy = -1; dy <= 1 && !best; dy++)
          for (const c of cells.get(`${cx + dx},${cy + dy}`) || [])
            if (Math.hypot(c.x - p.x, c.y - p.y) < CLUSTER_PX) { best = c; break; }
      if (best) {
        best.members.push(p.e);
      } else {
        const c = { x: p.x, y: p.y, members: [p.e] };
        out.push(c);
        const key = `${cx},${cy}`;
        if (!cells.has(key)) cells.set(key, []);
        cells.get(key).push(c);
      }
    }
    return out;
  }

  function drawMarks() {
    const g = gMarks.node();
    while (g.firstChild) g.removeChild(g.firstChild);
    const clusters = cluster();
    for (const c of clusters) {
      if (c.members.length === 1) {
        const e = c.members[0];
        const r = 5 + 2 * Math.sqrt(e.fatalities || 0);
        const dot = s('circle', {
          class: 'marker',
          cx: c.x.toFixed(1),
          cy: c.y.toFixed(1),
          r: r.toFixed(1),
          fill: typeColor(e.type),
          tabindex: 0,
          dataset: { event: String(e.store?.event ?? ''), type: e.type || '' },
        }, s('title', null, `${typeLabel(e.type)}\n${e.summary || ''}`));
        dot.addEventListener('click', () => onEvent(e));
        dot.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onEvent(e); });
        g.appendChild(dot);
      } else {
        const counts = new Map();
        let dead = 0;
        for (const e of c.members) {
          counts.set(e.type, (counts.get(e.type) || 0) + 1);
          dead += e.fatalities || 0;
        }
        const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
        const r = 10 + 2 * Math.sqrt(c.members.length) + Math.sqrt(dead);
        const grp = s('g', { class: 'cluster', tabindex: 0, dataset: { count: String(c.members.length) } },
          s('circle', { cx: c.x.toFixed(1), cy: c.y.toFixed(1), r: r.toFixed(1), fill: typeColor(top) }),
          s('text', { x: c.x.toFixed(1), y: (c.y + 4).toFixed(1), 'text-anchor': 'middle' }, String(c.members.length)),
          s('title', null, `${c.members.length} events · ${c.members.length} أحداث` + (dead ? `, ${dead} killed` : '')));
        grp.addEventListener('click', () => {
          const xs = c.members.map((e) => e.location.lon);
          const ys = c.members.map((e) => e.location.lat);
          const spread = Math.max(...xs) - Math.min(...xs) + Math.max(...ys) - Math.min(...ys);
          if (spread > 1e-4 && transform.k < 60) {
            const k = Math.min(64, transform.k * 3);
            const [px, py] = transform.invert([c.x, c.y]);
            svg.call(z.transform, zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-px, -py));
          } else {
            onCluster(c.members);
          }
        });
        g.appendChild(grp);
      }
    }
  }

  return {
    ready,
    update(list) {
      events = list;
      if (!fitted || !events.length) {
        fit();
        drawLand();
      }
      drawMarks();
    },
    refit() {
      fit();
      svg.call(z.transform, zoomIdentity);
      drawLand();
      drawMarks();
    },
  };
}
