/**
 * Properties of the explainers over generated multi-stage Dockerfiles: they are total, and the
 * cache preview and schedule obey BuildKit's rules as invariants (no change re-runs nothing;
 * more changes never re-run fewer steps; once a step re-runs, every later build step of its
 * stage does too, except a --link copy; dependencies come in earlier levels).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explainPath } from './why.ts';
import { previewCache } from './cache.ts';
import { buildSchedule } from './schedule.ts';
import { explainInstruction } from './instruction.ts';
import { imageSizeSummary } from './imageSizes.ts';
import { detailOf } from './fixtures.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 150;
const FILES = ['package.json', 'package-lock.json', 'src/a.ts', 'src/b.ts', 'src/lib/c.ts', 'docs/x.md', 'README.md', 'go.mod', 'bin/tool'];
const source = fc.constantFrom('.', 'src', 'src/', 'package*.json', 'go.mod', 'docs/x.md', 'src/*.ts', 'missing.txt', 'bin');
const image = fc.constantFrom('alpine:3.20', 'node:22-alpine', 'golang:1.22', 'scratch', 'gcr.io/distroless/static');

/** One instruction inside stage k (it may name stages 0..k-1). */
const instruction = (k: number) =>
  fc.oneof(
    fc.tuple(fc.array(source, { minLength: 1, maxLength: 2 }), fc.constantFrom('/app/', '.', 'out/', '/x'), fc.boolean()).map(
      ([srcs, dest, link]) => `COPY ${link ? '--link ' : ''}${srcs.join(' ')} ${dest}`,
    ),
    fc.constantFrom('RUN make', 'RUN npm ci', 'RUN --mount=type=cache,target=/c make', 'RUN --mount=type=bind,source=src,target=/s ls /s', 'RUN --mount=type=bind,target=/ctx ls', 'RUN --mount=type=secret,id=t cat /run/secrets/t'),
    fc.constantFrom('WORKDIR /app', 'WORKDIR sub', 'ENV A=1', 'ARG X', 'USER 1000', 'EXPOSE 80', 'CMD ["run"]', 'LABEL a=b'),
    ...(k > 0
      ? [
          fc.tuple(fc.integer({ min: 0, max: k - 1 }), fc.constantFrom('/app', '/app/src', '/x', 'out', '/')).map(([s, p]) => `COPY --from=s${s} ${p} /from${s}/`),
          fc.integer({ min: 0, max: k - 1 }).map((s) => `RUN --mount=from=s${s},target=/m ls /m`),
        ]
      : []),
  );

const dockerfile = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc
    .tuple(
      ...Array.from({ length: n }, (_, k) =>
        fc.tuple(k > 0 ? fc.oneof(image, fc.integer({ min: 0, max: k - 1 }).map((s) => `s${s}`)) : image, fc.array(instruction(k), { maxLength: 5 })),
      ),
    )
    .map((stages) => stages.map(([base, body], k) => [`FROM ${base} AS s${k}`, ...body].join('\n')).join('\n\n') + '\n'),
);

const input = fc.record({
  text: dockerfile,
  files: fc.subarray(FILES, { minLength: 0 }),
  ignore: fc.constantFrom(null, '*.md\n', 'docs\n!docs/x.md\n', 'src/lib\n'),
  target: fc.constantFrom(null, 's0', 's1', 's2'),
  changedA: fc.subarray(FILES),
  changedB: fc.subarray(FILES),
});

describe('explain: properties', () => {
  it('every explainer is total on generated Dockerfiles', () => {
    fc.assert(
      fc.property(input, ({ text, files, ignore, target }) => {
        const d = detailOf(text, files, ignore, target);
        const lines = text.split('\n').length;
        for (let l = 0; l <= lines + 1; l++) {
          const e = explainInstruction(d, l);
          if (e) {
            expect(l).toBeGreaterThanOrEqual(e.line);
            expect(l).toBeLessThanOrEqual(e.endLine);
            expect(e.reads.length).toBe(e.readsFrom.length);
          }
        }
        for (const f of files) {
          const w = explainPath(d, f, ignore);
          expect(w.status).toBe(d.analysis.context[f]);
          for (const l of w.lines) expect(l).toBeLessThanOrEqual(lines);
          if (w.status === 'final') expect(w.lines.length).toBeGreaterThan(0);
        }
        for (const f of d.analysis.final) expect(explainPath(d, f.path).kind).toBe('image');
        imageSizeSummary(d);
      }),
      { numRuns: runs },
    );
  });

  it('cache preview: nothing changed re-runs nothing; more changes never re-run less; the chain holds', () => {
    fc.assert(
      fc.property(input, ({ text, files, ignore, target, changedA, changedB }) => {
        const d = detailOf(text, files, ignore, target);
        expect(previewCache(d, []).rerunLines).toEqual([]);
        const a = previewCache(d, changedA);
        const ab = previewCache(d, [...changedA, ...changedB]);
        for (const l of a.rerunLines) expect(ab.rerunLines).toContain(l);
        const byStage = new Map<number, typeof a.steps>();
        for (const s of a.steps) byStage.set(s.stage, [...(byStage.get(s.stage) ?? []), s]);
        for (const steps of byStage.values()) {
          let seen = false;
          for (const s of steps) {
            if (!s.executes) expect(s.reruns).toBe(false);
            if (s.changedInputs.length > 0) expect(s.reruns).toBe(true);
            const linked = /^(COPY|ADD)\s+.*--link/i.test(s.instruction);
            if (seen && s.executes && !linked) expect(s.reruns).toBe(true);
            if (s.reruns) seen = true;
          }
        }
        // Ignored files bust nothing.
        const ignoredOnly = files.filter((f) => d.analysis.context[f] === 'ignored');
        expect(previewCache(d, ignoredOnly).rerunLines).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('schedule: levels partition the needed stages, dependencies come first, the critical path is a chain to the target', () => {
    fc.assert(
      fc.property(input, ({ text, files, ignore, target }) => {
        const d = detailOf(text, files, ignore, target);
        const s = buildSchedule(d);
        expect(s.levels.flat().sort((x, y) => x - y)).toEqual(d.analysis.needed);
        const level = new Map<number, number>();
        s.levels.forEach((lv, k) => lv.forEach((st) => level.set(st, k)));
        for (const w of s.waits) expect(level.get(w.on)!).toBeLessThan(level.get(w.stage)!);
        if (d.analysis.target !== null) expect(s.criticalPath.at(-1)).toBe(d.analysis.target);
        for (let k = 1; k < s.criticalPath.length; k++) {
          expect(s.waits.some((w) => w.stage === s.criticalPath[k] && w.on === s.criticalPath[k - 1])).toBe(true);
        }
        expect(s.criticalWeight).toBe(s.criticalPath.reduce((n, st) => n + s.weight[st], 0));
        expect(s.skipped.map((x) => x.stage).sort((x, y) => x - y)).toEqual(d.analysis.stages.map((st) => st.index).filter((i) => !d.analysis.needed.includes(i)));
      }),
      { numRuns: runs },
    );
  });
});
