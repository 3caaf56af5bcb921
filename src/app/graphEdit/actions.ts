/**
 * Graph actions: each asks the core (src/core/edit) for the text edits, applies them through
 * the editor bridge (one action, one undo step) and says what happened. A refusal changes
 * nothing and gives the core's reason.
 *
 * Each action is a *plan* (text + analysis -> edits, message, side effect), so a dialog can
 * preview exactly what an action would write before the person applies it.
 */
import type { Analysis, EdgeKind, TextEdit } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { applyTextEdits, currentDockerfile, editorAttached, type SideEffect } from '../editor/editorBridge.ts';
import { loadEditCore, type EditCore } from './loadEditCore.ts';
import { useGraphEditStore } from './graphEditStore.ts';
import { changedLines, stageCalled } from './describe.ts';

/** The text an action works on, and the analysis of exactly that text. */
export interface Basis {
  text: string;
  analysis: Analysis;
}

export interface Plan {
  edits: TextEdit[];
  /** said once applied */
  message: string;
  effect?: SideEffect;
  /** where the editor's cursor goes: a stage's FROM line in the new text, or a line */
  cursor?: { stage: number } | { line: number };
}

export type Planned = Plan | { refused: string };
export type Planner = (core: EditCore, basis: Basis) => Planned;

export type Outcome = { ok: true } | { ok: false; reason: string };

const CATCHING_UP = 'the graph is still catching up with the last edit; try again in a moment';

function basis(): Basis | string {
  const s = useWorkspaceStore.getState();
  const text = currentDockerfile();
  if (!s.analysis || s.analysisRevision !== s.revision || s.workspace.dockerfile !== text) return CATCHING_UP;
  return { text, analysis: s.analysis };
}

/** How long an action made during an analysis waits for it before it is refused. */
const CATCH_UP_MS = 5_000;

/**
 * The basis once the analysis has caught up with the text: an action clicked or keyed while
 * the last edit is still being analysed (a big file, a busy machine) applies when the graph
 * is current, instead of being refused at once.
 */
