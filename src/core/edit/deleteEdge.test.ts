import { describe, expect, it } from 'vitest';
import { deleteEdge } from './deleteEdge';
import { applyEdits, type EditResult } from './textEdits';
import { BACKTICK, GO_APP, graphOf } from './fixtures';

function apply(text: string, r: EditResult): string {
  if (!r.ok) throw new Error(r.reason);
  return applyEdits(text, r.edits);
}

describe('deleteEdge', () => {
  it('removes a COPY --from instruction', () => {
    const out = apply(GO_APP, deleteEdge(GO_APP, { kind: 'copy', line: 20 }));
    expect(out).toBe(GO_APP.replace('COPY --from=build /out/app /app\n', ''));
    expect(graphOf(out).edges.some((e) => e.includes('copy'))).toBe(false);
  });

  it('removes a continued COPY --from with its heredoc body, keeping the comments around it', () => {
    const text = 'FROM a AS one\nFROM b\n# keep me\nCOPY --from=one \\\n  --chmod=755 <<EOF /x\nbody\nEOF\nRUN y\n';
    expect(apply(text, deleteEdge(text, { kind: 'copy', line: 4 }))).toBe('FROM a AS one\nFROM b\n# keep me\nRUN y\n');
  });

  it('refuses a line without COPY --from', () => {
    expect(deleteEdge(GO_APP, { kind: 'copy', line: 7 })).toMatchObject({ ok: false });
    expect(deleteEdge(GO_APP, { kind: 'mount', line: 7, from: 0 })).toMatchObject({ ok: false });
  });

  it('removes a mount flag followed by a continuation, keeping the continuation', () => {
    const out = apply(BACKTICK, deleteEdge(BACKTICK, { kind: 'mount', line: 8, from: 0 }));
    expect(out).toBe(BACKTICK.replace('run --mount=type=bind,from=base,target=C:\\b `', 'run `'));
    expect(graphOf(out).edges.some((e) => e.includes('mount'))).toBe(false);
  });

  it('removes a mount flag alone on its line, or among other flags, by stage or by name', () => {
    const text = [
      'FROM a AS one',
      'FROM b',
      'RUN --mount=type=cache,target=/c \\',
      '    --mount=type=bind,from=one,target=/one \\',
      '    make',
      'RUN --mount=type=bind,from=ONE,target=/x --network=none make',
      '',
    ].join('\n');
    expect(apply(text, deleteEdge(text, { kind: 'mount', line: 3, from: 0 }))).toBe(
      text.replace('    --mount=type=bind,from=one,target=/one \\\n', ''),
    );
    expect(apply(text, deleteEdge(text, { kind: 'mount', line: 6, from: 'one' }))).toBe(
      text.replace('RUN --mount=type=bind,from=ONE,target=/x --network=none', 'RUN --network=none'),
    );
    expect(deleteEdge(text, { kind: 'mount', line: 6, from: 'two' })).toMatchObject({ ok: false });
  });

  it('a base edge asks for the new base', () => {
    expect(apply(GO_APP, deleteEdge(GO_APP, { kind: 'base', stage: 1, newBase: 'golang:1.22' }))).toBe(
      GO_APP.replace('FROM build AS test', 'FROM golang:1.22 AS test'),
    );
  });
});
