/** The context file tree. Each row subscribes to its own file's status. */
import { memo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import type { TreeFolder } from '../pathTree.ts';
import { meaningOf } from './statuses.ts';
import { FileJourney } from './FileJourney.tsx';
import { useInsightsStore } from '../insights/insightsStore.ts';

/** memo: a new analysis re-renders only the rows whose status changed, never the folders */
export const ContextFolder = memo(function ContextFolder({ folder, root = false }: { folder: TreeFolder<string>; root?: boolean }) {
  const body = (
    <ul className="tree">
      {folder.folders.map((f) => (
        <li key={`d:${f.path}`}>
          <ContextFolder folder={f} />
        </li>
      ))}
      {folder.files.map(({ name, item }) => (
        <FileRow key={item} name={name} path={item} />
      ))}
    </ul>
  );
  if (root) return body;
  // collapsed folders hide their files from view but keep them in the DOM (CONTRACT.md section 4)
  return (
    <details open className="tree__folder">
      <summary>
        <span className="tree__folder-name">{folder.name}/</span> <span className="muted">{folder.count}</span>
      </summary>
      {body}
    </details>
  );
});

const FileRow = memo(function FileRow({ name, path }: { name: string; path: string }) {
  const status = useWorkspaceStore((s) => s.analysis?.context[path]);
  const selected = useSelectionStore((s) => s.file === path);
  const changed = useInsightsStore((s) => s.changed.includes(path));
  const [renaming, setRenaming] = useState(false);
  // the "changed" toggle exists only while the row is pointed at, focused, selected or marked:
  // a 50,000-file context does not carry 50,000 more buttons
  const [active, setActive] = useState(false);
  const implied = path === 'Dockerfile' || path === '.dockerignore';
  const shownStatus = status ?? 'pending';
  return (
    <li
      className={`tree__file tree__file--wrap context-file status--${shownStatus}${selected ? ' is-selected' : ''}`}
      data-testid="context-file"
      data-path={path}
      data-status={shownStatus}
      data-changed={changed ? 'true' : 'false'}
      onMouseEnter={() => setActive(true)}
      onMouseLeave={() => setActive(false)}
      onFocus={() => setActive(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActive(false);
      }}
    >
      {renaming ? (
        <RenameForm path={path} done={() => setRenaming(false)} />
      ) : (
        <>
          <button
            type="button"
            className="tree__file-button"
            aria-pressed={selected}
            title={`${path}: ${meaningOf(status)}. Click to see the lines that copy it.`}
            onClick={() => useSelectionStore.getState().pickFile(path)}
          >
            <span className={`status-badge status--${shownStatus}`}>{shownStatus}</span>
            <span className="tree__file-name">{name}</span>
          </button>
          {(active || selected || changed) && <ChangedToggle path={path} changed={changed} />}
          {!implied && (
            <span className="row-actions">
              <button type="button" className="link-button" onClick={() => setRenaming(true)} aria-label={`rename ${path}`}>
                rename
              </button>
              <button type="button" className="link-button" onClick={() => useWorkspaceStore.getState().deleteFile(path)} aria-label={`delete ${path}`}>
                delete
              </button>
            </span>
          )}
          {selected && <FileJourney path={path} />}
        </>
      )}
    </li>
  );
});

/** Marks the file as changed for the cache preview (view state: the workspace is untouched). */
function ChangedToggle({ path, changed }: { path: string; changed: boolean }) {
  const toggle = () => {
    const insights = useInsightsStore.getState();
    insights.toggleChanged(path);
    if (!changed) insights.setTab('cache');
  };
  return (
    <button
      type="button"
      className="changed-toggle"
      data-testid="mark-changed"
      aria-pressed={changed}
      aria-label={`${path} changed`}
      title={changed ? `Unmark ${path}` : `Mark ${path} as changed and see what re-runs (Cache tab)`}
      onClick={toggle}
    >
      changed
    </button>
  );
}

function RenameForm({ path, done }: { path: string; done: () => void }) {
  const [value, setValue] = useState(path);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = useWorkspaceStore.getState().renameFile(path, value);
    if (problem) setError(problem);
    else done();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') done();
  };
  return (
    <form className="rename-form" onSubmit={submit}>
      <input aria-label={`new path for ${path}`} value={value} autoFocus onChange={(e) => setValue(e.target.value)} onKeyDown={onKeyDown} spellCheck={false} />
      <button type="submit">OK</button>
      <button type="button" className="link-button" onClick={done}>
        cancel
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
