/**
 * The stage graph: React Flow, laid out left to right (dagre for small graphs, a linear layered
 * layout for big ones: layout.ts). Nodes and edges are derived from the analysis; positions are
 * view state that only changes when the set of nodes or connections does (or when the person
 * drags a node). Every stage and arrow stays in the DOM (CONTRACT.md section 4), so a big graph
 * stays quick by rendering little: nodes subscribe to their own slice of the analysis
 * (graphFacts.ts) and the layout runs once per change of the graph's shape.
 *
 * The graph is also an editor (issue 6): dragging from a stage's (or image's) right handle to
 * another stage connects them, nodes and arrows take keys (arrows move between nodes, Enter
 * shows a stage's lines, F2 renames, Delete deletes), and the bar above the canvas holds every
 * action. Each action is a text edit applied through the editor (src/app/graphEdit).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeMouseHandler,
  type NodeChange,
  type NodeMouseHandler,
  type OnConnectEnd,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { analysisIdOfNode, displayModelOf, graphModelOf, type GraphModel } from './graphModel.ts';
import { layoutGraph, IMAGE_SIZE, STAGE_SIZE, type Positions } from './layout.ts';
import { StageNode, type StageFlowNode } from './StageNode.tsx';
import { ImageNode, type ImageFlowNode } from './ImageNode.tsx';
import { DependencyEdge, type DependencyFlowEdge } from './DependencyEdge.tsx';
import { graphFactsOf } from './graphFacts.ts';
import { EdgeLabelLayerContext, FindEdgeLabelLayer } from './edgeLabelLayer.tsx';
import { useColorScheme } from '../theme.ts';
import { GraphEditBar } from '../graphEdit/GraphEditBar.tsx';
import { GraphDialogs } from '../graphEdit/GraphDialogs.tsx';
import { useGraphEditStore } from '../graphEdit/graphEditStore.ts';
import { preloadEditCore } from '../graphEdit/loadEditCore.ts';
import { directionOfKey, neighbourInDirection } from '../graphEdit/navigation.ts';
import {
  edgeById,
  focusGraphNode,
  focusSelectedStageSoon,
  requestDeleteEdge,
  requestDeleteStage,
  revealStage,
  startConnect,
  stageIndexOf,
} from '../graphEdit/commands.ts';
import { planMove, planSetTarget, perform } from '../graphEdit/actions.ts';
import { redoDockerfileEdit, undoDockerfileEdit } from '../editor/editorBridge.ts';
import '../graphEdit/graphEdit.css';

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
  const [labelLayer, setLabelLayer] = useState<HTMLElement | null>(null);
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

  useEffect(() => preloadEditCore(), []);

  const onNodeClick = useCallback<NodeMouseHandler<FlowNode>>((event, node) => {
    useGraphEditStore.getState().selectEdge(null);
    if (node.type !== 'stage') return;
    revealStage(node.data.index);
    // the editor shows the stage's lines; the keys (Delete, F2, arrows) stay with the graph
    const wrapper = event.currentTarget as HTMLElement | null;
    if (wrapper && !wrapper.contains(document.activeElement)) wrapper.focus({ preventScroll: true });
  }, []);

  // double-click: on the FROM line it changes the base, anywhere else it renames
  const onNodeDoubleClick = useCallback<NodeMouseHandler<FlowNode>>((event, node) => {
    if (node.type !== 'stage') return;
    const onBase = (event.target as HTMLElement).closest?.('.stage-node__base');
    if (onBase) useGraphEditStore.getState().startBaseEdit(node.data.index);
    else useGraphEditStore.getState().startRename(node.data.index);
  }, []);

  // an arrow that the text no longer has is no longer selected
  useEffect(() => {
    const selected = useGraphEditStore.getState().edge;
    if (selected && model && !model.edges.some((e) => e.id === selected)) useGraphEditStore.getState().selectEdge(null);
  }, [model]);

  const onEdgeClick = useCallback<EdgeMouseHandler<DependencyFlowEdge>>((_, edge) => {
    useGraphEditStore.getState().selectEdge(edge.id);
  }, []);

  const onPaneClick = useCallback(() => useGraphEditStore.getState().selectEdge(null), []);

  // connecting: a drop on a handle is a connection; a drop on a stage's body counts too
  const onConnect = useCallback((c: Connection) => {
    const to = stageIndexOf(c.target);
    if (to !== null && c.source !== c.target) startConnect(analysisIdOfNode(c.source), to);
  }, []);
  const onConnectEnd = useCallback<OnConnectEnd>((event, state) => {
    if (state.isValid || !state.fromNode) return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    const el = document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node');
    const id = el?.dataset.id;
    const to = id ? stageIndexOf(id) : null;
    if (id && to !== null && id !== state.fromNode.id) startConnect(analysisIdOfNode(state.fromNode.id), to);
  }, []);
  const isValidConnection = useCallback((c: Connection | DependencyFlowEdge) => c.source !== c.target && stageIndexOf(c.target) !== null, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => handleGraphKey(event, flow.nodes),
    [flow.nodes],
  );

  return (
    <div className="stage-graph" aria-label="Stage graph" onKeyDown={onKeyDown} onFocus={onGraphFocus}>
      <GraphEditBar />
      <div className="stage-graph__canvas">
        <EdgeLabelLayerContext.Provider value={labelLayer}>
          <ReactFlow<FlowNode, DependencyFlowEdge>
            nodes={flow.nodes}
            edges={flow.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onNodeClick={onNodeClick}
            onNodeDoubleClick={onNodeDoubleClick}
            onEdgeClick={onEdgeClick}
            onPaneClick={onPaneClick}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            isValidConnection={isValidConnection}
            connectionRadius={28}
            nodesConnectable
            edgesFocusable
            elementsSelectable={false}
            deleteKeyCode={null}
            zoomOnDoubleClick={false}
            ariaLabelConfig={ARIA_LABELS}
            colorMode={scheme}
            minZoom={0.15}
            maxZoom={2}
            fitView
            fitViewOptions={{ padding: 0.12, maxZoom: 1.1 }}
          >
            <Background gap={20} size={1} />
            <Controls showInteractive={false} position="top-right" />
            {/* the overview helps only when the graph does not fit; on a small graph it hides nodes */}
            {model && model.nodes.length > WHOLE_GRAPH_MAX_NODES && (
              <MiniMap pannable zoomable position="bottom-right" nodeColor={minimapColour} ariaLabel="Stage graph overview" style={{ width: 132, height: 84 }} />
            )}
            <ConnectingMarker />
            <ZoomVariable />
            <FindEdgeLabelLayer onFound={setLabelLayer} />
          </ReactFlow>
        </EdgeLabelLayerContext.Provider>
        {model && model.nodes.length === 0 && (
          <p className="stage-graph__empty">No stages yet: a Dockerfile starts with FROM. Use “Add stage” above, or type in the editor.</p>
        )}
        <GraphLegend />
        <GraphDialogs />
      </div>
    </div>
  );
}

