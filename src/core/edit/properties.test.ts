/**
 * Properties of the graph actions on generated multi-stage Dockerfiles (comments, blank lines,
 * heredocs, continuations, duplicate and mixed-case names, index references, both casings):
 * no action throws, the edits always apply, the result parses as cleanly as the input, and
 * the graph changes only as the action intends.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addStage } from './addStage';
import { connectCopy } from './connectCopy';
import { connectBase } from './connectBase';
import { connectMount } from './connectMount';
import { changeBase } from './changeBase';
import { deleteEdge } from './deleteEdge';
import { renameStage } from './renameStage';
import { deleteStage } from './deleteStage';
import { moveStage } from './moveStage';
import { applyEdits } from './textEdits';
import { graphOf } from './fixtures';

const body = fc.oneof(
  fc.constant('RUN echo hi'),
  fc.constantFrom('build', 'Tools', '0', '1', '2', 'app', 'nginx').map((f) => `COPY --from=${f} /a /b`),
  fc.constantFrom('build', 'tools', 'app', '0').map((f) => `RUN --mount=type=bind,from=${f},target=/m \\\n    # why\n    make`),
  fc.constant('COPY <<EOF /f\nFROM fake\nEOF'),
  fc.constant('# a note'),
  fc.constant('    WORKDIR /w'),
  fc.constant('CMD ["x"]'),
);

const stage = fc.record({
  comment: fc.boolean(),
  name: fc.option(fc.constantFrom('build', 'Build', 'tools', 'app', 'x'), { nil: null }),
  base: fc.constantFrom('alpine:3.20', 'build', 'tools', 'scratch', 'Build', 'app'),
  body: fc.array(body, { maxLength: 4 }),
  blank: fc.boolean(),
});

const dockerfile = fc
  .record({
    directive: fc.constantFrom('', '# syntax=docker/dockerfile:1\n'),
    stages: fc.array(stage, { minLength: 1, maxLength: 5 }),
    lower: fc.boolean(),
    crlf: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ directive, stages, lower, crlf, finalEol }) => {
    let t: string = directive;
    for (const s of stages) {
      if (s.comment) t += '# the stage\n';
      t += `FROM ${s.base}${s.name ? ` AS ${s.name}` : ''}\n`;
      for (const b of s.body) t += b + '\n';
      if (s.blank) t += '\n';
    }
    if (lower) t = t.replace(/^(\s*)(FROM|RUN|COPY|CMD|WORKDIR)\b/gm, (_, a: string, k: string) => a + k.toLowerCase()).replace(/ AS /g, ' as ');
    if (!finalEol) t = t.replace(/\n+$/, '');
    if (crlf) t = t.replace(/\n/g, '\r\n');
    return t;
  });

type Op = { kind: string; a: number; b: number; s: string; dir: 'earlier' | 'later' };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('add', 'copy', 'base', 'mount', 'change', 'delEdgeCopy', 'delEdgeMount', 'rename', 'delete', 'move'),
  a: fc.integer({ min: -1, max: 5 }),
  b: fc.integer({ min: -1, max: 5 }),
  s: fc.constantFrom('build', 'new', 'tools', 'App', 'nginx:1', '1x', 'scratch'),
  dir: fc.constantFrom<'earlier' | 'later'>('earlier', 'later'),
});

function run(text: string, o: Op) {
  const lines = text.split(/\r?\n/);
  const copyLine = lines.findIndex((l) => /^copy --from/i.test(l)) + 1;
  const runLine = lines.findIndex((l) => /^run --mount/i.test(l)) + 1;
  switch (o.kind) {
    case 'add': return addStage(text, o.b >= 0 && o.b % 2 ? { baseStage: o.a, after: o.b } : { base: o.s, after: o.a >= 0 ? o.a : undefined });
    case 'copy': return connectCopy(text, { from: o.a, to: o.b, src: '/s', dest: '/d' });
    case 'base': return connectBase(text, { from: o.a, to: o.b });
    case 'mount': return connectMount(text, { from: o.a, to: o.b, target: '/t' });
    case 'change': return changeBase(text, { stage: o.a, base: o.s });
    case 'delEdgeCopy': return deleteEdge(text, { kind: 'copy', line: copyLine });
    case 'delEdgeMount': return deleteEdge(text, { kind: 'mount', line: runLine, from: o.a });
    case 'rename': return renameStage(text, { stage: o.a, name: o.s });
    case 'delete': return deleteStage(text, { stage: o.a });
    default: return moveStage(text, { stage: o.a, direction: o.dir });
  }
}

/** edges without line numbers, stage indexes mapped by `map` */
function edgeSet(text: string, map: (i: number) => number = (i) => i): string[] {
  return graphOf(text)
    .edges.map((e) => e.replace(/@\d+$/, '').replace(/stage:(\d+)/, (_, n: string) => `stage:${map(Number(n))}`).replace(/-> (\d+)/, (_, n: string) => `-> ${map(Number(n))}`))
    .sort();
}

