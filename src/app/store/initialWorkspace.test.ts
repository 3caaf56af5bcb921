import { describe, expect, it } from 'vitest';
import { chooseInitialWorkspace } from './initialWorkspace.ts';
import { AUTOSAVE_KEY } from './autosave.ts';
import { defaultExample } from '../defaultExample.ts';
import { encodeShareLink } from '../share/link.ts';

function memoryStorage(entries: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

const saved = { dockerfile: 'FROM saved', files: [], dockerignore: '', target: null, buildArgs: {}, example: null };

describe('chooseInitialWorkspace', () => {
  it('opens a readable link', () => {
    const r = chooseInitialWorkspace('http://localhost/?dockerfile=FROM%20a&files=x,y&target=a', memoryStorage());
    expect(r.source).toBe('readable-link');
    expect(r.workspace).toMatchObject({ dockerfile: 'FROM a', files: ['x', 'y'], target: 'a' });
  });

  it('opens a share link', () => {
    const link = encodeShareLink({ ...saved, dockerfile: 'FROM shared' }, 'http://localhost/');
    const r = chooseInitialWorkspace(link, memoryStorage());
    expect(r.source).toBe('share-link');
    expect(r.workspace.dockerfile).toBe('FROM shared');
  });

  it('falls back to the autosave, then the default example', () => {
    expect(chooseInitialWorkspace('http://localhost/', memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify(saved) })).workspace).toEqual(saved);
    expect(chooseInitialWorkspace('http://localhost/', memoryStorage()).workspace).toEqual(defaultExample);
    expect(chooseInitialWorkspace('http://localhost/', memoryStorage({ [AUTOSAVE_KEY]: '{broken' })).workspace).toEqual(defaultExample);
  });

  it('reports a bad link and keeps the autosave', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify(saved) });
    const r = chooseInitialWorkspace('http://localhost/?dockerfile=%E0%A4%A', storage);
    expect(r.notice?.kind).toBe('error');
    expect(r.workspace).toEqual(saved);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(JSON.stringify(saved));
  });
});
