/** Whether the views show the current text (`data-state="ready"`), and a summary of problems. */
import { analysisPhase, useWorkspaceStore } from '../store/workspaceStore.ts';

export function AnalysisStatus() {
  const phase = useWorkspaceStore(analysisPhase);
  const ms = useWorkspaceStore((s) => s.analysisMs);
  const error = useWorkspaceStore((s) => s.analysisError);
  const text = phase === 'ready' ? `analysed${ms === null ? '' : ` in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`}` : phase === 'error' ? `analysis failed: ${error}` : 'analysing…';
  return (
    <span className={`analysis-status analysis-status--${phase}`} data-testid="analysis-status" data-state={phase} data-analysis-ms={ms ?? undefined} role="status">
      {text}
    </span>
  );
}
