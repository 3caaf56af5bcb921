/**
 * A fast left-to-right layered layout for big stage graphs, where dagre is too slow (its
 * network-simplex ranking and its dummy node per layer an edge crosses make a 715-stage
 * chain with shared base images take minutes).
 *
 * Work is linear in nodes + edges per pass, with a fixed number of passes:
 *  1. layers: longest path from the sources (an edge that closes a cycle is ignored), then a
 *     node without predecessors moves right to sit just before its nearest successor (an image
 *     sits beside the stage that uses it);
 *  2. order and rows: a few sweeps in which every node wants to sit level with the weighted
 *     mean of its neighbours in the layers before (then after) it; each layer is sorted by that
 *     wish and placed as close to it as the spacing allows (isotonic regression, so a layer is
 *     shifted as a whole rather than only pushed down).
 *
 * No dummy nodes: a long edge pulls its ends towards each other but takes no room in the
 * layers between them. Pure and deterministic: the same graph always gets the same positions.
 */

export interface LayeredNode {
  id: string;
  width: number;
  height: number;
}

export interface LayeredEdge {
  source: string;
  target: string;
  /** how strongly the ends pull towards the same row (default 1) */
  weight?: number;
}

export interface LayeredOptions {
  /** gap between two nodes of a layer */
  nodesep: number;
  /** gap between two layers */
  ranksep: number;
  marginx: number;
  marginy: number;
  /** ordering sweeps (each one down and one up); default 4 */
  sweeps?: number;
}

export interface LayeredResult {
  /** top-left corners */
  positions: Record<string, { x: number; y: number }>;
  /** each node's layer (0 = leftmost) */
  layers: Record<string, number>;
}

interface Adj {
  node: number;
  weight: number;
}

interface Graph {
  index: Map<string, number>;
  out: Adj[][];
  inc: Adj[][];
}

function graphOf(nodes: readonly { id: string }[], edges: readonly LayeredEdge[]): Graph {
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node.id, i));
  // adjacency without self loops; multi-edges add their weights in the neighbour means
  const out: Adj[][] = nodes.map(() => []);
  const inc: Adj[][] = nodes.map(() => []);
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const weight = e.weight ?? 1;
    out[s].push({ node: t, weight });
    inc[t].push({ node: s, weight });
  }
  return { index, out, inc };
}

/**
 * How many layers the edges cross in all (an edge between neighbouring layers crosses none),
 * with the layers of `layeredLayout`: what a layout with a dummy node per crossed layer
 * (dagre) has to place on top of the nodes.
 */
export function crossedLayers(nodes: readonly { id: string }[], edges: readonly LayeredEdge[]): number {
  const { out, inc } = graphOf(nodes, edges);
  const rank = rankNodes(nodes.length, out, inc);
  let crossed = 0;
  out.forEach((list, s) => {
    for (const { node: t } of list) crossed += Math.max(0, Math.abs(rank[t] - rank[s]) - 1);
  });
  return crossed;
}

export function layeredLayout(nodes: readonly LayeredNode[], edges: readonly LayeredEdge[], options: LayeredOptions): LayeredResult {
  const n = nodes.length;
  const { out, inc } = graphOf(nodes, edges);
  const rank = rankNodes(n, out, inc);
  const layerCount = rank.reduce((m, r) => Math.max(m, r + 1), 0);

  // layers in input order, then sweeps
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  for (let v = 0; v < n; v++) layers[rank[v]].push(v);
  const centre = new Float64Array(n);
  for (const layer of layers) placeLayer(layer, nodes, options.nodesep, centre, null);

  const sweeps = options.sweeps ?? 4;
  for (let s = 0; s < sweeps; s++) {
    for (let r = 1; r < layerCount; r++) arrangeLayer(layers[r], inc, nodes, options.nodesep, centre, (u) => rank[u] < r);
    for (let r = layerCount - 2; r >= 0; r--) arrangeLayer(layers[r], out, nodes, options.nodesep, centre, (u) => rank[u] > r);
  }
  // a last pass from the left: chains read straight from their start
  for (let r = 1; r < layerCount; r++) arrangeLayer(layers[r], inc, nodes, options.nodesep, centre, (u) => rank[u] < r);

  // columns: each as wide as its widest node, nodes centred in it
  const columnX: number[] = [];
  let x = options.marginx;
  for (const layer of layers) {
    const width = layer.reduce((m, v) => Math.max(m, nodes[v].width), 0);
    columnX.push(x + width / 2);
    x += width + options.ranksep;
  }
  let top = Infinity;
  for (let v = 0; v < n; v++) top = Math.min(top, centre[v] - nodes[v].height / 2);
  const shift = n > 0 ? options.marginy - top : 0;

  const positions: LayeredResult['positions'] = {};
  const layersOut: LayeredResult['layers'] = {};
  for (let v = 0; v < n; v++) {
    const node = nodes[v];
    positions[node.id] = { x: columnX[rank[v]] - node.width / 2, y: centre[v] + shift - node.height / 2 };
    layersOut[node.id] = rank[v];
  }
  return { positions, layers: layersOut };
}