const ARIA_LABELS = {
  'node.a11yDescription.default':
    'Arrow keys move between nodes. On a stage: Enter shows its lines, F2 renames it, Delete deletes it, T makes it the target, B changes its base, C connects it, Alt+Left and Alt+Right move it earlier or later. Ctrl+Z undoes.',
  'edge.a11yDescription.default': 'Press Enter to select this arrow, Delete to remove it.',
};

/** While a connection is being dragged, the canvas says so (drop targets are highlighted in CSS). */
function ConnectingMarker() {
  const connecting = useStore((s) => s.connection.inProgress);
  useEffect(() => {
    document.body.classList.toggle('is-connecting-stages', connecting);
    return () => document.body.classList.remove('is-connecting-stages');
  }, [connecting]);
  return null;
}

/**
 * The zoom as a CSS variable on the canvas, so that the fields a node turns into stay readable
 * when the graph is zoomed out (graphEdit.css scales their text up by it).
 */
function ZoomVariable() {
  const zoom = useStore((s) => s.transform[2]);
  const domNode = useStore((s) => s.domNode);
  useEffect(() => {
    domNode?.style.setProperty('--graph-zoom', String(Math.round(zoom * 100) / 100));
  }, [zoom, domNode]);
  return null;
}

/** A stage node that receives focus becomes the selected stage (without moving the editor). */
function onGraphFocus(event: FocusEvent<HTMLDivElement>) {
  const el = event.target as HTMLElement;
  if (!el.classList?.contains('react-flow__node')) return;
  const index = stageIndexOf(el.dataset.id ?? '');
  if (index !== null && useSelectionStore.getState().stage !== index) useSelectionStore.setState({ stage: index });
}

