/** Every diagnostic of the analysis; a click puts the cursor on its line. Shown in the Problems tab. */
import type { Diagnostic, Severity } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.line - b.line);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export function problemCountText(counts: Record<Severity, number>): string {
  return (
    `${counts.error} ${counts.error === 1 ? 'error' : 'errors'}, ${counts.warning} ${counts.warning === 1 ? 'warning' : 'warnings'}` +
    (counts.info ? `, ${counts.info} info` : '')
  );
}

/** The list of problems (the Problems tab's content). */
export function ProblemsList() {
  const diagnostics = useWorkspaceStore((s) => s.analysis?.diagnostics);
  const list = sortDiagnostics(diagnostics ?? []);
  return (
    <div className="problems-tab">
      <p className="insights__lead muted">{problemCountText(countBySeverity(list))}</p>
      {diagnostics && list.length === 0 && <p className="muted empty">No problems found.</p>}
      <ul className="problems__list">
        {list.map((d, i) => (
          <li key={`${d.rule}:${d.line}:${d.column}:${i}`}>
            <button
              type="button"
              className={`problem problem--${d.severity}`}
              data-testid="diagnostic"
              data-rule={d.rule}
              data-line={d.line}
              data-severity={d.severity}
              onClick={() => useSelectionStore.getState().revealLine(d.line, d.column || 1, d.endLine)}
            >
              <span className={`severity severity--${d.severity}`}>{d.severity}</span>
              <span className="problem__where">line {d.line}</span>
              <span className="problem__rule">{d.rule}</span>
              <span className="problem__message">{d.message}</span>
            </button>
            {d.url && (
              <a className="problem__doc" href={d.url} target="_blank" rel="noreferrer noopener" aria-label={`documentation of ${d.rule}`}>
                docs
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
