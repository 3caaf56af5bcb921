import { describe, expect, it } from 'vitest';
import { lineOffsets } from './dockerignoreLines.ts';

describe('lineOffsets', () => {
  const text = 'node_modules\n# dist\r\n\n*.md';
  it('finds each line, without its line break', () => {
    expect(lineOffsets(text, 1)).toEqual([0, 12]);
    expect(text.slice(...lineOffsets(text, 2)!)).toBe('# dist');
    expect(lineOffsets(text, 3)).toEqual([21, 21]);
    expect(text.slice(...lineOffsets(text, 4)!)).toBe('*.md');
  });
  it('has no line 0, no negative and none past the end', () => {
    expect(lineOffsets(text, 0)).toBeNull();
    expect(lineOffsets(text, -1)).toBeNull();
    expect(lineOffsets(text, 5)).toBeNull();
    expect(lineOffsets('', 1)).toEqual([0, 0]);
  });
});
