import { describe, expect, it } from 'vitest';
import { deleteStage } from './deleteStage';
import { applyEdits } from './textEdits';
import { DUPLICATES, GO_APP, graphOf } from './fixtures';

function apply(text: string, r: ReturnType<typeof deleteStage>): string {
  if (!r.ok) throw new Error(r.reason);
  return applyEdits(text, r.edits);
}

describe('deleteStage', () => {
  it('removes the stage with its doc comment and one blank line, and lists what breaks', () => {
    const r = deleteStage(GO_APP, { stage: 1 });
    expect(r.ok && r.broken).toEqual([]);
    expect(apply(GO_APP, r)).toBe(GO_APP.replace('# tests\nFROM build AS test\nRUN go test ./...\n\n', ''));
  });

  it('the first stage: directives and ARGs stay; its FROM and --from users are reported', () => {
    const r = deleteStage(GO_APP, { stage: 0 });
    expect(r.ok && r.broken.map((b) => [b.reference.kind, b.reference.line, b.resolvesTo])).toEqual([
      ['base', 16, null],
      ['copy', 20, null],
    ]);
    const out = apply(GO_APP, r);
    expect(out).toBe(
      ['# syntax=docker/dockerfile:1', 'ARG GO_VERSION=1.22', '', '# tests', 'FROM build AS test', 'RUN go test ./...', '',
        'FROM gcr.io/distroless/static AS runtime', 'COPY --from=build /out/app /app', 'ENTRYPOINT ["/app"]', ''].join('\n'),
    );
    expect(graphOf(out).edges).toContain('image:build -> 0 base@5');
  });

  it('the last stage of a file without a final newline', () => {
    const text = 'FROM a AS one\nRUN x\n\nFROM b AS two\nRUN y';
    expect(apply(text, deleteStage(text, { stage: 1 }))).toBe('FROM a AS one\nRUN x');
  });

  it('renumbers --from=<index> of later stages; a duplicate name falls back to the other stage', () => {
    const r = deleteStage(DUPLICATES, { stage: 2 });
    expect(r.ok && r.broken.map((b) => [b.reference.line, b.reference.value, b.resolvesTo])).toEqual([[11, 'TOOLS', 0]]);
    const out = apply(DUPLICATES, r);
    expect(out).toBe(DUPLICATES.replace('FROM alpine AS Tools\nRUN echo two\n\n', ''));
    const r1 = deleteStage(DUPLICATES, { stage: 0 });
    expect(r1.ok && r1.broken.map((b) => [b.reference.line, b.reference.value, b.resolvesTo])).toEqual([[13, '0', 0]]);
    expect(apply(DUPLICATES, r1)).toBe(DUPLICATES.replace('FROM alpine AS tools\nRUN echo one\n\n', '').replace('--from=1 ', '--from=0 '));
    expect(graphOf(apply(DUPLICATES, r1)).edges.filter((e) => e.includes('copy'))).toEqual([
      'stage:0 -> 2 copy@10', // the broken --from=0 now reads busybox: reported above
      'stage:0 -> 2 copy@9', // --from=1 renumbered: still busybox
      'stage:1 -> 2 copy@8', // --from=TOOLS: still the later "Tools"
    ]);
  });

  it('a stage between comment blocks: the next stage keeps its comment', () => {
    const text = 'FROM a AS one\n# about two\nFROM b AS two\n# about three\nFROM c AS three\n';
    expect(apply(text, deleteStage(text, { stage: 1 }))).toBe('FROM a AS one\n# about three\nFROM c AS three\n');
  });
});
