/**
 * The bar above the stage graph: "Add stage", the actions of the selected stage or arrow, and
 * what the last action did (or why it was refused). Every button has an accessible name that
 * says what it does to which stage; results are words, not colours.
 */
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { undoDockerfileEdit } from '../editor/editorBridge.ts';
import { useGraphEditStore } from './graphEditStore.ts';
import { perform, planMove, planSetTarget } from './actions.ts';
import { edgeById, requestDeleteEdge, requestDeleteStage, startConnect } from './commands.ts';
import { nodeCalled, stageCalled } from './describe.ts';

export function GraphEditBar() {
  const dialog = useGraphEditStore((s) => s.dialog);
  const openDialog = useGraphEditStore((s) => s.openDialog);
  return (
    <div className="graph-edit-bar">
      <div className="graph-edit-bar__row">
        <button
          type="button"
          className="graph-button graph-button--primary"
          data-testid="add-stage-button"
          aria-haspopup="dialog"
          aria-expanded={dialog?.kind === 'add-stage'}
          onClick={() => openDialog({ kind: 'add-stage', baseStage: null })}
        >
          <span aria-hidden="true">+</span> Add stage
        </button>
        <SelectionActions />
      </div>
      <GraphMessageLine />
    </div>
  );
}

function SelectionActions() {
  const edgeId = useGraphEditStore((s) => s.edge);
  const stageIndex = useSelectionStore((s) => s.stage);
  if (edgeId) return <EdgeActions id={edgeId} />;
  if (stageIndex !== null) return <StageActions index={stageIndex} />;
  return null;
}

function StageActions({ index }: { index: number }) {
  const stage = useWorkspaceStore((s) => s.analysis?.stages[index]);
  const isTarget = useWorkspaceStore((s) => s.analysis?.target === index);
  const count = useWorkspaceStore((s) => s.analysis?.stages.length ?? 0);
  const busy = useGraphEditStore((s) => s.busy);
  const ui = useGraphEditStore.getState;
  if (!stage) return null;
  const name = stageCalled(stage);
  return (
    <div className="graph-edit-bar__actions" role="group" aria-label={`Actions for stage ${name}`} data-testid="stage-actions" data-stage-index={index}>
      <span className="graph-edit-bar__subject">
        Stage <strong>{name}</strong>
      </span>
      <button type="button" className="graph-button" data-testid="stage-action-rename" aria-label={`Rename stage ${name}`} title="Rename (F2)" onClick={() => ui().startRename(index)}>
        Rename
      </button>
      <button type="button" className="graph-button" data-testid="stage-action-base" aria-label={`Change the base of stage ${name}`} title="Change base (B)" onClick={() => ui().startBaseEdit(index)}>
        Base…
      </button>
      <button
        type="button"
        className="graph-button"
        data-testid="stage-action-target"
        aria-label={isTarget ? `Stage ${name} is the target` : `Set stage ${name} as the target`}
        title="Set as target (T)"
        disabled={isTarget || busy}
        onClick={() => void perform('set this stage as the target', planSetTarget(index))}
      >
        {isTarget ? '✓ Target' : 'Target'}
      </button>
      <button type="button" className="graph-button" data-testid="stage-action-connect" aria-label={`Connect stage ${name} to another stage`} title="Connect (C)" onClick={() => startConnect(`stage:${index}`, null)}>
        Connect…
      </button>
      <button
        type="button"
        className="graph-button"
        data-testid="stage-action-earlier"
        aria-label={`Move stage ${name} earlier`}
        title="Move earlier (Alt+Left)"
        disabled={index === 0 || busy}
        onClick={() => void perform(`move ${name} earlier`, planMove(index, 'earlier'))}
      >
        <span aria-hidden="true">◀</span> Earlier
      </button>
      <button
        type="button"
        className="graph-button"
        data-testid="stage-action-later"
        aria-label={`Move stage ${name} later`}
        title="Move later (Alt+Right)"
        disabled={index >= count - 1 || busy}
        onClick={() => void perform(`move ${name} later`, planMove(index, 'later'))}
      >
        Later <span aria-hidden="true">▶</span>
      </button>
      <button type="button" className="graph-button" data-testid="stage-action-add-based" aria-label={`Add a stage based on ${name}`} onClick={() => ui().openDialog({ kind: 'add-stage', baseStage: index })}>
        <span aria-hidden="true">+</span> Based on
      </button>
      <button type="button" className="graph-button graph-button--danger" data-testid="stage-action-delete" aria-label={`Delete stage ${name}`} title="Delete (Delete)" onClick={() => void requestDeleteStage(index)}>
        Delete…
      </button>
    </div>
  );
}

function EdgeActions({ id }: { id: string }) {
  const edge = edgeById(id);
  const analysis = useWorkspaceStore((s) => s.analysis);
  const selectEdge = useGraphEditStore((s) => s.selectEdge);
  if (!edge || !analysis) return null;
  const to = stageCalled(analysis.stages[edge.to]);
  const from = nodeCalled(analysis, edge.from);
  const what = edge.kind === 'base' ? `${to} builds on ${from}` : edge.kind === 'copy' ? `${to} copies from ${from}` : `${to} mounts ${from}`;
  return (
    <div className="graph-edit-bar__actions" role="group" aria-label={`Actions for the arrow: ${what}`} data-testid="edge-actions">
      <span className="graph-edit-bar__subject graph-edit-bar__subject--wide">
        Arrow: <strong>{what}</strong> (line {edge.line})
      </span>
      <button
        type="button"
        className="graph-button graph-button--danger"
        data-testid="edge-action-delete"
        aria-label={edge.kind === 'base' ? `Replace the base of ${to}` : `Delete the arrow: ${what}, line ${edge.line}`}
        onClick={() => void requestDeleteEdge(edge)}
      >
        {edge.kind === 'base' ? 'Replace base…' : 'Delete arrow'}
      </button>
      <button type="button" className="graph-button" aria-label="Unselect the arrow" onClick={() => selectEdge(null)}>
        Done
      </button>
    </div>
  );
}

/** One line of fixed height (the canvas below must not move while the person clicks on it). */
function GraphMessageLine() {
  const message = useGraphEditStore((s) => s.message);
  const clear = useGraphEditStore((s) => s.clearMessage);
  return (
    <div className="graph-message-line">
      {!message && (
        <span className="graph-edit-bar__hint">
          Select a stage or an arrow to edit it (or Tab to it: arrows, Enter, F2, Delete). Drag from a stage’s right handle onto another stage to connect them.
        </span>
      )}
      <div className="graph-message-region" role="status" aria-live="polite">
        {message && (
        <p className={`graph-message graph-message--${message.kind}`} data-testid="graph-message" data-kind={message.kind}>
          <span className="graph-message__icon" aria-hidden="true">
            {message.kind === 'done' ? '✓' : '⚠'}
          </span>
          <span className="graph-message__text" title={message.text}>
            {message.text}
          </span>
          {message.undoable && (
            <button
              type="button"
              className="graph-link-button"
              data-testid="graph-undo"
              aria-label="Undo the last change to the Dockerfile"
              onClick={() => {
                undoDockerfileEdit();
                clear();
              }}
            >
              Undo (Ctrl+Z)
            </button>
          )}
          <button type="button" className="graph-icon-button" aria-label="Dismiss the message" title="Dismiss" onClick={clear}>
            ✕
          </button>
          </p>
        )}
      </div>
    </div>
  );
}
