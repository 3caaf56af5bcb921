/**
 * POSIX path helpers with Go's exact semantics (`path.Clean`, `path.Join`), which BuildKit
 * uses for every context and image path. Linux paths only: Stagecraft models Linux builds.
 */

/**
 * Go `path.Clean` (identical to `filepath.Clean` on Linux): the lazybuf algorithm ported
 * as is. Removes `.` elements, duplicate and trailing slashes, and `..` elements together
 * with the element before them; a rooted `/..` stays `/`; the empty path becomes `.`.
 */
export function clean(path: string): string {
  // Go's lazybuf never copies a path it does not change; here the same shortcut is one scan
  if (isPlainClean(path)) return path;
  const n = path.length;
  if (n === 0) return '.';
  const rooted = path.charCodeAt(0) === 47;
  // out is a growable copy of the cleaned prefix; w is the write index (lazybuf.w).
  const out: string[] = [];
  let w = 0;
  const append = (ch: string): void => {
    out[w++] = ch;
  };
  let r = 0;
  let dotdot = 0;
  if (rooted) {
    append('/');
    r = 1;
    dotdot = 1;
  }
  while (r < n) {
    const c = path.charCodeAt(r);
    if (c === 47) {
      // empty path element
      r++;
    } else if (c === 46 && (r + 1 === n || path.charCodeAt(r + 1) === 47)) {
      // . element
      r++;
    } else if (
      c === 46 &&
      path.charCodeAt(r + 1) === 46 &&
      (r + 2 === n || path.charCodeAt(r + 2) === 47)
    ) {
      // .. element: remove to last /
      r += 2;
      if (w > dotdot) {
        w--;
        while (w > dotdot && out[w] !== '/') w--;
      } else if (!rooted) {
        // cannot backtrack, but not rooted, so append .. element.
        if (w > 0) append('/');
        append('.');
        append('.');
        dotdot = w;
      }
    } else {
      // real path element; add slash if needed
      if ((rooted && w !== 1) || (!rooted && w !== 0)) append('/');
      while (r < n && path.charCodeAt(r) !== 47) {
        append(path[r]);
        r++;
      }
    }
  }
  if (w === 0) return '.';
  out.length = w;
  return out.join('');
}

/**
 * A sufficient condition for `clean(p) === p`, checked in one scan: not empty, no empty, `.`
 * or `..` element (a leading `/` aside) and no trailing slash. Context and image paths are
 * nearly always so.
 */
function isPlainClean(p: string): boolean {
  const n = p.length;
  let start = n > 0 && p.charCodeAt(0) === 47 ? 1 : 0;
  if (start === n) return n === 1; // '/' is clean; '' becomes '.'
  for (let i = start; i <= n; i++) {
    if (i < n && p.charCodeAt(i) !== 47) continue;
    const len = i - start;
    if (len === 0) return false;
    if (p.charCodeAt(start) === 46 && (len === 1 || (len === 2 && p.charCodeAt(start + 1) === 46))) return false;
    start = i + 1;
  }
  return true;
}

/**
 * A context path as fsutil's walk of a real folder gives it: relative, '/'-separated, Go
 * `path.Clean`ed (`./a`, `a//b`, `a/../b`, `dir/` become `a`, `a/b`, `b`, `dir`; leading '/'
 * are dropped). Null when the string names no file inside the context: '', '.', '/', or a path
 * that climbs out of it with `..`. The library and the page take context lists from strangers;
 * the CLI's lists are canonical already.
 */
export function canonicalContextPath(p: string): string | null {
  let i = 0;
  while (i < p.length && p.charCodeAt(i) === 47) i++;
  const c = clean(i === 0 ? p : p.slice(i));
  if (c === '.' || c === '..' || c.startsWith('../')) return null;
  return c;
}

/** canonicalContextPath over a list, in order, without repeats or non-strings. */
export function canonicalContextPaths(list: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const f of list) {
    if (typeof f !== 'string') continue;
    const c = canonicalContextPath(f);
    if (c !== null) seen.add(c);
  }
  return [...seen];
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
