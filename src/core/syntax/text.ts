/**
 * Small text helpers shared by the parser modules: Go's `unicode.IsSpace`, `strings.TrimSpace`,
 * `strconv.Quote` and UTF-8 byte handling, so the port can follow the Go code literally.
 */

/**
 * A parse problem carrying BuildKit's message. Deliberately not an `Error`: no stack trace is
 * captured, so throwing one per bad instruction stays cheap on large inputs.
 */
export class ParseProblem {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
  toString(): string {
    return this.message;
  }
}

/** unicode.IsSpace */
export function isSpace(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c <= 0xff) {
    return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  }
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** bytes.TrimLeftFunc(s, unicode.IsSpace) */
export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpace(s[i])) i++;
  return i === 0 ? s : s.slice(i);
}

/** bytes.TrimRightFunc(s, unicode.IsSpace) */
export function trimRightSpace(s: string): string {
  let j = s.length;
  while (j > 0 && isSpace(s[j - 1])) j--;
  return j === s.length ? s : s.slice(0, j);
}

/** strings.TrimSpace */
export function trimSpace(s: string): string {
  return trimRightSpace(trimLeftSpace(s));
}

/** regexp `[\t\v\f\r ]` (BuildKit's reWhitespace character class) */
export function isReWhitespace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\v' || ch === '\f' || ch === '\r';
}

/** reWhitespace.Split(s, n) with n = -1 (all) or 2 */
export function splitReWhitespace(s: string, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < s.length) {
    if (n > 0 && out.length === n - 1) break;
    if (isReWhitespace(s[i])) {
      let j = i;
      while (j < s.length && isReWhitespace(s[j])) j++;
      out.push(s.slice(start, i));
      start = j;
      i = j;
    } else {
      i++;
    }
  }
  out.push(s.slice(start));
  return out;
}

export { utf8Length } from '../util/utf8.ts';

/** Encodes a string to UTF-8 bytes. */
export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** Decodes UTF-8 bytes; invalid sequences become U+FFFD (as Go does when ranging a string). */
export function utf8Decode(b: number[], start = 0, end = b.length): string {
  let out = '';
  let i = start;
  while (i < end) {
    const c = b[i];
    let cp = 0xfffd;
    let len = 1;
    if (c < 0x80) {
      cp = c;
    } else if (c >= 0xc2 && c <= 0xdf && i + 1 < end && (b[i + 1] & 0xc0) === 0x80) {
      cp = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
      len = 2;
    } else if (c >= 0xe0 && c <= 0xef && i + 2 < end && (b[i + 1] & 0xc0) === 0x80 && (b[i + 2] & 0xc0) === 0x80) {
      const v = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
        cp = v;
        len = 3;
      }
    } else if (
      c >= 0xf0 &&
      c <= 0xf4 &&
      i + 3 < end &&
      (b[i + 1] & 0xc0) === 0x80 &&
      (b[i + 2] & 0xc0) === 0x80 &&
      (b[i + 3] & 0xc0) === 0x80
    ) {
      const v = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
      if (v >= 0x10000 && v <= 0x10ffff) {
        cp = v;
        len = 4;
      }
    }
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/** true when every code unit is ASCII */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function isPrintable(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0xad) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp === 0xfffe || cp === 0xffff) return false;
  if (cp >= 0x2028 && cp <= 0x202e) return false;
  if (cp >= 0x2060 && cp <= 0x206f) return false;
  if (cp === 0xfeff) return false;
  return !isSpace(String.fromCodePoint(cp)) || cp === 0x20;
}

/** strconv.Quote (close approximation: Go's printable table is approximated) */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (isPrintable(cp)) out += ch;
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** Go's strings.ToLower / ToUpper are close enough to JS's for Dockerfile keywords. */
export const toLower = (s: string): string => s.toLowerCase();
export const toUpper = (s: string): string => s.toUpperCase();
