/** An arrow of the stage graph, styled by kind (base, copy, mount) and labelled with what flows. */
import { memo } from 'react';
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { EdgeKind } from '../../core/types.ts';
import { useFileTrace } from '../store/fileTrace.ts';
import { useGraphEditStore } from '../graphEdit/graphEditStore.ts';
import { graphFactsOf, useGraphAnalysis } from './graphFacts.ts';
import { EdgeLabelPortal } from './edgeLabelLayer.tsx';

export type DependencyFlowEdge = Edge<{ kind: EdgeKind; from: string; to: number; line: number; label: string; detail: string; parallel: number }, 'dependency'>;

function DependencyEdgeView(props: EdgeProps<DependencyFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data } = props;
  const needed = useGraphAnalysis((s) => (data ? graphFactsOf(s.analysis).needed.has(data.to) : false));
  const onFilePath = useFileTrace((t) => (data ? t.lines.has(data.line) : false));
  const selected = useGraphEditStore((s) => s.edge === id);
  if (!data) return null;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const classes = ['dependency-edge', `dependency-edge--${data.kind}`, needed ? 'is-needed' : 'is-skipped'];
  if (onFilePath) classes.push('is-on-file-path');
  if (selected) classes.push('is-selected');
  return (
    <g
      className={classes.join(' ')}
      data-testid="stage-edge"
      data-from={data.from}
      data-to={data.to}
      data-kind={data.kind}
      data-line={data.line}
      data-selected={selected ? 'true' : 'false'}
    >
      <BaseEdge id={id} path={path} markerEnd={markerEnd} />
      <EdgeLabelPortal>
        <div
          className={`edge-label edge-label--${data.kind} ${needed ? 'is-needed' : 'is-skipped'}${selected ? ' is-selected' : ''} nodrag nopan`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + data.parallel * 18}px)` }}
          title={`line ${data.line}: ${data.detail}`}
          data-testid="stage-edge-label"
          data-edge-id={id}
          data-from={data.from}
          data-to={data.to}
          data-kind={data.kind}
          data-line={data.line}
          onClick={() => {
            useGraphEditStore.getState().selectEdge(id);
            // the keys (Delete) go to the arrow, as after a click on its line
            document.querySelector<SVGGElement>(`.react-flow__edge[data-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
          }}
        >
          {selected && <span className="edge-label__selected">selected: </span>}
          {data.label}
        </div>
      </EdgeLabelPortal>
    </g>
  );
}

export const DependencyEdge = memo(DependencyEdgeView);
