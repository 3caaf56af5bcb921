/**
 * Quick fixes: applying a diagnostic's edits gives the expected text, and the rule no longer
 * fires on it.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, TextEdit } from '../../types.ts';
import { diagnostics } from './helpers.ts';

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (line: number, col: number) => {
    let o = 0;
    for (let i = 0; i < line - 1; i++) o += lines[i].length + 1;
    return o + col - 1;
  };
  const sorted = [...edits].sort((a, b) => offset(b.line, b.column) - offset(a.line, a.column));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.line, e.column)) + e.text + out.slice(offset(e.endLine, e.endColumn));
  return out;
}

function fixOf(text: string, rule: string): Diagnostic {
  const d = diagnostics(text).find((x) => x.rule === rule);
  if (!d) throw new Error(`no ${rule}`);
  return d;
}

function fixed(text: string, rule: string): string {
  const d = fixOf(text, rule);
  expect(d.fix, `${rule} has a fix`).toBeDefined();
  const out = apply(text, d.fix!.edits);
  expect(diagnostics(out).filter((x) => x.rule === rule && x.line === d.line)).toEqual([]);
  return out;
}

describe('fixes', () => {
  it('ConsistentInstructionCasing rewrites the keyword', () => {
    expect(fixed('FROM scratch\ncopy a /a\nCOPY b /b\n', 'ConsistentInstructionCasing')).toBe('FROM scratch\nCOPY a /a\nCOPY b /b\n');
    expect(fixed('from scratch\n  Copy a /a\ncopy b /b\n', 'ConsistentInstructionCasing')).toBe('from scratch\n  copy a /a\ncopy b /b\n');
  });
  it('FromAsCasing and StageNameCasing', () => {
    expect(fixed('FROM alpine:3 as build\nFROM scratch\n', 'FromAsCasing')).toBe('FROM alpine:3 AS build\nFROM scratch\n');
    expect(fixed('from alpine:3 AS build\nfrom scratch\n', 'FromAsCasing')).toBe('from alpine:3 as build\nfrom scratch\n');
    expect(fixed('FROM --platform=$BUILDPLATFORM alpine:3 AS Build\n', 'StageNameCasing')).toBe('FROM --platform=$BUILDPLATFORM alpine:3 AS build\n');
  });
  it('LegacyKeyValueFormat: ENV k v -> ENV k=v', () => {
    expect(fixed('FROM scratch\nENV testkey value\n', 'LegacyKeyValueFormat')).toBe('FROM scratch\nENV testkey=value\n');
    expect(fixed('FROM scratch\nLABEL maintainer some person\n', 'LegacyKeyValueFormat')).toBe('FROM scratch\nLABEL maintainer="some person"\n');
    expect(fixed('FROM scratch\nENV A "quoted value"\n', 'LegacyKeyValueFormat')).toBe('FROM scratch\nENV A="quoted value"\n');
    expect(fixed('FROM scratch\nenv PATH /opt/bin:$PATH\n', 'LegacyKeyValueFormat')).toBe('FROM scratch\nenv PATH=/opt/bin:$PATH\n');
  });
  it('LegacyKeyValueFormat offers no fix when quoting could change the value', () => {
    expect(fixOf('FROM scratch\nENV A say "hi" now\n', 'LegacyKeyValueFormat').fix).toBeUndefined();
  });
  it('JSONArgsRecommended: plain words become a JSON array', () => {
    expect(fixed('FROM scratch\nCMD /app --port 8080\n', 'JSONArgsRecommended')).toBe('FROM scratch\nCMD ["/app", "--port", "8080"]\n');
    expect(fixed('FROM scratch\nENTRYPOINT   node   server.js\n', 'JSONArgsRecommended')).toBe('FROM scratch\nENTRYPOINT ["node", "server.js"]\n');
    expect(fixed('FROM scratch\nCMD node \\\n  server.js\n', 'JSONArgsRecommended')).toBe('FROM scratch\nCMD ["node", "server.js"]\n');
  });
  it('JSONArgsRecommended offers no fix for shell syntax', () => {
    expect(fixOf('FROM scratch\nCMD echo $HOME && run\n', 'JSONArgsRecommended').fix).toBeUndefined();
    expect(fixOf('FROM scratch\nCMD "quoted"\n', 'JSONArgsRecommended').fix).toBeUndefined();
  });
  it('MaintainerDeprecated, NoEmptyContinuation, ExposeProtoCasing', () => {
    expect(fixed('FROM scratch\nMAINTAINER me@example.org\n', 'MaintainerDeprecated')).toBe('FROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n');
    expect(fixed('FROM scratch\nCOPY a \\\n\n  b\n', 'NoEmptyContinuation')).toBe('FROM scratch\nCOPY a \\\n  b\n');
    expect(fixed('FROM scratch\nEXPOSE 80/TCP 81\n', 'ExposeProtoCasing')).toBe('FROM scratch\nEXPOSE 80/tcp 81\n');
  });
  it('RedundantTargetPlatform drops the flag', () => {
    expect(fixed('FROM --platform=$TARGETPLATFORM alpine:3 AS a\n', 'RedundantTargetPlatform')).toBe('FROM alpine:3 AS a\n');
  });
});
