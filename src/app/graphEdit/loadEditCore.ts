/**
 * Loads the core's graph-editing actions (editCore.ts) on demand. The graph preloads them when
 * it first shows, so the first action does not wait for the chunk.
 */
export type EditCore = typeof import('./editCore.ts');

let loading: Promise<EditCore> | null = null;

export function loadEditCore(): Promise<EditCore> {
  loading ??= import('./editCore.ts');
  return loading;
}

/** Start loading when the browser is idle. */
export function preloadEditCore(): void {
  const start = () => void loadEditCore();
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
