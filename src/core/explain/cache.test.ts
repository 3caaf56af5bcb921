/**
 * Cache preview: the exact set of steps that re-run for a change, per BuildKit's cache rules
 * (solver CacheMap: parent key + content of the selected inputs; cache/secret mounts are not
 * inputs; COPY --link merges onto the previous state).
 */
import { describe, expect, it } from 'vitest';
import { previewCache } from './cache.ts';
import { detailOf, NODE_FILES, NODE_GOOD, NODE_IGNORE, NODE_WRONG } from './fixtures.ts';

const rerun = (dockerfile: string, changed: string[], files: string[] = NODE_FILES, ignore: string | null = NODE_IGNORE, target: string | null = null) =>
  previewCache(detailOf(dockerfile, files, ignore, target), changed).rerunLines;

describe('previewCache: the Node example', () => {
  it('good order: changing src/index.ts keeps `npm ci` cached and re-runs the build', () => {
    const p = previewCache(detailOf(NODE_GOOD, NODE_FILES, NODE_IGNORE), ['src/index.ts']);
    expect(p.rerunLines).toEqual([5, 6, 12]);
    const at = (line: number) => p.steps.find((s) => s.line === line)!;
    expect(at(4)).toMatchObject({ instruction: 'RUN npm ci', reruns: false, cause: null });
    expect(at(5)).toMatchObject({ reruns: true, cause: 'input-changed', changedInputs: ['src/index.ts'] });
    expect(at(6)).toMatchObject({ instruction: 'RUN npm run build', reruns: true, cause: 'previous-step', reason: 'a step before it (line 5) re-ran' });
    expect(at(11)).toMatchObject({ instruction: 'RUN npm ci --omit=dev', reruns: false });
    expect(at(12)).toMatchObject({ reruns: true, cause: 'source-stage', sourceStage: 0 });
    // Metadata instructions are not build steps: they never "re-run".
    expect(at(13)).toMatchObject({ executes: false, reruns: false });
    expect(at(14)).toMatchObject({ executes: false, reruns: false });
    expect(p.rebuiltStages).toEqual([0, 1]);
  });

  it('wrong order (COPY . . before npm ci): the install re-runs too', () => {
    const p = previewCache(detailOf(NODE_WRONG, NODE_FILES, NODE_IGNORE), ['src/index.ts']);
    expect(p.rerunLines).toEqual([3, 4, 5]);
    expect(p.steps.find((s) => s.line === 4)).toMatchObject({ instruction: 'RUN npm ci', reruns: true, cause: 'previous-step' });
  });

  it('a lockfile change re-runs both installs and everything after them', () => {
    expect(rerun(NODE_GOOD, ['package-lock.json'])).toEqual([3, 4, 5, 6, 10, 11, 12]);
  });

  it('a change to an ignored file busts nothing, and is reported as such', () => {
    const p = previewCache(detailOf(NODE_GOOD, NODE_FILES, NODE_IGNORE), ['README.md', 'node_modules/express/index.js']);
    expect(p.rerunLines).toEqual([]);
    expect(p.rebuiltStages).toEqual([]);
    expect(p.changedIgnored).toEqual(['README.md', 'node_modules/express/index.js']);
  });

  it('a directory marked changed covers every file below it', () => {
    expect(rerun(NODE_GOOD, ['src'])).toEqual([5, 6, 12]);
    expect(rerun(NODE_GOOD, ['./src/'])).toEqual([5, 6, 12]);
  });

  it('nothing changed: nothing re-runs', () => {
    const p = previewCache(detailOf(NODE_GOOD, NODE_FILES, NODE_IGNORE), []);
    expect(p.rerunLines).toEqual([]);
    expect(p.steps.filter((s) => s.executes).every((s) => s.reason.startsWith('cached'))).toBe(true);
  });

  it('the other target: the build stage alone', () => {
    const p = previewCache(detailOf(NODE_GOOD, NODE_FILES, NODE_IGNORE, 'build'), ['src/util.ts']);
    expect(p.rerunLines).toEqual([5, 6]);
    expect(p.steps.every((s) => s.stage === 0)).toBe(true);
  });
});

