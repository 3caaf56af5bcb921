/**
 * analyze() is total: any text in, a well-formed Analysis out, never an exception, every line
 * number inside the text. Grammar-aware Dockerfiles (stages, flags, heredocs, continuations,
 * directives, ARG expansions), byte-level mutations of the golden fixtures, `.dockerignore`
 * texts and hostile context file lists (up to 10,000 entries), and the real CLI on a sample of
 * the same inputs written to temp directories.
 * `npm test` runs a few thousand cases; `npm run fuzz` sets FUZZ_RUNS=100000.
 * "Bounded" is checked by counting: every generated input must yield its result (a hang never
 * returns and fails the run); no wall-clock limit is part of any assertion.
 * Counts of each run are in docs/FUZZING.md.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyze } from './analyze.ts';
import { canonicalContextPaths } from './paths.ts';
import { filterContext } from './context/walk.ts';
import { explainIgnore } from './context/explain.ts';
import type { Analysis } from './types.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 0) || 1000;
/** a guard against a hang stalling the run, scaled to the run count (never an assertion about speed) */
const guard = Math.max(60_000, runs * 10);
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
  // every file that names something inside the context gets a status, under its clean path; nothing else does
  const given = new Set(canonicalContextPaths(files));
  for (const f of given) expect(statuses.has(a.context[f])).toBe(true);
  expect(Object.keys(a.context).length).toBe(given.size);
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
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(typeof d.message).toBe('string');
    // analyze() turns an exception into an InternalError diagnostic: total, but still a bug
    expect(d.rule, d.message).not.toBe('InternalError');
  }
  // every context file has exactly one status, and nothing else is in the map
  expect(Object.keys(a.context).length).toBe(given.size);
  expect(() => JSON.stringify(a)).not.toThrow();
}

/** Counts every result produced: at the end each property must have produced one per run. */
const produced = new Map<string, number>();
function count(name: string): void {
  produced.set(name, (produced.get(name) ?? 0) + 1);
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

const fixtureDir = join(__dirname, '../../fixtures');
const seeds = readdirSync(fixtureDir).filter((f) => f.endsWith('.Dockerfile')).map((f) => readFileSync(join(fixtureDir, f), 'utf8'));

describe('analyze is total', () => {
  it('never throws on generated Dockerfiles', () => {
    fc.assert(
      fc.property(dockerfile, files, dockerignore, fc.option(fc.constantFrom('build', 'b', 'BUILD', 'nope', ''), { nil: null }), (text, fs, di, target) => {
        const a = analyze({ dockerfile: text, files: fs, dockerignore: di, target, buildArgs: { X: 'build', IMG: 'debian' } });
        assertWellFormed(a, text, fs);
        count('analyze/grammar');
      }),
      { numRuns: runs },
    );
  }, guard);

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assertWellFormed(analyze({ dockerfile: text }), text, []);
        count('analyze/arbitrary-text');
      }),
      { numRuns: runs },
    );
  }, guard);

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
          count('analyze/fixture-mutations');
        },
      ),
      { numRuns: runs },
    );
  }, guard);

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

// ------------------------------------------------- .dockerignore texts and hostile file lists


/**
 * Names a stranger's folder or link can carry: spaces, Unicode (combining marks, RTL override,
 * zero-width, emoji, lone surrogates), `..`, leading `/`, `\\`, empty segments, wildcard and
 * comment characters, control characters, very long names and paths.
 */
