/**
 * Why a file is (not) where it is: the chain src/core/explain/why.ts gives for the selected
 * context file or final-image path. Each step names its line; a Dockerfile line puts the
 * editor's cursor there, a .dockerignore line selects it in the .dockerignore box. The
 * editor highlights the chain's lines and the graph its stages (through the file trace).
 */
import type { WhyAnswer, WhyStep } from '../../core/explain/index.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { revealDockerignoreLine } from '../context/dockerignoreLines.ts';
import { useWhy } from './useInsights.ts';

const KIND_LABEL: Record<WhyAnswer['kind'], string> = { context: 'context file', image: 'image path', none: 'path' };

export function WhyChain({ why, compact = false }: { why: WhyAnswer; compact?: boolean }) {
  return (
    <div className={`why${compact ? ' why--compact' : ''}`} data-testid="why-chain" data-path={why.query} data-kind={why.kind} data-status={why.status ?? ''}>
      <p className="why__summary" data-testid="why-summary">
        {why.summary}
      </p>
      {why.steps.length > 0 && (
        <ol className="why__steps">
          {why.steps.map((step, i) => (
            <WhyStepItem key={`${step.file}:${step.line}:${i}`} step={step} compact={compact} />
          ))}
        </ol>
      )}
    </div>
  );
}

function WhyStepItem({ step, compact }: { step: WhyStep; compact: boolean }) {
  const dockerignore = step.file === '.dockerignore';
  const reveal = () => {
    if (step.line === null) return;
    if (dockerignore) revealDockerignoreLine(step.line);
    else useSelectionStore.getState().revealLine(step.line);
  };
  return (
    <li className="why__step" data-testid="why-step" data-file={step.file} data-line={step.line ?? ''}>
      {step.line !== null ? (
        <button
          type="button"
          className={`line-ref${dockerignore ? ' line-ref--ignore' : ''}`}
          onClick={reveal}
          title={dockerignore ? `select line ${step.line} of .dockerignore` : `go to line ${step.line} of the Dockerfile`}
        >
          {dockerignore ? '.dockerignore' : compact ? 'line' : 'Dockerfile'} {step.line}
        </button>
      ) : (
        <span className="line-ref line-ref--none">no line</span>
      )}
      <span className="why__text">{step.text}</span>
    </li>
  );
}

/** The Why tab: the chain of the selected file, or how to pick one. */
export function WhyView() {
  const path = useSelectionStore((s) => s.file);
  const why = useWhy(path);
  const analysed = useWorkspaceStore((s) => s.analysis !== null);
  if (path === null) {
    return (
      <p className="muted empty" data-testid="why-empty">
        Click a file in <strong>Build context</strong> or <strong>Final image</strong> to see why it is there, or not: the{' '}
        <code>.dockerignore</code> line that drops it, the instruction that copies it, each <code>COPY --from</code> or <code>FROM</code> that carries it
        on, or where it stops.
      </p>
    );
  }
  return (
    <div className="why-view" data-testid="why-panel">
      <p className="insights__lead">
        <span className="muted">Why</span> <code className="why__path">{path}</code>{' '}
        {why && <span className="muted">({KIND_LABEL[why.kind]})</span>}
        <button type="button" className="link-button" onClick={() => useSelectionStore.getState().pickFile(null)}>
          clear
        </button>
      </p>
      {why ? <WhyChain why={why} /> : <p className="muted empty">{analysed ? 'Explaining…' : 'Waiting for the analysis…'}</p>}
    </div>
  );
}