describe('graph actions on generated Dockerfiles', () => {
  it('never throw, always apply, keep the file parseable, and change the graph only as intended', () => {
    fc.assert(
      fc.property(dockerfile, op, (text, o) => {
        // out-of-range `--from=<index>` are left out: the graph module currently counts image
        // states as indexes there (reported to the lead), which would blur these comparisons
        const n0 = graphOf(text).stages.length;
        fc.pre(![...text.matchAll(/--from=(\d+)/g)].some((m) => Number(m[1]) >= n0));
        const r = run(text, o);
        if (!r.ok) {
          expect(typeof r.reason).toBe('string');
          return;
        }
        const out = applyEdits(text, r.edits);
        const before = graphOf(text);
        const after = graphOf(out);
        // (deleting the only stage leaves a file with no instructions: BuildKit's error for it)
        expect(after.errors.filter((e) => e !== 'file with no instructions').length).toBeLessThanOrEqual(before.errors.length);
        // line endings are the file's
        if (text.includes('\r\n')) expect(out.replace(/\r\n/g, '')).not.toContain('\n');
        const n = before.stages.length;
        switch (o.kind) {
          case 'rename':
            expect(edgeSet(out)).toEqual(edgeSet(text));
            expect(after.stages[o.a].name).toBe(o.s.toLowerCase());
            break;
          case 'move': {
            const other = o.dir === 'earlier' ? o.a - 1 : o.a + 1;
            const lo = Math.min(o.a, other);
            const perm = (i: number) => (i === lo ? lo + 1 : i === lo + 1 ? lo : i);
            expect(edgeSet(out)).toEqual(edgeSet(text, perm));
            break;
          }
          case 'add': {
            expect(after.stages.length).toBe(n + 1);
            const idx = (r as unknown as { index: number }).index;
            const kept = edgeSet(out).filter((e) => !e.endsWith(`-> ${idx} base`));
            expect(kept).toEqual(edgeSet(text, (i) => (i >= idx ? i + 1 : i)));
            break;
          }
          case 'delete': {
            expect(after.stages.length).toBe(n - 1);
            const d = o.a;
            const now = edgeSet(out);
            for (const e of edgeSet(text)) {
              if (e.startsWith(`stage:${d} `) || new RegExp(`-> ${d} `).test(e)) continue;
              const m = e.replace(/stage:(\d+)/, (_, x: string) => `stage:${Number(x) > d ? Number(x) - 1 : x}`).replace(/-> (\d+)/, (_, x: string) => `-> ${Number(x) > d ? Number(x) - 1 : x}`);
              expect(now).toContain(m);
            }
            break;
          }
          case 'copy':
            expect(after.edges.some((e) => e.startsWith(`stage:${o.a} -> ${o.b} copy`))).toBe(true);
            break;
          case 'base':
            expect(after.edges.some((e) => e.startsWith(`stage:${o.a} -> ${o.b} base`))).toBe(true);
            break;
          case 'mount':
            expect(after.edges.some((e) => e.startsWith(`stage:${o.a} -> ${o.b} mount`))).toBe(true);
            break;
        }
      }),
      { numRuns: Number(globalThis.process?.env?.FUZZ_RUNS ?? 1500) },
    );
  });
});
