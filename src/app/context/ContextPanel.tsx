/**
 * The build context: every file with its status (a word and a colour), counts per status,
 * the editable .dockerignore, adding, renaming and deleting files, and a filter for the files
 * that reach the image.
 *
 * Big contexts stay responsive: the rows get their statuses from the panel (one store
 * subscription for all of them, not three per row), and above FULL_TREE_LIMIT files the tree
 * renders only the rows in view, with a box to find a file by its path.
 */
import { useDeferredValue, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ContextStatus } from '../../core/types.ts';
import { useWorkspaceStore, type WorkspaceState } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { contextFilesOf } from '../store/contextPaths.ts';
import { pathTreeOf } from '../pathTree.ts';
import { STATUSES } from './statuses.ts';
import { ContextFolder, ContextRows, type RowState, type StatusMap } from './ContextTree.tsx';
import { DockerignoreEditor } from './DockerignoreEditor.tsx';
import { useInsightsStore } from '../insights/insightsStore.ts';
import { FULL_TREE_LIMIT, filterByPath } from './flatTree.ts';
import { stableSelector } from './stable.ts';
import { FindBox, findSummary } from './FindBox.tsx';

/** The statuses of the latest analysis, the same object while no status changed (typing in a RUN line). */
const selectStatuses = stableSelector((s: WorkspaceState): StatusMap => s.analysis?.context, sameStatuses);

export function ContextPanel() {
  const files = useWorkspaceStore((s) => s.workspace.files);
  const hasIgnoreFile = useWorkspaceStore((s) => s.workspace.dockerignore !== '');
  const statuses = useWorkspaceStore(selectStatuses);
  const selected = useSelectionStore((s) => s.file);
  const changedList = useInsightsStore((s) => s.changed);
  const [onlyFinal, setOnlyFinal] = useState(false);
  const [query, setQuery] = useState('');
  const body = useRef<HTMLDivElement>(null);

  const paths = useMemo(() => contextFilesOf({ files, dockerignore: hasIgnoreFile ? '.' : '' }), [files, hasIgnoreFile]);
  const big = paths.length > FULL_TREE_LIMIT;
  // typing in the filter box stays quick: the list follows when the browser has a moment
  const filter = useDeferredValue(big ? query.trim() : '');
  const statusesForFilter = onlyFinal ? statuses : undefined;
  const reaching = useMemo(() => (onlyFinal ? paths.filter((p) => statusesForFilter?.[p] === 'final') : paths), [paths, onlyFinal, statusesForFilter]);
  const shown = useMemo(() => filterByPath(reaching, (p) => p, filter), [reaching, filter]);
  const tree = useMemo(() => pathTreeOf(shown, (p) => p), [shown]);
  const changed = useMemo(() => new Set(changedList), [changedList]);
  const rowState = useMemo<RowState>(() => ({ statuses, selected, changed }), [statuses, selected, changed]);
  const counts = useMemo(() => {
    const c: Record<ContextStatus, number> = { final: 0, 'build-only': 0, unused: 0, ignored: 0 };
    for (const p of paths) {
      const s = statuses?.[p];
      if (s) c[s]++;
    }
    return c;
  }, [paths, statuses]);

  const emptyText = filter !== '' ? `No file${onlyFinal ? ' reaching the image' : ''} has “${filter}” in its path.` : onlyFinal ? 'No file of the context reaches the image.' : 'No files.';
  return (
    <section className="panel context" aria-label="Build context">
      <header className="panel__header">
        <h2>Build context</h2>
        <span className="muted">{paths.length} files</span>
      </header>
      <div className="context__summary" aria-label="Files per status">
        {STATUSES.map(({ status, label, meaning }) => (
          <span key={status} className={`status-chip status--${status}`} data-testid="status-count" data-status={status} title={meaning}>
            <span className="status-chip__label">{label}</span> <strong>{counts[status]}</strong>
          </span>
        ))}
      </div>
      <div className="context__tools">
        <label className="checkbox">
          <input type="checkbox" checked={onlyFinal} onChange={(e) => setOnlyFinal(e.target.checked)} data-testid="only-final-filter" />
          only files reaching the image
        </label>
        <AddFileForm />
        {big && (
          <FindBox
            within="the context"
            value={query}
            onChange={setQuery}
            testId="context-filter"
            count={shown.length}
            summary={findSummary(filter !== '' || onlyFinal, shown.length, paths.length)}
          />
        )}
      </div>
      <ChangedMarks />
      <div className={`panel__body context__tree${big ? ' panel__body--windowed' : ''}`} ref={body}>
        {shown.length === 0 && <p className="muted empty">{emptyText}</p>}
        {big ? <ContextRows tree={tree} state={rowState} filter={filter} scrollRef={body} /> : <ContextFolder folder={tree} state={rowState} root />}
      </div>
      <DockerignoreEditor />
    </section>
  );
}

function sameStatuses(a: StatusMap, b: StatusMap): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  let m = 0;
  for (const _ in b) m++;
  return n === m;
}

function AddFileForm() {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim() === '') return;
    const problem = useWorkspaceStore.getState().addFile(path);
    setError(problem);
    if (!problem) setPath('');
  };
  return (
    <form className="add-file" onSubmit={submit}>
      <input
        aria-label="path of a file to add"
        placeholder="add a file: src/app.js"
        value={path}
        onChange={(e) => setPath(e.target.value)}
        spellCheck={false}
        data-testid="add-file-input"
      />
      <button type="submit" data-testid="add-file-button">
        Add
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

/** How many files are marked changed (cache preview), with a way to see the result or clear them. */
function ChangedMarks() {
  const count = useInsightsStore((s) => s.changed.length);
  if (count === 0) return null;
  return (
    <div className="context__marks" data-testid="changed-marks" data-count={count}>
      <span>
        {count} {count === 1 ? 'file' : 'files'} marked changed
      </span>
      <button type="button" className="link-button" onClick={() => useInsightsStore.getState().setTab('cache')}>
        what re-runs?
      </button>
      <button type="button" className="link-button" data-testid="clear-changed-marks" onClick={() => useInsightsStore.getState().clearChanged()}>
        clear
      </button>
    </div>
  );
}
