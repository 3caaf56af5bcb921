/**
 * The workspace survives a reload: it is saved to localStorage (debounced) under a versioned
 * key, and read back only when it still has the shape this version writes.
 */
import type { Workspace } from '../workspace.ts';
import { checkWorkspace } from '../share/validate.ts';
import { useWorkspaceStore } from './workspaceStore.ts';

export const AUTOSAVE_KEY = 'stagecraft.workspace.v1';
const DELAY_MS = 400;

export function readAutosave(storage: Storage | null = safeStorage()): Workspace | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(AUTOSAVE_KEY);
    if (raw === null) return null;
    return asWorkspace(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** Save a workspace at once (a link that was just opened). */
export function saveWorkspaceNow(workspace: Workspace, storage: Storage | null = safeStorage()): void {
  try {
    storage?.setItem(AUTOSAVE_KEY, JSON.stringify(workspace));
  } catch {
    // storage full or disabled
  }
}

/** Save after every change, at most once per DELAY_MS, and once more when the page is hidden. */
export function startAutosave(storage: Storage | null = safeStorage()): () => void {
  if (!storage) return () => {};
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    try {
      storage.setItem(AUTOSAVE_KEY, JSON.stringify(useWorkspaceStore.getState().workspace));
    } catch {
      // storage full or disabled: the page still works, it just forgets on reload
    }
  };
  const unsubscribe = useWorkspaceStore.subscribe((state, previous) => {
    if (state.workspace === previous.workspace) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      save();
    }
  };
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Accept only a well-formed workspace; anything else is treated as no autosave. */
export function asWorkspace(value: unknown): Workspace | null {
  const checked = checkWorkspace(value);
  return checked.ok ? checked.value : null;
}
