/** An arrow of the stage graph, styled by kind (base, copy, mount) and labelled with what flows. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { EdgeKind } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useFileTrace } from '../store/fileTrace.ts';

export type DependencyFlowEdge = Edge<{ kind: EdgeKind; from: string; to: number; line: number; label: string; detail: string; parallel: number }, 'dependency'>;

function DependencyEdgeView(props: EdgeProps<DependencyFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data } = props;
  const needed = useWorkspaceStore((s) => (data ? (s.analysis?.needed.includes(data.to) ?? false) : false));
  const onFilePath = useFileTrace((t) => (data ? t.lines.has(data.line) : false));
  if (!data) return null;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const classes = ['dependency-edge', `dependency-edge--${data.kind}`, needed ? 'is-needed' : 'is-skipped'];
  if (onFilePath) classes.push('is-on-file-path');
  return (
    <g className={classes.join(' ')} data-testid="stage-edge" data-from={data.from} data-to={data.to} data-kind={data.kind} data-line={data.line}>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      <EdgeLabelRenderer>
        <div
          className={`edge-label edge-label--${data.kind} ${needed ? 'is-needed' : 'is-skipped'}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + data.parallel * 18}px)` }}
          title={`line ${data.line}: ${data.detail}`}
        >
          {data.label}
        </div>
      </EdgeLabelRenderer>
    </g>
  );
}

export const DependencyEdge = memo(DependencyEdgeView);
