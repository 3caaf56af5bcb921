/**
 * Name suggestions, a port of BuildKit's `util/suggest` (Levenshtein distance below 3, as HCL
 * does): "did you mean ...?" for unknown targets, flags, mount options and UndefinedVar.
 */

/** levenshtein.Distance with default costs, on code points */
export function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev = new Array<number>(t.length + 1);
  let cur = new Array<number>(t.length + 1);
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[t.length];
}

function matchCase(val: string, orig: string): string {
  if (orig === orig.toLowerCase()) return val.toLowerCase();
  if (orig === orig.toUpperCase()) return val.toUpperCase();
  return val;
}

// suggest.Search (options are tried in the given order; Go iterates a map, so ties differ)
export function search(val: string, options: string[], caseSensitive: boolean): string | null {
  const orig = val;
  if (!caseSensitive) val = val.toLowerCase();
  // long inputs can never be within distance 2 of our short option names
  let match = '';
  let mindist = 3;
  for (let opt of options) {
    if (!caseSensitive) opt = opt.toLowerCase();
    if (val === opt) return null;
    if (Math.abs(Array.from(val).length - Array.from(opt).length) >= mindist) continue;
    const dist = levenshtein(val, opt);
    if (dist < mindist) {
      match = caseSensitive ? opt : matchCase(opt, orig);
      mindist = dist;
    }
  }
  return match === '' ? null : match;
}

/** `suggest.Search` with '' for "no suggestion". */
export function suggest(val: string, options: readonly string[], caseSensitive: boolean): string {
  return search(val, [...options], caseSensitive) ?? '';
}

// suggest.WrapError
export function wrapError(message: string, val: string, options: string[], caseSensitive: boolean): string {
  const m = search(val, options, caseSensitive);
  return m === null ? message : `${message} (did you mean ${m}?)`;
}
