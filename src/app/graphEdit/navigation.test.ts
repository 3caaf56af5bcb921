import { describe, expect, it } from 'vitest';
import { directionOfKey, neighbourInDirection, type Box } from './navigation.ts';

const box = (id: string, x: number, y: number): Box => ({ id, x, y, width: 100, height: 50 });
// a   b   c
//     d
const boxes = [box('a', 0, 0), box('b', 200, 0), box('c', 400, 0), box('d', 200, 120)];

describe('neighbourInDirection', () => {
  it('goes to the nearest node on the pressed side', () => {
    expect(neighbourInDirection(boxes, 'a', 'right')).toBe('b');
    expect(neighbourInDirection(boxes, 'b', 'right')).toBe('c');
    expect(neighbourInDirection(boxes, 'b', 'left')).toBe('a');
    expect(neighbourInDirection(boxes, 'b', 'down')).toBe('d');
    expect(neighbourInDirection(boxes, 'd', 'up')).toBe('b');
  });

  it('prefers a node within the cone, then any on that side', () => {
    expect(neighbourInDirection(boxes, 'd', 'right')).toBe('c');
    expect(neighbourInDirection(boxes, 'a', 'down')).toBe('d');
  });

  it('returns null at the edge or for an unknown node', () => {
    expect(neighbourInDirection(boxes, 'c', 'right')).toBeNull();
    expect(neighbourInDirection(boxes, 'a', 'up')).toBeNull();
    expect(neighbourInDirection(boxes, 'zzz', 'up')).toBeNull();
  });

  it('maps arrow keys', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter'].map(directionOfKey)).toEqual(['left', 'right', 'up', 'down', null]);
  });
});
