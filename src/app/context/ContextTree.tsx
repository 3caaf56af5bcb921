/**
 * The context file tree. The panel reads the statuses, the selection and the files marked
 * changed once, and hands each row its own values: a row subscribes to no store, and a memoized
 * row re-renders only when its own status, selection or mark changes.
 *
 * Up to FULL_TREE_LIMIT files the tree keeps one element per file (`ContextFolder`, nested
 * `<details>`); above it `ContextRows` lists the flattened tree and renders only the rows in
 * view (WindowedList), with folders that open and close.
 */
import { memo, useMemo, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import type { ContextStatus } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import type { TreeFolder } from '../pathTree.ts';
import { meaningOf } from './statuses.ts';
import { FileJourney } from './FileJourney.tsx';
import { useInsightsStore } from '../insights/insightsStore.ts';
import { indexOfKey } from './flatTree.ts';
import { useFoldingRows } from './useFoldingRows.ts';
import { WindowedList } from './WindowedList.tsx';
import './bigTree.css';

export type StatusMap = Readonly<Record<string, ContextStatus>> | undefined;

/** What every row needs from the stores, read once by the panel. */
export interface RowState {
  statuses: StatusMap;
  selected: string | null;
  changed: ReadonlySet<string>;
}

/** memo: a folder re-renders when the statuses, selection or marks change; its rows only when theirs did */
export const ContextFolder = memo(function ContextFolder({ folder, state, root = false }: { folder: TreeFolder<string>; state: RowState; root?: boolean }) {
  const body = (
    <ul className="tree">
      {folder.folders.map((f) => (
        <li key={`d:${f.path}`}>
          <ContextFolder folder={f} state={state} />
        </li>
      ))}
      {folder.files.map(({ name, item }) => (
        <FileRow key={item} name={name} path={item} status={state.statuses?.[item]} selected={state.selected === item} changed={state.changed.has(item)} />
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

/** height of a row in the windowed list (bigTree.css keeps the rows to it) */
export const ROW_HEIGHT = 22;
const INDENT = 14;

/**
 * A big context: the flattened tree, windowed. Folders start open; a closed folder's rows are
 * not rendered. While a filter is typed every matching file's folders are open.
 */
export function ContextRows({ tree, state, filter, scrollRef }: { tree: TreeFolder<string>; state: RowState; filter: string; scrollRef: RefObject<HTMLElement | null> }) {
  const { rows, toggle, onKeyDown } = useFoldingRows(tree, filter, pathKey);
  const tallIndex = useMemo(() => (state.selected === null ? -1 : indexOfKey(rows, `f:${state.selected}`)), [rows, state.selected]);
  return (
    <WindowedList
      count={rows.length}
      rowHeight={ROW_HEIGHT}
      tallIndex={tallIndex}
      scrollRef={scrollRef}
      resetKey={filter}
      ariaLabel="Context files"
      testId="context-rows"
      onKeyDown={onKeyDown}
      renderRow={(i) => {
        const row = rows[i];
        if (row.kind === 'folder')
          return <FolderRow key={row.key} index={i} depth={row.depth} path={row.folder.path} name={row.folder.name} count={row.folder.count} open={row.open} onToggle={toggle} kind="context" />;
        const path = row.item;
        return (
          <FileRow
            key={row.key}
            index={i}
            depth={row.depth}
            name={row.name}
            path={path}
            status={state.statuses?.[path]}
            selected={state.selected === path}
            changed={state.changed.has(path)}
          />
        );
      }}
    />
  );
}

const pathKey = (p: string) => p;

/** A folder of a windowed tree: a button that opens and closes it. */
export const FolderRow = memo(function FolderRow({
  index,
  depth,
  path,
  name,
  count,
  open,
  onToggle,
  kind,
}: {
  index: number;
  depth: number;
  path: string;
  name: string;
  count: number;
  open: boolean;
  onToggle(path: string): void;
  kind: 'context' | 'final';
}) {
  return (
    <li className="tree__folder-row" data-row-index={index} style={{ paddingLeft: depth * INDENT }}>
      <button
        type="button"
        className="tree__folder-toggle"
        aria-expanded={open}
        data-testid={`${kind}-folder`}
        data-path={path}
        title={`${path}/: ${count} ${count === 1 ? 'file' : 'files'}. ${open ? 'Click to close' : 'Click to open'} the folder.`}
        onClick={() => onToggle(path)}
      >
        <span className="tree__folder-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="tree__folder-name">{name}/</span> <span className="muted">{count}</span>
      </button>
    </li>
  );
});

interface FileRowProps {
  name: string;
  path: string;
  status: ContextStatus | undefined;
  selected: boolean;
  changed: boolean;
  /** in a windowed list: the row's place and depth */
  index?: number;
  depth?: number;
}

const FileRow = memo(function FileRow({ name, path, status, selected, changed, index, depth }: FileRowProps) {
  const [renaming, setRenaming] = useState(false);
  // the "changed" toggle exists only while the row is pointed at, focused, selected or marked:
  // a 50,000-file context does not carry 50,000 more buttons
  const [active, setActive] = useState(false);
  const implied = path === 'Dockerfile' || path === '.dockerignore';
  const shownStatus = status ?? 'pending';
  return (
    <li
      className={`tree__file tree__file--wrap context-file status--${shownStatus}${selected ? ' is-selected' : ''}${renaming ? ' is-renaming' : ''}`}
      data-testid="context-file"
      data-path={path}
      data-status={shownStatus}
      data-changed={changed ? 'true' : 'false'}
      data-row-index={index}
      style={depth === undefined ? undefined : { paddingLeft: depth * INDENT }}
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
