/**
 * analyze() is total: any text in, a well-formed Analysis out, never an exception, every line
 * number inside the text. Grammar-aware Dockerfiles (stages, flags, heredocs, continuations,
 * directives, ARG expansions) and byte-level mutations of the golden fixtures.
 * `npm test` runs a few thousand cases; `npm run fuzz` sets FUZZ_RUNS=100000.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from './analyze.ts';
import type { Analysis } from './types.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 1000;
const statuses = new Set(['final', 'build-only', 'unused', 'ignored']);

function lineCount(text: string): number {
  return Math.max(1, text.split(/\r\n|\r|\n/).length);
}

function assertWellFormed(a: Analysis, text: string, files: string[]) {
  const lines = lineCount(text);
  expect(a.schemaVersion).toBe(1);
  a.stages.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.line).toBeGreaterThanOrEqual(1);
    expect(s.endLine).toBeGreaterThanOrEqual(s.line);
    expect(s.endLine).toBeLessThanOrEqual(lines);
  });
  for (const e of a.edges) {
    expect(e.to).toBeGreaterThanOrEqual(0);
    expect(e.to).toBeLessThan(a.stages.length);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(lines);
    expect(e.from).toMatch(/^(stage:\d+|image:)/);
  }
  if (a.target !== null) expect(a.needed).toContain(a.target);
  expect([...a.needed].sort((x, y) => x - y)).toEqual(a.needed);
  for (const f of files) expect(statuses.has(a.context[f])).toBe(true);
  for (const f of a.final) {
    expect(f.path.startsWith('/')).toBe(true);
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.line).toBeLessThanOrEqual(lines);
  }
  for (const d of a.diagnostics) {
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.endLine).toBeGreaterThanOrEqual(d.line);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.endLine).toBeLessThanOrEqual(lines);
    expect(typeof d.message).toBe('string');
  }
  expect(() => JSON.stringify(a)).not.toThrow();
}

// ---------------------------------------------------------------- grammar-aware generator
const word = fc.constantFrom('a', 'build', 'Base', 'x.txt', 'src/', '/app', '.', '*', '*.go', '$X', '${X:-d}', '${Y}', '"q w"', "'s'", '\\', '`', '0', '-1', 'scratch', 'alpine:3.20', 'golang:1.22', '', ' ', '#', '<<EOF', '<<-EOT', '3<<EOF', '[', ']', '["a","b"]', '=', 'A=1', 'B');
const flag = fc.constantFrom('--from=build', '--from=0', '--from=${X}', '--chown=1:1', '--link', '--parents', '--exclude=*.md', '--mount=type=bind,target=/x', '--mount=type=cache,target=/c', '--mount=from=build,target=/m', '--mount="type=bind,source=a b,target=/y"', '--platform=$BUILDPLATFORM', '--network=none', '--bogus', '--');
const keyword = fc.constantFrom('FROM', 'from', 'From', 'RUN', 'COPY', 'ADD', 'ARG', 'ENV', 'WORKDIR', 'USER', 'CMD', 'ENTRYPOINT', 'SHELL', 'EXPOSE', 'LABEL', 'ONBUILD', 'HEALTHCHECK', 'VOLUME', 'STOPSIGNAL', 'MAINTAINER', 'NOPE');
const instruction = fc.tuple(keyword, fc.array(flag, { maxLength: 2 }), fc.array(word, { maxLength: 5 })).map(([k, f, w]) => [k, ...f, ...w].join(' '));
const heredocBody = fc.array(fc.constantFrom('echo hi', 'EOF', '\tEOT', 'EOT', 'FROM x', ''), { maxLength: 4 }).map((l) => l.join('\n'));
const stage = fc.tuple(
  fc.constantFrom('FROM alpine:3.20', 'FROM scratch', 'FROM build', 'FROM ${IMG}', 'from golang:1.22 as Build', 'FROM base AS b', 'FROM x AS 1bad', 'FROM'),
  fc.array(fc.oneof(instruction, heredocBody, fc.constant('RUN a \\'), fc.constant('# comment'), fc.constant('')), { maxLength: 8 }),
).map(([f, body]) => [f, ...body].join('\n'));
const dockerfile = fc
  .tuple(
    fc.array(fc.constantFrom('# syntax=docker/dockerfile:1', '# escape=`', '# escape=x', '# check=skip=all;error=true', 'ARG IMG=alpine', 'ARG X'), { maxLength: 3 }),
    fc.array(stage, { maxLength: 5 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([head, stages, nl]) => [...head, ...stages].join('\n').replace(/\n/g, nl));
const files = fc.array(fc.constantFrom('Dockerfile', '.dockerignore', 'x.txt', 'src/main.go', 'src/a/b.go', 'README.md', '.git/HEAD', 'node_modules/a/i.js', 'build', 'a b.txt'), { maxLength: 8 }).map((f) => [...new Set(f)]);
const dockerignore = fc.option(fc.array(fc.constantFrom('*.md', '.git', '!README.md', 'src/**', '[', '\\', '# c', 'node_modules', '!node_modules/a', '/x.txt', '**'), { maxLength: 5 }).map((l) => l.join('\n')), { nil: null });

describe('analyze is total', () => {
  it('never throws on generated Dockerfiles', () => {
    fc.assert(
      fc.property(dockerfile, files, dockerignore, fc.option(fc.constantFrom('build', 'b', 'BUILD', 'nope', ''), { nil: null }), (text, fs, di, target) => {
        const a = analyze({ dockerfile: text, files: fs, dockerignore: di, target, buildArgs: { X: 'build', IMG: 'debian' } });
        assertWellFormed(a, text, fs);
      }),
      { numRuns: runs },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assertWellFormed(analyze({ dockerfile: text }), text, []);
      }),
      { numRuns: runs },
    );
  });

  const fixtureDir = join(__dirname, '../../fixtures');
  const seeds = readdirSync(fixtureDir).filter((f) => f.endsWith('.Dockerfile')).map((f) => readFileSync(join(fixtureDir, f), 'utf8'));
  it('never throws on byte-level mutations of the fixtures', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 6 }),
        (seed, edits) => {
          let text = seed;
          for (const [pos, op, s] of edits) {
            const p = text.length === 0 ? 0 : pos % text.length;
            if (op === 0) text = text.slice(0, p) + text.slice(p + 1); // delete
            else if (op === 1) text = text.slice(0, p) + s + text.slice(p); // insert
            else if (op === 2) text = text.slice(0, p) + s + text.slice(p + s.length); // overwrite
            else text = text.slice(0, p) + text.slice(p, p + 20) + text.slice(p); // duplicate a run
          }
          assertWellFormed(analyze({ dockerfile: text, files: ['a.txt', 'go.mod'] }), text, ['a.txt', 'go.mod']);
        },
      ),
      { numRuns: runs },
    );
  });

  it('survives hostile input objects from JavaScript callers', () => {
    const bad = [
      {},
      { dockerfile: 42 },
      { dockerfile: 'FROM a', files: [null, 3, 'x'] },
      { dockerfile: 'FROM a', buildArgs: { A: 1 } },
      { dockerfile: 'FROM a', target: 7 },
    ] as unknown as Parameters<typeof analyze>[0][];
    for (const input of bad) expect(() => analyze(input)).not.toThrow();
  });
});
