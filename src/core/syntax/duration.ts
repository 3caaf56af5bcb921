/** Go's `time.ParseDuration` and `strconv.ParseInt(s, 10, 32)`, for HEALTHCHECK flags. */
import { goQuote } from './text.ts';

const unitMap: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n, // U+00B5
  'μs': 1000n, // U+03BC
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

const MAX = 1n << 63n;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** time.ParseDuration: nanoseconds, or an error message */
export function parseDuration(orig: string): { ns: bigint } | { error: string } {
  const invalid = { error: 'time: invalid duration ' + goQuote(orig) };
  let s = orig;
  let d = 0n;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ns: 0n };
  if (s === '') return invalid;
  while (s !== '') {
    let v = 0n;
    let f = 0n;
    let scale = 1;
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid;
    // leadingInt
    let i = 0;
    while (isDigit(s[i])) {
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > MAX) return invalid;
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      // leadingFraction
      let j = 0;
      let overflow = false;
      while (isDigit(s[j])) {
        if (!overflow) {
          if (f > (MAX - 1n) / 10n) overflow = true;
          else {
            const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
            if (y > MAX) overflow = true;
            else {
              f = y;
              scale *= 10;
            }
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return invalid;
    let k = 0;
    while (k < s.length && !(s[k] === '.' || isDigit(s[k]))) k++;
    if (k === 0) return { error: 'time: missing unit in duration ' + goQuote(orig) };
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = unitMap[u];
    if (unit === undefined) return { error: 'time: unknown unit ' + goQuote(u) + ' in duration ' + goQuote(orig) };
    if (v > MAX / unit) return invalid;
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.floor(Number(f) * (Number(unit) / scale)));
      if (v > MAX) return invalid;
    }
    d += v;
    if (d > MAX) return invalid;
  }
  if (neg) return { ns: -d };
  if (d > MAX - 1n) return invalid;
  return { ns: d };
}

/** strconv.ParseInt(s, 10, 32) */
export function parseInt32(s: string): { value: number } | { error: string } {
  const fn = 'strconv.ParseInt: parsing ' + goQuote(s) + ': ';
  if (!/^[+-]?[0-9]+$/.test(s)) return { error: fn + 'invalid syntax' };
  const n = BigInt(s);
  if (n > 2147483647n || n < -2147483648n) return { error: fn + 'value out of range' };
  return { value: Number(n) };
}
