/**
 * The target stage's known filesystem, as a tree, each file with where it came from.
 *
 * The rows subscribe to no store: the panel reads the analysis and the selected file's trace
 * once and hands each memoized row plain values. Above FULL_TREE_LIMIT files (a `COPY . .` of a
 * big context) the tree renders only the rows in view, with a box to find a file.
 */
import { memo, useDeferredValue, useMemo, useRef, useState, type RefObject } from 'react';
import type { Analysis, FinalFile } from '../../core/types.ts';
import { useWorkspaceStore, type WorkspaceState } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useFileTrace } from '../store/fileTrace.ts';
import { explainImagePath } from '../insights/explainFile.ts';
import { pathTreeOf, type TreeFolder } from '../pathTree.ts';
import { stageLabel } from '../graph/StageNode.tsx';
import { FULL_TREE_LIMIT, filterByPath } from '../context/flatTree.ts';
import { stableSelector } from '../context/stable.ts';
import { WindowedList } from '../context/WindowedList.tsx';
import { FolderRow, ROW_HEIGHT } from '../context/ContextTree.tsx';
import { useFoldingRows } from '../context/useFoldingRows.ts';
import { FindBox, findSummary } from '../context/FindBox.tsx';

/** The final files of the latest analysis, the same array while none changed (typing in a RUN line). */
const selectFinal = stableSelector((s: WorkspaceState): FinalFile[] | null => s.analysis?.final ?? null, sameFinal);

type Provenance = (file: FinalFile) => string;

export function FinalImagePanel() {
  const analysis = useWorkspaceStore((s) => s.analysis);
  const final = useWorkspaceStore(selectFinal);
  const traced = useFileTrace((t) => t.finalPaths);
  const [query, setQuery] = useState('');
  const body = useRef<HTMLDivElement>(null);
  const big = (final?.length ?? 0) > FULL_TREE_LIMIT;
  const filter = useDeferredValue(big ? query.trim() : '');
  const shown = useMemo(() => (final ? filterByPath(final, (f) => f.path, filter) : null), [final, filter]);
  const tree = useMemo(() => (shown ? pathTreeOf(shown, (f) => f.path) : null), [shown]);
  const stages = analysis?.stages;
  const provenance = useMemo<Provenance>(() => (file) => provenanceOf(file, stages ?? []), [stages]);
  const targetLabel = analysis && analysis.target !== null ? stageLabel(analysis.stages[analysis.target]) : null;
  const count = final?.length ?? 0;
  return (
    <section className="panel final-image" aria-label="Final image">
      <header className="panel__header">
        <h2>Final image</h2>
        <span className="muted">
          {analysis ? `${count} known ${count === 1 ? 'file' : 'files'}` : ''}
          {targetLabel ? ` in ${targetLabel}` : ''}
        </span>
      </header>
      {big && (
        <FindBox
          within="the final image"
          value={query}
          onChange={setQuery}
          testId="final-filter"
          summary={findSummary(filter !== '', shown?.length ?? 0, count)}
          className="tree-find--panel"
        />
      )}
      <div className={`panel__body${big ? ' panel__body--windowed' : ''}`} ref={body}>
        {analysis && count === 0 && (
          <p className="muted empty">No known files: nothing is copied into the target from the context, a heredoc or an image. Files made by RUN cannot be known.</p>
        )}
        {big && shown?.length === 0 && <p className="muted empty">No file of the image has “{filter}” in its path.</p>}
        {tree && analysis && (big ? <FinalRows tree={tree} filter={filter} provenance={provenance} traced={traced} scrollRef={body} /> : <FinalFolder folder={tree} provenance={provenance} traced={traced} root />)}
      </div>
    </section>
  );
}

interface TreeProps {
  provenance: Provenance;
  traced: ReadonlySet<string>;
}

