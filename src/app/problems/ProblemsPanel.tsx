/** Every diagnostic of the analysis; a click puts the cursor on its line. */
import type { Severity } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function ProblemsPanel() {
  const diagnostics = useWorkspaceStore((s) => s.analysis?.diagnostics);
  const list = [...(diagnostics ?? [])].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.line - b.line);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return (
    <section className="panel problems" aria-label="Problems">
      <header className="panel__header">
        <h2>Problems</h2>
        <span className="muted">
          {counts.error} {counts.error === 1 ? 'error' : 'errors'}, {counts.warning} {counts.warning === 1 ? 'warning' : 'warnings'}
          {counts.info ? `, ${counts.info} info` : ''}
        </span>
      </header>
      <div className="panel__body">
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
    </section>
  );
}
