/**
 * The insights panel under the editor: Problems (the default tab, always in the DOM), Why (the
 * chain of the selected file), Explain (the instruction under the cursor), Cache (what re-runs
 * when files change), Build order (levels, critical path, skipped stages) and Size
 * (approximate base image sizes). The worker computes everything with the analysis; this
 * only renders, and every string is rendered as text.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { ProblemsList, countBySeverity } from '../problems/ProblemsPanel.tsx';
import { useInsightsStore, type InsightsTab } from './insightsStore.ts';
import { useBuildInsights, useCachePreview } from './useInsights.ts';
import { WhyView } from './WhyView.tsx';
import { ExplainView } from './ExplainView.tsx';
import { CacheView } from './CacheView.tsx';
import { BuildOrderView } from './BuildOrderView.tsx';
import { SizeView } from './SizeView.tsx';
import './insights.css';

const TABS: { id: InsightsTab; label: string; title: string }[] = [
  { id: 'problems', label: 'Problems', title: 'Problems the analysis found' },
  { id: 'why', label: 'Why', title: 'Why the selected file is (not) in the image' },
  { id: 'explain', label: 'Explain', title: 'What the instruction under the cursor does' },
  { id: 'cache', label: 'Cache', title: 'Which instructions re-run when the files you mark change' },
  { id: 'order', label: 'Build order', title: 'Which stages run in parallel, the critical path, skipped stages' },
  { id: 'size', label: 'Size', title: 'Approximate sizes of the base images' },
];

export function InsightsPanel() {
  const tab = useInsightsStore((s) => s.tab);
  const refs = useRef<Partial<Record<InsightsTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    const id = TABS[next].id;
    useInsightsStore.getState().setTab(id);
    refs.current[id]?.focus();
  };
  return (
    <section className="panel insights" aria-label="Insights" data-testid="insights" data-tab={tab}>
      <header className="panel__header insights__header">
        <div className="insights__tabs" role="tablist" aria-label="Insights" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`insights-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`insights-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className={`insights__tab${tab === t.id ? ' is-active' : ''}`}
              data-testid="insights-tab"
              data-tab={t.id}
              title={t.title}
              onClick={() => useInsightsStore.getState().setTab(t.id)}
            >
              {t.label}
              <TabBadge tab={t.id} />
            </button>
          ))}
        </div>
      </header>
      {/* Problems stays in the DOM whichever tab is open (tests and links find its entries) */}
      <TabPanel id="problems" active={tab === 'problems'}>
        <ProblemsList />
      </TabPanel>
      {tab !== 'problems' && (
        <TabPanel id={tab} active>
          {tab === 'why' && <WhyView />}
          {tab === 'explain' && <ExplainView />}
          {tab === 'cache' && <CacheView />}
          {tab === 'order' && <BuildOrderView />}
          {tab === 'size' && <SizeView />}
        </TabPanel>
      )}
    </section>
  );
}

function TabPanel({ id, active, children }: { id: InsightsTab; active: boolean; children: ReactNode }) {
  return (
    <div
      className="panel__body insights__body"
      role="tabpanel"
      id={`insights-panel-${id}`}
      aria-labelledby={`insights-tab-${id}`}
      hidden={!active}
      data-testid={`insights-panel-${id}`}
      tabIndex={0}
    >
      {children}
    </div>
  );
}

/** A small count beside a tab's name: problems, steps that re-run, build levels. */
function TabBadge({ tab }: { tab: InsightsTab }) {
  const diagnostics = useWorkspaceStore((s) => (tab === 'problems' ? s.analysis?.diagnostics : undefined));
  const preview = useCachePreview();
  const insights = useBuildInsights();
  if (tab === 'problems' && diagnostics) {
    const c = countBySeverity(diagnostics);
    const n = c.error + c.warning + c.info;
    if (n === 0) return null;
    const worst = c.error ? 'error' : c.warning ? 'warning' : 'info';
    return (
      <span className={`tab-badge tab-badge--${worst}`} aria-label={`${n} ${n === 1 ? 'problem' : 'problems'}`}>
        {n}
      </span>
    );
  }
  if (tab === 'cache' && preview) {
    const n = preview.steps.filter((s) => s.reruns && s.executes).length;
    return (
      <span className="tab-badge tab-badge--rerun" aria-label={`${n} ${n === 1 ? 'step re-runs' : 'steps re-run'}`}>
        {n}
      </span>
    );
  }
  if (tab === 'order' && insights?.schedule && insights.schedule.levels.length > 0) {
    const n = insights.schedule.levels.length;
    return (
      <span className="tab-badge" aria-label={`${n} ${n === 1 ? 'level' : 'levels'}`}>
        {n}
      </span>
    );
  }
  return null;
}
