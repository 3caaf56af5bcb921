/**
 * The stage graph: React Flow, laid out left to right by dagre. Nodes and edges are derived
 * from the analysis; positions are view state that only changes when the set of nodes or
 * connections does (or when the person drags a node).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { graphModelOf, type GraphModel } from './graphModel.ts';
import { layoutGraph, type Positions } from './layout.ts';
import { StageNode, type StageFlowNode } from './StageNode.tsx';
import { ImageNode, type ImageFlowNode } from './ImageNode.tsx';
import { DependencyEdge, type DependencyFlowEdge } from './DependencyEdge.tsx';
import { useColorScheme } from '../theme.ts';

type FlowNode = StageFlowNode | ImageFlowNode;

const nodeTypes = { stage: StageNode, image: ImageNode };
const edgeTypes = { dependency: DependencyEdge };
const EDGE_COLOURS = { base: '#64748b', copy: '#2563eb', mount: '#b45309' } as const;

export function StageGraph() {
  return (
    <ReactFlowProvider>
      <StageGraphCanvas />
    </ReactFlowProvider>
  );
}

interface FlowState {
  model: GraphModel | null;
  layoutKey: string;
  nodes: FlowNode[];
  edges: DependencyFlowEdge[];
}

function StageGraphCanvas() {
  const model = useGraphModel();
  const scheme = useColorScheme();
  const { fitView } = useReactFlow();

  // Nodes are derived from the model during render (React's "state from props" pattern), so
  // the commit that shows a new analysis also shows its nodes. Node objects are kept when
  // nothing about them changed, which keeps React Flow's measurements and avoids re-renders.
  const [flow, setFlow] = useState<FlowState>({ model: null, layoutKey: '', nodes: [], edges: [] });
  if (flow.model !== model) setFlow(reconcileNodes(flow, model));

  // Fit the graph after every new layout. A big graph fitted whole would be unreadably small:
  // then show the target and what it builds on, and leave the rest to the minimap and zoom.
  const modelForFit = useRef(flow.model);
  modelForFit.current = flow.model;
  useEffect(() => {
    const id = requestAnimationFrame(() => void fitView({ padding: 0.12, maxZoom: 1.1, nodes: focusNodes(modelForFit.current) }));
    return () => cancelAnimationFrame(id);
  }, [flow.layoutKey, fitView]);


  // dragging and React Flow's measurements: the person's positions hold until the layout key changes
  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    setFlow((f) => ({ ...f, nodes: applyNodeChanges(changes, f.nodes) }));
  }, []);

  const onNodeClick = useCallback<NodeMouseHandler<FlowNode>>((_, node) => {
    if (node.type !== 'stage') return;
    const stage = useWorkspaceStore.getState().analysis?.stages[node.data.index];
    if (stage) useSelectionStore.getState().pickStage(stage.index, stage.line, stage.endLine);
  }, []);

  return (
    <div className="stage-graph" aria-label="Stage graph">
      <ReactFlow<FlowNode, DependencyFlowEdge>
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        nodesConnectable={false}
        edgesFocusable={false}
        colorMode={scheme}
        minZoom={0.15}
        maxZoom={2}
        fitView
        fitViewOptions={{ padding: 0.12, maxZoom: 1.1 }}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} position="top-right" />
        <MiniMap pannable zoomable position="bottom-right" nodeColor={minimapColour} ariaLabel="Stage graph overview" style={{ width: 132, height: 84 }} />
      </ReactFlow>
      {model && model.nodes.length === 0 && <p className="stage-graph__empty">No stages yet: a Dockerfile starts with FROM.</p>}
      <GraphLegend />
    </div>
  );
}

/** the next node list: laid out afresh when nodes or connections changed, else kept in place */
function reconcileNodes(previous: FlowState, model: GraphModel | null): FlowState {
  if (!model) return { ...previous, model };
  const relayout = model.layoutKey !== previous.layoutKey;
  const at: Positions = relayout ? layoutGraph(model) : {};
  const old = new Map(previous.nodes.map((n) => [n.id, n]));
  const nodes = model.nodes.map((spec): FlowNode => {
    const before = old.get(spec.id);
    const position = relayout || !before ? (at[spec.id] ?? layoutGraph(model)[spec.id]) : before.position;
    if (before && before.type === spec.kind && before.position === position && sameData(before, spec)) return before;
    const common = { id: spec.id, position, draggable: true, selectable: false };
    const node: FlowNode =
      spec.kind === 'stage'
        ? { ...common, type: 'stage', data: { index: spec.index! } }
        : { ...common, type: 'image', data: { id: spec.id, ref: spec.ref! } };
    return before ? ({ ...before, ...node } as FlowNode) : node;
  });
  const same = nodes.length === previous.nodes.length && nodes.every((n, i) => n === previous.nodes[i]);
  return { model, layoutKey: model.layoutKey, nodes: same ? previous.nodes : nodes, edges: reconcileEdges(previous.edges, model) };
}

/** edges of the model, keeping the previous object of every edge that did not change */
function reconcileEdges(previous: DependencyFlowEdge[], model: GraphModel): DependencyFlowEdge[] {
  const old = new Map(previous.map((e) => [e.id, e]));
  const edges = model.edges.map((e): DependencyFlowEdge => {
    const before = old.get(e.id);
    if (before?.data && before.data.label === e.label && before.data.detail === e.detail && before.data.parallel === e.parallel) return before;
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'dependency',
      selectable: false,
      markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_COLOURS[e.kind], width: 18, height: 18 },
      data: { kind: e.kind, from: e.from, to: e.to, line: e.line, label: e.label, detail: e.detail, parallel: e.parallel },
    };
  });
  return edges.length === previous.length && edges.every((e, i) => e === previous[i]) ? previous : edges;
}

const WHOLE_GRAPH_MAX_NODES = 14;

function focusNodes(model: GraphModel | null): { id: string }[] | undefined {
  const target = useWorkspaceStore.getState().analysis?.target;
  if (!model || model.nodes.length <= WHOLE_GRAPH_MAX_NODES || target == null) return undefined;
  const targetId = `stage:${target}`;
  const ids = new Set([targetId, ...model.edges.filter((e) => e.target === targetId).map((e) => e.source)]);
  return [...ids].map((id) => ({ id }));
}

function sameData(node: FlowNode, spec: GraphModel['nodes'][number]): boolean {
  return node.type === 'stage' ? node.data.index === spec.index : node.data.ref === spec.ref;
}

function minimapColour(node: FlowNode): string {
  if (node.type === 'image') return '#94a3b8';
  const a = useWorkspaceStore.getState().analysis;
  const index = node.data.index;
  if (a?.target === index) return '#7c3aed';
  return a?.needed.includes(index) ? '#2563eb' : '#cbd5e1';
}

/** The model changes only when the analysis does; the Dockerfile text is read at that moment. */
function useGraphModel(): GraphModel | null {
  const analysis = useWorkspaceStore((s) => s.analysis);
  return useMemo(() => {
    if (!analysis) return null;
    const lines = useWorkspaceStore.getState().workspace.dockerfile.split(/\r?\n/);
    return graphModelOf(analysis, lines);
  }, [analysis]);
}

function GraphLegend() {
  return (
    <div className="graph-legend" aria-label="Legend">
      <span className="legend-item legend-item--base">base (FROM)</span>
      <span className="legend-item legend-item--copy">COPY --from</span>
      <span className="legend-item legend-item--mount">RUN --mount from=</span>
    </div>
  );
}
