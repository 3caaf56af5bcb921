/**
 * The Cache tab: mark context files as changed (the "changed" toggle on each row of the build
 * context) and see which instructions of which stages lose their cache and re-run, each with
 * the reason (src/core/explain/cache.ts, computed in the worker). The editor paints the lines
 * that re-run; cached lines stay as they are.
 */
import type { CachePreview, CacheStep } from '../../core/explain/index.ts';
import type { Analysis } from '../../core/types.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useInsightsStore } from './insightsStore.ts';
import { revealStage, stageName, useCachePreview } from './useInsights.ts';
import { cacheCounts, cacheSummaryText, groupByStage, showsReason, stepState } from './cacheSummary.ts';

const STATE_LABEL = { reruns: 're-runs', cached: 'cached', config: 'config only' } as const;

export function CacheView() {
  const changed = useInsightsStore((s) => s.changed);
  const preview = useCachePreview();
  const failures = useInsightsStore((s) => s.failures);
  const analysis = useWorkspaceStore((s) => s.analysis);
  return (
    <div className="cache-view" data-testid="cache-panel">
      <ChangedFiles changed={changed} />
      {changed.length === 0 ? (
        <p className="muted empty">
          Mark the files you would edit with the <span className="changed-toggle changed-toggle--sample">changed</span> toggle on their row in{' '}
          <strong>Build context</strong>. Stagecraft then shows which instructions BuildKit re-runs and which it takes from its cache: an
          instruction re-runs when a file it reads changed or a step before it in its stage re-ran; cache and secret mounts never bust the cache.
        </p>
      ) : preview ? (
        <CachePreviewList preview={preview} analysis={analysis} />
      ) : preview === null ? (
        <p className="muted empty">The cache preview could not be worked out: {failures.join('; ') || 'no analysis'}.</p>
      ) : (
        <p className="muted empty">Working out the cache…</p>
      )}
    </div>
  );
}

function ChangedFiles({ changed }: { changed: string[] }) {
  if (changed.length === 0) return null;
  return (
    <div className="cache-view__changed" aria-label="Files marked changed">
      <span className="muted">Changed:</span>
      {changed.map((p) => (
        <span key={p} className="changed-chip" data-testid="changed-file" data-path={p}>
          <code>{p}</code>
          <button type="button" className="changed-chip__remove" aria-label={`unmark ${p}`} onClick={() => useInsightsStore.getState().toggleChanged(p)}>
            ×
          </button>
        </span>
      ))}
      <button type="button" className="link-button" data-testid="clear-changed" onClick={() => useInsightsStore.getState().clearChanged()}>
        clear
      </button>
    </div>
  );
}

function CachePreviewList({ preview, analysis }: { preview: CachePreview; analysis: Analysis | null }) {
  const counts = cacheCounts(preview);
  return (
    <>
      <p className="insights__lead" data-testid="cache-summary" data-reruns={counts.reruns} data-build-steps={counts.buildSteps}>
        {cacheSummaryText(counts)}
      </p>
      {preview.changedIgnored.length > 0 && (
        <p className="cache-view__note">
          .dockerignore drops {preview.changedIgnored.map((p) => `${p}`).join(', ')}: BuildKit never receives {preview.changedIgnored.length === 1 ? 'it' : 'them'}, so{' '}
          {preview.changedIgnored.length === 1 ? 'it busts' : 'they bust'} no cache.
        </p>
      )}
      {preview.changedUnread.length > 0 && (
        <p className="cache-view__note">
          No step of a stage the target needs reads {preview.changedUnread.join(', ')}, so {preview.changedUnread.length === 1 ? 'it busts' : 'they bust'} no
          cache.
        </p>
      )}
      {groupByStage(preview).map((g) => (
        <section key={g.stage} className="cache-stage" data-testid="cache-stage" data-stage-index={g.stage} data-stage-name={analysis?.stages[g.stage]?.name ?? ''}>
          <h3 className="cache-stage__head">
            <button type="button" className="stage-ref" onClick={() => revealStage(analysis, g.stage)}>
              {stageName(analysis, g.stage)}
            </button>
            <span className="muted">{g.reruns === 0 ? 'fully cached' : `${g.reruns} ${g.reruns === 1 ? 'step re-runs' : 'steps re-run'}`}</span>
          </h3>
          <ol className="cache-steps">
            {g.steps.map((s) => (
              <CacheStepRow key={`${s.stage}:${s.line}`} step={s} analysis={analysis} />
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

function CacheStepRow({ step, analysis }: { step: CacheStep; analysis: Analysis | null }) {
  const state = stepState(step);
  return (
    <li
      className={`cache-step cache-step--${state}`}
      data-testid="cache-step"
      data-line={step.line}
      data-stage-name={analysis?.stages[step.stage]?.name ?? ''}
      data-state={state}
      data-reruns={step.reruns ? 'true' : 'false'}
    >
      <button type="button" className="line-ref" onClick={() => useSelectionStore.getState().revealLine(step.line, 1, step.endLine)} title={`go to line ${step.line}`}>
        {step.line}
      </button>
      <span className={`cache-badge cache-badge--${state}`} title={step.reason}>
        {STATE_LABEL[state]}
      </span>
      <code className="cache-step__instruction" title={step.instruction}>
        {step.instruction}
      </code>
      {showsReason(step) && <span className="cache-step__reason">{step.reason}</span>}
    </li>
  );
}
