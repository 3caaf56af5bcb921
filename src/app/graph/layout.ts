/**
 * Left-to-right layered layout with dagre (small, synchronous, good layers for stage DAGs).
 * Positions depend only on the model's nodes and connections, so the graph keeps still while
 * a person types inside a stage.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { GraphModel } from './graphModel.ts';

export const STAGE_SIZE = { width: 200, height: 92 };
export const IMAGE_SIZE = { width: 170, height: 46 };

export type Positions = Record<string, { x: number; y: number }>;

export function layoutGraph(model: GraphModel): Positions {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 26, ranksep: 120, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of model.nodes) g.setNode(n.id, n.kind === 'stage' ? { ...STAGE_SIZE } : { ...IMAGE_SIZE });
  for (const e of model.edges) {
    // a stage's own base is the strongest pull: keep base chains on one line
    g.setEdge(e.source, e.target, { weight: e.kind === 'base' ? 3 : 1, minlen: 1 }, e.id);
  }
  layout(g);
  const positions: Positions = {};
  for (const n of model.nodes) {
    const p = g.node(n.id) as { x: number; y: number; width: number; height: number };
    // dagre gives centres; React Flow wants top-left corners
    positions[n.id] = { x: p.x - p.width / 2, y: p.y - p.height / 2 };
  }
  return positions;
}
