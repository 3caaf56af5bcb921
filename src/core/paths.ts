/**
 * POSIX path helpers with Go's exact semantics (`path.Clean`, `path.Join`), which BuildKit
 * uses for every context and image path. Linux paths only: Stagecraft models Linux builds.
 */

/** Go `path.Clean`: lexical processing, `..` resolved, `.` and duplicate slashes removed. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.charCodeAt(0) === 47; // '/'
  const parts = p.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** Go `path.Join`: joins non-empty elements and cleans; '' when all are empty. */
export function join(...elems: string[]): string {
  const nonEmpty = elems.filter((e) => e !== '');
  if (nonEmpty.length === 0) return '';
  return clean(nonEmpty.join('/'));
}

export function isAbs(p: string): boolean {
  return p.startsWith('/');
}

/** Go `path.Base`. */
export function basename(p: string): string {
  if (p === '') return '.';
  let s = p;
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  if (s === '/') return '/';
  const i = s.lastIndexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}

/** Go `path.Dir`. */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return clean(i >= 0 ? p.slice(0, i + 1) : '.');
}

/**
 * BuildKit `system.NormalizePath(cwd, p, "linux", keepSlash)`: joins a relative path to cwd,
 * cleans it, and keeps a trailing '/' (or '/.') when asked, because a trailing slash makes a
 * COPY destination a directory.
 */
export function normalizePath(cwd: string, p: string, keepSlash: boolean): string {
  let out = isAbs(p) ? clean(p) : clean(join(cwd || '/', p));
  if (!isAbs(out)) out = '/' + out;
  if (keepSlash && (p.endsWith('/') || p.endsWith('/.')) && out !== '/') out += '/';
  return out;
}

/**
 * BuildKit `pathRelativeToWorkingDir` (dockerfile2llb/convert.go): a COPY/ADD destination
 * relative to WORKDIR; '.' and '' become './' so they keep their directory meaning.
 */
export function pathRelativeToWorkingDir(workdir: string, p: string): string {
  if (isAbs(p)) return normalizePath('/', p, true);
  const q = p === '.' || p === '' ? './' : p;
  return normalizePath(workdir, q, true);
}

/** true when `child` is `parent` or lies below it (both cleaned, absolute or relative alike). */
export function isWithin(parent: string, child: string): boolean {
  if (parent === '/' || parent === '.' || parent === '') return true;
  return child === parent || child.startsWith(parent + '/');
}