/**
 * Longest-path layers. Nodes are taken in topological order (Kahn); when only cycles remain,
 * the earliest remaining node (input order) goes next and its edges from the unplaced nodes are
 * ignored. Then a node whose predecessors were all ignored or that has none sits one layer
 * before its nearest successor. Layers left empty are dropped.
 */
function rankNodes(n: number, out: Adj[][], inc: Adj[][]): number[] {
  const rank = new Array<number>(n).fill(0);
  const placed = new Uint8Array(n);
  const pending = inc.map((list) => list.length);
  const order: number[] = [];
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (pending[v] === 0) queue.push(v);
  let head = 0;
  let next = 0; // the earliest node that may still be unplaced, for breaking cycles
  while (order.length < n) {
    if (head === queue.length) {
      while (placed[next]) next++;
      queue.push(next);
    }
    const v = queue[head++];
    if (placed[v]) continue;
    placed[v] = 1;
    order.push(v);
    let r = 0;
    for (const { node: u } of inc[v]) if (placed[u] && u !== v) r = Math.max(r, rank[u] + 1);
    rank[v] = r;
    for (const { node: w } of out[v]) {
      if (placed[w]) continue;
      pending[w]--;
      if (pending[w] === 0) queue.push(w);
    }
  }
  // a node placed before every node it hangs from is drawn just before its nearest successor
  const position = new Int32Array(n);
  order.forEach((v, i) => (position[v] = i));
  for (let i = n - 1; i >= 0; i--) {
    const v = order[i];
    if (inc[v].some(({ node: u }) => position[u] < i)) continue;
    let nearest = Infinity;
    for (const { node: w } of out[v]) if (position[w] > i) nearest = Math.min(nearest, rank[w]);
    if (nearest !== Infinity && nearest - 1 > rank[v]) rank[v] = nearest - 1;
  }
  // drop empty layers (keeps every edge pointing the same way)
  const used = [...new Set(rank)].sort((a, b) => a - b);
  const compact = new Map(used.map((r, i) => [r, i]));
  return rank.map((r) => compact.get(r)!);
}

/**
 * Re-sort one layer by where its nodes want to be (the weighted mean centre of their
 * neighbours on one side; a node without any keeps its place), then place it.
 */
function arrangeLayer(
  layer: number[],
  adjacency: Adj[][],
  nodes: readonly LayeredNode[],
  nodesep: number,
  centre: Float64Array,
  counts: (u: number) => boolean,
) {
  const wish = new Map<number, number>();
  for (const v of layer) {
    let sum = 0;
    let weight = 0;
    for (const { node: u, weight: w } of adjacency[v]) {
      if (!counts(u)) continue;
      sum += centre[u] * w;
      weight += w;
    }
    wish.set(v, weight > 0 ? sum / weight : centre[v]);
  }
  // stable: ties keep the current order
  const current = new Map(layer.map((v, i) => [v, i]));
  layer.sort((a, b) => wish.get(a)! - wish.get(b)! || current.get(a)! - current.get(b)!);
  placeLayer(layer, nodes, nodesep, centre, wish);
}

/**
 * Centres for a layer in its order, each at least `nodesep` apart (edge to edge), as close to
 * its wish as possible in the least-squares sense (pool adjacent violators). Without wishes,
 * the layer is simply stacked from 0.
 */
function placeLayer(layer: readonly number[], nodes: readonly LayeredNode[], nodesep: number, centre: Float64Array, wish: Map<number, number> | null) {
  const offsets: number[] = [];
  let offset = 0;
  layer.forEach((v, i) => {
    if (i > 0) offset += (nodes[layer[i - 1]].height + nodes[v].height) / 2 + nodesep;
    offsets.push(offset);
  });
  if (!wish) {
    layer.forEach((v, i) => (centre[v] = offsets[i] + nodes[layer[0]].height / 2));
    return;
  }
  // isotonic regression of (wish - offset): blocks of equal value, merged while out of order
  const value: number[] = [];
  const size: number[] = [];
  for (let i = 0; i < layer.length; i++) {
    value.push(wish.get(layer[i])! - offsets[i]);
    size.push(1);
    while (value.length > 1 && value[value.length - 2] > value[value.length - 1]) {
      const b = value.pop()!;
      const nb = size.pop()!;
      const a = value[value.length - 1];
      const na = size[size.length - 1];
      value[value.length - 1] = (a * na + b * nb) / (na + nb);
      size[size.length - 1] = na + nb;
    }
  }
  let i = 0;
  value.forEach((z, block) => {
    for (let k = 0; k < size[block]; k++, i++) centre[layer[i]] = z + offsets[i];
  });
}
