/**
 * The page's autosave wiring: debounced saves of the store, flush when the page is hidden, and
 * two tabs that never overwrite each other silently. Window and document are stand-ins (the
 * unit tests run in Node); the storage is an in-memory Storage shared by the "tabs".
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../autosave/memoryStorage.ts';
import { AUTOSAVE_KEY, parseAutosaveRecord } from '../autosave/autosave.ts';
import type { Workspace } from '../workspace.ts';
import { useWorkspaceStore } from './workspaceStore.ts';
import { keepThisTabWork, loadOtherTabWork, resetAutosaverForTests, saveWorkspaceNow, startAutosave, useAutosaveState } from './autosave.ts';

const ws = (dockerfile: string): Workspace => ({ dockerfile, files: ['a'], dockerignore: '', target: null, buildArgs: {}, example: null });

let storage: MemoryStorage;
let win: EventTarget;
let doc: EventTarget & { visibilityState: string };
let stop: () => void;

/** Another tab writes the autosave; the browser tells this tab with a `storage` event. */
function otherTabSaves(workspace: Workspace, seq = 1) {
  const value = JSON.stringify({ workspace, savedAt: Date.now(), tabId: 'other-tab', seq });
  storage.setItem(AUTOSAVE_KEY, value);
  win.dispatchEvent(Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: value, storageArea: storage }));
}

const stored = () => parseAutosaveRecord(storage.getItem(AUTOSAVE_KEY))?.workspace ?? null;

beforeEach(() => {
  vi.useFakeTimers();
  storage = new MemoryStorage();
  win = new EventTarget();
  doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  vi.stubGlobal('window', win);
  vi.stubGlobal('document', doc);
  resetAutosaverForTests();
  useWorkspaceStore.getState().loadWorkspace(ws('FROM start'));
  saveWorkspaceNow(ws('FROM start'), storage);
  stop = startAutosave(storage);
});

afterEach(() => {
  stop();
  resetAutosaverForTests();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('autosave', () => {
  it('saves after a pause in typing, once', () => {
    const set = vi.spyOn(storage, 'setItem');
    useWorkspaceStore.getState().setDockerfile('FROM a');
    useWorkspaceStore.getState().setDockerfile('FROM ab');
    expect(useAutosaveState.getState().phase).toBe('pending');
    vi.advanceTimersByTime(399);
    expect(set).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(set).toHaveBeenCalledTimes(1);
    expect(stored()?.dockerfile).toBe('FROM ab');
    expect(useAutosaveState.getState().phase).toBe('saved');
  });

  it('saves at once when the page is hidden or left', () => {
    useWorkspaceStore.getState().setDockerfile('FROM hidden');
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(stored()?.dockerfile).toBe('FROM hidden');
    useWorkspaceStore.getState().setDockerfile('FROM left');
    win.dispatchEvent(new Event('pagehide'));
    expect(stored()?.dockerfile).toBe('FROM left');
  });

  it('another tab’s different work stops this tab’s saves until the person chooses: keep mine', () => {
    otherTabSaves(ws('FROM theirs'));
    expect(useAutosaveState.getState().conflict?.workspace.dockerfile).toBe('FROM theirs');
    useWorkspaceStore.getState().setDockerfile('FROM mine');
    vi.advanceTimersByTime(1000);
    win.dispatchEvent(new Event('pagehide'));
    expect(stored()?.dockerfile).toBe('FROM theirs'); // not overwritten
    expect(useAutosaveState.getState().phase).toBe('conflict');

    keepThisTabWork();
    expect(stored()?.dockerfile).toBe('FROM mine');
    expect(useAutosaveState.getState()).toMatchObject({ conflict: null, phase: 'saved' });
    // and saving goes on as usual
    useWorkspaceStore.getState().setDockerfile('FROM mine, later');
    vi.advanceTimersByTime(400);
    expect(stored()?.dockerfile).toBe('FROM mine, later');
  });

  it('load theirs: the other tab’s work replaces this tab’s, and both are in step', () => {
    useWorkspaceStore.getState().setDockerfile('FROM mine');
    otherTabSaves(ws('FROM theirs'));
    loadOtherTabWork();
    expect(useWorkspaceStore.getState().workspace.dockerfile).toBe('FROM theirs');
    expect(useAutosaveState.getState()).toMatchObject({ conflict: null, phase: 'saved' });
    useWorkspaceStore.getState().setDockerfile('FROM theirs, edited here');
    vi.advanceTimersByTime(400);
    expect(stored()?.dockerfile).toBe('FROM theirs, edited here');
  });

  it('the same work saved by another tab is no conflict', () => {
    useWorkspaceStore.getState().setDockerfile('FROM same');
    vi.advanceTimersByTime(400);
    otherTabSaves(ws('FROM same'));
    expect(useAutosaveState.getState().conflict).toBeNull();
    useWorkspaceStore.getState().setDockerfile('FROM same, more');
    vi.advanceTimersByTime(400);
    expect(stored()?.dockerfile).toBe('FROM same, more');
  });

  it('a full storage is reported, not thrown', () => {
    const full = vi.spyOn(storage, 'setItem').mockImplementation(() => {
      throw new DOMException('exceeded the quota', 'QuotaExceededError');
    });
    useWorkspaceStore.getState().setDockerfile('FROM big');
    vi.advanceTimersByTime(400);
    expect(useAutosaveState.getState().phase).toBe('error');
    expect(useAutosaveState.getState().error).toMatch(/full/);
    full.mockRestore();
    useWorkspaceStore.getState().setDockerfile('FROM smaller');
    vi.advanceTimersByTime(400);
    expect(useAutosaveState.getState()).toMatchObject({ phase: 'saved', error: null });
  });
});
