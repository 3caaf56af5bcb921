/** An external image (a base, or the source of COPY --from / RUN --mount from=). */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { graphFactsOf, useGraphAnalysis } from './graphFacts.ts';

/** `id` is the analysis' `image:REF` (a big graph draws an image once per stage using it: the node's own id differs) */
export type ImageFlowNode = Node<{ id: string; ref: string }, 'image'>;

function ImageNodeView({ data }: NodeProps<ImageFlowNode>) {
  const needed = useGraphAnalysis((s) => graphFactsOf(s.analysis).neededImages.has(data.id));
  const scratch = data.ref === 'scratch';
  return (
    <div
      className={`image-node ${needed ? 'is-needed' : 'is-skipped'}`}
      data-testid="image-node"
      data-image={data.ref}
      data-needed={needed ? 'true' : 'false'}
      title={scratch ? 'scratch: an empty filesystem, nothing is pulled' : needed ? `Pulled: ${data.ref}` : `Not pulled for this target: ${data.ref}`}
    >
      <span className="image-node__kind">{scratch ? 'empty' : 'image'}</span>
      <span className="image-node__ref">{data.ref}</span>
      <Handle type="source" position={Position.Right} isConnectableEnd={false} title={`Drag onto a stage: it copies from, builds on or mounts ${data.ref}`} />
    </div>
  );
}

export const ImageNode = memo(ImageNodeView);
