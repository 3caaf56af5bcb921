/**
 * The readable link a tutorial can write by hand (CONTRACT.md section 4):
 * `/?dockerfile=<percent-encoded>&dockerignore=...&files=a,b&target=...&build-arg=K=V`.
 *
 * Values are percent-decoded with decodeURIComponent, so a `+` stays a `+` (`apk add g++`);
 * spaces are written `%20`, as `encodeURIComponent` and browsers write them.
 */
import type { Workspace } from '../workspace.ts';
import { normalizeContextPath } from '../store/contextPaths.ts';

export type LinkResult = { ok: true; workspace: Workspace } | { ok: false; message: string };

/** null when the query carries no `dockerfile` (not a content link) */
export function parseReadableLink(search: string): LinkResult | null {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return null;
  const params: [string, string][] = [];
  let rawFiles: string | null = null;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    try {
      const key = decodeURIComponent(rawKey);
      params.push([key, decodeURIComponent(rawValue)]);
      // split before decoding, so a name written with %2C keeps its comma
      if (key === 'files') rawFiles = rawValue;
    } catch {
      return { ok: false, message: `This link is damaged: "${truncate(rawKey)}" is not correctly percent-encoded.` };
    }
  }
  const dockerfile = params.find(([k]) => k === 'dockerfile');
  if (!dockerfile) return null;

  const last = (key: string) => {
    const found = params.filter(([k]) => k === key);
    return found.length ? found[found.length - 1][1] : null;
  };
  const files: string[] = [];
  for (const raw of (rawFiles ?? '').split(',')) {
    const name = decodeURIComponent(raw);
    if (name.trim() === '') continue;
    const clean = normalizeContextPath(name);
    if (clean !== null && clean !== 'Dockerfile' && clean !== '.dockerignore' && !files.includes(clean)) files.push(clean);
  }
  const buildArgPairs: [string, string][] = [];
  for (const [k, v] of params) {
    if (k !== 'build-arg') continue;
    const eq = v.indexOf('=');
    if (eq <= 0) return { ok: false, message: `This link has a build-arg without KEY=VALUE: "${truncate(v)}".` };
    buildArgPairs.push([v.slice(0, eq), v.slice(eq + 1)]);
  }
  // fromEntries: a key such as "__proto__" stays an ordinary own property; the last one wins
  const buildArgs: Record<string, string> = Object.fromEntries(buildArgPairs);
  const target = last('target');
  return {
    ok: true,
    workspace: {
      dockerfile: dockerfile[1],
      files,
      dockerignore: last('dockerignore') ?? '',
      target: target === null || target === '' ? null : target,
      buildArgs,
      example: null,
    },
  };
}

/** The readable link for a workspace (the inverse of parseReadableLink). */
export function readableQueryOf(workspace: Workspace): string {
  const parts = [`dockerfile=${encodeURIComponent(workspace.dockerfile)}`];
  if (workspace.dockerignore !== '') parts.push(`dockerignore=${encodeURIComponent(workspace.dockerignore)}`);
  if (workspace.files.length) parts.push(`files=${workspace.files.map(encodeURIComponent).join(',')}`);
  if (workspace.target) parts.push(`target=${encodeURIComponent(workspace.target)}`);
  for (const [k, v] of Object.entries(workspace.buildArgs)) parts.push(`build-arg=${encodeURIComponent(`${k}=${v}`)}`);
  return `?${parts.join('&')}`;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
