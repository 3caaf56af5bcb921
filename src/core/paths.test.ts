/** Go `path.Clean` as ported in paths.ts: the one-scan shortcut never changes an answer. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clean } from './paths.ts';

describe('Go path.Clean', () => {
  it('returns an already clean path as it is, and cleans every other one like the full algorithm', () => {
    // the full algorithm, reached by a path that the one-scan shortcut never takes
    const full = (p: string) => clean(`${p}/.`);
    for (const p of ['a', '/', '/a/b', 'a/b.c', '.a/..b', 'a/...', '..a', '.', '..', '../a', '/..', 'a//b', 'a/', 'a/./b', '/a/../b', '']) {
      expect(clean(p), p).toBe(p === '' ? '.' : full(p));
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '.', '..', '', '/', 'é'), { maxLength: 8 }), (parts) => {
        const p = parts.join('/');
        expect(clean(p)).toBe(p === '' ? '.' : full(p));
      }),
    );
  });
});
