/**
 * Autosave: the workspace in localStorage under a versioned key, restored on reload, with a
 * guard so two tabs never overwrite each other's work silently. Framework-free: storage, timers
 * and the event target are passed in, so everything here runs in tests without a browser.
 *
 * Stored value (JSON) under `stagecraft:workspace:v1`:
 *   { "workspace": <Workspace, full keys>, "savedAt": <ms since epoch>, "tabId": "<id>", "seq": <n> }
 * A change of this shape gets a new key (`...:v2`) and a migration from v1 in `loadAutosave`.
 */
import { emptyWorkspace, type Workspace } from '../workspace.ts';
import { checkWorkspace, isPlainObject } from '../share/validate.ts';

export const AUTOSAVE_KEY = 'stagecraft:workspace:v1';

/** The part of `Storage` autosave uses (window.localStorage, or a `MemoryStorage`). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface AutosaveRecord {
  workspace: Workspace;
  /** Date.now() of the save */
  savedAt: number;
  /** the tab that wrote it (see newTabId) */
  tabId: string;
  /** that tab's save counter: (tabId, seq) identifies a save */
  seq: number;
}

/** localStorage, or null when the browser refuses access (reading it can throw). */
export function getLocalStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    const probe = `${AUTOSAVE_KEY}:probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

/** A random id for this tab (one per page load). */
export function newTabId(): string {
  try {
    return globalThis.crypto.randomUUID();
  } catch {
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  }
}

/** Parses a stored value; anything corrupted, foreign or of the wrong shape is null. Never throws. */
export function parseAutosaveRecord(text: string | null | undefined): AutosaveRecord | null {
  if (typeof text !== 'string' || text === '') return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isPlainObject(v)) return null;
  const ws = checkWorkspace(v.workspace);
  if (!ws.ok) return null;
  const { savedAt, tabId, seq } = v;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return null;
  if (typeof tabId !== 'string') return null;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq)) return null;
  return { workspace: ws.value, savedAt, tabId, seq };
}

export function loadAutosaveRecord(storage: StorageLike | null): AutosaveRecord | null {
  if (!storage) return null;
  try {
    return parseAutosaveRecord(storage.getItem(AUTOSAVE_KEY));
  } catch {
    return null;
  }
}

/** The autosaved workspace, or null when there is none or it is unreadable. Never throws. */
export function loadAutosave(storage: StorageLike | null): Workspace | null {
  return loadAutosaveRecord(storage)?.workspace ?? null;
}

export type SaveResult = { ok: true; record: AutosaveRecord } | { ok: false; error: string };

/** Writes the workspace now. Never throws: a full or blocked storage is `{ ok: false }`. */
export function saveAutosave(
  storage: StorageLike | null,
  ws: Workspace,
  opts: { tabId?: string; seq?: number; now?: number } = {},
): SaveResult {
  if (!storage) return { ok: false, error: 'Autosave is off: this browser does not allow local storage for this page.' };
  const record: AutosaveRecord = {
    workspace: {
      dockerfile: ws.dockerfile,
      files: [...ws.files],
      dockerignore: ws.dockerignore,
      target: ws.target,
      buildArgs: { ...ws.buildArgs },
      example: ws.example,
    },
    savedAt: opts.now ?? Date.now(),
    tabId: opts.tabId ?? '',
    seq: opts.seq ?? 0,
  };
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(record));
    return { ok: true, record };
  } catch (e) {
    const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
    return {
      ok: false,
      error: quota
        ? 'Autosave failed: the browser’s storage for this page is full. Download your Dockerfile to keep it.'
        : 'Autosave failed: the browser refused to store the workspace.',
    };
  }
}

export function clearAutosave(storage: StorageLike | null): void {
  try {
    storage?.removeItem(AUTOSAVE_KEY);
  } catch {
    // nothing to do
  }
}

/**
 * Two workspaces hold the same work. Files are compared in order (a reordering counts as a
 * change: when in doubt, the app asks rather than loses work); build args as a set of pairs.
 */
export function workspacesEqual(a: Workspace, b: Workspace): boolean {
  if (a === b) return true;
  if (a.dockerfile !== b.dockerfile || a.dockerignore !== b.dockerignore) return false;
  if (a.target !== b.target || a.example !== b.example) return false;
  if (a.files.length !== b.files.length) return false;
  for (let i = 0; i < a.files.length; i++) if (a.files[i] !== b.files[i]) return false;
  const ak = Object.keys(a.buildArgs);
  const bk = Object.keys(b.buildArgs);
  if (ak.length !== bk.length) return false;
  for (const k of ak) {
    if (!Object.hasOwn(b.buildArgs, k) || a.buildArgs[k] !== b.buildArgs[k]) return false;
  }
  return true;
}

/**
 * Whether opening `incoming` (a link, an example, "new") must ask first because it would replace
 * work that exists nowhere else. Not when there is no current work, when it is the same, when it
 * is the empty workspace, or when it is one of the `pristine` workspaces (the gallery examples
 * as shipped), which can be reopened at any time.
 */
export function shouldConfirmReplace(current: Workspace | null, incoming: Workspace, pristine: readonly Workspace[] = []): boolean {
  if (!current) return false;
  if (workspacesEqual(current, incoming)) return false;
  if (workspacesEqual(current, { ...emptyWorkspace, example: current.example })) return false;
  return !pristine.some((p) => workspacesEqual(current, p));
}

/** The parts of `window` watchOtherTabs uses. */
export interface EventTargetLike {
  addEventListener(type: 'storage', listener: (e: Event) => void): void;
  removeEventListener(type: 'storage', listener: (e: Event) => void): void;
}

export interface OtherTabChange {
  /** what the other tab stored now; null when it cleared it or stored something unreadable */
  record: AutosaveRecord | null;
}

/**
 * Calls `onChange` when ANOTHER tab of this origin changes the autosave (the browser fires the
 * `storage` event only in the other tabs, never in the writer). Returns the unsubscribe function.
 * Pass `storageArea` (localStorage) to ignore sessionStorage events.
 */
export function watchOtherTabs(
  onChange: (change: OtherTabChange) => void,
  opts: { target?: EventTargetLike | null; storageArea?: unknown } = {},
): () => void {
  const target = opts.target === undefined ? (globalThis as unknown as { window?: EventTargetLike }).window ?? null : opts.target;
  if (!target) return () => {};
  const listener = (e: Event): void => {
    const se = e as Partial<StorageEvent>;
    if (opts.storageArea !== undefined && se.storageArea !== opts.storageArea) return;
    // key null: the other tab called storage.clear()
    if (se.key !== AUTOSAVE_KEY && se.key !== null) return;
    onChange({ record: se.key === null ? null : parseAutosaveRecord(se.newValue) });
  };
  target.addEventListener('storage', listener);
  return () => target.removeEventListener('storage', listener);
}

// ---------------------------------------------------------------------------------------------
// the debounced saver with the tab-conflict guard

export type SaveOutcome =
  | { status: 'saved'; record: AutosaveRecord }
  /** storage already holds this work; nothing written */
  | { status: 'unchanged' }
  /** another tab saved different work since this tab last loaded, saved or adopted: nothing written */
  | { status: 'conflict'; theirs: AutosaveRecord }
  | { status: 'error'; error: string };

export interface AutosaverOptions {
  storage: StorageLike | null;
  tabId?: string;
  /** debounce delay for schedule(); default 400 ms */
  delayMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** called once per other-tab save that blocks ours (not on every keystroke) */
  onConflict?: (theirs: AutosaveRecord, mine: Workspace) => void;
  onError?: (message: string) => void;
}

export interface Autosaver {
  readonly tabId: string;
  /** the stored save this tab is in step with */
  readonly baseline: AutosaveRecord | null;
  /** a save is waiting for its debounce delay */
  readonly pending: boolean;
  /** saves `ws` after the delay; a later call replaces it */
  schedule(ws: Workspace): void;
  /** runs the pending save now (call on `pagehide` / `visibilitychange` to hidden) */
  flush(): SaveOutcome | null;
  /** saves now; `force` overwrites another tab's work (the user chose "keep mine") */
  saveNow(ws: Workspace, opts?: { force?: boolean }): SaveOutcome;
  /** marks a stored save as the one this tab is in step with (after the user chose "load theirs") */
  adopt(record: AutosaveRecord | null): void;
  /** cancels the pending save without writing it */
  dispose(): void;
}

function sameSave(a: AutosaveRecord | null, b: AutosaveRecord | null): boolean {
  if (!a || !b) return a === b;
  return a.tabId === b.tabId && a.seq === b.seq && a.savedAt === b.savedAt;
}

/**
 * A debounced autosaver. Before each write it re-reads the stored save: if another tab has
 * stored different work since this tab's baseline, it writes nothing and reports a conflict,
 * so the UI can ask ("load the other tab's work" -> adopt(theirs); "keep mine" -> saveNow(ws,
 * { force: true })). The baseline starts as the save present when it is created (the one the
 * page restored, or none).
 */
export function createAutosaver(opts: AutosaverOptions): Autosaver {
  const tabId = opts.tabId ?? newTabId();
  const delay = opts.delayMs ?? 400;
  const now = opts.now ?? (() => Date.now());
  const setTimer = opts.setTimer ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  let baseline = loadAutosaveRecord(opts.storage);
  let seq = 0;
  let timer: unknown = null;
  let pendingWs: Workspace | null = null;
  let reportedConflict: AutosaveRecord | null = null;

  const saveNow = (ws: Workspace, o: { force?: boolean } = {}): SaveOutcome => {
    const current = loadAutosaveRecord(opts.storage);
    if (current && workspacesEqual(current.workspace, ws)) {
      baseline = current;
      reportedConflict = null;
      return { status: 'unchanged' };
    }
    if (!o.force && current && current.tabId !== tabId && !sameSave(current, baseline)) {
      if (!sameSave(current, reportedConflict)) {
        reportedConflict = current;
        opts.onConflict?.(current, ws);
      }
      return { status: 'conflict', theirs: current };
    }
    const r = saveAutosave(opts.storage, ws, { tabId, seq: ++seq, now: now() });
    if (!r.ok) {
      opts.onError?.(r.error);
      return { status: 'error', error: r.error };
    }
    baseline = r.record;
    reportedConflict = null;
    return { status: 'saved', record: r.record };
  };

  const cancel = (): void => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };

  const flush = (): SaveOutcome | null => {
    cancel();
    if (!pendingWs) return null;
    const ws = pendingWs;
    pendingWs = null;
    return saveNow(ws);
  };

  return {
    tabId,
    get baseline() {
      return baseline;
    },
    get pending() {
      return pendingWs !== null;
    },
    schedule(ws) {
      pendingWs = ws;
      cancel();
      timer = setTimer(() => {
        timer = null;
        flush();
      }, delay);
    },
    flush,
    saveNow(ws, o) {
      cancel();
      pendingWs = null;
      return saveNow(ws, o);
    },
    adopt(record) {
      baseline = record;
      reportedConflict = null;
    },
    dispose() {
      cancel();
      pendingWs = null;
    },
  };
}