function isTyping(el: HTMLElement): boolean {
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Keys on the graph: undo/redo anywhere; on a focused node or arrow, the graph's own keys. */
function handleGraphKey(event: KeyboardEvent<HTMLDivElement>, nodes: readonly FlowNode[]) {
  const el = event.target as HTMLElement;
  if (isTyping(el)) return;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (mod && !event.altKey && (key === 'z' || key === 'Z' || key === 'y')) {
    const redo = key === 'y' || event.shiftKey;
    if (redo ? redoDockerfileEdit() : undoDockerfileEdit()) event.preventDefault();
    return;
  }
  if (key === 'Escape') {
    const ui = useGraphEditStore.getState();
    if (ui.dialog) ui.closeDialog();
    else ui.selectEdge(null);
    return;
  }
  if (mod) return;

  if (el.classList.contains('react-flow__node')) {
    const id = el.dataset.id ?? '';
    const dir = directionOfKey(key);
    const stage = stageIndexOf(id);
    if (dir && event.altKey && stage !== null && (dir === 'left' || dir === 'right')) {
      event.preventDefault();
      const direction = dir === 'left' ? 'earlier' : 'later';
      // the focus follows the stage to its new place
      void perform(`move this stage ${direction}`, planMove(stage, direction)).then((r) => {
        if (r.ok) void focusSelectedStageSoon();
      });
      return;
    }
    if (dir && !event.altKey) {
      event.preventDefault();
      const boxes = nodes.map((n) => ({
        id: n.id,
        x: n.position.x,
        y: n.position.y,
        width: n.measured?.width ?? (n.type === 'stage' ? STAGE_SIZE.width : IMAGE_SIZE.width),
        height: n.measured?.height ?? (n.type === 'stage' ? STAGE_SIZE.height : IMAGE_SIZE.height),
      }));
      const next = neighbourInDirection(boxes, id, dir);
      if (next) focusGraphNode(next);
      return;
    }
    if ((key === 'c' || key === 'C') && !event.altKey) {
      // a stage or an image: connect it to a stage chosen in the dialog
      event.preventDefault();
      startConnect(analysisIdOfNode(id), null);
      return;
    }
    if (stage === null || event.altKey) return;
    const ui = useGraphEditStore.getState();
    switch (key) {
      case 'Enter':
        event.preventDefault();
        revealStage(stage);
        return;
      case 'F2':
        event.preventDefault();
        ui.startRename(stage);
        return;
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        void requestDeleteStage(stage);
        return;
      case 't':
      case 'T':
        event.preventDefault();
        void perform('set this stage as the target', planSetTarget(stage));
        return;
      case 'b':
      case 'B':
        event.preventDefault();
        ui.startBaseEdit(stage);
        return;
      default:
        return;
    }
  }

  const edgeEl = el.closest?.('.react-flow__edge') as HTMLElement | null;
  if (edgeEl) {
    const edgeId = edgeEl.dataset.id ?? '';
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      useGraphEditStore.getState().selectEdge(edgeId);
    } else if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      const edge = edgeById(edgeId);
      if (edge) void requestDeleteEdge(edge);
    }
  }
}

/**
 * The next node list: laid out afresh (once) when nodes or connections changed, else kept in
 * place. A node object (and its data) is kept when nothing about it changed, so React Flow
 * re-renders only what did.
 */
function reconcileNodes(previous: FlowState, model: GraphModel | null): FlowState {
  if (!model) return { ...previous, model };
  const relayout = model.layoutKey !== previous.layoutKey;
  const at: Positions = relayout ? layoutGraph(model) : {};
  const old = new Map(previous.nodes.map((n) => [n.id, n]));
  const nodes = model.nodes.map((spec): FlowNode => {
    const before = old.get(spec.id);
    const position = relayout || !before ? (at[spec.id] ?? { x: 0, y: 0 }) : before.position;
    if (before && before.type === spec.kind && before.position === position && sameData(before, spec)) return before;
    const common = { id: spec.id, position, draggable: true, selectable: false, ariaLabel: spec.ariaLabel };
    const node: FlowNode =
      spec.kind === 'stage'
        ? { ...common, type: 'stage', data: before?.type === 'stage' && before.data.index === spec.index ? before.data : { index: spec.index! } }
        : { ...common, type: 'image', data: before?.type === 'image' && before.data.ref === spec.ref ? before.data : { id: analysisIdOfNode(spec.id), ref: spec.ref! } };
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
    if (before?.data && before.source === e.source && before.data.label === e.label && before.data.detail === e.detail && before.data.parallel === e.parallel && before.ariaLabel === e.ariaLabel) return before;
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'dependency',
      selectable: false,
      ariaLabel: e.ariaLabel,
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
  if (node.ariaLabel !== spec.ariaLabel) return false;
  return node.type === 'stage' ? node.data.index === spec.index : node.data.ref === spec.ref;
}

function minimapColour(node: FlowNode): string {
  if (node.type === 'image') return '#94a3b8';
  const a = useWorkspaceStore.getState().analysis;
  const index = node.data.index;
  if (a?.target === index) return '#7c3aed';
  return graphFactsOf(a).needed.has(index) ? '#2563eb' : '#cbd5e1';
}

/**
 * The model changes only when the analysis does; the Dockerfile text is read at that moment.
 * A big graph draws each image once per stage that uses it (displayModelOf).
 */
function useGraphModel(): GraphModel | null {
  const analysis = useWorkspaceStore((s) => s.analysis);
  return useMemo(() => {
    if (!analysis) return null;
    const lines = useWorkspaceStore.getState().workspace.dockerfile.split(/\r?\n/);
    return displayModelOf(graphModelOf(analysis, lines));
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
