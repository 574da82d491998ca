// The actor network: a force layout of actors (nodes sized by their events) and edges from
// actor to recipient coloured by PLOVER quad class (cooperation cool, conflict warm).
// Clicking an actor filters by it.
import { select } from 'd3-selection';
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from 'd3-force';
import { drag } from 'd3-drag';
import { s } from './dom.js';
import { QUAD } from './labels.js';

export function createNetwork(el, { onActor }) {
  const width = 960;
  const height = 360;
  const svg = select(el).append('svg').attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img').attr('aria-label', 'Actor network · شبكة الفاعلين');
  const defs = svg.append('defs');
  for (const [q, [, , color]] of Object.entries(QUAD)) {
    defs.append('marker').attr('id', `arrow-${q}`).attr('viewBox', '0 -4 8 8').attr('refX', 8)
      .attr('markerWidth', 6).attr('markerHeight', 6).attr('orient', 'auto')
      .append('path').attr('d', 'M0,-4L8,0L0,4').attr('fill', color);
  }
  const gEdges = svg.append('g').attr('class', 'edges');
  const gNodes = svg.append('g').attr('class', 'nodes');
  let graph = { nodes: [], edges: [] };

  function render(selected) {
    const ge = gEdges.node();
    const gn = gNodes.node();
    while (ge.firstChild) ge.removeChild(ge.firstChild);
    while (gn.firstChild) gn.removeChild(gn.firstChild);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const lines = [];
    for (const e of graph.edges) {
      const a = byId.get(e.source.id ?? e.source);
      const b = byId.get(e.target.id ?? e.target);
      if (!a || !b) continue;
      const q = QUAD[e.quad] ? e.quad : 0;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.hypot(dx, dy) || 1;
      const rb = b.r + 2;
      const line = s('line', {
        class: `edge quad-${q} ${q === 1 || q === 2 ? 'coop' : q === 3 || q === 4 ? 'conf' : ''}`,
        x1: a.x.toFixed(1), y1: a.y.toFixed(1),
        x2: (b.x - (dx / d) * rb).toFixed(1), y2: (b.y - (dy / d) * rb).toFixed(1),
        stroke: QUAD[q][2], 'stroke-width': (1 + Math.log2(1 + e.events)).toFixed(1),
        'marker-end': `url(#arrow-${q})`,
      }, s('title', null, `${a.name} → ${b.name}: ${QUAD[q][0]} · ${QUAD[q][1]} (${e.events})`));
      lines.push([line, a, b]);
      ge.appendChild(line);
    }
    for (const n of graph.nodes) {
      const sel = selected && n.name && n.name.toLowerCase() === selected.toLowerCase();
      const g = s('g', { class: `node${sel ? ' selected' : ''}`, tabindex: 0, transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, dataset: { actor: n.name || '' } },
        s('circle', { r: n.r.toFixed(1) }),
        s('text', { x: (n.r + 3).toFixed(1), y: 4 }, n.name || n.text || '?'),
        s('title', null, `${n.name || ''}${n.text ? ` · ${n.text}` : ''}${n.country ? ` (${n.country})` : ''}: ${n.events} events · أحداث`));
      g.addEventListener('click', (ev) => { if (!ev.defaultPrevented) onActor(n.name || n.text); });
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onActor(n.name || n.text); });
      select(g).datum(n).call(drag().on('drag', (ev, d) => {
        d.x = Math.max(5, Math.min(width - 5, ev.x));
        d.y = Math.max(5, Math.min(height - 5, ev.y));
        render(selected);
      }));
      gn.appendChild(g);
    }
  }

  return {
    update(data, selected) {
      const nodes = (data.nodes || []).map((n) => ({ ...n, r: 4 + 2.5 * Math.sqrt(n.events || 1) }));
      const ids = new Set(nodes.map((n) => n.id));
      const edges = (data.edges || []).filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e }));
      // a deterministic start (a circle), then a fixed number of ticks: the same graph
      // always gives the same picture
      nodes.forEach((n, i) => {
        const a = (2 * Math.PI * i) / Math.max(1, nodes.length);
        n.x = width / 2 + 200 * Math.cos(a);
        n.y = height / 2 + 120 * Math.sin(a);
      });
      const sim = forceSimulation(nodes)
        .force('link', forceLink(edges).id((d) => d.id).distance(90))
        .force('charge', forceManyBody().strength(-160))
        .force('center', forceCenter(width / 2, height / 2))
        .force('x', forceX(width / 2).strength(0.06))
        .force('y', forceY(height / 2).strength(0.12))
        .force('collide', forceCollide().radius((d) => d.r + 10))
        .stop();
      for (let i = 0; i < 300; i++) sim.tick();
      for (const n of nodes) {
        n.x = Math.max(12, Math.min(width - 90, n.x));
        n.y = Math.max(12, Math.min(height - 12, n.y));
      }
      graph = { nodes, edges };
      render(selected);
    },
    select(name) { render(name); },
  };
}
