import { describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { emptyWorkspace, type Workspace } from '../workspace.ts';
import {
  AUTOSAVE_KEY,
  clearAutosave,
  createAutosaver,
  loadAutosave,
  loadAutosaveRecord,
  parseAutosaveRecord,
  saveAutosave,
  shouldConfirmReplace,
  watchOtherTabs,
  workspacesEqual,
  type AutosaveRecord,
} from './autosave.ts';
import { MemoryStorage } from './memoryStorage.ts';
import { canonicalContextPaths } from '../../core/paths.ts';

const ws1: Workspace = {
  dockerfile: 'FROM golang:1.23 AS build\n',
  files: ['go.mod', 'main.go'],
  dockerignore: '.git\n',
  target: 'build',
  buildArgs: { A: '1' },
  example: 'go-distroless',
};
const ws2: Workspace = { ...ws1, dockerfile: 'FROM alpine:3.20\n' };

const anyText = fc.string({ unit: 'binary', maxLength: 100 });
const workspaceArb: fc.Arbitrary<Workspace> = fc.record({
  dockerfile: anyText,
  files: fc.array(anyText, { maxLength: 20 }).map(canonicalContextPaths),
  dockerignore: anyText,
  target: fc.option(anyText, { nil: null }),
  buildArgs: fc.dictionary(anyText, anyText, { maxKeys: 5, noNullPrototype: true }),
  example: fc.option(anyText, { nil: null }),
});

/** Fake timers for the debounce. */
function fakeTimers() {
  let next = 1;
  const timers = new Map<number, () => void>();
  return {
    setTimer: (fn: () => void) => {
      const id = next++;
      timers.set(id, fn);
      return id;
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    fire() {
      const fns = [...timers.values()];
      timers.clear();
      for (const fn of fns) fn();
    },
    get count() {
      return timers.size;
    },
  };
}

describe('load and save', () => {
  test('round trip of any workspace', () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        const s = new MemoryStorage();
        expect(saveAutosave(s, ws, { tabId: 't', seq: 1, now: 5 }).ok).toBe(true);
        expect(loadAutosave(s)).toEqual(ws);
        expect(loadAutosaveRecord(s)).toEqual({ workspace: ws, tabId: 't', seq: 1, savedAt: 5 });
      }),
      { numRuns: 200 },
    );
  });

  test('the key is versioned', () => {
    const s = new MemoryStorage();
    saveAutosave(s, ws1);
    expect(AUTOSAVE_KEY).toBe('stagecraft:workspace:v1');
    expect(JSON.parse(s.getItem(AUTOSAVE_KEY) ?? 'null').workspace).toEqual(ws1);
  });

  test('nothing stored, no storage', () => {
    expect(loadAutosave(new MemoryStorage())).toBeNull();
    expect(loadAutosave(null)).toBeNull();
    expect(saveAutosave(null, ws1)).toMatchObject({ ok: false, error: expect.stringMatching(/does not allow local storage/) });
  });

  test('corrupted or foreign storage is null, never a throw', () => {
    const good = JSON.parse(JSON.stringify({ workspace: ws1, savedAt: 1, tabId: 't', seq: 1 }));
    const bad: unknown[] = [
      '',
      'not json',
      '{"workspace":',
      'null',
      '[]',
      '"text"',
      JSON.stringify({ ...good, workspace: { ...ws1, files: 'a,b' } }),
      JSON.stringify({ ...good, workspace: { ...ws1, files: [1] } }),
      JSON.stringify({ ...good, workspace: { ...ws1, buildArgs: { A: 1 } } }),
      JSON.stringify({ ...good, workspace: { ...ws1, buildArgs: [['A', '1']] } }),
      JSON.stringify({ ...good, workspace: { ...ws1, target: 3 } }),
      JSON.stringify({ ...good, workspace: { ...ws1, extra: 1 } }),
      JSON.stringify({ ...good, workspace: { dockerfile: 'x' } }),
      JSON.stringify({ ...good, savedAt: 'yesterday' }),
      JSON.stringify({ ...good, seq: 1.5 }),
      JSON.stringify({ ...good, tabId: null }),
      JSON.stringify(ws1), // a bare workspace is not a record
    ];
    for (const text of bad) {
      const s = new MemoryStorage();
      s.setItem(AUTOSAVE_KEY, text as string);
      expect(loadAutosave(s), String(text)).toBeNull();
    }
    expect(parseAutosaveRecord(JSON.stringify(good))).toEqual(good);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (t) => void parseAutosaveRecord(t)));
  });

  test('a storage that throws on every access', () => {
    const hostile = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    expect(loadAutosave(hostile)).toBeNull();
    expect(saveAutosave(hostile, ws1)).toMatchObject({ ok: false, error: expect.stringMatching(/refused/) });
    expect(() => clearAutosave(hostile)).not.toThrow();
  });

  test('a full storage reports a clear error', () => {
    const s = new MemoryStorage(100);
    expect(saveAutosave(s, { ...ws1, dockerfile: 'x'.repeat(500) })).toMatchObject({ ok: false, error: expect.stringMatching(/storage for this page is full/) });
  });

  test('the stored workspace is a copy', () => {
    const s = new MemoryStorage();
    const ws = { ...ws1, files: [...ws1.files], buildArgs: { ...ws1.buildArgs } };
    const r = saveAutosave(s, ws);
    ws.files.push('later');
    expect(r.ok && r.record.workspace.files).toEqual(ws1.files);
  });

  test('clear', () => {
    const s = new MemoryStorage();
    saveAutosave(s, ws1);
    clearAutosave(s);
    expect(loadAutosave(s)).toBeNull();
  });
});