async function settledBasis(): Promise<Basis | string> {
  const deadline = Date.now() + CATCH_UP_MS;
  for (;;) {
    const b = basis();
    if (typeof b !== 'string' || Date.now() >= deadline) return b;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Plan and apply an action; `what` completes "Can't …" in a refusal. */
export async function perform(what: string, planner: Planner): Promise<Outcome> {
  const ui = useGraphEditStore.getState();
  ui.setBusy(true);
  try {
    const core = await loadEditCore();
    const b = await settledBasis();
    if (typeof b === 'string') return refused(what, b);
    const plan = planner(core, b);
    if ('refused' in plan) return refused(what, plan.refused);
    const next = core.applyEdits(b.text, plan.edits);
    let cursorLine: number | undefined;
    let stage: number | undefined;
    if (plan.cursor && 'stage' in plan.cursor) {
      stage = plan.cursor.stage;
      cursorLine = core.editContext(next).stages[stage]?.line;
    } else if (plan.cursor) cursorLine = plan.cursor.line;
    const applied = applyTextEdits(plan.edits, { basedOn: b.text, expected: next, effect: plan.effect, cursorLine });
    if (!applied.ok) return refused(what, applied.reason);
    // without Monaco the cursor cannot carry the selection
    if (!editorAttached() && stage !== undefined) useSelectionStore.setState({ stage });
    useGraphEditStore.getState().say('done', plan.message, applied.undoable);
    return { ok: true };
  } catch (e) {
    return refused(what, e instanceof Error ? e.message : String(e));
  } finally {
    useGraphEditStore.getState().setBusy(false);
  }
}

function refused(what: string, reason: string): Outcome {
  useGraphEditStore.getState().say('refused', `Can't ${what}: ${reason}`);
  return { ok: false, reason };
}

export type Preview = { ok: true; first: number; lines: string[]; removed: number } | { ok: false; reason: string };

/** What an action would write, without writing it. */
export async function preview(planner: Planner): Promise<Preview> {
  const core = await loadEditCore();
  const b = await settledBasis();
  if (typeof b === 'string') return { ok: false, reason: b };
  try {
    const plan = planner(core, b);
    if ('refused' in plan) return { ok: false, reason: plan.refused };
    return { ok: true, ...changedLines(b.text, core.applyEdits(b.text, plan.edits)) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

// ------------------------------------------------------------------------------ side effects

/** The selected target follows a renamed, named or deleted stage; undo puts it back. */
function targetEffect(before: string | null, after: string | null): SideEffect {
  return {
    redo: () => useWorkspaceStore.getState().setTarget(after),
    undo: () => useWorkspaceStore.getState().setTarget(before),
  };
}

const currentTarget = () => useWorkspaceStore.getState().workspace.target;
const called = (b: Basis, i: number) => stageCalled(b.analysis.stages[i] ?? { index: i, name: null, nameAsWritten: null });

// ------------------------------------------------------------------------------ plans

export interface AddStageSpec {
  base?: string;
  baseStage?: number;
  name?: string;
  /** insert after this stage; default: at the end (after the base stage for "based on") */
  after?: number;
}

export const planAddStage =
  (spec: AddStageSpec): Planner =>
  (core, b) => {
    const r = core.addStage(b.text, {
      base: spec.base,
      baseStage: spec.baseStage,
      name: spec.name?.trim() || undefined,
      after: spec.after,
    });
    if (!r.ok) return { refused: r.reason };
    const on = spec.baseStage !== undefined ? `stage ${called(b, spec.baseStage)}` : spec.base?.trim();
    return { edits: r.edits, message: `Added stage ${r.name} (FROM ${on}).`, cursor: { stage: r.index } };
  };

export const planRename =
  (stage: number, name: string): Planner =>
  (core, b) => {
    const r = core.renameStage(b.text, { stage, name });
    if (!r.ok) return { refused: r.reason };
    const was = called(b, stage);
    if (r.edits.length === 0) return { edits: [], message: `Stage ${was} is already called ${r.name}.` };
    const target = currentTarget();
    const effect = target !== null && r.previous !== null && target.toLowerCase() === r.previous ? targetEffect(target, r.name) : undefined;
    const refs = r.edits.length - 1;
    let message = `Renamed ${was} to ${r.name}`;
    message += refs > 0 ? ` and ${refs} reference${refs === 1 ? '' : 's'} to it.` : '.';
    if (r.skipped.length) message += ` Not rewritten (written through an ARG): line ${r.skipped.map((s) => s.line).join(', ')}.`;
    return { edits: r.edits, message, effect, cursor: { stage } };
  };

export const planChangeBase =
  (stage: number, base: string): Planner =>
  (core, b) => {
    const r = core.changeBase(b.text, { stage, base });
    if (!r.ok) return { refused: r.reason };
    if (r.edits.length === 0) return { edits: [], message: `Stage ${called(b, stage)} already builds on ${base.trim()}.` };
    return { edits: r.edits, message: `Stage ${called(b, stage)} now builds on ${base.trim()}.`, cursor: { stage } };
  };

export const planSetTarget =
  (stage: number): Planner =>
  (core, b) => {
    const s = b.analysis.stages[stage];
    if (!s) return { refused: `there is no stage ${stage}` };
    const before = currentTarget();
    if (s.name) return { edits: [], message: `${stageCalled(s)} is now the target.`, effect: targetEffect(before, s.name) };
    if (stage === b.analysis.stages.length - 1) {
      return { edits: [], message: `The last stage (${stageCalled(s)}) is the target.`, effect: targetEffect(before, null) };
    }
    // --target needs a name: give the stage one first
    const name = core.uniqueStageName(s.base, core.namesInUse(core.editContext(b.text), stage));
    const r = core.renameStage(b.text, { stage, name });
    if (!r.ok) return { refused: r.reason };
    return { edits: r.edits, message: `Named stage #${stage} “${name}” and made it the target.`, effect: targetEffect(before, name), cursor: { stage } };
  };

export const planMove =
  (stage: number, direction: 'earlier' | 'later'): Planner =>
  (core, b) => {
    const r = core.moveStage(b.text, { stage, direction });
    if (!r.ok) return { refused: r.reason };
    return { edits: r.edits, message: `Moved ${called(b, stage)} ${direction} (now stage ${r.index}).`, cursor: { stage: r.index } };
  };

export const planDeleteStage =
  (stage: number): Planner =>
  (core, b) => {
    const r = core.deleteStage(b.text, { stage });
    if (!r.ok) return { refused: r.reason };
    const s = b.analysis.stages[stage];
    const target = currentTarget();
    const effect = target !== null && s?.name && target.toLowerCase() === s.name ? targetEffect(target, null) : undefined;
    let message = `Deleted stage ${called(b, stage)}.`;
    if (r.broken.length) message += ` ${r.broken.length} reference${r.broken.length === 1 ? ' to it is' : 's to it are'} left as written (line ${r.broken.map((x) => x.reference.line).join(', ')}).`;
    return { edits: r.edits, message, effect };
  };

export type ConnectSpec = { from: number | string; to: number } & (
  | { how: 'copy'; src: string; dest: string }
  | { how: 'base' }
  | { how: 'mount'; runLine?: number; target: string; source?: string }
);

export const planConnect =
  (spec: ConnectSpec): Planner =>
  (core, b) => {
    const from = typeof spec.from === 'number' ? called(b, spec.from) : spec.from;
    const to = called(b, spec.to);
    // the core accepts an image named scratch as a source; it is empty (and not pullable)
    if (spec.how !== 'base' && typeof spec.from === 'string' && spec.from.trim().toLowerCase() === 'scratch') {
      return { refused: `scratch is an empty filesystem: there is nothing to ${spec.how === 'copy' ? 'copy' : 'mount'} from it` };
    }
    if (spec.how === 'copy') {
      const r = core.connectCopy(b.text, { from: spec.from, to: spec.to, src: spec.src.trim(), dest: spec.dest.trim() });
      if (!r.ok) return { refused: r.reason };
      return { edits: r.edits, message: `${to} now copies ${spec.src.trim()} from ${from}.`, cursor: { line: r.line } };
    }
    if (spec.how === 'base') {
      const r = core.connectBase(b.text, { from: spec.from, to: spec.to });
      if (!r.ok) return { refused: r.reason };
      if (r.edits.length === 0) return { edits: [], message: `${to} already builds on ${from}.` };
      return { edits: r.edits, message: `${to} now builds on ${r.name}.`, cursor: { stage: spec.to } };
    }
    const source = spec.source?.trim() || undefined;
    const r = core.connectMount(b.text, { from: spec.from, to: spec.to, runLine: spec.runLine, target: spec.target.trim(), source });
    if (!r.ok) return { refused: r.reason };
    return { edits: r.edits, message: `The RUN at line ${r.runLine} of ${to} now mounts ${from} at ${spec.target.trim()}.`, cursor: { line: r.runLine } };
  };

export interface EdgeRef {
  kind: EdgeKind;
  /** `stage:N` or `image:REF` */
  from: string;
  to: number;
  line: number;
}

/** Delete a copy or mount edge; a base edge needs the new base (`newBase`). */
export const planDeleteEdge =
  (edge: EdgeRef, newBase?: string): Planner =>
  (core, b) => {
    const to = called(b, edge.to);
    if (edge.kind === 'copy') {
      const r = core.deleteEdge(b.text, { kind: 'copy', line: edge.line });
      if (!r.ok) return { refused: r.reason };
      return { edits: r.edits, message: `Removed the COPY --from at line ${edge.line} from ${to}.`, cursor: { stage: edge.to } };
    }
    if (edge.kind === 'mount') {
      const from = edge.from.startsWith('stage:') ? Number(edge.from.slice('stage:'.length)) : edge.from.slice('image:'.length);
      const r = core.deleteEdge(b.text, { kind: 'mount', line: edge.line, from });
      if (!r.ok) return { refused: r.reason };
      return { edits: r.edits, message: `Removed the mount from the RUN at line ${edge.line} of ${to}.`, cursor: { line: edge.line } };
    }
    if (newBase === undefined || newBase.trim() === '') return { refused: 'say what the stage should build on instead' };
    const r = core.deleteEdge(b.text, { kind: 'base', stage: edge.to, newBase });
    if (!r.ok) return { refused: r.reason };
    return { edits: r.edits, message: `${to} now builds on ${newBase.trim()}.`, cursor: { stage: edge.to } };
  };

/** The references a stage's deletion would break (for the confirmation), or the refusal. */
export async function brokenByDeleting(stage: number) {
  const core = await loadEditCore();
  const b = await settledBasis();
  if (typeof b === 'string') return { ok: false as const, reason: b };
  const r = core.deleteStage(b.text, { stage });
  return r.ok ? { ok: true as const, broken: r.broken } : { ok: false as const, reason: r.reason };
}
