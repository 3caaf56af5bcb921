import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from './instructions.ts';
import type { InstructionsResult } from './types.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 300);

/** every line number the result reports lies in 1..lineCount, and ranges are ordered */
function checkLines(r: InstructionsResult): void {
  const max = r.parsed.lines.length;
  const inRange = (line: number, endLine: number, what: string) => {
    expect(Number.isInteger(line) && line >= 1 && line <= max, `${what} line ${line} of ${max}`).toBe(true);
    expect(Number.isInteger(endLine) && endLine >= line && endLine <= max, `${what} endLine ${endLine} (line ${line}) of ${max}`).toBe(true);
  };
  let prevEnd = 0;
  for (const n of r.parsed.nodes) {
    inRange(n.startLine, n.endLine, 'node');
    expect(n.startLine).toBeGreaterThan(prevEnd);
    prevEnd = n.endLine;
  }
  for (const e of r.errors) {
    inRange(e.line, e.endLine, `error ${e.message}`);
    // the catch-all must never be what answers
    expect(e.message.startsWith('internal parser error')).toBe(false);
  }
  for (const l of r.lints) inRange(l.line, l.endLine, `lint ${l.rule}`);
  for (const a of r.metaArgs) inRange(a.line, a.endLine, 'meta arg');
  for (const s of r.stages) {
    inRange(s.line, s.endLine, 'stage');
    for (const c of s.commands) {
      inRange(c.line, c.endLine, c.kind);
      expect(c.line >= s.line && c.endLine <= s.endLine).toBe(true);
    }
  }
  for (const [k, v] of Object.entries(r.parsed.directives.lines)) inRange(v, v, `directive ${k}`);
}

const sample = [
  '# syntax=docker/dockerfile:1',
  '# escape=\\',
  'ARG BASE=alpine:3.20',
  'FROM --platform=$BUILDPLATFORM ${BASE} AS Build',
  'WORKDIR /src',
  'COPY --from=deps --chown=1:1 ["go.mod", "go.sum", "./"]',
  'RUN --mount=type=cache,target=/root/.cache,"id=a,b" \\',
  '    go build -o /out \\',
  '',
  '    ./...',
  'COPY <<EOF <<-"E2" /etc/',
  'hello $X',
  'EOF',
  '\tbye',
  '\tE2',
  'RUN 3<<FD cat /dev/fd/3',
  'x',
  'FD',
  'ENV A=1 B="two words" C',
  'LABEL legacy form here',
  'HEALTHCHECK --interval=5s CMD ["curl", "-f", "x"]',
  'ONBUILD RUN <<X',
  'y',
  'X',
  'FROM scratch',
  'COPY --from=build /out /',
  'CMD ["/out"]',
].join('\n');

const pieces = ['\\', '`', '\n', '\r\n', '<<', '<<-', 'EOF', '"', "'", '#', '--', '=', '[', ']', ',', ' ', '\t', 'FROM ', 'RUN ', 'COPY ', 'ONBUILD ', '${', '}', '$', '# escape=`\n', '\uFEFF', '\u00a0', 'é', '😀'];

const mutated = fc
  .array(
    fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 8 }),
      ins: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((a) => a.join('')),
    }),
    { maxLength: 8 },
  )
  .map((edits) => {
    let s = sample;
    for (const e of edits) {
      const at = e.at % (s.length + 1);
      s = s.slice(0, at) + e.ins + s.slice(at + e.del);
    }
    return s;
  });

describe('property: total and in range', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        checkLines(parse(s));
      }),
      { numRuns: runs },
    );
  });

  it('never throws on strings built from Dockerfile syntax', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, 'a', 'b', '/x'), { maxLength: 80 }).map((a) => a.join('')), (s) => {
        checkLines(parse(s));
      }),
      { numRuns: runs },
    );
  });

  it('never throws on mutated Dockerfiles', () => {
    fc.assert(
      fc.property(mutated, (s) => {
        checkLines(parse(s));
      }),
      { numRuns: runs },
    );
  });

  it('returns a result for non-string input too', () => {
    expect(() => parse(undefined as unknown as string)).not.toThrow();
    expect(() => parse(null as unknown as string)).not.toThrow();
  });
});

// Speed is measured in `npm run bench` (no timed unit tests); these check that huge and
// pathological inputs parse to a complete result.
describe('huge and pathological input', () => {
  it('parses a 100,000-line Dockerfile', () => {
    const block = sample.split('\n');
    const lines: string[] = [];
    while (lines.length < 100_000) lines.push(...block);
    const text = lines.join('\n');
    const r = parse(text);
    expect(r.parsed.lines.length).toBeGreaterThanOrEqual(100_000);
    expect(r.parsed.nodes.length).toBeGreaterThan(40_000);
  });

  it('parses pathological lines to a result', () => {
    const cases = [
      'FROM a\nRUN ' + '\\ '.repeat(60_000),
      'FROM a\nRUN ' + '<<'.repeat(30_000),
      'FROM a\nENV ' + 'a=b '.repeat(30_000),
      'FROM a\nCOPY ' + '--x="a b" '.repeat(10_000) + 'a b',
      'FROM a\n' + 'RUN x \\\n\n'.repeat(30_000),
      'FROM a\n' + '#\n'.repeat(100_000),
      'FROM a\nRUN <<EOF\n' + 'x\n'.repeat(100_000),
      'FROM a\nRUN --mount=' + 'a=b,'.repeat(20_000) + ' x',
      'FROM a\nRUN ' + '"'.repeat(60_000),
      'FROM a\nX' + 'Y'.repeat(60_000),
    ];
    for (const text of cases) {
      const r = parse(text);
      expect(r.stages.length, text.slice(0, 30)).toBe(1);
    }
  });
});
