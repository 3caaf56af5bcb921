/**
 * Golden fixtures: one per semantic rule of CONTRACT.md section 3, each naming the BuildKit
 * function it follows. Every fixture runs through the library and through the real CLI on a
 * temp directory, and both must give the same analysis.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/index.ts';
import type { Analysis } from '../src/core/types.ts';
import { repoRoot, runCli, tempDir, writeTree } from './helpers.ts';

interface Fixture {
  rule: string;
  buildkit: string;
  files: string[];
  dockerignore?: string;
  target?: string;
  buildArgs?: Record<string, string>;
  expect?: Partial<Analysis>;
  expectEdges?: Partial<Analysis['edges'][number]>[];
  expectDiagnostics?: { rule: string; line?: number; severity?: string }[];
  expectNoDiagnostics?: { rule: string; line?: number }[];
  expectNoErrors?: boolean;
}

const dir = join(repoRoot, 'fixtures');
const names = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

function check(a: Analysis, fx: Fixture) {
  if (fx.expect) expect(a).toMatchObject(fx.expect);
  for (const e of fx.expectEdges ?? []) expect(a.edges).toContainEqual(expect.objectContaining(e));
  for (const d of fx.expectDiagnostics ?? []) expect(a.diagnostics).toContainEqual(expect.objectContaining(d));
  for (const d of fx.expectNoDiagnostics ?? []) expect(a.diagnostics).not.toContainEqual(expect.objectContaining(d));
  if (fx.expectNoErrors) expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
}

describe('golden fixtures (library and CLI agree)', () => {
  it('has one fixture per rule of CONTRACT.md section 3', () => {
    const covered = new Set(names.map((n) => Number(n.split('-')[0])).filter((n) => n <= 30));
    for (let r = 1; r <= 30; r++) expect(covered, `rule ${r}`).toContain(r);
  });

  for (const name of names) {
    const fx: Fixture = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
    const dockerfile = readFileSync(join(dir, `${name}.Dockerfile`), 'utf8');
    it(`${name}: ${fx.rule} [${fx.buildkit}]`, () => {
      const files = [...fx.files];
      if (fx.dockerignore !== undefined && !files.includes('.dockerignore')) files.push('.dockerignore');
      const input = { dockerfile, files, dockerignore: fx.dockerignore ?? null, target: fx.target ?? null, buildArgs: fx.buildArgs ?? {} };
      const lib = analyze(input);
      check(lib, fx);

      const { dir: tmp, cleanup } = tempDir();
      try {
        const ctx = join(tmp, 'ctx');
        const tree: Record<string, string> = {};
        for (const f of files) tree[`ctx/${f}`] = f === 'Dockerfile' ? dockerfile : f === '.dockerignore' ? (fx.dockerignore ?? '') : `content of ${f}\n`;
        const inContext = files.includes('Dockerfile');
        if (!inContext) tree['Dockerfile'] = dockerfile;
        mkdirSync(ctx, { recursive: true });
        writeTree(tmp, tree);
        const args = ['analyze', inContext ? join(ctx, 'Dockerfile') : join(tmp, 'Dockerfile'), '--context', ctx, '--format', 'json'];
        if (fx.target) args.push('--target', fx.target);
        for (const [k, v] of Object.entries(fx.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
        const run = runCli(args);
        expect(run.stderr).toBe('');
        const cli: Analysis = JSON.parse(run.stdout);
        expect(cli).toEqual(lib);
        expect(run.status).toBe(lib.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
      } finally {
        cleanup();
      }
    });
  }
});
