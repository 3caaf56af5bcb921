/** "Why is this file (not) here?": the exact chain for each kind of answer, on our fixtures. */
import { describe, expect, it } from 'vitest';
import { explainPath, type WhyAnswer } from './why.ts';
import { detailOf, GO_APP, GO_FILES, GO_IGNORE, NODE_FILES, NODE_GOOD, NODE_IGNORE } from './fixtures.ts';

const chain = (w: WhyAnswer) => w.steps.map((s) => `${s.file}:${s.line ?? '-'} ${s.text}`);
const go = (query: string, target: string | null = null) => explainPath(detailOf(GO_APP, GO_FILES, GO_IGNORE, target), query, GO_IGNORE);

describe('explainPath: context files', () => {
  it('final: copied into a build stage, carried by COPY --from', () => {
    const w = go('config/app.yaml');
    expect(w).toMatchObject({ kind: 'context', status: 'final', summary: 'config/app.yaml reaches the final image as /etc/app.yaml', lines: [7, 15], dockerignoreLines: [] });
    expect(chain(w)).toEqual([
      'Dockerfile:7 line 7 copies context file config/app.yaml to /etc/app.yaml in stage "build"',
      'Dockerfile:15 line 15 copies /etc/app.yaml from stage "build" to /etc/app.yaml in stage "runtime"',
    ]);
  });

  it('final: copied straight into the target', () => {
    expect(chain(go('docs/img.png'))).toEqual(['Dockerfile:16 line 16 copies context file docs/img.png to /docs/img.png in stage "runtime"']);
  });

  it('final through a base chain (FROM build AS test)', () => {
    const w = go('cmd/app/main.go', 'test');
    expect(w.status).toBe('final');
    expect(chain(w)).toEqual([
      'Dockerfile:4 line 4 copies context file cmd/app/main.go to /src/cmd/app/main.go in stage "build" (inherited by stage "test" through FROM)',
    ]);
  });

  it('build-only: copied into a build stage, and each COPY --from that does not take it', () => {
    const w = go('cmd/app/main.go');
    expect(w).toMatchObject({ status: 'build-only', lines: [4, 14, 15] });
    expect(w.summary).toBe('cmd/app/main.go is used during the build but does not reach the final image (stage "runtime")');
    expect(chain(w)).toEqual([
      'Dockerfile:4 line 4 copies it into stage "build" as /src/cmd/app/main.go',
      'Dockerfile:14 line 14 copies only /out/app from stage "build", which does not include /src/cmd/app/main.go',
      'Dockerfile:15 line 15 copies only /etc/app.yaml from stage "build", which does not include /src/cmd/app/main.go',
    ]);
  });

  it('build-only: only mounted for a RUN step', () => {
    const w = go('scripts/setup.sh');
    expect(w.status).toBe('build-only');
    expect(chain(w)).toEqual(['Dockerfile:17 line 17 mounts it for a RUN step in stage "runtime"; a mount is not part of the image']);
  });

  it('build-only: overwritten later in the same stage', () => {
    const df = ['FROM alpine AS build', 'COPY a.txt /x', 'COPY b.txt /x', 'FROM alpine', 'COPY --from=build /x /x', ''].join('\n');
    const d = detailOf(df, ['a.txt', 'b.txt']);
    expect(d.analysis.context).toEqual({ 'a.txt': 'build-only', 'b.txt': 'final' });
    expect(chain(explainPath(d, 'a.txt'))).toEqual([
      'Dockerfile:2 line 2 copies it into stage "build", but by the end of that stage a later instruction has written over it',
    ]);
  });

  it('build-only: the target builds on the stage but writes over the path', () => {
    const df = ['FROM alpine AS base', 'COPY a.txt /etc/conf', 'FROM base AS app', 'COPY b.txt /etc/conf', ''].join('\n');
    const d = detailOf(df, ['a.txt', 'b.txt']);
    expect(chain(explainPath(d, 'a.txt'))).toEqual([
      'Dockerfile:2 line 2 copies it into stage "base" as /etc/conf',
      'Dockerfile:4 line 4 in stage "app" writes over /etc/conf',
    ]);
  });

  it('build-only: a stage mounted by the target', () => {
    const df = ['FROM alpine AS src', 'COPY a.txt /a.txt', 'FROM alpine', 'RUN --mount=from=src,target=/m cat /m/a.txt', ''].join('\n');
    const d = detailOf(df, ['a.txt']);
    expect(chain(explainPath(d, 'a.txt'))).toEqual([
      'Dockerfile:2 line 2 copies it into stage "src" as /a.txt',
      'Dockerfile:4 line 4 mounts stage "src" for a RUN step in stage 1; a mount is not part of the image',
    ]);
  });

  it('build-only: COPY --from covers it but --exclude leaves it out', () => {
    const df = ['FROM alpine AS b', 'COPY src/ /out/', 'FROM alpine', 'COPY --exclude=*.map --from=b /out /www', ''].join('\n');
    const d = detailOf(df, ['src/app.js', 'src/app.js.map']);
    expect(d.analysis.context).toEqual({ 'src/app.js': 'final', 'src/app.js.map': 'build-only' });
    expect(chain(explainPath(d, 'src/app.js.map'))).toEqual([
      'Dockerfile:2 line 2 copies it into stage "b" as /out/app.js.map',
      'Dockerfile:4 line 4 copies /out from stage "b", but --exclude (*.map) leaves /out/app.js.map out',
    ]);
  });

  it('ignored: the deciding .dockerignore line and the COPY that would have taken it', () => {
    const w = go('docs/guide.md');
    expect(w).toMatchObject({ status: 'ignored', lines: [16], dockerignoreLines: [2] });
    expect(chain(w)).toEqual([
      '.dockerignore:2 .dockerignore line 2 (**/*.md) excludes docs/guide.md',
      'Dockerfile:16 line 16 (COPY docs/ /docs/) in stage "runtime" would copy it, but BuildKit never receives it',
    ]);
  });

  it('ignored: an excluded directory BuildKit never walks into', () => {
    expect(chain(go('secrets/key.pem'))).toEqual([
      '.dockerignore:4 .dockerignore line 4 (secrets) excludes secrets',
      '.dockerignore:4 the directory secrets is excluded and BuildKit does not walk into it, so no exception can bring secrets/key.pem back',
    ]);
  });

  it('ignored: an exception that would re-include it but comes too early', () => {
    const w = explainPath(detailOf(NODE_GOOD, [...NODE_FILES, 'docs/a.md'], '!docs/a.md\n**/*.md\n'), 'docs/a.md', '!docs/a.md\n**/*.md\n');
    expect(w.status).toBe('ignored');
    expect(chain(w)).toEqual([
      '.dockerignore:2 .dockerignore line 2 (**/*.md) excludes docs/a.md',
      '.dockerignore:1 line 1 (!docs/a.md) would re-include it, but does not apply here',
      'Dockerfile:5 line 5 (COPY . .) in stage "build" would copy it, but BuildKit never receives it',
    ]);
    expect(w.dockerignoreLines).toEqual([1, 2]);
  });

  it('unused: --exclude of a needed stage', () => {
    expect(chain(go('internal/a_test.go'))).toEqual(['Dockerfile:5 line 5 in stage "build" copies internal/, but --exclude=*_test.go leaves internal/a_test.go out']);
  });

  it('unused: only a stage the target skips would copy it', () => {
    const w = go('testdata/in.txt');
    expect(w).toMatchObject({ status: 'unused', summary: 'testdata/in.txt is sent with the context but no stage the target needs reads it' });
    expect(chain(w)).toEqual(['Dockerfile:10 line 10 in stage "test" would copy it, but the target does not need that stage, so BuildKit skips it']);
  });

  it('unused Dockerfile: read by BuildKit itself', () => {
    expect(go('Dockerfile').summary).toBe(
      'Dockerfile is sent with the context but no stage the target needs reads it (BuildKit reads the Dockerfile itself before the build; a stage gets it only if a COPY takes it)',
    );
  });

  it('not in the context', () => {
    expect(go('nope.txt')).toMatchObject({ kind: 'none', status: null, summary: 'nope.txt is not a file of the build context', steps: [] });
    expect(go('./config/app.yaml').status).toBe('final');
  });
});

