import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  deleteLines,
  insertLines,
  instructionCasing,
  instructionWords,
  makeDoc,
  uniqueStageName,
} from './textEdits';
import { mountFields } from './references';

describe('applyEdits', () => {
  it('applies non-overlapping edits in any order, inserts at one place in the given order', () => {
    const text = 'abc\ndef\n';
    const out = applyEdits(text, [
      { line: 2, column: 1, endLine: 2, endColumn: 2, text: 'D' },
      { line: 1, column: 4, endLine: 1, endColumn: 4, text: '1' },
      { line: 1, column: 4, endLine: 1, endColumn: 4, text: '2' },
    ]);
    expect(out).toBe('abc12\nDef\n');
  });

  it('spans line breaks (CRLF kept out of columns) and rejects overlaps', () => {
    const text = 'ab\r\ncd\r\nef';
    expect(applyEdits(text, [{ line: 1, column: 3, endLine: 2, endColumn: 2, text: '-' }])).toBe('ab-d\r\nef');
    expect(() =>
      applyEdits(text, [
        { line: 1, column: 1, endLine: 1, endColumn: 3, text: '' },
        { line: 1, column: 2, endLine: 1, endColumn: 3, text: '' },
      ]),
    ).toThrow(/overlapping/);
  });

  it('keeps a byte-order mark out of line 1 (as Monaco does)', () => {
    expect(applyEdits('\ufeffFROM a', [{ line: 1, column: 1, endLine: 1, endColumn: 5, text: 'from' }])).toBe('\ufefffrom a');
  });
});

describe('line builders', () => {
  it('insertLines before a line, at the end with or without a final newline, into an empty file', () => {
    const t1 = 'a\nb\n';
    expect(applyEdits(t1, [insertLines(makeDoc(t1), 2, ['x'])])).toBe('a\nx\nb\n');
    expect(applyEdits(t1, [insertLines(makeDoc(t1), 3, ['x'])])).toBe('a\nb\nx\n');
    const t2 = 'a\r\nb';
    expect(applyEdits(t2, [insertLines(makeDoc(t2), 3, ['x', 'y'])])).toBe('a\r\nb\r\nx\r\ny');
    expect(applyEdits('', [insertLines(makeDoc(''), 1, ['x'])])).toBe('x\n');
  });

  it('deleteLines takes the line breaks with it, also at the end of a file without a final newline', () => {
    const t1 = 'a\nb\nc\n';
    expect(applyEdits(t1, [deleteLines(makeDoc(t1), 2, 3)])).toBe('a\n');
    const t2 = 'a\nb\nc';
    expect(applyEdits(t2, [deleteLines(makeDoc(t2), 3, 3)])).toBe('a\nb');
    expect(applyEdits(t2, [deleteLines(makeDoc(t2), 1, 3)])).toBe('');
  });
});

describe('instructionWords', () => {
  it('finds flags and arguments across continuations, skipping comment and blank lines', () => {
    const text = ['RUN \\', '  # a comment', '', '  --mount=type=cache,target=/c \\', '  --network=none make'].join('\n');
    const w = instructionWords(makeDoc(text), 1, '\\');
    expect(w.keyword?.raw).toBe('RUN');
    expect(w.flags.map((t) => [t.raw, t.start, t.end])).toEqual([
      ['--mount=type=cache,target=/c', { line: 4, column: 3 }, { line: 4, column: 31 }],
      ['--network=none', { line: 5, column: 3 }, { line: 5, column: 17 }],
    ]);
    expect(w.args.map((t) => t.raw)).toEqual(['make']);
  });

  it('keeps quoted words whole and uses the escape token of the file', () => {
    const text = 'copy --chown="a b" `\n    src dst';
    const w = instructionWords(makeDoc(text), 1, '`');
    expect(w.flags.map((t) => t.value)).toEqual(['--chown=a b']);
    expect(w.args.map((t) => t.raw)).toEqual(['src', 'dst']);
  });

  it('an escaped escape at the end of a line is not a continuation', () => {
    const text = 'RUN echo a\\\\\nFROM x';
    expect(instructionWords(makeDoc(text), 1, '\\').args.map((t) => t.raw)).toEqual(['echo', 'a\\\\']);
  });
});

describe('conventions', () => {
  it('instruction casing is the majority, upper on a tie', () => {
    const n = (k: string) => ({ keyword: k }) as never;
    expect(instructionCasing([n('from'), n('run'), n('COPY')])).toBe('lower');
    expect(instructionCasing([n('from'), n('RUN')])).toBe('upper');
    expect(instructionCasing([n('From'), n('Run'), n('cmd')])).toBe('lower');
  });

  it('uniqueStageName derives a valid, free, non-reserved name', () => {
    const taken = new Set(['golang', 'golang-2']);
    expect(uniqueStageName('golang:1.22-alpine', taken)).toBe('golang-3');
    expect(uniqueStageName('gcr.io/distroless/static-debian12:nonroot', taken)).toBe('static-debian12');
    expect(uniqueStageName('Build Stage!', taken)).toBe('build-stage');
    expect(uniqueStageName('123', taken)).toBe('stage');
    expect(uniqueStageName('scratch', taken)).toBe('scratch-stage');
    expect(uniqueStageName('alpine@sha256:abc', taken)).toBe('alpine');
  });
});

describe('mountFields', () => {
  it('splits CSV fields with their offsets', () => {
    const f = mountFields('type=bind,"source=a,b",from=Build');
    expect(f.map((x) => [x.key, x.value, x.quoted])).toEqual([
      ['type', 'bind', false],
      ['source', 'a,b', true],
      ['from', 'Build', false],
    ]);
    expect('type=bind,"source=a,b",from=Build'.slice(f[2].valueStart, f[2].end)).toBe('Build');
  });
});