const hostileNames = [
  'a b.txt', ' lead', 'trail ', 'ünïcödé/файл.go', '日本語/テスト.txt', '🐳/whale.txt', 'e\u0301clair', '\u202eexe.txt', 'zero\u200bwidth',
  '..', '../escape', 'a/../b', './dot', 'a/./b', '/abs/path', '//double', 'a//b', 'dir/', '\\\\server\\share', 'back\\slash/x', 'C:\\win\\x.txt',
  '*', '?', '[a]', '[!x]', '!neg', '#hash', ' # spaced', 'new\nline', 'tab\tname', 'nul\u0000byte', 'lone\ud800half', '\ufeffbom',
  'Dockerfile', '.dockerignore', '.', '.git/HEAD', '__proto__', 'constructor', 'toString', 'node_modules/x/index.js', 'src/main.go', 'src/a/b/c/d/e/f/g.go', 'README.md',
  `long-${'n'.repeat(250)}`, `${'deep/'.repeat(400)}leaf`, `${'z'.repeat(4096)}`, `src/${'z'.repeat(300)}.go`,
];
const hostileName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileNames) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom('src', 'a', 'b', 'a b', 'ü', '..', '.', '', '*', 'x.go', 'x.md', 'node_modules', '.git', '\\', 'Dockerfile'), { minLength: 1, maxLength: 6 })
      .map((segs) => segs.join('/')),
  },
);
const fileList = fc.array(hostileName, { maxLength: 40 });

/**
 * Pieces of .dockerignore lines: up to 16 a line, with many `*` and `**` and the letters of
 * the very long names, so that patterns that fail late against 4,096-character names are
 * common. V8's backtracking RegExp took minutes on such pairs (`*a*a*a*a*a*a*a*a*c*b`, see
 * docs/FUZZING.md); patternmatcher.ts matches them with its linear-time matcher, like RE2.
 */
