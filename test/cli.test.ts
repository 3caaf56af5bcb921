/**
 * The real CLI on real temp directories: formats, exit codes, the bad-input matrix of
 * CONTRACT.md section 1 and issue 9. Every bad call: exit 2, one line on stderr, no stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { runCli, tempDir, writeTree } from './helpers.ts';

let root: string;
let cleanup: () => void;

const goDockerfile = `# syntax=docker/dockerfile:1
FROM golang:1.22-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app ./cmd/app

FROM build AS test
RUN go test ./...

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
USER nonroot
ENTRYPOINT ["/app"]
`;

beforeAll(() => {
  ({ dir: root, cleanup } = tempDir());
  writeTree(join(root, 'proj'), {
    Dockerfile: goDockerfile,
    '.dockerignore': '.git\n*.md\n',
    'go.mod': 'module x\n',
    'go.sum': '',
    'cmd/app/main.go': 'package main\n',
    'README.md': '# x\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
  });
});
afterAll(() => cleanup());

function expectUsageError(r: ReturnType<typeof runCli>, pattern: RegExp) {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^stagecraft: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
}

describe('stagecraft analyze', () => {
  it('prints exactly one JSON object with --format json, context from the Dockerfile directory', () => {
    const r = runCli(['analyze', join(root, 'proj/Dockerfile'), '--format', 'json']);
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.schemaVersion).toBe(1);
    expect(a.target).toBe(2);
    expect(a.needed).toEqual([0, 2]);
    expect(a.context).toMatchObject({ 'go.mod': 'build-only', 'README.md': 'ignored', '.git/HEAD': 'ignored', 'cmd/app/main.go': 'build-only' });
    expect(a.final).toEqual([{ path: '/app', from: 'stage:0', source: '/out/app', line: 13 }]);
  });

  it('--target picks a stage by name, case-insensitively', () => {
    const r = runCli(['analyze', join(root, 'proj/Dockerfile'), '--target', 'TEST', '--format=json']);
    const a = JSON.parse(r.stdout);
    expect(a.target).toBe(1);
    expect(a.needed).toEqual([0, 1]);
  });

  it('an unknown target is an error diagnostic with exit 1, and the JSON is still complete', () => {
    const r = runCli(['analyze', join(root, 'proj/Dockerfile'), '--target', 'tset', '--format', 'json']);
    expect(r.status).toBe(1);
    const a = JSON.parse(r.stdout);
    expect(a.diagnostics).toContainEqual(expect.objectContaining({ rule: 'UnknownTarget', severity: 'error' }));
    expect(a.diagnostics.find((d: { rule: string }) => d.rule === 'UnknownTarget').message).toContain('did you mean test?');
    expect(a.stages).toHaveLength(3);
  });

  it('reads the Dockerfile from standard input; the context defaults to the current directory', () => {
    const r = runCli(['analyze', '-', '--format', 'json'], { cwd: join(root, 'proj'), input: goDockerfile });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).context['go.mod']).toBe('build-only');
  });

  it('--context overrides the Dockerfile directory', () => {
    mkdirSync(join(root, 'other'), { recursive: true });
    writeFileSync(join(root, 'other/only.txt'), 'x');
    const r = runCli(['analyze', join(root, 'proj/Dockerfile'), '--context', join(root, 'other'), '--format', 'json']);
    expect(Object.keys(JSON.parse(r.stdout).context)).toEqual(['only.txt']);
  });

  it('--build-arg KEY=VALUE and KEY from the environment', () => {
    const df = 'ARG TAG=3.19\nARG FROM_ENV=x\nFROM alpine:${TAG}\nFROM alpine:${FROM_ENV}\n';
    writeFileSync(join(root, 'args.Dockerfile'), df);
    const r = runCli(['analyze', join(root, 'args.Dockerfile'), '--context', join(root, 'other'), '--build-arg', 'TAG=3.20', '--build-arg', 'FROM_ENV', '--format', 'json'], { env: { FROM_ENV: '3.18' } });
    const a = JSON.parse(r.stdout);
    expect(a.stages.map((s: { base: string }) => s.base)).toEqual(['alpine:3.20', 'alpine:3.18']);
  });

  it('text format: the stage graph, what runs, the final files and diagnostics as file:line', () => {
    const r = runCli(['analyze', join(root, 'proj/Dockerfile')], { cwd: join(root, 'proj') });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('building stage 2 (the last stage, the default)');
    expect(r.stdout).toMatch(/test\s+FROM stage build\s+lines 9-10\s+skipped/);
    expect(r.stdout).toContain('/app  ← build /out/app, line 13');
    expect(r.stdout).toMatch(/Dockerfile:\d+: (info|warning) \w+: /);
    expect(r.stdout).not.toMatch(/\x1b\[/); // NO_COLOR / not a TTY: no colours
  });

  it('exit 1 on an error diagnostic; --strict makes warnings fail too', () => {
    writeFileSync(join(root, 'warn.Dockerfile'), 'FROM alpine:3.20 as build\nRUN true\n');
    const plain = runCli(['analyze', join(root, 'warn.Dockerfile'), '--context', join(root, 'other')]);
    expect(plain.status).toBe(0);
    const strict = runCli(['analyze', join(root, 'warn.Dockerfile'), '--context', join(root, 'other'), '--strict']);
    expect(strict.status).toBe(1);
    writeFileSync(join(root, 'err.Dockerfile'), 'FROM alpine:3.20\nCOPY --from=later /x /x\nFROM alpine:3.20 AS later\nCOPY --from=0 /x /y\n');
    const err = runCli(['analyze', join(root, 'err.Dockerfile'), '--context', join(root, 'other'), '--target', '0']);
    expect(err.status).toBe(1);
  });

  it('SARIF 2.1.0 output validates and carries rule ids and lines', () => {
    writeFileSync(join(root, 'sarif.Dockerfile'), 'FROM alpine:3.20 as build\nENV key value\n');
    const r = runCli(['analyze', join(root, 'sarif.Dockerfile'), '--context', join(root, 'other'), '--format', 'sarif']);
    const s = JSON.parse(r.stdout);
    expect(s.version).toBe('2.1.0');
    const results = s.runs[0].results;
    expect(results).toContainEqual(expect.objectContaining({ ruleId: 'FromAsCasing' }));
    expect(results[0].locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    const ajv = new Ajv({ strict: false });
    const minimal = { type: 'object', required: ['version', 'runs'], properties: { version: { const: '2.1.0' }, runs: { type: 'array', items: { type: 'object', required: ['tool', 'results'] } } } };
    expect(ajv.validate(minimal, s)).toBe(true);
  });

  it('never modifies the context', () => {
    const before = runCli(['analyze', join(root, 'proj/Dockerfile'), '--format', 'json']).stdout;
    const after = runCli(['analyze', join(root, 'proj/Dockerfile'), '--format', 'json']).stdout;
    expect(after).toBe(before);
  });
});

describe('stagecraft why', () => {
  it('explains an ignored file by its .dockerignore line', () => {
    const r = runCli(['why', 'README.md', join(root, 'proj/Dockerfile')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ignored');
    expect(r.stdout).toMatch(/\.dockerignore:2 .*\*\.md/);
  });
  it('explains a final image path back to its stage and line', () => {
    const r = runCli(['why', '/app', join(root, 'proj/Dockerfile')]);
    expect(r.stdout).toContain('Dockerfile:13');
    expect(r.stdout).toContain('from stage "build"');
  });
  it('explains a build-only file', () => {
    const r = runCli(['why', 'go.mod', join(root, 'proj/Dockerfile')]);
    expect(r.stdout).toContain('build-only');
    expect(r.stdout).toMatch(/Dockerfile:13 .*copies only \/out\/app from stage "build", which does not include \/src\/go.mod/);
  });
});

describe('bad input: exit 2 and one clear line', () => {
  it('missing Dockerfile argument', () => expectUsageError(runCli(['analyze']), /missing Dockerfile/));
  it('missing file', () => expectUsageError(runCli(['analyze', join(root, 'nope/Dockerfile')]), /no such file/));
  it('a directory as the Dockerfile', () => expectUsageError(runCli(['analyze', join(root, 'proj')]), /is a directory/));
  it('unknown flag', () => expectUsageError(runCli(['analyze', join(root, 'proj/Dockerfile'), '--bogus']), /unknown flag --bogus/));
  it('bad --format', () => expectUsageError(runCli(['analyze', join(root, 'proj/Dockerfile'), '--format', 'xml']), /--format must be/));
  it('--build-arg without a name', () => expectUsageError(runCli(['analyze', join(root, 'proj/Dockerfile'), '--build-arg', '=x']), /no name/));
  it('a flag without its value', () => expectUsageError(runCli(['analyze', join(root, 'proj/Dockerfile'), '--target']), /needs a value/));
  it('context that is a file', () => expectUsageError(runCli(['analyze', join(root, 'proj/Dockerfile'), '--context', join(root, 'proj/go.mod')]), /not a directory/));
  it('context that does not exist', () => expectUsageError(runCli(['analyze', join(root, 'proj/Dockerfile'), '--context', join(root, 'missing')]), /does not exist/));
  it('a binary file', () => {
    writeFileSync(join(root, 'bin.Dockerfile'), Buffer.from([0x46, 0x52, 0x00, 0xff, 0x01]));
    expectUsageError(runCli(['analyze', join(root, 'bin.Dockerfile'), '--context', join(root, 'other')]), /binary/);
  });
  it('a non-UTF-8 file', () => {
    writeFileSync(join(root, 'latin1.Dockerfile'), Buffer.from('FROM alpine\nLABEL a=\xe9\n', 'latin1'));
    expectUsageError(runCli(['analyze', join(root, 'latin1.Dockerfile'), '--context', join(root, 'other')]), /not UTF-8/);
  });
  it('an unreadable subdirectory of the context (as non-root; root reads everything)', () => {
    writeFileSync(join(root, 'ctx.Dockerfile'), 'FROM alpine:3.20\nCOPY . /ctx/\n');
    mkdirSync(join(root, 'ctx-locked/secret'), { recursive: true });
    writeFileSync(join(root, 'ctx-locked/secret/key'), 'x');
    chmodSync(join(root, 'ctx-locked/secret'), 0o000);
    const r = runCli(['analyze', join(root, 'ctx.Dockerfile'), '--context', join(root, 'ctx-locked'), '--format', 'json']);
    chmodSync(join(root, 'ctx-locked/secret'), 0o755);
    if (process.getuid?.() === 0) expect(JSON.parse(r.stdout).context).toEqual({ 'secret/key': 'final' });
    else expectUsageError(r, /cannot read context directory/);
  });
  it('a dangling symlink is listed as an entry, never followed', () => {
    writeFileSync(join(root, 'ctx.Dockerfile'), 'FROM alpine:3.20\nCOPY . /ctx/\n');
    mkdirSync(join(root, 'ctx-link'), { recursive: true });
    symlinkSync(join(root, 'ctx-link/missing'), join(root, 'ctx-link/dangling'));
    const r = runCli(['analyze', join(root, 'ctx.Dockerfile'), '--context', join(root, 'ctx-link'), '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).context).toEqual({ dangling: 'final' });
  });
  it('a symlink loop is listed, never followed', () => {
    writeFileSync(join(root, 'ctx.Dockerfile'), 'FROM alpine:3.20\nCOPY . /ctx/\n');
    mkdirSync(join(root, 'loop/a'), { recursive: true });
    symlinkSync('..', join(root, 'loop/a/up'));
    const r = runCli(['analyze', join(root, 'ctx.Dockerfile'), '--context', join(root, 'loop'), '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).context).toEqual({ 'a/up': 'final' });
  });
  it('an empty file is an error diagnostic, not a crash', () => {
    writeFileSync(join(root, 'empty.Dockerfile'), '');
    const r = runCli(['analyze', join(root, 'empty.Dockerfile'), '--context', join(root, 'other'), '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ rule: 'EmptyDockerfile', severity: 'error', line: 1 });
  });
});