describe('previewCache: mounts', () => {
  const files = ['package.json', 'src/a.c', 'docs/x.md', 'Makefile'];
  it('cache and secret mounts never bust the cache', () => {
    const df = [
      'FROM alpine',
      'COPY package.json /app/',
      'RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
      'COPY src/ /app/src/',
      '',
    ].join('\n');
    expect(rerun(df, ['src/a.c'], files, null)).toEqual([4]);
    expect(rerun(df, ['package.json'], files, null)).toEqual([2, 3, 4]);
  });

  it('a bind mount of a context folder re-runs its step when a file below it changes, not otherwise', () => {
    const df = ['FROM alpine', 'RUN --mount=type=bind,source=src,target=/src make -C /src', 'RUN echo done', ''].join('\n');
    expect(rerun(df, ['src/a.c'], files, null)).toEqual([2, 3]);
    expect(rerun(df, ['docs/x.md'], files, null)).toEqual([]);
    const p = previewCache(detailOf(df, files), ['src/a.c']);
    expect(p.steps[0].reason).toBe('it mounts src/a.c, which changed');
  });

  it('a bind mount without source= reads the whole context', () => {
    const df = ['FROM alpine', 'RUN --mount=type=bind,target=/ctx ls /ctx', ''].join('\n');
    expect(rerun(df, ['docs/x.md'], files, null)).toEqual([2]);
  });

  it('a mount from a stage that re-ran re-runs the step', () => {
    const df = [
      'FROM alpine AS gen',
      'COPY src/ /src/',
      'FROM alpine',
      'RUN apk add make',
      'RUN --mount=from=gen,source=/src,target=/in cp -r /in /out',
      '',
    ].join('\n');
    const p = previewCache(detailOf(df, files), ['src/a.c']);
    expect(p.rerunLines).toEqual([2, 5]);
    expect(p.steps.find((s) => s.line === 5)).toMatchObject({ cause: 'source-stage', sourceStage: 0 });
  });
});

describe('previewCache: stages', () => {
  const files = ['go.mod', 'main.go', 'testdata/x'];
  it('a stage built FROM a stage that re-ran re-runs from its first step, through stages of metadata only', () => {
    const df = [
      'FROM golang:1.22 AS build', // 1
      'COPY main.go /src/', // 2
      'FROM build AS meta', // 3
      'ENV CGO_ENABLED=0', // 4
      'FROM meta AS test', // 5
      'RUN go vet /src', // 6
      'COPY --from=build /src/main.go /copy.go', // 7
      '',
    ].join('\n');
    const p = previewCache(detailOf(df, files), ['main.go']);
    expect(p.rerunLines).toEqual([2, 6, 7]);
    expect(p.rebuiltStages).toEqual([0, 1, 2]);
    expect(p.steps.find((s) => s.line === 6)).toMatchObject({ cause: 'base-stage', sourceStage: 1 });
  });

  it('stages the target does not need are not in the preview', () => {
    const df = ['FROM alpine AS unused', 'COPY main.go /', 'FROM alpine AS app', 'COPY go.mod /', ''].join('\n');
    const p = previewCache(detailOf(df, files), ['main.go']);
    expect(p.steps.map((s) => s.line)).toEqual([4]);
    expect(p.rerunLines).toEqual([]);
    expect(p.changedUnread).toEqual(['main.go']);
  });

  it('COPY --link stays cached when only earlier steps re-ran; the steps after it still re-run', () => {
    const df = [
      'FROM alpine', // 1
      'COPY main.go /src/', // 2
      'RUN echo compile', // 3
      'COPY --link go.mod /src/', // 4
      'RUN echo after', // 5
      '',
    ].join('\n');
    const p = previewCache(detailOf(df, files), ['main.go']);
    expect(p.rerunLines).toEqual([2, 3, 5]);
    expect(p.steps.find((s) => s.line === 4)!.reason).toMatch(/^cached: --link/);
    expect(rerun(df, ['go.mod'], files, null)).toEqual([4, 5]);
  });

  it('COPY --from an image is never busted by context changes', () => {
    const df = ['FROM alpine', 'COPY --from=busybox:1.36 /bin/busybox /bin/', 'COPY main.go /', ''].join('\n');
    expect(rerun(df, ['main.go'], files, null)).toEqual([3]);
  });
});

describe('previewCache: inputs', () => {
  it("'.' marks the whole context changed; empty strings mark nothing", () => {
    expect(rerun(NODE_GOOD, ['.'])).toEqual([3, 4, 5, 6, 10, 11, 12]);
    expect(rerun(NODE_GOOD, [''])).toEqual([]);
    expect(rerun(NODE_GOOD, ['nope/x'])).toEqual([]);
  });

  it('handles a large context with many changed files', () => {
    const files = ['package.json', 'package-lock.json'];
    for (let i = 0; i < 3000; i++) files.push(`src/m${i % 30}/f${i}.ts`);
    const d = detailOf(NODE_GOOD, files, null);
    const p = previewCache(d, files.slice(2, 1000));
    expect(p.rerunLines).toEqual([5, 6, 12]);
  });
});
