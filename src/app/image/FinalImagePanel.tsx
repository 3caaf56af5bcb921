/** The target stage's known filesystem, as a tree, each file with where it came from. */
import { useMemo } from 'react';
import type { Analysis, FinalFile } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useFileTrace } from '../store/fileTrace.ts';
import { explainImagePath } from '../insights/explainFile.ts';
import { pathTreeOf, type TreeFolder } from '../pathTree.ts';
import { stageLabel } from '../graph/StageNode.tsx';

export function FinalImagePanel() {
  const analysis = useWorkspaceStore((s) => s.analysis);
  const tree = useMemo(() => (analysis ? pathTreeOf(analysis.final, (f) => f.path) : null), [analysis]);
  const targetLabel = analysis && analysis.target !== null ? stageLabel(analysis.stages[analysis.target]) : null;
  return (
    <section className="panel final-image" aria-label="Final image">
      <header className="panel__header">
        <h2>Final image</h2>
        <span className="muted">
          {analysis ? `${analysis.final.length} known ${analysis.final.length === 1 ? 'file' : 'files'}` : ''}
          {targetLabel ? ` in ${targetLabel}` : ''}
        </span>
      </header>
      <div className="panel__body">
        {analysis && analysis.final.length === 0 && (
          <p className="muted empty">No known files: nothing is copied into the target from the context, a heredoc or an image. Files made by RUN cannot be known.</p>
        )}
        {tree && analysis && <FinalFolder folder={tree} analysis={analysis} root />}
      </div>
    </section>
  );
}

function FinalFolder({ folder, analysis, root = false }: { folder: TreeFolder<FinalFile>; analysis: Analysis; root?: boolean }) {
  const body = (
    <ul className="tree">
      {folder.folders.map((f) => (
        <li key={`d:${f.path}`}>
          <FinalFolder folder={f} analysis={analysis} />
        </li>
      ))}
      {folder.files.map(({ name, item }, i) => (
        <FinalFileRow key={`f:${item.path}:${i}`} name={name} file={item} analysis={analysis} />
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
}

function FinalFileRow({ name, file, analysis }: { name: string; file: FinalFile; analysis: Analysis }) {
  const traced = useFileTrace((t) => t.finalPaths.has(file.path));
  const explain = () => {
    useSelectionStore.getState().revealLine(file.line);
    explainImagePath(file.path);
  };
  return (
    <li className={`tree__file final-file${traced ? ' is-traced' : ''}`} data-testid="final-file" data-path={file.path} data-from={file.from}>
      <button type="button" className="tree__file-button" onClick={explain} title={`${file.path}: line ${file.line}. Click to see why it is in the image.`}>
        <span className="tree__file-name">{name}</span>
        <span className="provenance">
          {provenanceOf(file, analysis)} · line {file.line}
        </span>
      </button>
    </li>
  );
}

function provenanceOf(file: FinalFile, analysis: Analysis): string {
  if (file.from === 'context') return `from context ${file.source}`;
  if (file.from === 'heredoc') return `heredoc ${file.source}`;
  if (file.from.startsWith('stage:')) {
    const stage = analysis.stages[Number(file.from.slice('stage:'.length))];
    return `from stage ${stageLabel(stage) || file.from} ${file.source}`;
  }
  if (file.from.startsWith('image:')) return `from image ${file.from.slice('image:'.length)} ${file.source}`;
  return `${file.from} ${file.source}`;
}
