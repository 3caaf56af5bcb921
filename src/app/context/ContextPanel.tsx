/**
 * The build context: every file with its status (a word and a colour), counts per status,
 * the editable .dockerignore, adding, renaming and deleting files, and a filter for the files
 * that reach the image.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { ContextStatus } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { contextFilesOf } from '../store/contextPaths.ts';
import { pathTreeOf } from '../pathTree.ts';
import { STATUSES } from './statuses.ts';
import { ContextFolder } from './ContextTree.tsx';
import { DockerignoreEditor } from './DockerignoreEditor.tsx';
import { useInsightsStore } from '../insights/insightsStore.ts';

export function ContextPanel() {
  const files = useWorkspaceStore((s) => s.workspace.files);
  const hasIgnoreFile = useWorkspaceStore((s) => s.workspace.dockerignore !== '');
  const statuses = useWorkspaceStore((s) => s.analysis?.context);
  const [onlyFinal, setOnlyFinal] = useState(false);

  const paths = useMemo(() => contextFilesOf({ files, dockerignore: hasIgnoreFile ? '.' : '' }), [files, hasIgnoreFile]);
  const shown = onlyFinal ? paths.filter((p) => statuses?.[p] === 'final') : paths;
  const tree = useMemo(() => pathTreeOf(shown, (p) => p), [shown]);
  const counts = useMemo(() => {
    const c: Record<ContextStatus, number> = { final: 0, 'build-only': 0, unused: 0, ignored: 0 };
    for (const p of paths) {
      const s = statuses?.[p];
      if (s) c[s]++;
    }
    return c;
  }, [paths, statuses]);

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
      </div>
      <ChangedMarks />
      <div className="panel__body context__tree">
        {shown.length === 0 && <p className="muted empty">{onlyFinal ? 'No file of the context reaches the image.' : 'No files.'}</p>}
        <ContextFolder folder={tree} root />
      </div>
      <DockerignoreEditor />
    </section>
  );
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