describe('workspacesEqual', () => {
  test('reflexive on copies, and any field change is a difference', () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        expect(workspacesEqual(ws, JSON.parse(JSON.stringify(ws)))).toBe(true);
        expect(workspacesEqual(ws, { ...ws, dockerfile: `${ws.dockerfile}x` })).toBe(false);
        expect(workspacesEqual(ws, { ...ws, files: [...ws.files, 'x'] })).toBe(false);
        expect(workspacesEqual(ws, { ...ws, dockerignore: `${ws.dockerignore}x` })).toBe(false);
        expect(workspacesEqual(ws, { ...ws, target: ws.target === null ? '' : null })).toBe(false);
        expect(workspacesEqual(ws, { ...ws, example: ws.example === null ? '' : null })).toBe(false);
        expect(workspacesEqual(ws, { ...ws, buildArgs: { ...ws.buildArgs, [`${Object.keys(ws.buildArgs).join('')}x`]: '' } })).toBe(false);
      }),
    );
  });

  test('build arg order does not matter; file order does', () => {
    expect(workspacesEqual({ ...ws1, buildArgs: { A: '1', B: '2' } }, { ...ws1, buildArgs: { B: '2', A: '1' } })).toBe(true);
    expect(workspacesEqual({ ...ws1, buildArgs: { A: '1' } }, { ...ws1, buildArgs: { A: '2' } })).toBe(false);
    expect(workspacesEqual({ ...ws1, buildArgs: { A: '1' } }, { ...ws1, buildArgs: { B: '1' } })).toBe(false);
    expect(workspacesEqual({ ...ws1, files: ['a', 'b'] }, { ...ws1, files: ['b', 'a'] })).toBe(false);
  });
});

describe('shouldConfirmReplace', () => {
  test('asks only when work would be lost', () => {
    expect(shouldConfirmReplace(null, ws1)).toBe(false);
    expect(shouldConfirmReplace(ws1, { ...ws1 })).toBe(false);
    expect(shouldConfirmReplace(emptyWorkspace, ws1)).toBe(false);
    expect(shouldConfirmReplace({ ...emptyWorkspace, example: 'x' }, ws1)).toBe(false);
    expect(shouldConfirmReplace(ws2, ws1)).toBe(true);
    expect(shouldConfirmReplace(ws2, ws1, [ws1])).toBe(true);
    expect(shouldConfirmReplace(ws2, ws1, [ws1, { ...ws2 }])).toBe(false); // an untouched example
  });
});

class FakeStorageEvent extends Event {
  constructor(
    readonly key: string | null,
    readonly newValue: string | null,
    readonly storageArea: unknown,
  ) {
    super('storage');
  }
}

describe('watchOtherTabs', () => {
  test('reports other tabs’ saves and clears, ignores other keys and areas, unsubscribes', () => {
    const target = new EventTarget();
    const local = new MemoryStorage();
    const seen: (AutosaveRecord | null)[] = [];
    const stop = watchOtherTabs((c) => seen.push(c.record), { target, storageArea: local });
    const rec = { workspace: ws1, savedAt: 1, tabId: 'other', seq: 3 };
    target.dispatchEvent(new FakeStorageEvent(AUTOSAVE_KEY, JSON.stringify(rec), local));
    target.dispatchEvent(new FakeStorageEvent('other-key', '{}', local));
    target.dispatchEvent(new FakeStorageEvent(AUTOSAVE_KEY, JSON.stringify(rec), new MemoryStorage())); // sessionStorage
    target.dispatchEvent(new FakeStorageEvent(AUTOSAVE_KEY, 'garbage', local));
    target.dispatchEvent(new FakeStorageEvent(AUTOSAVE_KEY, null, local)); // removeItem
    target.dispatchEvent(new FakeStorageEvent(null, null, local)); // clear()
    expect(seen).toEqual([rec, null, null, null]);
    stop();
    target.dispatchEvent(new FakeStorageEvent(AUTOSAVE_KEY, JSON.stringify(rec), local));
    expect(seen).toHaveLength(4);
  });

  test('without a window it is a no-op', () => {
    expect(() => watchOtherTabs(() => {}, { target: null })()).not.toThrow();
    expect(() => watchOtherTabs(() => {})()).not.toThrow(); // Node: no window
  });
});

