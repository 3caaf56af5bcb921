/** For the selected context file: why it has its status, with links to the lines involved. */
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useFileTrace } from '../store/fileTrace.ts';
import { stageLabel } from '../graph/StageNode.tsx';

export function FileJourney({ path }: { path: string }) {
  const status = useWorkspaceStore((s) => s.analysis?.context[path]);
  const reads = useWorkspaceStore((s) => s.contextFacts?.reads[path]);
  const ignoredBy = useWorkspaceStore((s) => s.contextFacts?.ignoredBy[path]);
  const stages = useWorkspaceStore((s) => s.analysis?.stages);
  const finalPaths = useFileTrace((t) => (t.path === path ? t.finalPaths : null));
  const reveal = (line: number) => useSelectionStore.getState().revealLine(line);

  return (
    <div className="file-journey" data-testid="file-journey">
      {status === 'ignored' &&
        (ignoredBy ? (
          <p>
            Left out of the context by <code>.dockerignore</code> line {ignoredBy.line}: <code>{ignoredBy.pattern}</code>
          </p>
        ) : (
          <p>Left out of the context by .dockerignore.</p>
        ))}
      {status === 'unused' && <p>Sent to the builder, but no stage the target needs reads it.</p>}
      {reads && reads.length > 0 && (
        <p>
          Read at{' '}
          {reads.map((r, i) => (
            <span key={r.line}>
              {i > 0 && ', '}
              <button type="button" className="link-button" onClick={() => reveal(r.line)}>
                line {r.line}
              </button>{' '}
              ({stageLabel(stages?.[r.stage])})
            </span>
          ))}
          .
        </p>
      )}
      {status === 'build-only' && <p>Used while building, but it does not reach the final image.</p>}
      {status === 'final' && finalPaths && finalPaths.size > 0 && (
        <p>
          In the final image as{' '}
          {[...finalPaths].map((p, i) => (
            <span key={p}>
              {i > 0 && ', '}
              <code>{p}</code>
            </span>
          ))}
          .
        </p>
      )}
    </div>
  );
}
