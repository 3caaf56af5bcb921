/**
 * The page's autosave: the store's workspace saved to localStorage (debounced, versioned key
 * `stagecraft:workspace:v1`, see ../autosave/autosave.ts), flushed when the page is hidden or
 * left, restored on reload, and guarded against two tabs overwriting each other's work: when
 * another tab saves different work, this tab stops saving and asks ("load theirs" / "keep mine").
 *
 * Earlier builds saved the bare workspace under `stagecraft.workspace.v1`; it is migrated to the
 * new key the first time it is read, so nothing saved before is lost.
 */
import { create } from 'zustand';
import type { Workspace } from '../workspace.ts';
import { checkWorkspace } from '../share/validate.ts';
import {
  AUTOSAVE_KEY,
  createAutosaver,
  getLocalStorage,
  loadAutosave,
  saveAutosave,
  watchOtherTabs,
  workspacesEqual,
  type Autosaver,
  type AutosaveRecord,
  type StorageLike,
} from '../autosave/autosave.ts';
import { useWorkspaceStore } from './workspaceStore.ts';

export { AUTOSAVE_KEY };
/** the key (and bare-workspace format) of the builds before the versioned autosave record */
export const LEGACY_AUTOSAVE_KEY = 'stagecraft.workspace.v1';
const DELAY_MS = 400;

export type AutosavePhase = 'saved' | 'pending' | 'conflict' | 'error';

export interface AutosaveState {
  phase: AutosavePhase;
  /** another tab stored different work since this tab last loaded or saved */
  conflict: AutosaveRecord | null;
  /** why the last save failed (storage full, blocked) */
  error: string | null;
}

export const useAutosaveState = create<AutosaveState>()(() => ({ phase: 'saved', conflict: null, error: null }));

/**
 * Moves a workspace saved by an earlier build to the versioned key. Only when the new key holds
 * nothing (the new record always wins), and the old key is removed only after the copy is stored.
 */
export function migrateLegacyAutosave(storage: StorageLike | null): void {
  if (!storage) return;
  try {
    const legacy = storage.getItem(LEGACY_AUTOSAVE_KEY);
    if (legacy === null) return;
    if (storage.getItem(AUTOSAVE_KEY) !== null) return;
    const ws = asWorkspace(JSON.parse(legacy));
    if (!ws) return;
    if (saveAutosave(storage, ws, { tabId: 'migrated', seq: 0 }).ok) storage.removeItem(LEGACY_AUTOSAVE_KEY);
  } catch {
    // unreadable: leave it where it is
  }
}

/** The autosaved workspace (after migrating an old one), or null. Never throws. */
export function readAutosave(storage: StorageLike | null = getLocalStorage()): Workspace | null {
  migrateLegacyAutosave(storage);
  return loadAutosave(storage) ?? legacyWorkspace(storage);
}

/** The old key's workspace, when it could not be migrated (storage full): still opened, never lost. */
function legacyWorkspace(storage: StorageLike | null): Workspace | null {
  try {
    const legacy = storage?.getItem(LEGACY_AUTOSAVE_KEY) ?? null;
    return legacy === null ? null : asWorkspace(JSON.parse(legacy));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// the page's one autosaver

let saver: Autosaver | null = null;

function saverFor(storage: StorageLike | null): Autosaver {
  if (saver) return saver;
  migrateLegacyAutosave(storage);
  saver = createAutosaver({
    storage,
    delayMs: DELAY_MS,
    // report how the debounced save went once it has run
    setTimer: (fn, ms) =>
      setTimeout(() => {
        fn();
        reportPhase();
      }, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    onConflict: (theirs) => useAutosaveState.setState({ conflict: theirs, phase: 'conflict' }),
    onError: (error) => useAutosaveState.setState({ error, phase: 'error' }),
  });
  return saver;
}

function reportPhase(): void {
  if (!saver) return;
  const { conflict } = useAutosaveState.getState();
  if (conflict) return useAutosaveState.setState({ phase: 'conflict' });
  if (saver.pending) return useAutosaveState.setState({ phase: 'pending' });
  const saved = saver.baseline;
  const current = useWorkspaceStore.getState().workspace;
  if (saved && workspacesEqual(saved.workspace, current)) useAutosaveState.setState({ phase: 'saved', error: null });
  else if (useAutosaveState.getState().error) useAutosaveState.setState({ phase: 'error' });
}

/** Saves a workspace at once (a link or an example that was just opened). */
export function saveWorkspaceNow(workspace: Workspace, storage: StorageLike | null = getLocalStorage()): void {
  saverFor(storage).saveNow(workspace);
  reportPhase();
}

/** Saves whatever is pending now (before the page goes away). */
export function flushAutosave(): void {
  saver?.flush();
  reportPhase();
}

/** "Load theirs": take the other tab's work into this tab. */
export function loadOtherTabWork(): void {
  const { conflict } = useAutosaveState.getState();
  if (!conflict || !saver) return;
  saver.adopt(conflict);
  useAutosaveState.setState({ conflict: null });
  useWorkspaceStore.getState().loadWorkspace(conflict.workspace);
  saver.flush();
  reportPhase();
}

/** "Keep mine": store this tab's work over the other tab's (the other tab is then told). */
export function keepThisTabWork(): void {
  if (!saver) return;
  useAutosaveState.setState({ conflict: null });
  saver.saveNow(useWorkspaceStore.getState().workspace, { force: true });
  reportPhase();
}

/**
 * Saves after every change, at most once per DELAY_MS, and at once when the page is hidden or
 * left; watches the other tabs of this page. Returns a function that stops all of it.
 */
export function startAutosave(storage: StorageLike | null = getLocalStorage()): () => void {
  const s = saverFor(storage);
  const unsubscribe = useWorkspaceStore.subscribe((state, previous) => {
    if (state.workspace === previous.workspace) return;
    s.schedule(state.workspace);
    if (!useAutosaveState.getState().conflict) useAutosaveState.setState({ phase: 'pending' });
  });
  const flush = () => {
    s.flush();
    reportPhase();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  // Work that could not be saved (another tab's save is in the way) would be lost with the tab.
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    flush();
    const { conflict } = useAutosaveState.getState();
    if (conflict && !workspacesEqual(conflict.workspace, useWorkspaceStore.getState().workspace)) e.preventDefault();
  };
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', onBeforeUnload);
  document.addEventListener('visibilitychange', onVisibility);
  const stopWatching = watchOtherTabs(
    ({ record }) => {
      if (!record) return; // cleared: this tab's next save stores its work again
      if (workspacesEqual(record.workspace, useWorkspaceStore.getState().workspace)) {
        // the same work (the other tab loaded ours, or we both opened the same link): in step
        s.adopt(record);
        useAutosaveState.setState({ conflict: null });
        reportPhase();
        return;
      }
      useAutosaveState.setState({ conflict: record, phase: 'conflict' });
    },
    { storageArea: storage ?? undefined },
  );
  return () => {
    flush();
    unsubscribe();
    stopWatching();
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('beforeunload', onBeforeUnload);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** Accept only a well-formed workspace; anything else is treated as no autosave. */
export function asWorkspace(value: unknown): Workspace | null {
  const checked = checkWorkspace(value);
  return checked.ok ? checked.value : null;
}

/** For tests: forget the page's autosaver. */
export function resetAutosaverForTests(): void {
  saver?.dispose();
  saver = null;
  useAutosaveState.setState({ phase: 'saved', conflict: null, error: null }, true);
}
