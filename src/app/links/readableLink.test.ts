import { describe, expect, it } from 'vitest';
import { parseReadableLink, readableQueryOf } from './readableLink.ts';

describe('readable links', () => {
  it('opens every field', () => {
    const r = parseReadableLink('?dockerfile=FROM%20alpine%20AS%20a%0ARUN%20apk%20add%20g%2B%2B&dockerignore=*.log&files=src/a.c,README.md&target=A&build-arg=X=1&build-arg=Y=a%3Db');
    expect(r).toEqual({
      ok: true,
      workspace: {
        dockerfile: 'FROM alpine AS a\nRUN apk add g++',
        dockerignore: '*.log',
        files: ['src/a.c', 'README.md'],
        target: 'A',
        buildArgs: { X: '1', Y: 'a=b' },
        example: null,
      },
    });
  });

  it('keeps a literal + (percent-encoding, not form encoding)', () => {
    const r = parseReadableLink('?dockerfile=RUN+apk+add+g++');
    expect(r?.ok && r.workspace.dockerfile).toBe('RUN+apk+add+g++');
  });

  it('is not a content link without dockerfile', () => {
    expect(parseReadableLink('')).toBeNull();
    expect(parseReadableLink('?target=x')).toBeNull();
  });

  it('reports damaged percent-encoding instead of throwing', () => {
    const r = parseReadableLink('?dockerfile=%E0%A4%A');
    expect(r?.ok).toBe(false);
  });

  it('reports a build-arg without KEY=VALUE', () => {
    expect(parseReadableLink('?dockerfile=FROM%20a&build-arg=NOPE')?.ok).toBe(false);
  });

  it('drops implied and unsafe file paths, keeps commas written as %2C', () => {
    const r = parseReadableLink('?dockerfile=x&files=Dockerfile,.dockerignore,../up,./a//b,c%2Cd,a/b');
    expect(r?.ok && r.workspace.files).toEqual(['a/b', 'c,d']);
  });

  it('round-trips through readableQueryOf', () => {
    const workspace = { dockerfile: 'FROM a\nCOPY "x y" /\n', files: ['x y', 'a,b'], dockerignore: '#c\n*.md', target: 'T', buildArgs: { K: 'v=1&2' }, example: null };
    const r = parseReadableLink(readableQueryOf(workspace));
    expect(r).toEqual({ ok: true, workspace });
  });

  it('keeps __proto__ an ordinary build-arg', () => {
    const r = parseReadableLink('?dockerfile=x&build-arg=__proto__=1');
    expect(r?.ok && Object.getPrototypeOf(r.workspace.buildArgs)).toBe(Object.prototype);
    expect(r?.ok && Object.keys(r.workspace.buildArgs)).toEqual(['__proto__']);
  });
});
