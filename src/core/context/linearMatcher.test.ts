/**
 * The linear-time matcher agrees with the JavaScript RegExp it stands in for, on every pattern
 * compile() can build, and stays linear where V8's backtracking explodes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { goCompilePattern, translateGoRegexp, Pattern } from './patternmatcher.ts';

const piece = fc.constantFrom('a', 'b', '/', '*', '**', '**/', '?', '[a-c]', '[^a]', '[!a]', '\\*', '\\d', '{2}', '{1,3}', '|', 'x|y', '.', 'ü', '😀', '\\b', '\\B', '[[:alpha:]]', '\\pL', 'a{0,2}');
const pathChar = fc.constantFrom('a', 'b', 'c', '/', '.', 'x', 'y', '1', 'ü', '😀', ' ', '\n');

describe('LinearMatcher', () => {
  it('agrees with RegExp.test on generated patterns and paths', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 7 }), fc.array(fc.array(pathChar, { maxLength: 12 }).map((c) => c.join('')), { minLength: 1, maxLength: 8 }), (pieces, paths) => {
        const { matchType, goRegexp } = goCompilePattern(pieces.join(''));
        if (matchType !== 'regexp') return;
        const plan = translateGoRegexp(goRegexp);
        if ('error' in plan) return;
        // build the linear matcher for every pattern here, not only the risky ones
        const lm = plan.linear;
        if (lm === null) return;
        for (const p of paths) {
          expect(lm.test(p), `${goRegexp} on ${JSON.stringify(p)}`).toBe(plan.re.test(p));
          compared++;
        }
      }),
      { numRuns: 5000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it('matches catastrophic-backtracking patterns in linear time (counted, not timed: it returns)', () => {
    for (const k of [8, 16, 32]) {
      const p = new Pattern('*a'.repeat(k) + '*c*b', false, 0);
      expect(p.linear).not.toBeNull();
      expect(p.match('a'.repeat(4000) + 'b')).toBe(false);
      expect(p.match('a'.repeat(k) + 'cb')).toBe(true);
    }
    const deep = new Pattern('**/**/**/**/**/**/**/**/x', false, 0);
    expect(deep.match('a/'.repeat(2000) + 'y')).toBe(false);
    expect(deep.match('a/'.repeat(2000) + 'x')).toBe(true);
  });
});
