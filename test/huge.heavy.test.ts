/**
 * The CLI on huge inputs (issue 9): a 1,000,000-line Dockerfile and a context of 200,000
 * files, on real temp directories and the real CLI process. About a minute on 2 cores, so
 * `npm run test:heavy` runs them (CI runs it after `npm test`); `npm test` leaves them out.
 *
 * No assertion here is about time; the durations are printed for the record.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDockerfile } from '../bench/gen.mjs';
import { tempDir, writeTree } from './helpers.ts';
import { STACK_LINE, expectAnalysis, runCli } from './cliHarness.ts';

let root: string;
let cleanup: () => void;
beforeAll(() => ({ dir: root, cleanup } = tempDir()));
afterAll(() => cleanup(), 300_000); // hundreds of thousands of files to remove

describe('huge inputs', () => {
  it('a 1,000,000-line Dockerfile: a correct analysis of every stage', () => {
    const dir = join(root, 'million');
    const text = generateDockerfile(1_000_000);
    const lineCount = text.split('\n').length - 1;
    expect(lineCount).toBeGreaterThanOrEqual(1_000_000);
    // the context the generated stages copy from, so the analysis has no error to report
    const files: Record<string, string> = { Dockerfile: text, 'config/app.yaml': 'a: 1\n' };
    for (let i = 0; i < 50; i++) Object.assign(files, { [`pkg${i}/go.mod`]: `module p${i}\n`, [`pkg${i}/go.sum`]: '', [`pkg${i}/main.go`]: 'package main\n' });
    writeTree(dir, files);

    const outFile = join(root, 'million.json');
    const r = runCli(['analyze', join(dir, 'Dockerfile'), '--format', 'json'], { stdoutFile: outFile });
    console.log(`1,000,000-line Dockerfile (${(text.length / 1e6).toFixed(1)} MB): CLI finished in ${(r.ms / 1000).toFixed(1)} s`);
    expect(r.stderr).toBe('');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.status).toBe(0);
    const a = JSON.parse(readFileSync(outFile, 'utf8'));
    const stageCount = (text.match(/^FROM /gm) ?? []).length;
    expect(a.stages).toHaveLength(stageCount);
    expect(a.target).toBe(stageCount - 1);
    // every generated stage copies from the one before: the final stage needs them all
    expect(a.needed).toHaveLength(stageCount);
    const last = a.stages[stageCount - 1];
    expect(last.endLine).toBe(lineCount);
    expect(a.final).toEqual([
      { path: '/app', from: `stage:${stageCount - 2}`, source: `/work/s${stageCount - 2}/out`, line: lineCount - 3 },
      { path: '/etc/app/app.yaml', from: 'context', source: 'config/app.yaml', line: lineCount - 2 },
    ]);
    expect(a.context['pkg7/main.go']).toBe('build-only');
    expect(a.context['config/app.yaml']).toBe('final');
    expect(a.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    for (const d of a.diagnostics) expect(d.line).toBeLessThanOrEqual(lineCount);
  }, 600_000);

  it('a context of 200,000 files: every file gets its status', () => {
    const dir = join(root, 'wide');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const started = performance.now();
    for (let d = 0; d < 400; d++) {
      const sub = join(dir, `pkg${d % 40}`, `mod${d}`);
      mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 500; f++) closeSync(openSync(join(sub, `f${f}.go`), 'w'));
    }
    writeFileSync(
      join(dir, 'Dockerfile'),
      'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY pkg0/ ./pkg0/\nRUN go build ./...\n\nFROM alpine:3.20\nCOPY --from=build /src/pkg0/mod0 /app\nCOPY pkg1/mod1/ /srcs/\n',
    );
    writeFileSync(join(dir, '.dockerignore'), 'pkg3*\n**/f1?.go\n!pkg3/mod3/f10.go\n');
    console.log(`200,000 empty files created in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const r = runCli(['analyze', join(dir, 'Dockerfile'), '--format', 'json']);
    console.log(`200,000-file context: CLI finished in ${(r.ms / 1000).toFixed(1)} s`);
    const a = expectAnalysis(r);
    expect(r.status).toBe(0);
    expect(Object.keys(a.context)).toHaveLength(200_002);
    expect(a.context['pkg0/mod0/f1.go']).toBe('final'); // COPY pkg0/ into build, mod0 carried on by COPY --from
    expect(a.context['pkg0/mod40/f1.go']).toBe('build-only'); // in build, not in the part copied on
    expect(a.context['pkg1/mod1/f499.go']).toBe('final');
    expect(a.context['pkg2/mod2/f0.go']).toBe('unused');
    expect(a.context['pkg3/mod3/f0.go']).toBe('ignored');
    // pkg3 is excluded, but a wildcard-free exception below it makes the walk enter it (fsutil filterFS.Walk)
    expect(a.context['pkg3/mod3/f10.go']).toBe('unused');
    expect(a.context['pkg0/mod0/f12.go']).toBe('ignored');
    expect(a.context['Dockerfile']).toBe('unused');
    expect(a.final.filter((f: { path: string }) => f.path.startsWith('/app/'))).toHaveLength(500 - 10);
  }, 600_000);
});
