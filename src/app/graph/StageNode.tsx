/**
 * One stage in the graph. It receives only its index and subscribes to its own slice of the
 * analysis, so a change elsewhere (or dragging another node) does not re-render it.
 *
 * Its right handle starts a connection, its left handle receives one; its name and its base
 * turn into fields when the person renames it (F2, double-click) or changes its base.
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useFileTrace } from '../store/fileTrace.ts';
import { useGraphEditStore } from '../graphEdit/graphEditStore.ts';
import { InlineBase, InlineRename } from '../graphEdit/InlineFields.tsx';

export type StageFlowNode = Node<{ index: number }, 'stage'>;

function StageNodeView({ data }: NodeProps<StageFlowNode>) {
  const { index } = data;
  const stage = useWorkspaceStore((s) => s.analysis?.stages[index]);
  const needed = useWorkspaceStore((s) => s.analysis?.needed.includes(index) ?? false);
  const isTarget = useWorkspaceStore((s) => s.analysis?.target === index);
  const targetName = useWorkspaceStore((s) => stageLabel(s.analysis?.stages[s.analysis?.target ?? -1]));
  const facts = useWorkspaceStore((s) => s.facts?.[index]);
  const errors = useWorkspaceStore((s) => {
    const st = s.analysis?.stages[index];
    if (!st) return 0;
    return s.analysis!.diagnostics.filter((d) => d.severity === 'error' && d.line >= st.line && d.line <= st.endLine).length;
  });
  const selected = useSelectionStore((s) => s.stage === index);
  const onFilePath = useFileTrace((t) => t.stages.has(index));
  const renaming = useGraphEditStore((s) => s.renaming === index);
  const editingBase = useGraphEditStore((s) => s.editingBase === index);
  if (!stage) return null;

  const name = stage.name ?? '';
  const classes = ['stage-node', needed ? 'is-needed' : 'is-skipped'];
  if (isTarget) classes.push('is-target');
  if (selected) classes.push('is-selected');
  if (onFilePath) classes.push('is-on-file-path');
  if (errors) classes.push('has-errors');
  const why = needed
    ? isTarget
      ? 'The stage being built (the target).'
      : `Built: the target ${targetName} needs it.`
    : `Skipped: the target ${targetName} needs nothing from this stage, so BuildKit never builds it.`;

  return (
    <div
      className={classes.join(' ')}
      data-testid="stage-node"
      data-stage-index={index}
      data-stage-name={name}
      data-needed={needed ? 'true' : 'false'}
      data-target={isTarget ? 'true' : 'false'}
      title={why}
    >
      <Handle type="target" position={Position.Left} isConnectableStart={false} title={`Drop here: ${stageLabel(stage)} uses the stage or image dragged from`} />
      <div className="stage-node__head">
        {renaming ? <InlineRename stage={stage} /> : <span className="stage-node__name">{stageLabel(stage)}</span>}
        {isTarget && <span className="badge badge--target">target</span>}
        {!needed && <span className="badge badge--skipped">skipped</span>}
      </div>
      {editingBase ? (
        <InlineBase stage={stage} />
      ) : (
        <div className="stage-node__base" title={`FROM ${stage.base} (double-click to change the base)`}>
          FROM {stage.base}
        </div>
      )}
      <div className="stage-node__counts">
        <span>lines {stage.line}–{stage.endLine}</span>
        {facts && <span>{plural(facts.instructions, 'instruction')}</span>}
        {facts && facts.contextFilesIn > 0 && <span title="context files this stage reads">{plural(facts.contextFilesIn, 'file')} in</span>}
        {facts && facts.finalFiles > 0 && <span title="files of the final image this stage supplies">{facts.finalFiles} to image</span>}
        {errors > 0 && <span className="stage-node__errors">{plural(errors, 'error')}</span>}
      </div>
      <Handle type="source" position={Position.Right} isConnectableEnd={false} title={`Drag onto another stage: it copies from, builds on or mounts ${stageLabel(stage)}`} />
    </div>
  );
}

export function stageLabel(stage: { index: number; nameAsWritten: string | null; name: string | null } | undefined): string {
  if (!stage) return '';
  return stage.nameAsWritten ?? stage.name ?? `#${stage.index}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const StageNode = memo(StageNodeView);
