/**
 * One stage in the graph. It receives only its index and subscribes to its own slice of the
 * analysis, so a change elsewhere (or dragging another node) does not re-render it.
 *
 * Its right handle starts a connection, its left handle receives one; its name and its base
 * turn into fields when the person renames it (F2, double-click) or changes its base.
 */
import { memo, type PointerEvent } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useFileTrace } from '../store/fileTrace.ts';
import { useGraphEditStore } from '../graphEdit/graphEditStore.ts';
import { InlineBase, InlineRename } from '../graphEdit/InlineFields.tsx';
import type { StageInfo } from '../../core/types.ts';
import type { StageFacts } from '../analysis/stageFacts.ts';
import { graphFactsOf, useGraphAnalysis } from './graphFacts.ts';

export type StageFlowNode = Node<{ index: number }, 'stage'>;

function StageNodeView({ data }: NodeProps<StageFlowNode>) {
  const { index } = data;
  // primitives only (compared field by field): a new analysis with the same stage re-renders nothing
  const stage = useGraphAnalysis(useShallow((s) => shownStage(s.analysis?.stages[index])));
  const needed = useGraphAnalysis((s) => graphFactsOf(s.analysis).needed.has(index));
  const isTarget = useGraphAnalysis((s) => s.analysis?.target === index);
  const facts = useGraphAnalysis(useShallow((s) => shownFacts(s.facts?.[index])));
  const errors = useGraphAnalysis((s) => graphFactsOf(s.analysis).errors[index] ?? 0);
  const selected = useSelectionStore((s) => s.stage === index);
  const onFilePath = useFileTrace((t) => t.stages.has(index));
  const renaming = useGraphEditStore((s) => s.renaming === index);
  const editingBase = useGraphEditStore((s) => s.editingBase === index);
  // the whole stage only for the one node whose fields are open
  const editing = useGraphAnalysis((s) => (renaming || editingBase ? s.analysis?.stages[index] : undefined));
  if (!stage) return null;

  const name = stage.name ?? '';
  const classes = ['stage-node', needed ? 'is-needed' : 'is-skipped'];
  if (isTarget) classes.push('is-target');
  if (selected) classes.push('is-selected');
  if (onFilePath) classes.push('is-on-file-path');
  if (errors) classes.push('has-errors');

  return (
    <div
      className={classes.join(' ')}
      data-testid="stage-node"
      data-stage-index={index}
      data-stage-name={name}
      data-needed={needed ? 'true' : 'false'}
      data-target={isTarget ? 'true' : 'false'}
      onPointerEnter={showWhy}
    >
      <Handle type="target" position={Position.Left} isConnectableStart={false} title={`Drop here: ${stageLabel(stage)} uses the stage or image dragged from`} />
      <div className="stage-node__head">
        {renaming && editing ? <InlineRename stage={editing} /> : <span className="stage-node__name">{stageLabel(stage)}</span>}
        {isTarget && <span className="badge badge--target">target</span>}
        {!needed && <span className="badge badge--skipped">skipped</span>}
      </div>
      {editingBase && editing ? (
        <InlineBase stage={editing} />
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

type ShownStage = Pick<StageInfo, 'index' | 'name' | 'nameAsWritten' | 'base' | 'line' | 'endLine'>;

function shownStage(s: StageInfo | undefined): ShownStage | null {
  return s ? { index: s.index, name: s.name, nameAsWritten: s.nameAsWritten, base: s.base, line: s.line, endLine: s.endLine } : null;
}

function shownFacts(f: StageFacts | undefined): StageFacts | null {
  return f ? { instructions: f.instructions, contextFilesIn: f.contextFilesIn, finalFiles: f.finalFiles } : null;
}

/**
 * The node's tooltip names the target: written when the pointer comes, so that typing the
 * target's name does not re-render every node.
 */
function showWhy(event: PointerEvent<HTMLDivElement>) {
  const el = event.currentTarget;
  const analysis = useGraphAnalysis.getState().analysis;
  const index = Number(el.dataset.stageIndex);
  if (!analysis) return;
  const targetName = stageLabel(analysis.stages[analysis.target ?? -1]);
  el.title = !graphFactsOf(analysis).needed.has(index)
    ? `Skipped: the target ${targetName} needs nothing from this stage, so BuildKit never builds it.`
    : analysis.target === index
      ? 'The stage being built (the target).'
      : `Built: the target ${targetName} needs it.`;
}

export function stageLabel(stage: { index: number; nameAsWritten: string | null; name: string | null } | undefined): string {
  if (!stage) return '';
  return stage.nameAsWritten ?? stage.name ?? `#${stage.index}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const StageNode = memo(StageNodeView);