describe('createAutosaver', () => {
  test('debounces: many edits, one write of the last', () => {
    const s = new MemoryStorage();
    const t = fakeTimers();
    const spy = vi.spyOn(s, 'setItem');
    const a = createAutosaver({ storage: s, tabId: 'me', ...t, now: () => 42 });
    a.schedule({ ...ws1, dockerfile: 'a' });
    a.schedule({ ...ws1, dockerfile: 'ab' });
    a.schedule({ ...ws1, dockerfile: 'abc' });
    expect(t.count).toBe(1);
    expect(a.pending).toBe(true);
    expect(spy).not.toHaveBeenCalled();
    t.fire();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(loadAutosaveRecord(s)).toEqual({ workspace: { ...ws1, dockerfile: 'abc' }, savedAt: 42, tabId: 'me', seq: 1 });
    expect(a.pending).toBe(false);
  });

  test('flush writes the pending save now; dispose drops it', () => {
    const s = new MemoryStorage();
    const t = fakeTimers();
    const a = createAutosaver({ storage: s, tabId: 'me', ...t });
    expect(a.flush()).toBeNull();
    a.schedule(ws1);
    expect(a.flush()).toMatchObject({ status: 'saved' });
    expect(t.count).toBe(0);
    expect(loadAutosave(s)).toEqual(ws1);
    a.schedule(ws2);
    a.dispose();
    t.fire();
    expect(loadAutosave(s)).toEqual(ws1);
  });

  test('same work is not rewritten', () => {
    const s = new MemoryStorage();
    const a = createAutosaver({ storage: s, tabId: 'me' });
    expect(a.saveNow(ws1).status).toBe('saved');
    expect(a.saveNow({ ...ws1 }).status).toBe('unchanged');
  });

  test('two tabs never overwrite each other silently', () => {
    const s = new MemoryStorage(); // shared localStorage
    const conflicts: [AutosaveRecord, Workspace][] = [];
    const tabA = createAutosaver({ storage: s, tabId: 'A', onConflict: (theirs, mine) => conflicts.push([theirs, mine]) });
    const tabB = createAutosaver({ storage: s, tabId: 'B' });
    expect(tabA.saveNow(ws1).status).toBe('saved');
    // Tab B was opened before A saved: its baseline is "nothing stored". It must not clobber A.
    const r = tabB.saveNow(ws2);
    expect(r).toMatchObject({ status: 'conflict', theirs: { tabId: 'A', workspace: ws1 } });
    expect(loadAutosave(s)).toEqual(ws1);
    // A keeps saving its own work freely.
    expect(tabA.saveNow({ ...ws1, dockerfile: 'FROM a2' }).status).toBe('saved');
    // B's user chooses "keep mine".
    expect(tabB.saveNow(ws2, { force: true }).status).toBe('saved');
    expect(loadAutosave(s)).toEqual(ws2);
    // Now A's next save conflicts, reported once however often A types.
    expect(tabA.saveNow({ ...ws1, dockerfile: 'FROM a3' }).status).toBe('conflict');
    expect(tabA.saveNow({ ...ws1, dockerfile: 'FROM a4' }).status).toBe('conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0][0].workspace).toEqual(ws2);
    expect(conflicts[0][1].dockerfile).toBe('FROM a3');
    // A's user chooses "load the other tab's work": adopt, then saves go through.
    tabA.adopt(conflicts[0][0]);
    expect(tabA.saveNow({ ...ws2, dockerfile: 'FROM a5' }).status).toBe('saved');
  });

  test('a tab that restored the stored work may save over it', () => {
    const s = new MemoryStorage();
    saveAutosave(s, ws1, { tabId: 'old-tab', seq: 9 });
    const a = createAutosaver({ storage: s, tabId: 'new-tab' });
    expect(a.baseline?.tabId).toBe('old-tab');
    expect(a.saveNow(ws2).status).toBe('saved');
  });

  test('storage errors are reported, not thrown', () => {
    const errors: string[] = [];
    const a = createAutosaver({ storage: new MemoryStorage(10), tabId: 'me', onError: (e) => errors.push(e) });
    expect(a.saveNow(ws1).status).toBe('error');
    expect(errors[0]).toMatch(/full/);
    expect(createAutosaver({ storage: null }).saveNow(ws1).status).toBe('error');
  });
});
