/**
 * Name suggestions, a port of BuildKit's `util/suggest` `Search` (Levenshtein distance below
 * 3, as HCL does). Used for "did you mean ...?" in unknown targets and UndefinedVar.
 */

/** agext/levenshtein `Distance` with default costs (insert, delete, substitute = 1), over runes. */
export function levenshtein(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
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

/** `suggest.Search`: the closest option within distance 2, or '' (also '' on an exact match). */
export function suggest(val: string, options: readonly string[], caseSensitive: boolean): string {
  const orig = val;
  const v = caseSensitive ? val : val.toLowerCase();
  let match = '';
  let minDist = 3;
  for (const o of options) {
    const opt = caseSensitive ? o : o.toLowerCase();
    if (v === opt) return '';
    const dist = levenshtein(v, opt);
    if (dist < minDist) {
      match = caseSensitive ? opt : matchCase(opt, orig);
      minDist = dist;
    }
  }
  return match;
}
