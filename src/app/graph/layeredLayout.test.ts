import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { generateDockerfile } from '../../../bench/gen.mjs';
import { crossedLayers, layeredLayout, type LayeredEdge, type LayeredNode } from './layeredLayout.ts';
import { analysisIdOfNode, displayModelOf, graphModelOf, IMAGE_PER_USE_FROM_STAGES, type GraphModel } from './graphModel.ts';
import { IMAGE_SIZE, STAGE_SIZE, layoutEngineFor, layoutGraph, type Positions } from './layout.ts';
import { computeGraphFacts } from './graphFacts.ts';

const SPACING = { nodesep: 26, ranksep: 120, marginx: 16, marginy: 16 };

function box(id: string, width = 200, height = 92): LayeredNode {
  return { id, width, height };
}

type Rect = { id: string; x: number; y: number; width: number; height: number };

function rects(nodes: readonly LayeredNode[], positions: Positions): Rect[] {
  return nodes.map((n) => ({ id: n.id, ...positions[n.id], width: n.width, height: n.height }));
}

/** pairs of boxes that overlap (sweep over x, so that 1,000 boxes stay quick) */
function overlaps(boxes: Rect[]): string[] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].x < a.x + a.width; j++) {
      const b = sorted[j];
      if (b.y < a.y + a.height && a.y < b.y + b.height) found.push(`${a.id} overlaps ${b.id}`);
    }
  }
  return found;
}

function modelOf(dockerfile: string): GraphModel {
  return graphModelOf(analyze({ dockerfile }), dockerfile.split('\n'));
}

describe('layeredLayout', () => {
  it('puts every node right of what it depends on, one layer per step', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((id) => box(id));
    const edges: LayeredEdge[] = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'a', target: 'c' },
      { source: 'c', target: 'd' },
      { source: 'e', target: 'd' },
    ];
    const { layers, positions } = layeredLayout(nodes, edges, SPACING);
    expect(layers).toEqual({ a: 0, b: 1, c: 2, d: 3, e: 2 });
    for (const e of edges) expect(positions[e.target].x).toBeGreaterThan(positions[e.source].x + 200);
    expect(overlaps(rects(nodes, positions))).toEqual([]);
  });

  it('puts a node without inputs just before the node it feeds, level with it', () => {
    const nodes = [box('s0'), box('s1'), box('s2'), box('s3'), box('img', 170, 46)];
    const edges: LayeredEdge[] = [
      { source: 's0', target: 's1' },
      { source: 's1', target: 's2' },
      { source: 's2', target: 's3' },
      { source: 'img', target: 's3', weight: 3 },
    ];
    const { layers, positions } = layeredLayout(nodes, edges, SPACING);
    expect(layers.img).toBe(layers.s3 - 1);
    // a chain reads straight: every stage on one row
    expect(new Set(['s0', 's1', 's2'].map((id) => positions[id].y)).size).toBe(1);
    expect(overlaps(rects(nodes, positions))).toEqual([]);
  });

  it('lays out a cycle (a broken Dockerfile) without hanging, every node placed once', () => {
    const nodes = ['a', 'b', 'c'].map((id) => box(id));
    const edges: LayeredEdge[] = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'c', target: 'a' },
      { source: 'b', target: 'b' },
    ];
    const { layers, positions } = layeredLayout(nodes, edges, SPACING);
    expect(Object.keys(positions).sort()).toEqual(['a', 'b', 'c']);
    for (const p of Object.values(positions)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(layers.b).toBeGreaterThan(layers.a);
    expect(layers.c).toBeGreaterThan(layers.b);
    expect(overlaps(rects(nodes, positions))).toEqual([]);
  });

  it('stacks a wide layer without overlaps and keeps the margins', () => {
    const nodes = [box('base'), ...Array.from({ length: 40 }, (_, i) => box(`leaf${i}`, 200, i % 2 ? 92 : 46))];
    const edges = nodes.slice(1).map((n) => ({ source: 'base', target: n.id }));
    const { positions } = layeredLayout(nodes, edges, SPACING);
    const boxes = rects(nodes, positions);
    expect(overlaps(boxes)).toEqual([]);
    expect(Math.min(...boxes.map((b) => b.x))).toBe(SPACING.marginx);
    expect(Math.min(...boxes.map((b) => b.y))).toBe(SPACING.marginy);
    const ys = nodes.slice(1).map((n) => positions[n.id].y);
    // the base sits within the span of what it feeds
    expect(positions.base.y).toBeGreaterThanOrEqual(Math.min(...ys));
    expect(positions.base.y).toBeLessThanOrEqual(Math.max(...ys));
  });

  it('gives the same graph the same positions', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => box(`n${i}`));
    const edges = nodes.slice(1).map((n, i) => ({ source: `n${(i * 7) % (i + 1)}`, target: n.id }));
    expect(layeredLayout(nodes, edges, SPACING)).toEqual(layeredLayout(nodes, edges, SPACING));
  });

  it('counts the layers that edges cross', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => box(id));
    expect(crossedLayers(nodes, [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }, { source: 'c', target: 'd' }])).toBe(0);
    expect(crossedLayers(nodes, [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }, { source: 'c', target: 'd' }, { source: 'a', target: 'd' }])).toBe(2);
  });
});

