/**
 * Left-to-right layered layout. Small graphs use dagre (good layers and few crossings for stage
 * DAGs); dagre's cost grows much faster than the graph (network-simplex ranking, a dummy node
 * for every layer an edge crosses), so a big graph uses `layeredLayout`, linear per pass.
 * Positions depend only on the model's nodes and connections, so the graph keeps still while
 * a person types inside a stage.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { GraphModel } from './graphModel.ts';
import { crossedLayers, layeredLayout } from './layeredLayout.ts';

export const STAGE_SIZE = { width: 200, height: 92 };
export const IMAGE_SIZE = { width: 170, height: 46 };

export type Positions = Record<string, { x: number; y: number }>;

const SPACING = { nodesep: 26, ranksep: 120, marginx: 16, marginy: 16 };

/** dagre only up to this many stages... */
export const DAGRE_MAX_STAGES = 60;
/**
 * ...and this many nodes plus dummy nodes (layers crossed by edges). Measured in Node on a busy
 * 2-core machine: about 0.1 s of dagre at 300, 0.15 s at 500; the layered layout takes a few
 * milliseconds for 1,200 nodes.
 */
export const DAGRE_MAX_WORK = 500;

export type LayoutEngine = 'dagre' | 'layered';

function sizeOf(kind: 'stage' | 'image') {
  return kind === 'stage' ? STAGE_SIZE : IMAGE_SIZE;
}

/** a stage's own base is the strongest pull: keep base chains on one line */
function weightOf(kind: string): number {
  return kind === 'base' ? 3 : 1;
}

/** Which layout a model gets: dagre when it is small enough to be quick, else the layered one. */
export function layoutEngineFor(model: GraphModel): LayoutEngine {
  const stages = model.nodes.reduce((k, n) => k + (n.kind === 'stage' ? 1 : 0), 0);
  if (stages > DAGRE_MAX_STAGES || model.nodes.length > DAGRE_MAX_WORK) return 'layered';
  return model.nodes.length + crossedLayers(model.nodes, model.edges) <= DAGRE_MAX_WORK ? 'dagre' : 'layered';
}

export function layoutGraph(model: GraphModel, engine: LayoutEngine = layoutEngineFor(model)): Positions {
  return engine === 'dagre' ? dagreLayout(model) : fastLayout(model);
}

function fastLayout(model: GraphModel): Positions {
  const nodes = model.nodes.map((n) => ({ id: n.id, ...sizeOf(n.kind) }));
  const edges = model.edges.map((e) => ({ source: e.source, target: e.target, weight: weightOf(e.kind) }));
  return layeredLayout(nodes, edges, SPACING).positions;
}

function dagreLayout(model: GraphModel): Positions {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', ...SPACING });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of model.nodes) g.setNode(n.id, { ...sizeOf(n.kind) });
  for (const e of model.edges) g.setEdge(e.source, e.target, { weight: weightOf(e.kind), minlen: 1 }, e.id);
  layout(g);
  const positions: Positions = {};
  for (const n of model.nodes) {
    const p = g.node(n.id) as { x: number; y: number; width: number; height: number };
    // dagre gives centres; React Flow wants top-left corners
    positions[n.id] = { x: p.x - p.width / 2, y: p.y - p.height / 2 };
  }
  return positions;
}
