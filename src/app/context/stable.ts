/**
 * A store selector that keeps returning the value it returned last while the new one is equal
 * to it, so that views holding thousands of rows do not re-render for an equal answer (every
 * analysis is a new object, even when typing in a RUN line changed no file's status).
 */
export function stableSelector<S, T>(select: (state: S) => T, equal: (a: T, b: T) => boolean): (state: S) => T {
  let seen: { raw: T; kept: T } | null = null;
  return (state) => {
    const raw = select(state);
    if (seen && raw === seen.raw) return seen.kept;
    const kept = seen && equal(seen.kept, raw) ? seen.kept : raw;
    seen = { raw, kept };
    return kept;
  };
}
