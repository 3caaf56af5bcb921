/** Property: on any Dockerfile-like text the linter answers, and its diagnostics are well-formed. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeDetailed } from '../../analyze.ts';
import { lint } from '../index.ts';
import { ruleMeta } from '../registry.ts';

const keyword = fc.constantFrom('FROM', 'from', 'From', 'RUN', 'COPY', 'copy', 'ADD', 'ENV', 'ARG', 'LABEL', 'WORKDIR', 'USER', 'CMD', 'ENTRYPOINT', 'EXPOSE', 'SHELL', 'HEALTHCHECK', 'MAINTAINER', 'ONBUILD', 'VOLUME', '#', '# check=', '# stagecraft:');
const word = fc.constantFrom('alpine', 'golang:1.22', 'AS', 'as', 'Build', 'build', '.', './', '$X', '${Y:-z}', 'a=b', 'k', 'v', '80/TCP', '1.2.3.4:80:80', '--from=build', '--platform=$TARGETPLATFORM', '--platform=linux/amd64', '["a"]', 'npm ci', 'apt-get install -y x', '&&', '\\', 'skip=all', 'error=true', 'rel', '/abs', 'root', '<<EOF', 'EOF', '"q"', "'s'", '');
const line = fc.tuple(fc.constantFrom('', ' ', '\t'), keyword, fc.array(word, { maxLength: 5 })).map(([i, k, ws]) => `${i}${k} ${ws.join(' ')}`.trimEnd());

describe('lint on arbitrary input', () => {
  it('never throws; lines, severities, URLs and fixes are well-formed', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.option(fc.constantFrom('', '*', '.env\n!keep', 'node_modules')), (ls, ignore) => {
        const text = ls.join('\n') + '\n';
        const files = ['a', '.env', 'node_modules/x', '.git/HEAD'];
        const { analysis: a, dispatch } = analyzeDetailed({ dockerfile: text, files, dockerignore: ignore ?? null });
        // the rules themselves must not throw (lint() would otherwise drop a crashing rule)
        if (dispatch) lint({ dispatch, analysis: a, files, dockerignore: ignore ?? null }, { strict: true });
        const n = Math.max(1, text.split('\n').length);
        for (const d of a.diagnostics) {
          if (!ruleMeta(d.rule)) continue;
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(n);
          expect(d.endLine).toBeGreaterThanOrEqual(d.line);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(['error', 'warning', 'info']).toContain(d.severity);
          expect(d.url).toMatch(/^https:\/\//);
          for (const e of d.fix?.edits ?? []) {
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.endLine).toBeGreaterThanOrEqual(e.line);
            expect(e.endLine).toBeLessThanOrEqual(n + 1);
            if (e.endLine === e.line) expect(e.endColumn).toBeGreaterThanOrEqual(e.column);
          }
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
