/**
 * The Size tab: approximate sizes of the base images, from the small dated table kept in
 * src/core/explain/imageSizes.ts (imageSizeSummary, computed in the worker). Every number is
 * marked approximate, with the table's date and source: nothing is measured or downloaded.
 */
import type { StageBaseSize } from '../../core/explain/index.ts';
import { formatMb } from '../../core/explain/imageSizes.ts';
import type { Analysis } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { stageName, useBuildInsights } from './useInsights.ts';

export function SizeView() {
  const insights = useBuildInsights();
  const analysis = useWorkspaceStore((s) => s.analysis);
  if (!insights || !analysis) return <p className="muted empty">Waiting for the analysis…</p>;
  const sizes = insights.sizes;
  if (!sizes) return <p className="muted empty">The size hint could not be worked out: {insights.failures.join('; ')}</p>;
  const source = sizes.final?.size?.source ?? sizes.buildStages.find((b) => b.size)?.size?.source ?? null;
  return (
    <div className="size-view" data-testid="size-hint" data-approximate="true" data-as-of={sizes.asOf}>
      <p className="insights__lead">{sizes.text}</p>
      <table className="size-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Starts from</th>
            <th scope="col">Size (approximate)</th>
            <th scope="col">Download</th>
          </tr>
        </thead>
        <tbody>
          {sizes.final && <SizeRow row={sizes.final} analysis={analysis} role="ships" />}
          {sizes.buildStages.map((b) => (
            <SizeRow key={b.stage} row={b} analysis={analysis} role="build" />
          ))}
        </tbody>
      </table>
      <p className="size-view__footnote muted" data-testid="size-note">
        <span className="chip chip--approx">approximate</span> Table as of {sizes.asOf}. {source ? `${capitalize(source)}.` : ''} Sizes are for linux/amd64 and vary by
        tag and date; the image also holds whatever its RUN steps create.
      </p>
    </div>
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function SizeRow({ row, analysis, role }: { row: StageBaseSize; analysis: Analysis; role: 'ships' | 'build' }) {
  const via = row.via.length > 0 ? ` (through ${row.via.map((s) => stageName(analysis, s)).join(' → ')})` : '';
  return (
    <tr data-testid="size-row" data-role={role} data-stage-name={analysis.stages[row.stage]?.name ?? ''}>
      <td>
        {stageName(analysis, row.stage)} <span className={`chip ${role === 'ships' ? 'chip--runs' : 'chip--build'}`}>{role === 'ships' ? 'ships' : 'build only'}</span>
      </td>
      <td>
        <code>{row.base || '?'}</code>
        <span className="muted">{via}</span>
      </td>
      <td>
        {row.size ? (
          <span title={`matches ${row.size.matched}${row.size.note ? `: ${row.size.note}` : ''}`}>
            {formatMb(row.size.mb)} <span className="muted">approx.</span>
          </span>
        ) : (
          <span className="muted">not in the table</span>
        )}
      </td>
      <td>{row.size ? <span className="muted">{formatMb(row.size.compressedMb)}</span> : ''}</td>
    </tr>
  );
}
