/**
 * Arrow-key navigation between graph nodes: from the focused node, the nearest node whose
 * centre lies in the pressed direction (within a 45° cone first, then anywhere on that side).
 * Pure: boxes in, an id out.
 */

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export function directionOfKey(key: string): Direction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return null;
  }
}

export function neighbourInDirection(boxes: readonly Box[], fromId: string, dir: Direction): string | null {
  const from = boxes.find((b) => b.id === fromId);
  if (!from) return null;
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: { id: string; score: number; inCone: boolean } | null = null;
  for (const b of boxes) {
    if (b.id === fromId) continue;
    const dx = b.x + b.width / 2 - cx;
    const dy = b.y + b.height / 2 - cy;
    // along: distance in the pressed direction; across: the sideways offset
    const along = dir === 'right' ? dx : dir === 'left' ? -dx : dir === 'down' ? dy : -dy;
    const across = dir === 'right' || dir === 'left' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 1) continue;
    const inCone = across <= along;
    const score = along + 2 * across;
    if (!best || (inCone && !best.inCone) || (inCone === best.inCone && score < best.score)) best = { id: b.id, score, inCone };
  }
  return best?.id ?? null;
}
