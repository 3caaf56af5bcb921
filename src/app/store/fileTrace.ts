/**
 * Where the selected context file travels: the instructions that read it (COPY/ADD, bind
 * mounts) and the lines that put it into the final image, and the stages those belong to. Derived from the analysis whenever the file
 * selection or the analysis changes; the editor, the graph and the final-image panel read it.
 */
import { create } from 'zustand';
import type { Analysis } from '../../core/types.ts';
import type { ContextFacts } from '../analysis/stageFacts.ts';
import { useSelectionStore } from './selectionStore.ts';
import { useWorkspaceStore } from './workspaceStore.ts';
import type { WhyAnswer } from '../../core/explain/index.ts';
import { useInsightsStore } from '../insights/insightsStore.ts';

export interface FileTrace {
  path: string | null;
  /** 1-based Dockerfile lines that read the file or carry it into the final image */
  lines: Set<number>;
  /** stages those lines belong to */
  stages: Set<number>;
  /** final-image paths the file became */
  finalPaths: Set<string>;
}

const none: FileTrace = { path: null, lines: new Set(), stages: new Set(), finalPaths: new Set() };

export const useFileTrace = create<FileTrace>()(() => none);

export function traceOf(path: string | null, analysis: Analysis | null, facts: ContextFacts | null, why: WhyAnswer | null = null): FileTrace {
  if (path === null || analysis === null) return { ...none, path };
  const lines = new Set<number>((facts?.reads[path] ?? []).map((r) => r.line));
  // the why chain (worker, src/core/explain/why.ts): every Dockerfile line it passes through
  const chain = why && why.query === path ? why : null;
  for (const l of chain?.lines ?? []) lines.add(l);
  const finalPaths = new Set<string>();
  for (const f of analysis.final) {
    if (f.from === 'context' && f.source === path) {
      lines.add(f.line);
      finalPaths.add(f.path);
    }
  }
  const stages = new Set<number>();
  for (const line of lines) {
    const stage = analysis.stages.find((s) => line >= s.line && line <= s.endLine);
    if (stage) stages.add(stage.index);
  }
  if (analysis.context[path] === 'final' && analysis.target !== null) stages.add(analysis.target);
  for (const step of chain?.steps ?? []) if (step.file === 'Dockerfile' && step.stage !== null) stages.add(step.stage);
  if (chain?.kind === 'image') finalPaths.add(path);
  return { path, lines, stages, finalPaths };
}

export function startFileTrace(): () => void {
  // the why chain of the selected file, from the worker (it follows each analysis by a moment;
  // meanwhile the previous one stands, rather than the highlight blinking)
  const whyOf = (): WhyAnswer | null => {
    const why = useInsightsStore.getState().why;
    return why && why.key === useSelectionStore.getState().file ? why.value : null;
  };
  let lastWhy: WhyAnswer | null = null;
  const update = () => {
    const { analysis, contextFacts } = useWorkspaceStore.getState();
    lastWhy = whyOf();
    useFileTrace.setState(traceOf(useSelectionStore.getState().file, analysis, contextFacts, lastWhy), true);
  };
  const a = useSelectionStore.subscribe((s, p) => {
    if (s.file !== p.file) update();
  });
  const b = useWorkspaceStore.subscribe((s, p) => {
    if (s.analysis !== p.analysis && useSelectionStore.getState().file !== null) update();
  });
  // the why chain arrives from the worker after the selection or the analysis changed
  const c = useInsightsStore.subscribe((st, p) => {
    if (st.why !== p.why && whyOf() !== lastWhy) update();
  });
  return () => {
    a();
    b();
    c();
  };
}
