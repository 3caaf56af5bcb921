/**
 * For the selected context file: why it has its status, with links to the lines involved. The
 * full chain comes from the worker (src/core/explain/why.ts); until it arrives, the quick facts
 * of the analysis (the lines that read it, the .dockerignore line that drops it) stand in.
 */
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { WhyChain } from '../insights/WhyView.tsx';
import { useWhy } from '../insights/useInsights.ts';
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
  const why = useWhy(path);

  if (why) {
    return (
      <div className="file-journey file-journey--why" data-testid="file-journey">
        <WhyChain why={why} compact />
      </div>
    );
  }
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
