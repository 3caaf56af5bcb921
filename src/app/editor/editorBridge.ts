/**
 * The editor bridge: how graph actions change the Dockerfile. The core computes `TextEdit[]`
 * (src/core/edit); they are applied to the live Monaco model with `pushUndoStop` +
 * `executeEdits` (never `setValue`, which wipes the undo stack), so one graph action is one
 * Ctrl+Z, and the normal path (model -> store -> analysis) updates every view.
 *
 * A graph action may also change something that is not text (the selected target follows a
 * renamed or deleted stage). Such side effects are tied to the model's alternative version
 * ids: undoing back to the version before the action runs `undo()`, redoing to the version
 * after it runs `redo()`.
 *
 * When Monaco is not there (still loading, or the plain text-area fallback), the edits are
 * applied to the store text directly; they are then not undoable, like any fallback edit.
 *
 * Only type imports of Monaco here: the graph (in the entry chunk) imports this module, and
 * Monaco must stay in its lazy chunk.
 */
import type * as Monaco from 'monaco-editor/editor';
import type { TextEdit } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';

type Editor = Monaco.editor.IStandaloneCodeEditor;

/** What a graph action does besides its text edits, and how to take it back. */
export interface SideEffect {
  redo(): void;
  undo(): void;
}

interface Recorded extends SideEffect {
  before: number;
  after: number;
}

export interface ApplyOptions {
  /** the text the edits were computed on: they are refused if the text changed since */
  basedOn: string;
  /** the text once the edits are applied (for the fallback without Monaco) */
  expected: string;
  /** run now, undone and redone with the edit */
  effect?: SideEffect;
  /**
   * where the editor's cursor goes afterwards (its stage becomes the selected one); default:
   * the cursor stays, the first edited line is brought into view
   */
  cursorLine?: number;
}

export type ApplyResult = { ok: true; undoable: boolean } | { ok: false; reason: string };

const EDIT_SOURCE = 'stagecraft.graph';
/** side effects kept for undo/redo; older ones are dropped */
const MAX_EFFECTS = 200;

let current: { editor: Editor; effects: Recorded[] } | null = null;

/**
 * Connect the live editor. Returns the function that disconnects it (call it before the editor
 * is disposed).
 */
export function attachEditorBridge(editor: Editor): () => void {
  const entry = { editor, effects: [] as Recorded[] };
  current = entry;
  const model = editor.getModel();
  const listener = model?.onDidChangeContent((e) => {
    if (!e.isUndoing && !e.isRedoing) return;
    const v = model.getAlternativeVersionId();
    // newest first: undoing several actions at once is not possible, but be orderly anyway
    for (const r of [...entry.effects].reverse()) {
      if (e.isUndoing && r.before === v) r.undo();
      else if (e.isRedoing && r.after === v) r.redo();
    }
  });
  return () => {
    listener?.dispose();
    if (current === entry) current = null;
  };
}

/** The Dockerfile text graph actions work on: the editor's, else the store's. */
export function currentDockerfile(): string {
  const model = current?.editor.getModel();
  return model ? model.getValue() : useWorkspaceStore.getState().workspace.dockerfile;
}

/** True when graph edits go through Monaco (and can be undone with Ctrl+Z). */
export function editorAttached(): boolean {
  return current?.editor.getModel() != null;
}

/** Apply a graph action's edits as one undoable step. */
export function applyTextEdits(edits: readonly TextEdit[], opts: ApplyOptions): ApplyResult {
  if (currentDockerfile() !== opts.basedOn) return { ok: false, reason: 'the Dockerfile changed meanwhile; try again' };
  const entry = current;
  const model = entry?.editor.getModel();
  if (!entry || !model) {
    if (edits.length) useWorkspaceStore.getState().setDockerfile(opts.expected);
    opts.effect?.redo();
    return { ok: true, undoable: false };
  }
  const editor = entry.editor;
  if (edits.length === 0) {
    // nothing in the text changes (a named stage set as target): the effect alone
    opts.effect?.redo();
    return { ok: true, undoable: false };
  }
  const before = model.getAlternativeVersionId();
  const operations: Monaco.editor.IIdentifiedSingleEditOperation[] = edits.map((e) => ({
    range: { startLineNumber: e.line, startColumn: e.column, endLineNumber: e.endLine, endColumn: e.endColumn },
    text: e.text,
    forceMoveMarkers: false,
  }));
  editor.pushUndoStop();
  const applied = editor.executeEdits(EDIT_SOURCE, operations);
  editor.pushUndoStop();
  if (!applied) return { ok: false, reason: 'the editor is read-only' };
  const after = model.getAlternativeVersionId();
  if (opts.effect) {
    opts.effect.redo();
    entry.effects.push({ ...opts.effect, before, after });
    if (entry.effects.length > MAX_EFFECTS) entry.effects.splice(0, entry.effects.length - MAX_EFFECTS);
  }
  const line = Math.min(Math.max(1, opts.cursorLine ?? Math.min(...edits.map((e) => e.line))), model.getLineCount());
  if (opts.cursorLine !== undefined) editor.setPosition({ lineNumber: line, column: 1 });
  editor.revealLineInCenterIfOutsideViewport(line);
  return { ok: true, undoable: true };
}

/** Undo the last edit of the Dockerfile (a graph action or typing), as Ctrl+Z in the editor does. */
export function undoDockerfileEdit(): boolean {
  const model = current?.editor.getModel();
  if (!model || !model.canUndo()) return false;
  void model.undo();
  return true;
}

export function redoDockerfileEdit(): boolean {
  const model = current?.editor.getModel();
  if (!model || !model.canRedo()) return false;
  void model.redo();
  return true;
}
