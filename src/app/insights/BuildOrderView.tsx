/**
 * The Build order tab: BuildKit solves the needed graph concurrently, so the stages of one
 * level run at the same time (src/core/explain/schedule.ts, computed in the worker). Shows the
 * levels, the critical path (the longest chain, weighed by the steps that do work), where each
 * stage waits for another, and the stages the target skips, each with why.
 */
import type { Schedule } from '../../core/explain/index.ts';
import type { Analysis } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { revealStage, stageName, useBuildInsights } from './useInsights.ts';
import { useSelectionStore } from '../store/selectionStore.ts';

const WAIT_KIND: Record<Schedule['waits'][number]['kind'], string> = { base: 'FROM', copy: 'COPY --from', mount: 'RUN --mount from=' };

export function BuildOrderView() {
  const insights = useBuildInsights();
  const analysis = useWorkspaceStore((s) => s.analysis);
  if (!insights || !analysis) return <p className="muted empty">Waiting for the analysis…</p>;
  const schedule = insights.schedule;
  if (!schedule) return <p className="muted empty">The build order could not be worked out: {insights.failures.join('; ')}</p>;
  if (schedule.levels.length === 0) return <p className="muted empty">No stage is built: there is no target stage.</p>;
  const steps = (s: number) => schedule.weight[s] ?? 0;
  return (
    <div className="build-order" data-testid="build-order">
      <p className="insights__lead">
        BuildKit starts every stage as soon as the stages it depends on are done: the stages of one level run in parallel.
      </p>
      <ol className="schedule">
        {schedule.levels.map((level, k) => (
          <li key={k} className="schedule__level" data-testid="schedule-level" data-level={k + 1} data-stages={level.map((s) => analysis.stages[s]?.name ?? `#${s}`).join(',')}>
            <span className="schedule__step">Level {k + 1}</span>
            <span className="schedule__stages">
              {level.map((s) => (
                <StageChip key={s} analysis={analysis} index={s} critical={schedule.criticalPath.includes(s)} detail={`${steps(s)} ${steps(s) === 1 ? 'step' : 'steps'}`} />
              ))}
            </span>
            {level.length > 1 && <span className="muted schedule__parallel">in parallel</span>}
          </li>
        ))}
      </ol>

      <h3 className="insights__h3">Critical path</h3>
      <p className="critical-path" data-testid="critical-path" data-stages={schedule.criticalPath.map((s) => analysis.stages[s]?.name ?? `#${s}`).join(',')}>
        {schedule.criticalPath.map((s, i) => (
          <span key={s}>
            {i > 0 && <span className="critical-path__arrow"> → </span>}
            <StageChip analysis={analysis} index={s} critical />
          </span>
        ))}{' '}
        <span className="muted">
          {schedule.criticalWeight} {schedule.criticalWeight === 1 ? 'step' : 'steps'} that do work (RUN, COPY, ADD, WORKDIR, pulling a base image): the longest chain, so
          it decides how long the build takes.
        </span>
      </p>

      {schedule.waits.length > 0 && (
        <>
          <h3 className="insights__h3">Where stages wait</h3>
          <ul className="waits">
            {schedule.waits.map((w, i) => (
              <li key={i} data-testid="schedule-wait">
                <strong>{stageName(analysis, w.stage)}</strong> waits for <strong>{stageName(analysis, w.on)}</strong> at{' '}
                <button type="button" className="line-ref" onClick={() => useSelectionStore.getState().revealLine(w.line)}>
                  line {w.line}
                </button>{' '}
                <span className="muted">({WAIT_KIND[w.kind]}{w.kind === 'base' ? '' : '; the steps before it do not wait'})</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 className="insights__h3">Skipped stages</h3>
      {schedule.skipped.length === 0 ? (
        <p className="muted">None: the target needs every stage.</p>
      ) : (
        <ul className="skipped">
          {schedule.skipped.map((s) => (
            <li key={s.stage} data-testid="skipped-stage" data-stage-index={s.stage} data-stage-name={analysis.stages[s.stage]?.name ?? ''}>
              <StageChip analysis={analysis} index={s.stage} skipped /> <span className="skipped__reason">{s.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function StageChip({ analysis, index, critical = false, skipped = false, detail }: { analysis: Analysis; index: number; critical?: boolean; skipped?: boolean; detail?: string }) {
  return (
    <button
      type="button"
      className={`stage-chip${critical ? ' stage-chip--critical' : ''}${skipped ? ' stage-chip--skipped' : ''}${analysis.target === index ? ' stage-chip--target' : ''}`}
      data-testid="schedule-stage"
      data-stage-name={analysis.stages[index]?.name ?? ''}
      onClick={() => revealStage(analysis, index)}
      title={`show stage ${stageName(analysis, index)} in the editor and the graph`}
    >
      {stageName(analysis, index)}
      {detail && <span className="stage-chip__detail"> · {detail}</span>}
    </button>
  );
}
