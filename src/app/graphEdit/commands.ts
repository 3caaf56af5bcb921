/**
 * What the graph's buttons, keys and drags ask for, in one place: open the right dialog or
 * inline field, or perform the action straight away when it needs no more input.
 */
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useGraphEditStore } from './graphEditStore.ts';
import { brokenByDeleting, perform, planDeleteEdge, type EdgeRef } from './actions.ts';

/** `stage:3` -> 3; anything else -> null. */
export function stageIndexOf(id: string | null | undefined): number | null {
  const m = /^stage:(\d+)$/.exec(id ?? '');
  return m ? Number(m[1]) : null;
}

/** The edge an id of the graph model names (`edge:<i>:<kind>:<from>-><to>@<line>`). */
export function edgeById(id: string): EdgeRef | null {
  const m = /^edge:\d+:(base|copy|mount):(.+)->(\d+)@(\d+)$/.exec(id);
  if (!m) return null;
  return { kind: m[1] as EdgeRef['kind'], from: m[2], to: Number(m[3]), line: Number(m[4]) };
}

export function focusGraphNode(id: string): void {
  const el = document.querySelector<HTMLElement>(`.stage-graph .react-flow__node[data-id="${CSS.escape(id)}"]`);
  el?.focus();
}

/** Give the keys back to the graph after a dialog or inline field closes. */
export function refocusStage(index: number | null): void {
  // the node may be re-rendered by the analysis of the edit: wait a frame
  requestAnimationFrame(() => {
    if (index !== null && document.querySelector(`.stage-graph .react-flow__node[data-id="stage:${index}"]`)) focusGraphNode(`stage:${index}`);
    else document.querySelector<HTMLElement>('[data-testid="add-stage-button"]')?.focus();
  });
}

/** Select a stage and show its lines in the editor (Enter on a node, a click). */
export function revealStage(index: number): void {
  const stage = useWorkspaceStore.getState().analysis?.stages[index];
  if (stage) useSelectionStore.getState().pickStage(stage.index, stage.line, stage.endLine);
}

export function startConnect(from: string, to: number | null): void {
  useGraphEditStore.getState().openDialog({ kind: 'connect', from, to });
}

export async function requestDeleteStage(stage: number): Promise<void> {
  const r = await brokenByDeleting(stage);
  if (!r.ok) useGraphEditStore.getState().say('refused', `Can't delete this stage: ${r.reason}`);
  else useGraphEditStore.getState().openDialog({ kind: 'delete-stage', stage, broken: r.broken });
}

/** A copy or mount arrow goes at once; a base arrow asks what to build on instead. */
export async function requestDeleteEdge(edge: EdgeRef): Promise<void> {
  const ui = useGraphEditStore.getState();
  if (edge.kind === 'base') {
    ui.openDialog({ kind: 'replace-base', stage: edge.to, from: edge.from });
    return;
  }
  const r = await perform('remove this arrow', planDeleteEdge(edge));
  if (r.ok) useGraphEditStore.getState().selectEdge(null);
}

/** Resolves once the analysis shows the current text (after an action, before focusing its result). */
export function afterAnalysis(timeoutMs = 5000): Promise<void> {
  const settled = () => {
    const s = useWorkspaceStore.getState();
    return s.analysisRevision === s.revision;
  };
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = useWorkspaceStore.subscribe(() => {
      if (settled()) done();
    });
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

/** After an action: focus the selected stage's node once the graph shows the new text. */
export async function focusSelectedStageSoon(fallback: number | null = null): Promise<void> {
  await afterAnalysis();
  refocusStage(useSelectionStore.getState().stage ?? fallback);
}
