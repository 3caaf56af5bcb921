import { describe, expect, it } from 'vitest';
import { renameStage } from './renameStage';
import { applyEdits, type EditResult } from './textEdits';
import { BACKTICK, DUPLICATES, GO_APP, graphOf } from './fixtures';

function apply(text: string, r: EditResult): string {
  if (!r.ok) throw new Error(r.reason);
  return applyEdits(text, r.edits);
}

describe('renameStage', () => {
  it('updates AS, FROM and --from, not a heredoc body that looks like FROM', () => {
    const text = GO_APP.replace('FROM not-a-stage', 'FROM build');
    const r = renameStage(text, { stage: 0, name: 'Builder' });
    expect(r).toMatchObject({ ok: true, name: 'builder', previous: 'build', skipped: [] });
    const out = apply(text, r);
    expect(out).toBe(
      text
        .replace('AS build\n', 'AS builder\n')
        .replace('FROM build AS test', 'FROM builder AS test')
        .replace('--from=build', '--from=builder'),
    );
    expect(out).toContain('COPY <<EOF /etc/app.conf\nFROM build\nEOF');
    const g = graphOf(out);
    expect(g.stages.map((s) => s.name)).toEqual(['builder', 'test', 'runtime']);
    expect(g.edges).toEqual(graphOf(text).edges);
  });

  it('--from and mount from= match case-insensitively, FROM only exactly', () => {
    const text = [
      'FROM alpine AS Base',
      'FROM Base AS x', // an image "Base", not the stage
      'FROM base AS y',
      'COPY --from=BASE /a /a',
      'RUN --mount=type=bind,from=bAsE,target=/b true',
      '',
    ].join('\n');
    const out = apply(text, renameStage(text, { stage: 0, name: 'root' }));
    expect(out).toBe(
      ['FROM alpine AS root', 'FROM Base AS x', 'FROM root AS y', 'COPY --from=root /a /a', 'RUN --mount=type=bind,from=root,target=/b true', ''].join('\n'),
    );
    expect(graphOf(out).edges).toEqual(graphOf(text).edges);
  });

  it('with duplicate names, only the references that resolve to the renamed stage', () => {
    const text = DUPLICATES + 'FROM tools\n';
    // --from=TOOLS resolves to the later "Tools" (stage 2); FROM tools at the end too
    const out0 = apply(text, renameStage(text, { stage: 0, name: 'first' }));
    expect(out0).toBe(text.replace('FROM alpine AS tools', 'FROM alpine AS first'));
    const out2 = apply(text, renameStage(text, { stage: 2, name: 'second' }));
    expect(out2).toBe(text.replace('AS Tools', 'AS second').replace('--from=TOOLS', '--from=second').replace('FROM tools\n', 'FROM second\n'));
    // renaming stage 2 un-shadows stage 0 for nothing here: every reference was rewritten
    expect(graphOf(out2).edges).toEqual(graphOf(text).edges);
  });

  it('names an unnamed stage; index references stay', () => {
    const out = apply(DUPLICATES, renameStage(DUPLICATES, { stage: 1, name: 'bb' }));
    expect(out).toBe(DUPLICATES.replace('FROM busybox\n', 'FROM busybox AS bb\n'));
  });

  it('keeps the file\'s casing for an added as, and handles quoted flags', () => {
    const text = 'from alpine\nfrom scratch\ncopy --from=0 /a /a\nrun --mount="type=bind,from=x,target=/t" true\nfrom alpine as x\n';
    expect(apply(text, renameStage(text, { stage: 0, name: 'a' }))).toBe(text.replace('from alpine\n', 'from alpine as a\n'));
    const t3 = "FROM alpine AS x\nFROM scratch\nCOPY --from='x' /a /a\n";
    expect(apply(t3, renameStage(t3, { stage: 0, name: 'y' }))).toBe('FROM alpine AS y\nFROM scratch\nCOPY --from=y /a /a\n');
    const t2 = 'FROM alpine AS x\nFROM scratch\nRUN --mount="type=bind,from=x,target=/t" true\n';
    expect(apply(t2, renameStage(t2, { stage: 0, name: 'y' }))).toBe(
      'FROM alpine AS y\nFROM scratch\nRUN --mount=type=bind,from=y,target=/t true\n',
    );
  });

  it('in a backtick file: the mount from= and --from', () => {
    const out = apply(BACKTICK, renameStage(BACKTICK, { stage: 0, name: 'win' }));
    expect(out).toBe(BACKTICK.replace('as base', 'as win').replace('from=base,', 'from=win,').replace('--from=base', '--from=win'));
  });

  it('reports a FROM that reaches the stage through an ARG as skipped', () => {
    const text = 'ARG B=build\nFROM alpine AS build\nFROM ${B}\n';
    const r = renameStage(text, { stage: 0, name: 'b2' });
    expect(r.ok && r.skipped.map((s) => s.line)).toEqual([3]);
    expect(apply(text, r)).toBe('ARG B=build\nFROM alpine AS b2\nFROM ${B}\n');
  });

  it('refuses invalid, reserved, taken names and names that would capture a reference', () => {
    expect(renameStage(GO_APP, { stage: 0, name: '1st' })).toMatchObject({ ok: false });
    expect(renameStage(GO_APP, { stage: 0, name: 'con text' })).toMatchObject({ ok: false });
    expect(renameStage(GO_APP, { stage: 0, name: 'context' })).toMatchObject({ ok: false });
    expect(renameStage(GO_APP, { stage: 0, name: 'TEST' })).toMatchObject({ ok: false });
    const text = 'FROM alpine AS a\nFROM nginx AS b\nCOPY --from=nginx /x /x\n';
    const r = renameStage(text, { stage: 0, name: 'nginx' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/FROM nginx at line 2 would then refer to this stage/);
    const t1 = 'FROM alpine AS a\nFROM scratch AS b\nCOPY --from=nginx /x /x\n';
    expect(renameStage(t1, { stage: 0, name: 'NGINX' })).toMatchObject({ ok: false, reason: expect.stringMatching(/--from=nginx at line 3/) });
    const t2 = 'FROM alpine AS a\nFROM golang AS b\n';
    expect(renameStage(t2, { stage: 0, name: 'golang' })).toMatchObject({ ok: false });
    expect(renameStage(t2, { stage: 1, name: 'alpine' })).toMatchObject({ ok: true });
  });
});
