/**
 * Where the edges' HTML labels go: React Flow's label layer, found once per canvas.
 *
 * React Flow's own `EdgeLabelRenderer` finds that layer with a store selector that runs
 * `querySelector` on the whole canvas, once per label on every change of React Flow's store
 * (a node measured, every frame of a pan or zoom): with 1,400 arrows that was seconds per
 * keystroke. Here the canvas looks it up once and hands it to every label through a context.
 */
import { createContext, useContext, useLayoutEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from '@xyflow/react';

export const EdgeLabelLayerContext = createContext<HTMLElement | null>(null);

/** Renders its children into the label layer (nothing until the layer is known). */
export function EdgeLabelPortal({ children }: { children: ReactNode }) {
  const layer = useContext(EdgeLabelLayerContext);
  return layer ? createPortal(children, layer) : null;
}

/** Inside `<ReactFlow>`: reports the label layer of this canvas. */
export function FindEdgeLabelLayer({ onFound }: { onFound: (layer: HTMLElement | null) => void }) {
  const domNode = useStore((s) => s.domNode);
  useLayoutEffect(() => {
    onFound(domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null);
  }, [domNode, onFound]);
  return null;
}