describe('explainPath: image paths', () => {
  it('a file copied from a path a RUN step made', () => {
    const w = go('/usr/local/bin/app');
    expect(w).toMatchObject({ kind: 'image', lines: [14], summary: '/usr/local/bin/app is in the final image (stage "runtime")' });
    expect(chain(w)).toEqual([
      'Dockerfile:- /out/app in stage "build" is made by a RUN step or comes from its base image: its content is not known',
      'Dockerfile:14 line 14 copies /out/app from stage "build" to /usr/local/bin/app in stage "runtime"',
    ]);
  });

  it('a file traced back to the context through a COPY --from', () => {
    expect(go('/etc/app.yaml').lines).toEqual([7, 15]);
  });

  it('a directory: which instructions fill it', () => {
    const w = go('/docs');
    expect(w.summary).toBe('/docs is a directory of the final image holding 2 known files');
    expect(chain(w)).toEqual(['Dockerfile:16 line 16 puts 2 known files under /docs from the build context']);
  });

  it('a path inside a directory that a RUN step made elsewhere', () => {
    const w = explainPath(detailOf(NODE_GOOD, NODE_FILES, NODE_IGNORE), '/app/dist/index.js');
    expect(w.kind).toBe('none');
    expect(w.summary).toBe(
      '/app/dist/index.js is not known to the analysis, but /app/dist is in the final image and its contents come from a RUN step or an image, so /app/dist/index.js may well be inside it',
    );
    expect(w.lines).toEqual([12]);
  });

  it('a path the analysis cannot know', () => {
    expect(go('/bin/sh')).toMatchObject({ kind: 'none', steps: [], lines: [] });
  });
});