describe('the page graph of a big Dockerfile', () => {
  const dockerfile = generateDockerfile(10_000);
  const analysis = analyze({ dockerfile });
  const full = graphModelOf(analysis, dockerfile.split('\n'));
  const shown = displayModelOf(full);

  it('draws each image once per stage that uses it, with the same arrows', () => {
    expect(analysis.stages.length).toBe(715);
    const images = shown.nodes.filter((n) => n.kind === 'image');
    const uses = new Set(full.edges.filter((e) => e.source.startsWith('image:')).map((e) => `${e.source}>${e.target}`));
    expect(images.length).toBe(uses.size);
    expect(shown.edges.map((e) => [e.id, e.from, e.target])).toEqual(full.edges.map((e) => [e.id, e.from, e.target]));
    for (const e of shown.edges) {
      expect(shown.nodes.some((n) => n.id === e.source)).toBe(true);
      expect(analysisIdOfNode(e.source)).toBe(e.from);
    }
    // every image node has exactly one stage it feeds
    for (const n of images) expect(new Set(shown.edges.filter((e) => e.source === n.id).map((e) => e.target)).size).toBe(1);
  });

  it('uses the layered layout: every stage right of its inputs, nothing overlapping', () => {
    expect(layoutEngineFor(shown)).toBe('layered');
    const positions = layoutGraph(shown);
    const sized = shown.nodes.map((n) => box(n.id, (n.kind === 'stage' ? STAGE_SIZE : IMAGE_SIZE).width, (n.kind === 'stage' ? STAGE_SIZE : IMAGE_SIZE).height));
    expect(overlaps(rects(sized, positions))).toEqual([]);
    for (const e of shown.edges) expect(positions[e.target].x).toBeGreaterThan(positions[e.source].x);
  });

  it('keeps one node per image in smaller graphs, and dagre for small ones', () => {
    const small = modelOf('FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nFROM golang:1.22 AS lint\nFROM scratch\nCOPY --from=build /app /app\n');
    expect(displayModelOf(small)).toBe(small);
    expect(small.nodes.filter((n) => n.id === 'image:golang:1.22')).toHaveLength(1);
    expect(layoutEngineFor(small)).toBe('dagre');
    const stages = (n: number) => Array.from({ length: n }, (_, i) => `FROM golang:1.22 AS s${i}\n`).join('');
    const justBelow = modelOf(stages(IMAGE_PER_USE_FROM_STAGES - 1));
    expect(displayModelOf(justBelow)).toBe(justBelow);
    const big = displayModelOf(modelOf(stages(IMAGE_PER_USE_FROM_STAGES)));
    expect(big.nodes.filter((n) => n.kind === 'image')).toHaveLength(IMAGE_PER_USE_FROM_STAGES);
  });

  it('falls back to the layered layout when dagre would have to route long edges', () => {
    // 30 stages, each copying from all earlier ones: few nodes, but edges crossing many layers
    const lines = ['FROM alpine AS s0'];
    for (let i = 1; i < 30; i++) lines.push(`FROM alpine AS s${i}`, ...Array.from({ length: i }, (_, k) => `COPY --from=s${k} /o /o${k}`));
    const model = modelOf(lines.join('\n') + '\n');
    expect(model.nodes.length).toBeLessThan(40);
    expect(layoutEngineFor(model)).toBe('layered');
  });
});

describe('computeGraphFacts', () => {
  it('counts error diagnostics per stage and knows which images are pulled', () => {
    const dockerfile = 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine AS unused\nFROM scratch\nCOPY --from=build /app /app\n';
    const analysis = analyze({ dockerfile });
    const facts = computeGraphFacts({
      ...analysis,
      diagnostics: [
        { rule: 'X', severity: 'error', line: 2, message: '' },
        { rule: 'X', severity: 'error', line: 2, message: '' },
        { rule: 'Y', severity: 'warning', line: 1, message: '' },
        { rule: 'X', severity: 'error', line: 5, message: '' },
      ] as typeof analysis.diagnostics,
    });
    expect(facts.errors).toEqual([2, 0, 1]);
    expect([...facts.needed].sort()).toEqual([0, 2]);
    expect(facts.neededImages.has('image:golang:1.22')).toBe(true);
    expect(facts.neededImages.has('image:alpine')).toBe(false);
  });
});
