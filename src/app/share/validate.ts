/**
 * Validation of untrusted data that claims to be a Workspace (share links, localStorage).
 * Nothing here throws; every check returns a result with a human-readable reason.
 */
import type { Workspace } from '../workspace.ts';
import { canonicalContextPaths } from '../../core/paths.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export function checkString(v: unknown, what: string): Checked<string> {
  return typeof v === 'string' ? { ok: true, value: v } : { ok: false, error: `${what} must be text` };
}

export function checkStringList(v: unknown, what: string): Checked<string[]> {
  if (!Array.isArray(v)) return { ok: false, error: `${what} must be a list of paths` };
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (typeof item !== 'string') return { ok: false, error: `${what} must contain only text (item ${i + 1} is not)` };
    out.push(item);
  }
  return { ok: true, value: out };
}

/**
 * Builds a build-args record from [key, value] pairs. Uses Object.fromEntries so that a key such
 * as "__proto__" becomes an ordinary own property and never touches a prototype.
 */
export function buildArgsFromPairs(pairs: ReadonlyArray<readonly [string, string]>, what: string): Checked<Record<string, string>> {
  const seen = new Set<string>();
  for (const [k] of pairs) {
    if (seen.has(k)) return { ok: false, error: `${what}: the build argument "${truncate(k)}" appears twice` };
    seen.add(k);
  }
  return { ok: true, value: Object.fromEntries(pairs) as Record<string, string> };
}

export function checkBuildArgsObject(v: unknown, what: string): Checked<Record<string, string>> {
  if (!isPlainObject(v)) return { ok: false, error: `${what} must be an object of KEY: VALUE` };
  const pairs: [string, string][] = [];
  for (const k of Object.keys(v)) {
    const val = v[k];
    if (typeof val !== 'string') return { ok: false, error: `${what}: the value of "${truncate(k)}" must be text` };
    pairs.push([k, val]);
  }
  return buildArgsFromPairs(pairs, what);
}

/** A full-key workspace object (the shape of `Workspace`), as stored by autosave. */
export function checkWorkspace(v: unknown): Checked<Workspace> {
  if (!isPlainObject(v)) return { ok: false, error: 'the workspace is not an object' };
  const known = new Set(['dockerfile', 'files', 'dockerignore', 'target', 'buildArgs', 'example']);
  for (const k of Object.keys(v)) {
    if (!known.has(k)) return { ok: false, error: `unknown field "${truncate(k)}"` };
  }
  const dockerfile = checkString(v.dockerfile, 'dockerfile');
  if (!dockerfile.ok) return dockerfile;
  const files = checkStringList(v.files, 'files');
  if (!files.ok) return files;
  const dockerignore = checkString(v.dockerignore, 'dockerignore');
  if (!dockerignore.ok) return dockerignore;
  if (v.target !== null && typeof v.target !== 'string') return { ok: false, error: 'target must be text or null' };
  const buildArgs = checkBuildArgsObject(v.buildArgs, 'buildArgs');
  if (!buildArgs.ok) return buildArgs;
  if (v.example !== null && typeof v.example !== 'string') return { ok: false, error: 'example must be text or null' };
  return {
    ok: true,
    value: {
      dockerfile: dockerfile.value,
      files: canonicalContextPaths(files.value),
      dockerignore: dockerignore.value,
      target: v.target,
      buildArgs: buildArgs.value,
      example: v.example,
    },
  };
}

export function truncate(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
