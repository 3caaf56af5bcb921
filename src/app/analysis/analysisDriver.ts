/**
 * Keeps the analysis in step with the workspace: every workspace revision is sent to the
 * worker, and answers land in the store only for the revision they were computed for.
 */
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { AnalysisClient } from './analysisClient.ts';
import { analyzeInputOf } from './analyzeInput.ts';

export function startAnalysis(): () => void {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  const client = new AnalysisClient(worker, {
    result: (version, result, ms) => useWorkspaceStore.getState().receiveAnalysis(version, result, ms),
    failure: (version, message) => useWorkspaceStore.getState().receiveAnalysisError(version, message),
  });

  const requestCurrent = () => {
    const { revision, workspace } = useWorkspaceStore.getState();
    client.request(revision, analyzeInputOf(workspace));
  };
  requestCurrent();
  const unsubscribe = useWorkspaceStore.subscribe((state, previous) => {
    if (state.revision !== previous.revision) requestCurrent();
  });
  return () => {
    unsubscribe();
    worker.terminate();
  };
}
