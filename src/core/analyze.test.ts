/**
 * analyze() on inputs a stranger can give the library or the page: names that are special to
 * JavaScript objects, and context paths that a real folder walk would never produce.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { canonicalContextPath } from './paths.ts';

describe('context paths as a folder walk gives them', () => {
  it('cleans what a real walk would never produce', () => {
    expect(canonicalContextPath('./src/main.go')).toBe('src/main.go');
    expect(canonicalContextPath('src//main.go')).toBe('src/main.go');
    expect(canonicalContextPath('a/../b')).toBe('b');
    expect(canonicalContextPath('/abs/x')).toBe('abs/x');
    expect(canonicalContextPath('dir/')).toBe('dir');
    expect(canonicalContextPath(' spaced name ')).toBe(' spaced name '); // spaces are part of a name
    expect(canonicalContextPath('back\\slash')).toBe('back\\slash'); // so is a backslash, on Linux
  });

  it('refuses what names no file inside the context', () => {
    for (const p of ['', '.', './', '/', '//', '..', '../x', 'a/../../x']) expect(canonicalContextPath(p), p).toBeNull();
  });

  it('analyze keys statuses by the clean path, once, and leaves out paths outside the context', () => {
    const a = analyze({
      dockerfile: 'FROM alpine:3.20\nCOPY src/ /app/\n',
      files: ['./src/a.go', 'src//a.go', '/src/b.go', 'x/../src/c.go', '../outside.go', '.', 'README.md'],
    });
    expect(Object.keys(a.context).sort()).toEqual(['README.md', 'src/a.go', 'src/b.go', 'src/c.go']);
    expect(a.context['src/a.go']).toBe('final');
    expect(a.final.map((f) => f.path).sort()).toEqual(['/app/a.go', '/app/b.go', '/app/c.go']);
  });
});

describe('names that are special to JavaScript objects', () => {
  it('a build arg named __proto__ is a build arg like any other', () => {
    const buildArgs = JSON.parse('{"__proto__": "debian:12"}') as Record<string, string>;
    const a = analyze({ dockerfile: 'ARG __proto__=alpine:3.20\nFROM ${__proto__}\n', buildArgs });
    expect(a.stages[0].base).toBe('debian:12');
  });

  it('context files named __proto__, constructor and toString get their status', () => {
    const a = analyze({ dockerfile: 'FROM scratch\nCOPY . /\n', files: ['__proto__', 'constructor', 'toString'] });
    expect(Object.entries(a.context).sort()).toEqual([['__proto__', 'final'], ['constructor', 'final'], ['toString', 'final']]);
  });
});