const ignorePiece = fc.constantFrom(
  'a', 'b', 'src', 'x.go', '.md', 'node_modules', '.git', 'ü', '日本', ' ', 'a b', '-', '_',
  '/', '/', '*', '*', '**', '**/', '?', '[a-c]', '[^a]', '[!a]', '[', ']', '[[:alpha:]]', '[\\d]', '\\', '\\*', '\\q', '{2}', '{1,3}', '|', '(', ')', '.', '..', '$', '^',
  'z', 'z', '*z', 'n', 'deep/', '*', '**/',
);
const ignoreLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('', '', '', '!', '/', './', '../', ' ', '\t', '! ', '#', ' #'), fc.array(ignorePiece, { minLength: 1, maxLength: 16 }), fc.constantFrom('', '', '/', ' ', '\r', '/**')).map(([pre, mid, post]) => pre + mid.join('') + post) },
  { weight: 1, arbitrary: fc.constantFrom('', '!', '/', '**', '*', '.', '..', '#', '\ufeff*.md', '!**/keep', 'Dockerfile', '.dockerignore', `${'y'.repeat(70000)}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const dockerignoreText = fc.tuple(fc.array(ignoreLine, { maxLength: 8 }), fc.constantFrom('\n', '\r\n')).map(([l, nl]) => l.join(nl));

function dockerignoreLines(text: string): number {
  // bufio.ScanLines: a final line without '\n' still counts; a trailing '\n' opens none
  if (text === '') return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

/** A Dockerfile that copies some of the hostile names (JSON form, so spaces stay in one word). */
function dockerfileCopying(names: string[], text: string): string {
  const copies = names.slice(0, 6).map((n, i) => `COPY ${JSON.stringify([n, `/dst/${i}/`])}`);
  return `${text}\nFROM alpine:3.20 AS build\n${copies.join('\n')}\nCOPY . /all/\nFROM scratch\nCOPY --from=build /dst/ /out/\n`;
}

describe('.dockerignore texts and hostile file lists', () => {
  it('analyze classifies every file and keeps its lines inside the text', () => {
    fc.assert(
      fc.property(fileList, dockerignoreText, fc.constantFrom('', '# syntax=docker/dockerfile:1', 'ARG X=1'), (files, di, head) => {
        const text = dockerfileCopying(files, head);
        const a = analyze({ dockerfile: text, files, dockerignore: di });
        assertWellFormed(a, text, files);
        // an invalid .dockerignore line is reported with its own line number
        for (const d of a.diagnostics) {
          const m = /^\.dockerignore line (\d+):/.exec(d.message);
          if (d.rule === 'InvalidDockerignore') {
            expect(m, d.message).not.toBeNull();
            expect(Number(m![1])).toBeGreaterThanOrEqual(1);
            expect(Number(m![1])).toBeLessThanOrEqual(dockerignoreLines(di));
          }
        }
        count('analyze/dockerignore');
      }),
      { numRuns: runs },
    );
  }, guard);

  it('the context walk splits the files into sent and ignored; explanations cite real lines', () => {
    fc.assert(
      fc.property(fileList, dockerignoreText, (files, di) => {
        const r = filterContext(files, di);
        const lines = dockerignoreLines(di);
        for (const e of r.errors) {
          expect(e.line, e.message).toBeGreaterThanOrEqual(1);
          expect(e.line, e.message).toBeLessThanOrEqual(lines);
        }
        // names that are the context root itself ('.', './', '/') are no file: the walk drops them
        const nonEmpty = files.filter((f) => !f.split('/').every((s) => s === '' || s === '.'));
        for (const f of nonEmpty) expect(r.ignored.has(f) || r.included.includes(f), f).toBe(true);
        for (const f of r.ignored) expect(nonEmpty).toContain(f);
        for (const f of nonEmpty.slice(0, 3)) {
          const x = explainIgnore(f, di);
          for (const m of x.matches) {
            expect(m.line).toBeGreaterThanOrEqual(1);
            expect(m.line).toBeLessThanOrEqual(lines);
          }
          if (x.decidedBy) expect(x.matches).toContain(x.decidedBy);
        }
        count('filterContext');
      }),
      { numRuns: runs },
    );
  }, guard);

  // Found by this suite: the statuses object has a null prototype since.
  it('a context file named __proto__ gets a status like any other', () => {
    const a = analyze({ dockerfile: 'FROM alpine\nCOPY . /x\n', files: ['__proto__', 'a'] });
    expect(Object.keys(a.context).sort()).toEqual(['__proto__', 'a']);
    expect(JSON.parse(JSON.stringify(a)).context).toEqual(JSON.parse('{"__proto__":"final","a":"final"}'));
  });

  // 10,000 entries per run: built from a few generated names so that generation stays cheap
  const bigRuns = Math.max(5, Math.round(runs / 200));
  it(`10,000-entry file lists (${bigRuns} runs)`, () => {
    fc.assert(
      fc.property(fc.array(hostileName, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom('src', 'pkg', 'a b', 'ü', 'node_modules', '.git', 'deep/er/still'), { minLength: 1, maxLength: 4 }), dockerignoreText, (names, dirs, di) => {
        const files: string[] = [];
        for (let i = 0; files.length < 10_000; i++) files.push(`${dirs[i % dirs.length]}/${i % 7 === 0 ? names[i % names.length] : `f${i}`}`);
        files.push(...names);
        const text = dockerfileCopying(['src/', ...names], '');
        const a = analyze({ dockerfile: text, files, dockerignore: di });
        assertWellFormed(a, text, files);
        count('analyze/10k-files');
      }),
      { numRuns: bigRuns },
    );
  }, Math.max(60_000, bigRuns * 3_000));

  afterAll(() => {
    // every property produced one result per run (fast-check stops at the first failure,
    // so on success the counts must equal the run counts)
    expect(produced.get('analyze/dockerignore')).toBe(runs);
    expect(produced.get('filterContext')).toBe(runs);
    expect(produced.get('analyze/10k-files')).toBe(bigRuns);
  });
});

// ------------------------------------------------------------- the CLI on generated inputs

const repoRoot = join(dirname(new URL(import.meta.url).pathname), '../..');
const cliSamples = Number(process.env.FUZZ_CLI_RUNS ?? 0) || 50;
const STACK_LINE = /^\s+at .*(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/** A name a real directory can hold: no empty, '.' or '..' segment, no NUL, segments <= 255 bytes. */
function onDisk(name: string): boolean {
  const segs = name.split('/');
  return (
    !name.includes('\0') &&
    Buffer.byteLength(name) < 3000 &&
    segs.every((s) => s !== '' && s !== '.' && s !== '..' && Buffer.byteLength(s) <= 255 && s.isWellFormed())
  );
}

describe('the CLI on generated inputs', () => {
  it(`never prints a stack trace; exit 0/1 with one JSON object, or 2 with one line (${cliSamples} processes)`, () => {
    const samples = fc.sample(
      fc.record({
        dockerfile: fc.oneof(dockerfile, fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...seeds)),
        dockerignore: fc.option(dockerignoreText, { nil: null }),
        files: fc.array(hostileName, { maxLength: 25 }),
        target: fc.option(fc.constantFrom('build', 'BUILD', 'nope', '<img src=x>', '--', ''), { nil: null }),
        buildArg: fc.option(fc.constantFrom('X=build', 'IMG=debian', 'A=<b>"\'', 'X=', 'ünï=1', 'HOME'), { nil: null }),
        format: fc.constantFrom('json', 'json', 'json', 'text', 'sarif'),
      }),
      { numRuns: cliSamples, seed: Number(process.env.FUZZ_SEED ?? 9) },
    );
    let ran = 0;
    for (const s of samples) {
      const dir = mkdtempSync(join(tmpdir(), 'stagecraft-fuzz-'));
      try {
        const written = new Set<string>(['Dockerfile']);
        writeFileSync(join(dir, 'Dockerfile'), s.dockerfile);
        if (s.dockerignore !== null) {
          writeFileSync(join(dir, '.dockerignore'), s.dockerignore);
          written.add('.dockerignore');
        }
        for (const f of s.files.filter(onDisk)) {
          try {
            mkdirSync(dirname(join(dir, f)), { recursive: true });
            writeFileSync(join(dir, f), '');
            written.add(f);
          } catch {
            // a name that clashes with a directory written before: not part of this context
          }
        }
        const args = ['analyze', join(dir, 'Dockerfile'), '--format', s.format];
        if (s.target !== null) args.push(`--target=${s.target}`);
        if (s.buildArg !== null) args.push('--build-arg', s.buildArg);
        const r = spawnSync(process.execPath, [join(repoRoot, 'bin/stagecraft.mjs'), ...args], {
          cwd: dir,
          env: { ...process.env, NO_COLOR: '1', HOME: '/root' },
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
          // a guard against a hang taking the whole run with it, not a speed assertion
          timeout: 120_000,
        });
        const label = JSON.stringify({ ...s, dockerfile: s.dockerfile.slice(0, 200) });
        expect(r.status, `did not finish: ${label}`).not.toBeNull();
        expect([0, 1, 2], label).toContain(r.status);
        expect(r.stderr, label).not.toMatch(STACK_LINE);
        expect(r.stdout, label).not.toMatch(STACK_LINE);
        if (r.status === 2) {
          expect(r.stderr.trimEnd().split('\n'), label).toHaveLength(1);
          expect(r.stderr, label).toMatch(/^stagecraft: /);
        } else if (s.format === 'json') {
          const a = JSON.parse(r.stdout) as Analysis;
          expect(a.schemaVersion).toBe(1);
          expect(new Set(Object.keys(a.context)), label).toEqual(written);
          expect(r.status, label).toBe(a.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
        } else if (s.format === 'sarif') {
          expect(JSON.parse(r.stdout).version).toBe('2.1.0');
        }
        ran++;
        count(`cli/exit-${r.status}/${s.format}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    expect(ran).toBe(cliSamples);
  }, Math.max(120_000, cliSamples * 5_000));
});

afterAll(() => {
  // FUZZ_REPORT=file.json: the counts of this run, for docs/FUZZING.md
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ runs, produced: Object.fromEntries(produced) }, null, 2) + '\n');
});
