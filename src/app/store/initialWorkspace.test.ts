import { describe, expect, it } from 'vitest';
import { chooseInitialWorkspace } from './initialWorkspace.ts';
import { AUTOSAVE_KEY, LEGACY_AUTOSAVE_KEY, migrateLegacyAutosave, readAutosave } from './autosave.ts';
import { defaultExample } from '../defaultExample.ts';
import { encodeReadableLink, encodeShareLink } from '../share/link.ts';
import { examples } from '../examples/index.ts';
import { MemoryStorage } from '../autosave/memoryStorage.ts';
import type { Workspace } from '../workspace.ts';

function memoryStorage(entries: Record<string, string> = {}): MemoryStorage {
  const s = new MemoryStorage();
  for (const [k, v] of Object.entries(entries)) s.setItem(k, v);
  return s;
}

const saved: Workspace = { dockerfile: 'FROM saved', files: [], dockerignore: '', target: null, buildArgs: {}, example: null };
const record = (workspace: Workspace) => JSON.stringify({ workspace, savedAt: 1, tabId: 'other', seq: 1 });

describe('chooseInitialWorkspace', () => {
  it('opens a readable link', () => {
    const r = chooseInitialWorkspace('http://localhost/?dockerfile=FROM%20a&files=x,y&target=a', memoryStorage());
    expect(r.source).toBe('readable-link');
    expect(r.workspace).toMatchObject({ dockerfile: 'FROM a', files: ['x', 'y'], target: 'a' });
    expect(r.pendingLink).toBeNull();
  });

  it('opens a share link', () => {
    const link = encodeShareLink({ ...saved, dockerfile: 'FROM shared' }, 'http://localhost/');
    const r = chooseInitialWorkspace(link, memoryStorage());
    expect(r.source).toBe('share-link');
    expect(r.workspace.dockerfile).toBe('FROM shared');
  });

  it('falls back to the autosave, then the default example', () => {
    expect(chooseInitialWorkspace('http://localhost/', memoryStorage({ [AUTOSAVE_KEY]: record(saved) })).workspace).toEqual(saved);
    expect(chooseInitialWorkspace('http://localhost/', memoryStorage()).workspace).toEqual(defaultExample);
    expect(chooseInitialWorkspace('http://localhost/', memoryStorage({ [AUTOSAVE_KEY]: '{broken' })).workspace).toEqual(defaultExample);
    // a bare workspace is not a record of the versioned key
    expect(chooseInitialWorkspace('http://localhost/', memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify(saved) })).workspace).toEqual(defaultExample);
  });

  it('reports a bad link and keeps the autosave', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: record(saved) });
    const r = chooseInitialWorkspace('http://localhost/?dockerfile=%E0%A4%A', storage);
    expect(r.notice?.kind).toBe('error');
    expect(r.workspace).toEqual(saved);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(record(saved));
  });

  it('holds a link back when it would replace different unsaved work', () => {
    const incoming = { ...saved, dockerfile: 'FROM linked' };
    const storage = memoryStorage({ [AUTOSAVE_KEY]: record(saved) });
    const r = chooseInitialWorkspace(encodeShareLink(incoming, 'http://localhost/'), storage);
    expect(r.source).toBe('autosave');
    expect(r.workspace).toEqual(saved);
    expect(r.pendingLink).toEqual({ workspace: incoming, form: 'share-link' });
  });

  it('opens a link at once over the same work, an untouched example or the default example', () => {
    const ex = examples[0].workspace;
    for (const current of [saved, ex, defaultExample]) {
      const incoming = current === saved ? saved : { ...saved, dockerfile: 'FROM other' };
      const r = chooseInitialWorkspace(encodeReadableLink(incoming, 'http://localhost/'), memoryStorage({ [AUTOSAVE_KEY]: record(current) }));
      expect(r.pendingLink).toBeNull();
      expect(r.workspace).toEqual(incoming);
    }
  });
});

describe('the autosave of earlier builds', () => {
  it('is migrated to the versioned key, once, and the old key removed', () => {
    const storage = memoryStorage({ [LEGACY_AUTOSAVE_KEY]: JSON.stringify(saved) });
    expect(readAutosave(storage)).toEqual(saved);
    expect(storage.getItem(LEGACY_AUTOSAVE_KEY)).toBeNull();
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).workspace).toEqual(saved);
    expect(chooseInitialWorkspace('http://localhost/', storage).workspace).toEqual(saved);
  });

  it('never overwrites a record of the new key, and leaves unreadable old data alone', () => {
    const newer = { ...saved, dockerfile: 'FROM newer' };
    const both = memoryStorage({ [LEGACY_AUTOSAVE_KEY]: JSON.stringify(saved), [AUTOSAVE_KEY]: record(newer) });
    expect(readAutosave(both)).toEqual(newer);
    const broken = memoryStorage({ [LEGACY_AUTOSAVE_KEY]: '{"dockerfile": 1}' });
    migrateLegacyAutosave(broken);
    expect(broken.getItem(LEGACY_AUTOSAVE_KEY)).toBe('{"dockerfile": 1}');
    expect(broken.getItem(AUTOSAVE_KEY)).toBeNull();
  });

  it('is kept, and still opened, when the new key cannot be written (storage full)', () => {
    const full = new MemoryStorage(JSON.stringify(saved).length + LEGACY_AUTOSAVE_KEY.length + 10);
    full.setItem(LEGACY_AUTOSAVE_KEY, JSON.stringify(saved));
    expect(readAutosave(full)).toEqual(saved);
    expect(full.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(full.getItem(LEGACY_AUTOSAVE_KEY)).toBe(JSON.stringify(saved));
  });
});
