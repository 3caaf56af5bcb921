/**
 * Keeps the analysis in step with the workspace: every workspace revision is sent to the
 * worker, and answers land in the store only for the revision they were computed for.
 * The insight query (cursor line, the file to explain, files marked changed) follows the
 * selection and insights stores; its answers land only while they answer the current query.
 */
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useInsightsStore } from '../insights/insightsStore.ts';
import { AnalysisClient } from './analysisClient.ts';
import { analyzeInputOf } from './analyzeInput.ts';
import { contextFilesOf } from '../store/contextPaths.ts';
import { changedParts, type InsightQuery, type QueryAnswers } from './protocol.ts';

/** The query as the page stands now. */
export function currentQuery(): InsightQuery {
  const { cursor, file } = useSelectionStore.getState();
  return { line: cursor?.line ?? null, path: file, changed: useInsightsStore.getState().changed };
}

function receiveAnswers(version: number, answers: QueryAnswers): void {
  // Drop stale answers: for another revision, or parts answering what the page no longer asks
  // (a newer query for them is on its way).
  if (version !== useWorkspaceStore.getState().analysisRevision) return;
  const stale = new Set(changedParts(answers.query, currentQuery()));
  useInsightsStore.getState().receiveAnswers(version, answers, (part) => !stale.has(part));
}

export function startAnalysis(): () => void {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  const client = new AnalysisClient(
    worker,
    {
      result: (version, result, ms) => useWorkspaceStore.getState().receiveAnalysis(version, result, ms),
      insights: (version, insights, answers) => {
        if (version !== useWorkspaceStore.getState().analysisRevision) return;
        useInsightsStore.getState().receiveInsights(version, insights);
        receiveAnswers(version, answers);
      },
      failure: (version, message) => useWorkspaceStore.getState().receiveAnalysisError(version, message),
      answers: receiveAnswers,
    },
    currentQuery,
  );

  const requestCurrent = () => {
    const { revision, workspace } = useWorkspaceStore.getState();
    client.request(revision, analyzeInputOf(workspace));
  };
  requestCurrent();
  let asked = currentQuery();
  const askIfChanged = () => {
    const next = currentQuery();
    const parts = changedParts(next, asked);
    if (parts.length === 0) return;
    asked = next;
    client.ask(parts);
  };
  const unsubscribers = [
    useWorkspaceStore.subscribe((state, previous) => {
      if (state.revision !== previous.revision) requestCurrent();
      // a file marked changed that left the context (deleted, renamed, another workspace) is unmarked
      const insights = useInsightsStore.getState();
      if (insights.changed.length > 0 && (state.workspace.files !== previous.workspace.files || state.workspace.dockerignore !== previous.workspace.dockerignore)) {
        const present = new Set(contextFilesOf(state.workspace));
        if (insights.changed.some((p) => !present.has(p))) insights.setChanged(insights.changed.filter((p) => present.has(p)));
      }
    }),
    useSelectionStore.subscribe((s, p) => {
      if (s.cursor?.line !== p.cursor?.line || s.file !== p.file) askIfChanged();
    }),
    useInsightsStore.subscribe((s, p) => {
      if (s.changed !== p.changed) askIfChanged();
    }),
  ];
  return () => {
    unsubscribers.forEach((u) => u());
    worker.terminate();
  };
}
