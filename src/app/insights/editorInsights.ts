/**
 * What the insights paint on the Dockerfile editor: the lines that re-run in the cache preview
 * (one colour; cached lines stay unmarked), each with its reason on hover. The why chain's
 * lines are painted through the file trace (store/fileTrace.ts), like the selected file's.
 *
 * Only type imports of Monaco here: the editor module hands its live editor in, and Monaco
 * stays in its lazy chunk.
 */
import type * as Monaco from 'monaco-editor/editor';
import type { CachePreview } from '../../core/explain/index.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useInsightsStore } from './insightsStore.ts';
import { cacheOf } from './useInsights.ts';
import { escapeMarkdown } from '../editor/instructionDocs.ts';

type Editor = Monaco.editor.ICodeEditor;

/** The decorations for a cache preview: every build step that re-runs, over all its lines. */
export function rerunDecorations(preview: CachePreview | null, lineCount: number): Monaco.editor.IModelDeltaDecoration[] {
  if (!preview) return [];
  const out: Monaco.editor.IModelDeltaDecoration[] = [];
  for (const step of preview.steps) {
    if (!step.reruns || !step.executes) continue;
    const start = Math.min(Math.max(1, step.line), lineCount);
    const end = Math.min(Math.max(start, step.endLine), lineCount);
    out.push({
      range: { startLineNumber: start, startColumn: 1, endLineNumber: end, endColumn: 1 },
      options: {
        isWholeLine: true,
        className: 'sc-line-rerun',
        linesDecorationsClassName: 'sc-gutter-rerun',
        hoverMessage: { value: escapeMarkdown(`Re-runs: ${step.reason}`) },
        stickiness: 1,
      },
    });
  }
  return out;
}

/** Paint the cache preview on `editor` while it lives. Returns the function that stops it. */
export function attachInsightDecorations(editor: Editor): () => void {
  const collection = editor.createDecorationsCollection();
  const paint = () => {
    const model = editor.getModel();
    if (!model) return;
    const preview = cacheOf(useInsightsStore.getState(), useWorkspaceStore.getState().analysisRevision);
    // until the answer for the current marks arrives, the old lines stay (Monaco moves them with edits)
    if (preview === undefined) return;
    collection.set(rerunDecorations(preview, model.getLineCount()));
  };
  paint();
  const unsubscribers = [
    useInsightsStore.subscribe((s, p) => {
      if (s.cache !== p.cache || s.changed !== p.changed) paint();
    }),
    useWorkspaceStore.subscribe((s, p) => {
      if (s.analysisRevision !== p.analysisRevision) paint();
    }),
  ];
  return () => {
    unsubscribers.forEach((u) => u());
    collection.clear();
  };
}
