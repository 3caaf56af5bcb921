/**
 * The stage graph as plain data, derived from an analysis: one node per stage, one per
 * external image, one edge per analysis edge. Pure, so it is cheap to test and to recompute.
 */
import type { Analysis, EdgeKind } from '../../core/types.ts';
import { edgeLabelOf } from './edgeLabels.ts';
import { edgeLabel, stageNodeLabel } from '../graphEdit/describe.ts';

export interface GraphNodeSpec {
  /** `stage:N` or `image:REF`: the same ids the analysis uses in `edge.from` */
  id: string;
  kind: 'stage' | 'image';
  index: number | null;
  ref: string | null;
  /** the node's accessible name */
  ariaLabel: string;
}

export interface GraphEdgeSpec {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  from: string;
  to: number;
  line: number;
  label: string;
  /** the instruction's first line, for the tooltip */
  detail: string;
  /** 0 for the first edge between a pair of nodes, 1 for the second, ... (labels are offset) */
  parallel: number;
  /** the edge's accessible name */
  ariaLabel: string;
}

export interface GraphModel {
  nodes: GraphNodeSpec[];
  edges: GraphEdgeSpec[];
  /** changes only when nodes or connections change: layout is recomputed only then */
  layoutKey: string;
}

export function graphModelOf(analysis: Analysis, dockerfileLines: string[]): GraphModel {
  const needed = new Set(analysis.needed);
  const nodes: GraphNodeSpec[] = analysis.stages.map((s) => ({
    id: `stage:${s.index}`,
    kind: 'stage',
    index: s.index,
    ref: null,
    ariaLabel: stageNodeLabel(analysis, s.index, needed),
  }));
  const images = new Set<string>();
  for (const e of analysis.edges) {
    if (e.from.startsWith('image:') && !images.has(e.from)) {
      images.add(e.from);
      const ref = e.from.slice('image:'.length);
      nodes.push({ id: e.from, kind: 'image', index: null, ref, ariaLabel: ref === 'scratch' ? 'scratch: an empty filesystem' : `Image ${ref}` });
    }
  }
  const known = new Set(nodes.map((n) => n.id));
  const pairCount = new Map<string, number>();
  const edges: GraphEdgeSpec[] = [];
  analysis.edges.forEach((e, i) => {
    const target = `stage:${e.to}`;
    if (!known.has(e.from) || !known.has(target)) return;
    const pair = `${e.from}->${target}`;
    const parallel = pairCount.get(pair) ?? 0;
    pairCount.set(pair, parallel + 1);
    const text = dockerfileLines[e.line - 1] ?? '';
    const detail = text.trim();
    edges.push({
      id: `edge:${i}:${e.kind}:${e.from}->${e.to}@${e.line}`,
      source: e.from,
      target,
      kind: e.kind,
      from: e.from,
      to: e.to,
      line: e.line,
      label: edgeLabelOf(e.kind, text),
      detail,
      parallel,
      ariaLabel: edgeLabel(analysis, e.kind, e.from, e.to, e.line, detail),
    });
  });
  const layoutKey = `${nodes.map((n) => n.id).join('|')}#${edges.map((e) => `${e.source}>${e.target}`).join('|')}`;
  return { nodes, edges, layoutKey };
}

/**
 * From this many stages on, the page draws an image once per stage that uses it (`golang:1.22`
 * beside each of the 200 stages built on it) instead of one node with arrows to all of them:
 * arrows stay short and local, the layout has no hub, and each image use costs a bounded
 * number of nodes (one). Smaller graphs keep one node per image.
 */
export const IMAGE_PER_USE_FROM_STAGES = 41;

const IMAGE_USE_PREFIX = 'use:';

/** The analysis id (`stage:N`, `image:REF`) a node of the page's graph stands for. */
export function analysisIdOfNode(nodeId: string): string {
  if (!nodeId.startsWith(IMAGE_USE_PREFIX)) return nodeId;
  // use:<stage>:image:REF
  return nodeId.slice(nodeId.indexOf(':', IMAGE_USE_PREFIX.length) + 1);
}

/**
 * The graph the page draws: the model itself, or for a big graph the model with one image
 * node per (image, stage that uses it). Edges keep their ids and their `from` (`image:REF`);
 * only their source node changes. Pure.
 */
export function displayModelOf(model: GraphModel): GraphModel {
  const stages = model.nodes.reduce((k, n) => k + (n.kind === 'stage' ? 1 : 0), 0);
  if (stages < IMAGE_PER_USE_FROM_STAGES || !model.nodes.some((n) => n.kind === 'image')) return model;
  const images = new Map(model.nodes.filter((n) => n.kind === 'image').map((n) => [n.id, n]));
  const nodes = model.nodes.filter((n) => n.kind === 'stage');
  const uses = new Set<string>();
  const edges = model.edges.map((e) => {
    const image = images.get(e.source);
    if (!image) return e;
    const source = `${IMAGE_USE_PREFIX}${e.to}:${e.source}`;
    if (!uses.has(source)) {
      uses.add(source);
      nodes.push({ ...image, id: source });
    }
    return { ...e, source };
  });
  const layoutKey = `${nodes.map((n) => n.id).join('|')}#${edges.map((e) => `${e.source}>${e.target}`).join('|')}`;
  return { nodes, edges, layoutKey };
}
