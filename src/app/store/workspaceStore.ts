/**
 * The playground's one store. The workspace (Dockerfile text, context file list,
 * .dockerignore, target, build args) is the only truth; the analysis is derived from it and
 * is stored together with the revision of the workspace it was computed for, so every view can
 * tell whether what it shows is current (DESIGN.md: "text is the truth").
 */
import { create } from 'zustand';
import type { Analysis } from '../../core/types.ts';
import type { ContextFacts, StageFacts, StageReferenceFact } from '../analysis/stageFacts.ts';
import type { AnalysisResult } from '../analysis/protocol.ts';
import type { Workspace } from '../workspace.ts';
import { normalizeContextPath } from './contextPaths.ts';

export type AnalysisPhase = 'pending' | 'ready' | 'error';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface WorkspaceState {
  workspace: Workspace;
  /** bumps on every change of the workspace; analysis results carry the revision they answer */
  revision: number;
  analysis: Analysis | null;
  /** per-stage numbers for the graph, computed with `analysis` */
  facts: StageFacts[] | null;
  /** per context file: the instructions that read it, the .dockerignore line that ignored it */
  contextFacts: ContextFacts | null;
  /** every word naming a stage, for hover and go-to-definition */
  references: StageReferenceFact[];
  /** the revision `analysis` was computed for (-1: none yet) */
  analysisRevision: number;
  /** the engine or its worker failed (never expected: analyze is total) */
  analysisError: string | null;
  /** milliseconds the last analysis took inside the worker */
  analysisMs: number | null;
  /** true once the editor (Monaco, or its plain fallback) shows the store's text */
  editorReady: boolean;
  /** a message for the person (bad link, ...) */
  notice: Notice | null;

  setDockerfile(text: string): void;
  setDockerignore(text: string): void;
  setTarget(target: string | null): void;
  setBuildArg(key: string, value: string): void;
  renameBuildArg(oldKey: string, newKey: string): void;
  removeBuildArg(key: string): void;
  addFile(path: string): string | null;
  renameFile(oldPath: string, newPath: string): string | null;
  deleteFile(path: string): void;
  /** replace everything (loading a link, an example): not an undoable edit */
  loadWorkspace(workspace: Workspace): void;
  /** the workspace's part of the worker's result (the insights go to the insights store) */
  receiveAnalysis(revision: number, result: Pick<AnalysisResult, 'analysis' | 'facts' | 'context' | 'references'>, ms: number | null): void;
  receiveAnalysisError(revision: number, message: string): void;
  setEditorReady(ready: boolean): void;
  setNotice(notice: Notice | null): void;
}

export const useWorkspaceStore = create<WorkspaceState>()((set, get) => {
  /** apply a change to the workspace; no-op (no revision bump) when nothing changed */
  const update = (patch: Partial<Workspace>) => {
    const current = get().workspace;
    const changed = (Object.keys(patch) as (keyof Workspace)[]).some((k) => patch[k] !== current[k]);
    if (!changed) return;
    set({ workspace: { ...current, ...patch }, revision: get().revision + 1 });
  };

  return {
    workspace: { dockerfile: '', files: [], dockerignore: '', target: null, buildArgs: {}, example: null },
    revision: 0,
    analysis: null,
    facts: null,
    contextFacts: null,
    references: [],
    analysisRevision: -1,
    analysisError: null,
    analysisMs: null,
    editorReady: false,
    notice: null,

    setDockerfile: (text) => update({ dockerfile: text }),
    setDockerignore: (text) => update({ dockerignore: text }),
    setTarget: (target) => update({ target: target === '' ? null : target }),

    setBuildArg: (key, value) => {
      const args = get().workspace.buildArgs;
      if (Object.hasOwn(args, key) && args[key] === value) return;
      const entries = Object.entries(args);
      const next = Object.hasOwn(args, key) ? entries.map(([k, v]) => [k, k === key ? value : v]) : [...entries, [key, value]];
      update({ buildArgs: Object.fromEntries(next) });
    },
    renameBuildArg: (oldKey, newKey) => {
      const args = get().workspace.buildArgs;
      if (oldKey === newKey || !Object.hasOwn(args, oldKey) || Object.hasOwn(args, newKey)) return;
      // fromEntries: a key such as "__proto__" stays an ordinary own property
      update({ buildArgs: Object.fromEntries(Object.entries(args).map(([k, v]) => [k === oldKey ? newKey : k, v])) });
    },
    removeBuildArg: (key) => {
      const args = get().workspace.buildArgs;
      if (!Object.hasOwn(args, key)) return;
      update({ buildArgs: Object.fromEntries(Object.entries(args).filter(([k]) => k !== key)) });
    },

    addFile: (path) => {
      const clean = normalizeContextPath(path);
      if (clean === null) return 'Give a relative path such as src/main.go.';
      const files = get().workspace.files;
      if (files.includes(clean) || isImplied(clean)) return `${clean} is already in the context.`;
      update({ files: [...files, clean] });
      return null;
    },
    renameFile: (oldPath, newPath) => {
      const clean = normalizeContextPath(newPath);
      if (clean === null) return 'Give a relative path such as src/main.go.';
      const files = get().workspace.files;
      if (clean === oldPath) return null;
      if (files.includes(clean) || isImplied(clean)) return `${clean} is already in the context.`;
      update({ files: files.map((f) => (f === oldPath ? clean : f)) });
      return null;
    },
    deleteFile: (path) => {
      const files = get().workspace.files;
      if (!files.includes(path)) return;
      update({ files: files.filter((f) => f !== path) });
    },

    loadWorkspace: (workspace) =>
      set({ workspace: { ...workspace }, revision: get().revision + 1 }),

    receiveAnalysis: (revision, { analysis, facts, context, references }, ms) => {
      // Drop stale answers: only the analysis of the current workspace is stored.
      if (revision !== get().revision) return;
      set({ analysis, facts, contextFacts: context, references, analysisRevision: revision, analysisError: null, analysisMs: ms });
    },
    receiveAnalysisError: (revision, message) => {
      if (revision !== get().revision) return;
      set({ analysisError: message });
    },
    setEditorReady: (ready) => set({ editorReady: ready }),
    setNotice: (notice) => set({ notice }),
  };
});

/** The Dockerfile and .dockerignore are always part of the context; they are not list entries. */
function isImplied(path: string): boolean {
  return path === 'Dockerfile' || path === '.dockerignore';
}

/** What `analysis-status` reports: ready only when every view shows the current text. */
export function analysisPhase(s: WorkspaceState): AnalysisPhase {
  if (s.analysisError !== null) return 'error';
  return s.analysisRevision === s.revision && s.editorReady ? 'ready' : 'pending';
}
