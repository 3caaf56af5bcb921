import { describe, expect, it } from 'vitest';
import { moveStage } from './moveStage';
import { applyEdits } from './textEdits';
import { BACKTICK, DUPLICATES, GO_APP, graphOf } from './fixtures';

function apply(text: string, r: ReturnType<typeof moveStage>): string {
  if (!r.ok) throw new Error(r.reason);
  return applyEdits(text, r.edits);
}

describe('moveStage', () => {
  it('swaps two blocks with their comments; the blank lines between stay', () => {
    const r = moveStage(GO_APP, { stage: 2, direction: 'earlier' });
    expect(r).toMatchObject({ ok: true, index: 1 });
    const out = apply(GO_APP, r);
    expect(out).toBe(
      GO_APP.replace(
        '# tests\nFROM build AS test\nRUN go test ./...\n\nFROM gcr.io/distroless/static AS runtime\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
        'FROM gcr.io/distroless/static AS runtime\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n\n# tests\nFROM build AS test\nRUN go test ./...\n',
      ),
    );
    expect(graphOf(out).stages.map((s) => s.name)).toEqual(['build', 'runtime', 'test']);
    expect(graphOf(out).edges).toContain('stage:0 -> 2 base@20');
  });

  it('refuses when a FROM would lose its stage, or a --from would point later', () => {
    const a = moveStage(GO_APP, { stage: 1, direction: 'earlier' });
    expect(a).toMatchObject({ ok: false, reason: expect.stringMatching(/FROM build \(line 16\) would no longer build on stage 0/) });
    const text = 'FROM a AS one\nFROM b AS two\nCOPY --from=one /x /x\n';
    expect(moveStage(text, { stage: 0, direction: 'later' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/--from=one \(line 3\) would point at a stage defined later/),
    });
    expect(moveStage(text, { stage: 0, direction: 'earlier' })).toMatchObject({ ok: false });
    expect(moveStage(text, { stage: 1, direction: 'later' })).toMatchObject({ ok: false });
  });

  it('refuses when an image FROM would start to mean a stage', () => {
    const text = 'FROM a AS one\nFROM later AS two\nFROM c AS later\n';
    expect(moveStage(text, { stage: 2, direction: 'earlier' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/FROM later \(line 2\) would then build on stage 2 instead of the image "later"/),
    });
  });

  it('renumbers --from=<index> and keeps duplicate-name resolution', () => {
    const out = apply(DUPLICATES, moveStage(DUPLICATES, { stage: 0, direction: 'later' }));
    expect(out).toBe(
      'FROM busybox\nRUN echo unnamed\n\nFROM alpine AS tools\nRUN echo one\n\nFROM alpine AS Tools\nRUN echo two\n\nFROM scratch\nCOPY --from=TOOLS /a /a\nCOPY --from=0 /b /b\nCOPY --from=1 /c /c\n',
    );
    const before = graphOf(DUPLICATES).edges.filter((e) => e.includes('copy'));
    const after = graphOf(out).edges.filter((e) => e.includes('copy'));
    expect(before).toEqual(['stage:0 -> 3 copy@13', 'stage:1 -> 3 copy@12', 'stage:2 -> 3 copy@11']);
    expect(after).toEqual(['stage:0 -> 3 copy@12', 'stage:1 -> 3 copy@13', 'stage:2 -> 3 copy@11']);
  });

  it('refuses a move that would change which duplicate a name means', () => {
    expect(moveStage(DUPLICATES, { stage: 2, direction: 'later' })).toMatchObject({ ok: false });
  });

  it('in a backtick CRLF file', () => {
    const text = BACKTICK.replace(/from=base/g, 'from=other').replace('--from=base', '--from=other');
    const out = apply(text, moveStage(text, { stage: 1, direction: 'earlier' }));
    const lines = text.split('\r\n');
    expect(out).toBe([lines[0], lines[1], ...lines.slice(6, 11), lines[5], ...lines.slice(2, 5)].join('\r\n'));
  });

  it('refuses moving past the ends', () => {
    expect(moveStage(GO_APP, { stage: 0, direction: 'earlier' })).toMatchObject({ ok: false });
    expect(moveStage(GO_APP, { stage: 2, direction: 'later' })).toMatchObject({ ok: false });
  });
});
