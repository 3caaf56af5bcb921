import { describe, expect, it } from 'vitest';
import { connectCopy } from './connectCopy';
import { connectBase } from './connectBase';
import { connectMount } from './connectMount';
import { changeBase } from './changeBase';
import { applyEdits, type EditResult } from './textEdits';
import { BACKTICK, DUPLICATES, GO_APP, graphOf } from './fixtures';

function apply(text: string, r: EditResult): string {
  if (!r.ok) throw new Error(r.reason);
  return applyEdits(text, r.edits);
}

describe('connectCopy', () => {
  it('inserts after the last COPY of the target stage (past a heredoc body)', () => {
    const text = 'FROM a AS one\nFROM b AS two\nCOPY <<EOF /x\nhi\nEOF\nRUN make\n';
    const out = apply(text, connectCopy(text, { from: 0, to: 1, src: '/out', dest: '/in' }));
    expect(out).toBe('FROM a AS one\nFROM b AS two\nCOPY <<EOF /x\nhi\nEOF\nCOPY --from=one /out /in\nRUN make\n');
    expect(graphOf(out).edges).toContain('stage:0 -> 1 copy@6');
  });

  it('inserts before CMD/ENTRYPOINT and the comments above it when there is no COPY', () => {
    const text = 'FROM a AS one\n\nFROM b AS two\n    RUN make\n    # start\n    CMD ["x"]\n';
    const out = apply(text, connectCopy(text, { from: 0, to: 1, src: '/out', dest: '/in' }));
    expect(out).toBe('FROM a AS one\n\nFROM b AS two\n    RUN make\n    COPY --from=one /out /in\n    # start\n    CMD ["x"]\n');
  });

  it('appends at the end of the stage otherwise', () => {
    const out = apply(GO_APP, connectCopy(GO_APP, { from: 0, to: 1, src: '/out/app', dest: '/usr/local/bin/' }));
    expect(out).toBe(GO_APP.replace('RUN go test ./...\n', 'RUN go test ./...\nCOPY --from=build /out/app /usr/local/bin/\n'));
    expect(graphOf(out).edges).toContain('stage:0 -> 1 copy@18');
  });

  it('copies from an image', () => {
    const out = apply(GO_APP, connectCopy(GO_APP, { from: 'nginx:1.27-alpine', to: 2, src: '/etc/nginx', dest: '/etc/nginx' }));
    expect(out).toBe(GO_APP.replace('/out/app /app\n', '/out/app /app\nCOPY --from=nginx:1.27-alpine /etc/nginx /etc/nginx\n'));
    expect(graphOf(out).edges).toContain('image:nginx:1.27-alpine -> 2 copy@21');
  });

  it('in a lower-case, backtick-escaped CRLF file', () => {
    const out = apply(BACKTICK, connectCopy(BACKTICK, { from: 0, to: 1, src: 'C:\\tools', dest: 'C:\\tools' }));
    expect(out).toBe(BACKTICK.replace('C:\\app C:\\app\r\n', 'C:\\app C:\\app\r\ncopy --from=base C:\\tools C:\\tools\r\n'));
  });

  it('uses the JSON form for paths with spaces', () => {
    const out = apply(GO_APP, connectCopy(GO_APP, { from: 0, to: 2, src: '/out/my app', dest: '/app dir/' }));
    expect(out).toContain('COPY --from=build ["/out/my app", "/app dir/"]\n');
  });

  it('uses the index of a stage whose name a later stage shadows, and of an unnamed stage', () => {
    const a = apply(DUPLICATES, connectCopy(DUPLICATES, { from: 0, to: 3, src: '/d', dest: '/d' }));
    expect(a).toBe(DUPLICATES + 'COPY --from=0 /d /d\n');
    expect(graphOf(a).edges).toContain('stage:0 -> 3 copy@14');
    const b = apply(DUPLICATES, connectCopy(DUPLICATES, { from: 1, to: 3, src: '/e', dest: '/e' }));
    expect(b).toContain('COPY --from=0 /c /c\nCOPY --from=1 /e /e\n');
    expect(graphOf(b).edges).toContain('stage:1 -> 3 copy@14');
    const c = apply(DUPLICATES, connectCopy(DUPLICATES, { from: 2, to: 3, src: '/f', dest: '/f' }));
    expect(c).toContain('COPY --from=tools /f /f\n');
  });

  it('refuses a source defined later, itself, or an empty path', () => {
    const r = connectCopy(GO_APP, { from: 2, to: 0, src: '/a', dest: '/b' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/defined before/);
    expect(connectCopy(GO_APP, { from: 1, to: 1, src: '/a', dest: '/b' }).ok).toBe(false);
    expect(connectCopy(GO_APP, { from: 0, to: 1, src: ' ', dest: '/b' }).ok).toBe(false);
  });
});

describe('connectBase / changeBase', () => {
  it('makes B build on A', () => {
    const out = apply(GO_APP, connectBase(GO_APP, { from: 1, to: 2 }));
    expect(out).toBe(GO_APP.replace('FROM gcr.io/distroless/static AS runtime', 'FROM test AS runtime'));
    expect(graphOf(out).edges).toContain('stage:1 -> 2 base@19');
  });

  it('names an unnamed stage first (FROM cannot use an index)', () => {
    const out = apply(DUPLICATES, connectBase(DUPLICATES, { from: 1, to: 3 }));
    expect(out).toBe(DUPLICATES.replace('FROM busybox\n', 'FROM busybox AS busybox\n').replace('FROM scratch', 'FROM busybox'));
    expect(graphOf(out).edges).toContain('stage:1 -> 3 base@10');
  });

  it('refuses a later stage, and a name shadowed by a stage in between', () => {
    expect(connectBase(GO_APP, { from: 2, to: 1 })).toMatchObject({ ok: false });
    const r = connectBase(DUPLICATES, { from: 0, to: 3 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/sits between/);
  });

  it('an image as the source is a changeBase; --platform and AS are kept', () => {
    const text = 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN x\n';
    expect(apply(text, connectBase(text, { from: 'golang:1.23', to: 0 }))).toBe(
      'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nRUN x\n',
    );
    expect(apply(GO_APP, changeBase(GO_APP, { stage: 0, base: 'golang:1.23-alpine' }))).toBe(
      GO_APP.replace('golang:${GO_VERSION}', 'golang:1.23-alpine'),
    );
  });

  it('changeBase in a backtick file and on a continued FROM', () => {
    expect(apply(BACKTICK, changeBase(BACKTICK, { stage: 1, base: 'base' }))).toBe(
      BACKTICK.replace('from mcr.microsoft.com/windows/nanoserver:ltsc2022 as final', 'from base as final'),
    );
    const text = 'FROM \\\n  alpine:3.19 \\\n  AS a\n';
    expect(apply(text, changeBase(text, { stage: 0, base: 'alpine:3.20' }))).toBe('FROM \\\n  alpine:3.20 \\\n  AS a\n');
  });
});

describe('connectMount', () => {
  it('adds a bind mount in front of the flags of the last RUN', () => {
    const out = apply(GO_APP, connectMount(GO_APP, { from: 0, to: 1, target: '/src' }));
    expect(out).toBe(GO_APP.replace('RUN go test', 'RUN --mount=type=bind,from=build,target=/src go test'));
    expect(graphOf(out).edges).toContain('stage:0 -> 1 mount@17');
  });

  it('into a chosen RUN continued over lines, with a source, in a backtick file', () => {
    const text = BACKTICK;
    const out = apply(text, connectMount(text, { from: 0, to: 1, runLine: 8, target: 'C:\\t', source: 'C:\\s' }));
    expect(out).toBe(text.replace('run --mount=type=bind,from=base', 'run --mount=type=bind,from=base,source=C:\\s,target=C:\\t --mount=type=bind,from=base'));
  });

  it('names an unnamed stage (from= looks up names only) and mounts an image', () => {
    const out = apply(DUPLICATES, connectMount(DUPLICATES, { from: 1, to: 2, target: '/bb' }));
    expect(out).toBe(DUPLICATES.replace('FROM busybox\n', 'FROM busybox AS busybox\n').replace('RUN echo two', 'RUN --mount=type=bind,from=busybox,target=/bb echo two'));
    expect(graphOf(out).edges).toContain('stage:1 -> 2 mount@8');
    const img = apply(GO_APP, connectMount(GO_APP, { from: 'alpine:3.20', to: 1, target: '/alpine' }));
    expect(img).toContain('RUN --mount=type=bind,from=alpine:3.20,target=/alpine go test');
  });

  it('into a heredoc RUN, and never names a stage after an image in use', () => {
    const text = 'FROM golang AS build\nFROM alpine\nFROM golang\nRUN <<EOF\nset -e\nmake\nEOF\n';
    const out = apply(text, connectMount(text, { from: 1, to: 2, target: '/a' }));
    // "alpine" is free, and FROM golang is an image: the stage is not called golang
    expect(out).toBe('FROM golang AS build\nFROM alpine AS alpine\nFROM golang\nRUN --mount=type=bind,from=alpine,target=/a <<EOF\nset -e\nmake\nEOF\n');
    const t2 = 'FROM alpine\nFROM scratch\nCOPY --from=alpine /etc/os-release /\nRUN true\n';
    const o2 = apply(t2, connectMount(t2, { from: 0, to: 1, target: '/a' }));
    expect(o2).toBe('FROM alpine AS alpine-2\nFROM scratch\nCOPY --from=alpine /etc/os-release /\nRUN --mount=type=bind,from=alpine-2,target=/a true\n');
    expect(graphOf(o2).edges).toContain('image:alpine -> 1 copy@3');
  });

  it('refuses a stage without RUN, a shadowed name, a later stage, a bad target', () => {
    expect(connectMount(GO_APP, { from: 0, to: 2, target: '/x' })).toMatchObject({ ok: false });
    expect(connectMount(DUPLICATES, { from: 0, to: 1, target: '/x' })).toMatchObject({ ok: false });
    expect(connectMount(GO_APP, { from: 1, to: 0, target: '/x' })).toMatchObject({ ok: false });
    expect(connectMount(GO_APP, { from: 0, to: 1, target: '/a,b' })).toMatchObject({ ok: false });
  });
});