const FinalFolder = memo(function FinalFolder({ folder, provenance, traced, root = false }: TreeProps & { folder: TreeFolder<FinalFile>; root?: boolean }) {
  const body = (
    <ul className="tree">
      {folder.folders.map((f) => (
        <li key={`d:${f.path}`}>
          <FinalFolder folder={f} provenance={provenance} traced={traced} />
        </li>
      ))}
      {folder.files.map(({ name, item }, i) => (
        <FinalFileRow key={`f:${item.path}:${i}`} name={name} path={item.path} from={item.from} line={item.line} provenance={provenance(item)} traced={traced.has(item.path)} />
      ))}
    </ul>
  );
  if (root) return body;
  return (
    <details open className="tree__folder">
      <summary>
        <span className="tree__folder-name">{folder.name}/</span> <span className="muted">{folder.count}</span>
      </summary>
      {body}
    </details>
  );
});

const finalKey = (f: FinalFile, i: number) => `${f.path}:${i}`;

function FinalRows({ tree, filter, provenance, traced, scrollRef }: TreeProps & { tree: TreeFolder<FinalFile>; filter: string; scrollRef: RefObject<HTMLElement | null> }) {
  const { rows, toggle, onKeyDown } = useFoldingRows(tree, filter, finalKey);
  return (
    <WindowedList
      count={rows.length}
      rowHeight={ROW_HEIGHT}
      scrollRef={scrollRef}
      resetKey={filter}
      ariaLabel="Files in the final image"
      testId="final-rows"
      onKeyDown={onKeyDown}
      renderRow={(i) => {
        const row = rows[i];
        if (row.kind === 'folder')
          return <FolderRow key={row.key} index={i} depth={row.depth} path={row.folder.path} name={row.folder.name} count={row.folder.count} open={row.open} onToggle={toggle} kind="final" />;
        const f = row.item;
        return <FinalFileRow key={row.key} index={i} depth={row.depth} name={row.name} path={f.path} from={f.from} line={f.line} provenance={provenance(f)} traced={traced.has(f.path)} />;
      }}
    />
  );
}

interface FinalFileRowProps {
  name: string;
  path: string;
  from: string;
  line: number;
  provenance: string;
  traced: boolean;
  /** in a windowed list: the row's place and depth */
  index?: number;
  depth?: number;
}

const FinalFileRow = memo(function FinalFileRow({ name, path, from, line, provenance, traced, index, depth }: FinalFileRowProps) {
  const explain = () => {
    useSelectionStore.getState().revealLine(line);
    explainImagePath(path);
  };
  return (
    <li
      className={`tree__file final-file${traced ? ' is-traced' : ''}`}
      data-testid="final-file"
      data-path={path}
      data-from={from}
      data-row-index={index}
      style={depth === undefined ? undefined : { paddingLeft: depth * 14 }}
    >
      <button type="button" className="tree__file-button" onClick={explain} title={`${path}: line ${line}. Click to see why it is in the image.`}>
        <span className="tree__file-name">{name}</span>
        <span className="provenance">
          {provenance} · line {line}
        </span>
      </button>
    </li>
  );
});

function provenanceOf(file: FinalFile, stages: Analysis['stages']): string {
  if (file.from === 'context') return `from context ${file.source}`;
  if (file.from === 'heredoc') return `heredoc ${file.source}`;
  if (file.from.startsWith('stage:')) {
    const stage = stages[Number(file.from.slice('stage:'.length))];
    return `from stage ${stageLabel(stage) || file.from} ${file.source}`;
  }
  if (file.from.startsWith('image:')) return `from image ${file.from.slice('image:'.length)} ${file.source}`;
  return `${file.from} ${file.source}`;
}

/** Two lists of final files that show the same: same paths, origins, sources and lines. */
function sameFinal(a: FinalFile[] | null, b: FinalFile[] | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.path !== y.path || x.from !== y.from || x.source !== y.source || x.line !== y.line) return false;
  }
  return true;
}
