/**
 * `moby/patternmatcher` ported to TypeScript with BuildKit's exact semantics (CONTRACT rule 29).
 *
 * Go turns every pattern into a Go (RE2) regular expression in `Pattern.compile`, passing
 * `[...]` and `\x` through to the regexp engine untouched. So the exact meaning of a pattern
 * is "what Go's regexp/syntax makes of the string compile() builds", quirks included:
 * `[^a]` is a Go regexp class and may match `/`, `[[:alpha:]]` is a POSIX class, `\d` is a
 * digit, `\q` is an error found only when the pattern is first matched, `[*]` becomes
 * `[[^/]*]`, and `|`, `{`, `}` are not escaped at all (see shouldEscape). We therefore (1) port compile() byte for byte to get the same regexp string,
 * (2) parse that string with a port of the relevant part of Go's regexp/syntax parser
 * (same acceptance, same errors), and (3) emit an equivalent JavaScript RegExp ('u' flag, so
 * `?` consumes one code point like a Go rune). Patterns compile once; matching is a switch
 * over exact/prefix/suffix string tests and, for regexps, cheap necessary-condition
 * prefilters (slash count, literal prefix/suffix) before RegExp.test.
 *
 * Pure and total: nothing here throws on any input.
 */
import { goClean, goTrimSpace } from './ignorefile.ts';

// ---------------------------------------------------------------------------------------
// path/filepath.Match syntax check (Linux), used by patternmatcher.New
// ---------------------------------------------------------------------------------------

/**
 * Mirrors the error behaviour of Go `filepath.Match(pattern, ".")` as called by
 * `patternmatcher.New`: current Go (BuildKit builds with Go 1.26) checks the syntax of the
 * whole pattern even after a mismatch, so the result only depends on the pattern (Go 1.19
 * still stopped at the first mismatching chunk: `a*[` was accepted there). Returns true when Match
 * would return `filepath.ErrBadPattern`.
 */
export function goFilepathMatchIsBad(pattern: string): boolean {
  let p = 0;
  const n = pattern.length;
  while (p < n) {
    // scanChunk: leading stars, then up to the next '*' outside [...]
    let star = false;
    while (p < n && pattern.charCodeAt(p) === 42) {
      p++;
      star = true;
    }
    let inrange = false;
    let i = p;
    scan: for (; i < n; i++) {
      switch (pattern.charCodeAt(i)) {
        case 92: // '\\'
          if (i + 1 < n) i++;
          break;
        case 91: // '['
          inrange = true;
          break;
        case 93: // ']'
          inrange = false;
          break;
        case 42: // '*'
          if (!inrange) break scan;
          break;
      }
    }
    const chunkStart = p;
    const chunkEnd = i;
    p = i;
    if (star && chunkStart === chunkEnd) return false; // trailing '*'
    if (chunkIsBad(pattern, chunkStart, chunkEnd)) return true;
  }
  return false;
}

/** Width in UTF-16 code units of the code point at i (the `size` of Go `utf8.DecodeRuneInString`). */
function cpWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** matchChunk's syntax checks (the 'failed' path, which keeps validating the chunk). */
function chunkIsBad(s: string, start: number, end: number): boolean {
  let c = start;
  // getEsc: returns the index after the (possibly escaped) rune, or -1 on ErrBadPattern.
  const getEsc = (at: number): number => {
    if (at >= end) return -1;
    const ch = s.charCodeAt(at);
    if (ch === 45 || ch === 93) return -1; // '-' or ']'
    if (ch === 92) {
      at++;
      if (at >= end) return -1;
    }
    const next = at + cpWidth(s, at);
    if (next >= end) return -1; // nchunk empty
    return next;
  };
  while (c < end) {
    const ch = s.charCodeAt(c);
    if (ch === 91) {
      // '[' character class
      c++;
      if (c < end && s.charCodeAt(c) === 94) c++; // '^' negation
      let nrange = 0;
      for (;;) {
        if (c < end && s.charCodeAt(c) === 93 && nrange > 0) {
          c++;
          break;
        }
        const lo = getEsc(c);
        if (lo < 0) return true;
        c = lo;
        if (s.charCodeAt(c) === 45) {
          const hi = getEsc(c + 1);
          if (hi < 0) return true;
          c = hi;
        }
        nrange++;
      }
    } else if (ch === 92) {
      // '\\' escapes the next byte
      c++;
      if (c >= end) return true;
      c++;
    } else {
      c++;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Pattern.compile: the Go regexp string
// ---------------------------------------------------------------------------------------

export type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

/**
 * shouldEscape in patternmatcher.go. Go builds a bitmap with
 * `escapeBytes[b%8] |= 1 << (b / 8)` over `.+()|{}$` in a `[8]byte`: for bytes >= 64 the
 * shift overflows the byte and the bit is lost, so only `. + ( ) $` are escaped. `|`, `{`
 * and `}` reach the Go regexp unescaped (alternation, counted repetition). Exactly so here.
 */
function shouldEscape(c: number): boolean {
  return c === 46 || c === 43 || c === 40 || c === 41 || c === 36;
}

/**
 * Mirrors `Pattern.compile` (patternmatcher.go) with the Linux separator: returns the match
 * type and, for 'regexp', the Go regexp source it builds. text/scanner skips a leading BOM.
 */
export function goCompilePattern(pattern: string): { matchType: MatchType; goRegexp: string } {
  let regStr = '^';
  let detected: MatchType = 'exact';
  const n = pattern.length;
  let k = 0;
  if (n > 0 && pattern.charCodeAt(0) === 0xfeff) k = 1; // text/scanner ignores a BOM at the start
  for (let i = 0; k < n; i++) {
    const w = cpWidth(pattern, k);
    const ch = pattern.charCodeAt(k);
    const chStr = w === 1 ? pattern[k] : pattern.slice(k, k + 2);
    k += w;
    if (ch === 42) {
      // '*'
      if (k < n && pattern.charCodeAt(k) === 42) {
        // some flavor of "**"
        k++;
        // Treat **/ as ** so eat the "/"
        if (k < n && pattern.charCodeAt(k) === 47) k++;
        if (k >= n) {
          // "**EOF": to align with .gitignore just accept all
          if (detected === 'exact') detected = 'prefix';
          else {
            regStr += '.*';
            detected = 'regexp';
          }
        } else {
          // "**": any number of segments, even 0
          regStr += '(.*/)?';
          detected = 'regexp';
        }
        if (i === 0) detected = 'suffix';
      } else {
        // "*": anything but "/"
        regStr += '[^/]*';
        detected = 'regexp';
      }
    } else if (ch === 63) {
      // '?': any char except "/"
      regStr += '[^/]';
      detected = 'regexp';
    } else if (shouldEscape(ch)) {
      regStr += '\\' + chStr;
    } else if (ch === 92) {
      // '\\' escapes the next char; a trailing '\' is left alone
      if (k < n) {
        const w2 = cpWidth(pattern, k);
        regStr += '\\' + pattern.slice(k, k + w2);
        k += w2;
        detected = 'regexp';
      } else {
        regStr += '\\';
      }
    } else if (ch === 91 || ch === 93) {
      regStr += chStr;
      detected = 'regexp';
    } else {
      regStr += chStr;
    }
  }
  if (detected === 'regexp') regStr += '$';
  return { matchType: detected, goRegexp: detected === 'regexp' ? regStr : '' };
}

// ---------------------------------------------------------------------------------------
// Go regexp/syntax (Perl flags, as regexp.Compile uses) -> JavaScript RegExp
// ---------------------------------------------------------------------------------------

type ReNode =
  | { k: 'lit'; cp: number }
  | { k: 'class'; ranges: number[]; props: string[]; neg: boolean }
  | { k: 'dot' }
  | { k: 'bot' }
  | { k: 'eot' }
  | { k: 'wb' }
  | { k: 'nwb' }
  | { k: 'group'; alts: ReNode[][] }
  | { k: 'rep'; sub: ReNode; min: number; max: number };

class GoRegexpError {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {}
  /** regexp/syntax `Error.Error`. */
  toString(): string {
    return `error parsing regexp: ${this.code}: \`${this.expr}\``;
  }
}

const MAX_RUNE = 0x10ffff;

// perl_groups.go: perlGroup and posixGroup (ASCII only).
const PERL_GROUPS: Record<string, { neg: boolean; r: number[] }> = {
  '\\d': { neg: false, r: [0x30, 0x39] },
  '\\D': { neg: true, r: [0x30, 0x39] },
  '\\s': { neg: false, r: [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20] },
  '\\S': { neg: true, r: [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20] },
  '\\w': { neg: false, r: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a] },
  '\\W': { neg: true, r: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a] },
};
const POSIX_BASE: Record<string, number[]> = {
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: [0x30, 0x39],
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [0x09, 0x0d, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
};

/** regexp/syntax `appendNegatedClass` over a clean class (for \D, \S, \W, [:^name:]). */
function negateRanges(r: number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < r.length; i += 2) {
    if (next <= r[i] - 1) out.push(next, r[i] - 1);
    next = r[i + 1] + 1;
  }
  if (next <= MAX_RUNE) out.push(next, MAX_RUNE);
  return out;
}

/**
 * Unicode tables Go's regexp/syntax knows (`unicodeTable`, Go 1.25+: names are looked up
 * through `canonicalName`), as JavaScript property escapes. Go's `C` is Cc|Cf|Co|Cs (no Cn),
 * unlike JavaScript's `\p{C}`.
 */
const GO_CATEGORIES = new Set([
  'C', 'Cc', 'Cf', 'Cn', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N',
  'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z',
  'Zl', 'Zp', 'Zs',
]);

/** unicode.CategoryAliases, keyed by canonicalName. */
const GO_CATEGORY_ALIASES: Record<string, string> = {
  Casedletter: 'LC', Closepunctuation: 'Pe', Combiningmark: 'M', Connectorpunctuation: 'Pc',
  Control: 'Cc', Currencysymbol: 'Sc', Dashpunctuation: 'Pd', Decimalnumber: 'Nd',
  Enclosingmark: 'Me', Finalpunctuation: 'Pf', Format: 'Cf', Initialpunctuation: 'Pi',
  Letter: 'L', Letternumber: 'Nl', Lineseparator: 'Zl', Lowercaseletter: 'Ll', Mark: 'M',
  Mathsymbol: 'Sm', Modifierletter: 'Lm', Modifiersymbol: 'Sk', Nonspacingmark: 'Mn',
  Number: 'N', Openpunctuation: 'Ps', Other: 'C', Otherletter: 'Lo', Othernumber: 'No',
  Otherpunctuation: 'Po', Othersymbol: 'So', Paragraphseparator: 'Zp', Privateuse: 'Co',
  Punctuation: 'P', Separator: 'Z', Spaceseparator: 'Zs', Spacingmark: 'Mc', Surrogate: 'Cs',
  Symbol: 'S', Titlecaseletter: 'Lt', Unassigned: 'Cn', Uppercaseletter: 'Lu', Cntrl: 'Cc',
  Digit: 'Nd', Punct: 'P',
};

/**
 * unicode.Scripts keys that a canonical name can equal (Go looks the canonical name up in
 * the map as is, so multi-word keys such as Old_Italic or SignWriting are unreachable).
 */
const GO_SCRIPTS = new Set(
  ('Adlam Ahom Arabic Armenian Avestan Balinese Bamum Batak Bengali Bhaiksuki Bopomofo Brahmi ' +
    'Braille Buginese Buhid Carian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform ' +
    'Cypriot Cyrillic Deseret Devanagari Dogra Duployan Elbasan Elymaic Ethiopic Georgian ' +
    'Glagolitic Gothic Grantha Greek Gujarati Gurmukhi Han Hangul Hanunoo Hatran Hebrew Hiragana ' +
    'Inherited Javanese Kaithi Kannada Katakana Kawi Kharoshthi Khmer Khojki Khudawadi Lao Latin ' +
    'Lepcha Limbu Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen ' +
    'Medefaidrin Miao Modi Mongolian Mro Multani Myanmar Nabataean Nandinagari Newa Nko Nushu ' +
    'Ogham Oriya Osage Osmanya Palmyrene Phoenician Rejang Runic Samaritan Saurashtra Sharada ' +
    'Shavian Siddham Sinhala Sogdian Soyombo Sundanese Syriac Tagalog Tagbanwa Takri Tamil Tangsa ' +
    'Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Yezidi Yi').split(' '),
);

/** regexp/syntax canonicalName: first letter upper, rest lower, no '_', '-' or ' '. */
function canonicalName(name: string): string {
  let out = '';
  let first = true;
  for (let i = 0; i < name.length; i++) {
    let c = name[i];
    if (c === '_' || c === '-' || c === ' ') continue;
    if (first) {
      if (c >= 'a' && c <= 'z') c = c.toUpperCase();
      first = false;
    } else if (c >= 'A' && c <= 'Z') c = c.toLowerCase();
    out += c;
  }
  return out;
}

/** A `unicode.Categories` table as JS class items (part of regexp/syntax `unicodeTable`). */
function categoryProps(cat: string, positive: boolean): string[] {
  if (cat === 'C') return positive ? ['\\p{Cc}', '\\p{Cf}', '\\p{Co}', '\\p{Cs}'] : ['\\P{C}', '\\p{Cn}'];
  return [positive ? `\\p{${cat}}` : `\\P{${cat}}`];
}

/** regexp/syntax `unicodeTable`: JS class items for a Go Unicode table name (null when Go does not know it). */
function unicodeProps(name: string, positive: boolean): string[] | null {
  const cn = canonicalName(name);
  switch (cn) {
    case 'Any':
      return positive ? ['\\u{0}-\\u{10ffff}'] : [];
    case 'Assigned':
      return positive ? ['\\P{Cn}'] : ['\\p{Cn}'];
    case 'Ascii':
      return positive ? ['\\u{0}-\\u{7f}'] : ['\\u{80}-\\u{10ffff}'];
    case 'Lc':
      return positive ? ['\\p{LC}'] : ['\\P{LC}'];
  }
  if (GO_CATEGORIES.has(cn)) return categoryProps(cn, positive);
  if (GO_SCRIPTS.has(cn)) return [positive ? `\\p{Script=${cn}}` : `\\P{Script=${cn}}`];
  const alias = Object.prototype.hasOwnProperty.call(GO_CATEGORY_ALIASES, cn) ? GO_CATEGORY_ALIASES[cn] : undefined;
  if (alias !== undefined) return alias === 'LC' ? unicodeProps('Lc', positive) : categoryProps(alias, positive);
  return null;
}

/** regexp/syntax `isalnum`. */
function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** regexp/syntax `unhex`. */
function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/**
 * Port of the parts of Go's regexp/syntax `parse` reachable with the Perl flags
 * (`regexp.Compile`): same accepted language, same error codes. Returns the AST of the
 * single top-level alternation.
 */
class GoRegexpParser {
  private readonly s: string;
  private readonly n: number;
  constructor(s: string) {
    this.s = s;
    this.n = s.length;
  }

  /** regexp/syntax `nextRune` (the rune; U+FFFD past the end, as DecodeRuneInString("")). */
  private cpAt(t: number): number {
    return t < this.n ? (this.s.codePointAt(t) as number) : 0xfffd;
  }
  /** regexp/syntax `nextRune` (the size; 0 past the end). */
  private width(t: number): number {
    return t < this.n ? cpWidth(this.s, t) : 0;
  }

  /** parseEscape: a single-rune escape at t ('\\' at t). Returns [rune, next]. */
  private parseEscape(t: number): [number, number] {
    const s = this.s;
    let u = t + 1;
    if (u >= this.n) throw new GoRegexpError('trailing backslash at end of expression', '');
    const c = this.cpAt(u);
    u += this.width(u);
    const invalid = (): never => {
      throw new GoRegexpError('invalid escape sequence', s.slice(t, u));
    };
    if (c >= 0x31 && c <= 0x37) {
      // Single non-zero digit is a backreference; not supported
      if (u >= this.n || s.charCodeAt(u) < 0x30 || s.charCodeAt(u) > 0x37) return invalid();
    }
    if (c >= 0x30 && c <= 0x37) {
      let r = c - 0x30;
      for (let i = 1; i < 3; i++) {
        if (u >= this.n || s.charCodeAt(u) < 0x30 || s.charCodeAt(u) > 0x37) break;
        r = r * 8 + s.charCodeAt(u) - 0x30;
        u++;
      }
      return [r, u];
    }
    switch (c) {
      case 0x78: {
        // 'x'
        if (u >= this.n) return invalid();
        let d = this.cpAt(u);
        u += this.width(u);
        if (d === 0x7b) {
          // '{': any number of hex digits in braces
          let nhex = 0;
          let r = 0;
          for (;;) {
            if (u >= this.n) return invalid();
            d = this.cpAt(u);
            u += this.width(u);
            if (d === 0x7d) break;
            const v = unhex(d);
            if (v < 0) return invalid();
            r = r * 16 + v;
            if (r > MAX_RUNE) return invalid();
            nhex++;
          }
          if (nhex === 0) return invalid();
          return [r, u];
        }
        const x = unhex(d);
        const e = this.cpAt(u);
        u += this.width(u);
        const y = unhex(e);
        if (x < 0 || y < 0) return invalid();
        return [x * 16 + y, u];
      }
      case 0x61:
        return [0x07, u]; // \a
      case 0x66:
        return [0x0c, u]; // \f
      case 0x6e:
        return [0x0a, u]; // \n
      case 0x72:
        return [0x0d, u]; // \r
      case 0x74:
        return [0x09, u]; // \t
      case 0x76:
        return [0x0b, u]; // \v
    }
    // Escaped non-word ASCII characters are always themselves.
    if (c < 0x80 && !isAlnum(c)) return [c, u];
    return invalid();
  }

  /** parseUnicodeClass: \pX / \PX / \p{Name}; null when s[t..] is not one. */
  private parseUnicodeClass(t: number): { props: string[]; next: number } | null {
    const s = this.s;
    if (this.n - t < 2 || s.charCodeAt(t) !== 92) return null;
    const pc = s.charCodeAt(t + 1);
    if (pc !== 0x70 && pc !== 0x50) return null;
    let positive = pc === 0x70;
    let u = t + 2;
    const c = this.cpAt(u);
    u += this.width(u);
    let seq: string;
    let name: string;
    if (c !== 0x7b) {
      seq = s.slice(t, u);
      name = seq.slice(2);
    } else {
      const end = s.indexOf('}', t);
      if (end < 0) throw new GoRegexpError('invalid character class range', s.slice(t));
      seq = s.slice(t, end + 1);
      u = end + 1;
      name = s.slice(t + 3, end);
    }
    if (name !== '' && name[0] === '^') {
      positive = !positive;
      name = name.slice(1);
    }
    const props = unicodeProps(name, positive);
    if (props === null) throw new GoRegexpError('invalid character class range', seq);
    return { props, next: u };
  }

  /** parseClass: a [...] class starting at t. */
  private parseClass(t: number): { node: ReNode; next: number } {
    const s = this.s;
    const whole = s.slice(t);
    let u = t + 1;
    let neg = false;
    if (u < this.n && s.charCodeAt(u) === 94) {
      neg = true;
      u++;
    }
    const ranges: number[] = [];
    const props: string[] = [];
    let first = true;
    while (u >= this.n || s.charCodeAt(u) !== 93 || first) {
      first = false;
      // POSIX [:alnum:] etc. (Go searches for ":]" in the whole rest of the regexp)
      if (this.n - u > 2 && s.charCodeAt(u) === 91 && s.charCodeAt(u + 1) === 58) {
        const i = s.indexOf(':]', u + 2);
        if (i >= 0) {
          const name = s.slice(u, i + 2);
          let inner = name.slice(2, -2);
          let gneg = false;
          if (inner.startsWith('^')) {
            gneg = true;
            inner = inner.slice(1);
          }
          const g = Object.prototype.hasOwnProperty.call(POSIX_BASE, inner) ? POSIX_BASE[inner] : undefined;
          if (g === undefined) throw new GoRegexpError('invalid character class range', name);
          ranges.push(...(gneg ? negateRanges(g) : g));
          u = i + 2;
          continue;
        }
      }
      const uc = this.parseUnicodeClass(u);
      if (uc !== null) {
        props.push(...uc.props);
        u = uc.next;
        continue;
      }
      if (this.n - u >= 2 && s.charCodeAt(u) === 92) {
        const pg = PERL_GROUPS[s.slice(u, u + 2)];
        if (pg !== undefined) {
          ranges.push(...(pg.neg ? negateRanges(pg.r) : pg.r));
          u += 2;
          continue;
        }
      }
      // Single character or simple range.
      const rngStart = u;
      let lo: number;
      [lo, u] = this.parseClassChar(u, whole);
      let hi = lo;
      // [a-] means (a|-) so check for final ].
      if (this.n - u >= 2 && s.charCodeAt(u) === 45 && s.charCodeAt(u + 1) !== 93) {
        u++;
        [hi, u] = this.parseClassChar(u, whole);
        if (hi < lo) throw new GoRegexpError('invalid character class range', s.slice(rngStart, u));
      }
      ranges.push(lo, hi);
    }
    u++; // chop ]
    return { node: { k: 'class', ranges: cleanRanges(ranges), props, neg }, next: u };
  }

  /** regexp/syntax `parseClassChar`. */
  private parseClassChar(t: number, whole: string): [number, number] {
    if (t >= this.n) throw new GoRegexpError('missing closing ]', whole);
    if (this.s.charCodeAt(t) === 92) return this.parseEscape(t);
    return [this.cpAt(t), t + this.width(t)];
  }

  /** regexp/syntax `parse` (the main loop) with the Perl flags. */
  parse(): ReNode[][] {
    const s = this.s;
    const n = this.n;
    // Each frame is an open group: finished alternatives plus the current concatenation.
    const frames: { alts: ReNode[][]; cur: ReNode[] }[] = [{ alts: [], cur: [] }];
    let lastRepeat = -1;
    let t = 0;
    while (t < n) {
      let repeat = -1;
      const frame = frames[frames.length - 1];
      const c = s.charCodeAt(t);
      switch (c) {
        case 40: // '('
          if (t + 1 < n && s.charCodeAt(t + 1) === 63) {
            // Perl flags / non-capturing groups: compile() never produces "(?" (it
            // escapes every '(' of the pattern and its own groups start "(.").
            throw new GoRegexpError('invalid or unsupported Perl syntax', s.slice(t, t + 2));
          }
          frames.push({ alts: [], cur: [] });
          t++;
          break;
        case 124: // '|'
          frame.alts.push(frame.cur);
          frame.cur = [];
          t++;
          break;
        case 41: {
          // ')'
          if (frames.length < 2) throw new GoRegexpError('unexpected )', s);
          frames.pop();
          frame.alts.push(frame.cur);
          frames[frames.length - 1].cur.push({ k: 'group', alts: frame.alts });
          t++;
          break;
        }
        case 94: // '^' (OneLine: beginning of text)
          frame.cur.push({ k: 'bot' });
          t++;
          break;
        case 36: // '$' (OneLine: end of text)
          frame.cur.push({ k: 'eot' });
          t++;
          break;
        case 46: // '.' (no DotNL: anything but \n)
          frame.cur.push({ k: 'dot' });
          t++;
          break;
        case 91: {
          // '['
          const r = this.parseClass(t);
          frame.cur.push(r.node);
          t = r.next;
          break;
        }
        case 42:
        case 43:
        case 63: {
          // '*', '+', '?'
          const before = t;
          let after = t + 1;
          if (after < n && s.charCodeAt(after) === 63) after++; // non-greedy: same language
          if (lastRepeat >= 0) throw new GoRegexpError('invalid nested repetition operator', s.slice(lastRepeat, after));
          if (frame.cur.length === 0) throw new GoRegexpError('missing argument to repetition operator', s.slice(before, after));
          const sub = frame.cur.pop() as ReNode;
          const [min, max] = c === 42 ? [0, -1] : c === 43 ? [1, -1] : [0, 1];
          frame.cur.push({ k: 'rep', sub, min, max });
          repeat = before;
          t = after;
          break;
        }
        case 123: {
          // '{': a counted repetition, or a literal '{' when it does not parse as one.
          const m = /^\{(0|[1-9][0-9]*)(,((0|[1-9][0-9]*))?)?\}/.exec(s.slice(t));
          if (m === null) {
            frame.cur.push({ k: 'lit', cp: 123 });
            t++;
            break;
          }
          const before = t;
          let after = t + m[0].length;
          const min = m[1].length > 8 ? -1 : Number(m[1]);
          const max = m[2] === undefined ? min : m[3] === undefined ? -1 : m[3].length > 8 ? -2 : Number(m[3]);
          if (min < 0 || min > 1000 || max > 1000 || max === -2 || (max >= 0 && min > max)) {
            throw new GoRegexpError('invalid repeat count', s.slice(before, after));
          }
          if (after < n && s.charCodeAt(after) === 63) after++;
          if (lastRepeat >= 0) throw new GoRegexpError('invalid nested repetition operator', s.slice(lastRepeat, after));
          if (frame.cur.length === 0) throw new GoRegexpError('missing argument to repetition operator', s.slice(before, after));
          const sub = frame.cur.pop() as ReNode;
          frame.cur.push({ k: 'rep', sub, min, max });
          repeat = before;
          t = after;
          break;
        }
        case 92: {
          // '\\'
          if (t + 1 < n) {
            const d = s.charCodeAt(t + 1);
            if (d === 0x41) {
              frame.cur.push({ k: 'bot' }); // \A
              t += 2;
              break;
            }
            if (d === 0x62) {
              frame.cur.push({ k: 'wb' }); // \b
              t += 2;
              break;
            }
            if (d === 0x42) {
              frame.cur.push({ k: 'nwb' }); // \B
              t += 2;
              break;
            }
            if (d === 0x43) throw new GoRegexpError('invalid escape sequence', '\\C');
            if (d === 0x51) {
              // \Q ... \E: the ... is always literals
              const end = s.indexOf('\\E', t + 2);
              const lit = end < 0 ? s.slice(t + 2) : s.slice(t + 2, end);
              for (const ch of lit) frame.cur.push({ k: 'lit', cp: ch.codePointAt(0) as number });
              t = end < 0 ? n : end + 2;
              break;
            }
            if (d === 0x7a) {
              frame.cur.push({ k: 'eot' }); // \z
              t += 2;
              break;
            }
          }
          const uc = this.parseUnicodeClass(t);
          if (uc !== null) {
            frame.cur.push({ k: 'class', ranges: [], props: uc.props, neg: false });
            t = uc.next;
            break;
          }
          const pg = t + 1 < n ? PERL_GROUPS[s.slice(t, t + 2)] : undefined;
          if (pg !== undefined) {
            frame.cur.push({ k: 'class', ranges: pg.neg ? negateRanges(pg.r) : pg.r.slice(), props: [], neg: false });
            t += 2;
            break;
          }
          const [r, next] = this.parseEscape(t);
          frame.cur.push({ k: 'lit', cp: r });
          t = next;
          break;
        }
        default: {
          frame.cur.push({ k: 'lit', cp: this.cpAt(t) });
          t += this.width(t);
        }
      }
      lastRepeat = repeat;
    }
    if (frames.length !== 1) throw new GoRegexpError('missing closing )', s);
    const top = frames[0];
    top.alts.push(top.cur);
    return top.alts;
  }
}

/** cleanClass: sort and merge the (lo, hi) pairs. */
function cleanRanges(r: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < r.length; i += 2) pairs.push([r[i], r[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const w = out.length;
    if (w > 0 && lo <= out[w - 1] + 1) {
      if (hi > out[w - 1]) out[w - 1] = hi;
    } else out.push(lo, hi);
  }
  return out;
}

/** No Go counterpart: one rune as a JavaScript 'u'-mode regexp atom. */
function jsChar(cp: number): string {
  if (isAlnum(cp) || cp === 0x5f) return String.fromCharCode(cp);
  return `\\u{${cp.toString(16)}}`;
}

/** No Go counterpart: a Go class (OpCharClass, negated or not) as a JavaScript class. */
function jsClass(node: { ranges: number[]; props: string[]; neg: boolean }): string {
  let out = node.neg ? '[^' : '[';
  for (let i = 0; i < node.ranges.length; i += 2) {
    const lo = node.ranges[i];
    const hi = node.ranges[i + 1];
    out += lo === hi ? jsChar(lo) : `${jsChar(lo)}-${jsChar(hi)}`;
  }
  return out + node.props.join('') + ']';
}

/** No Go counterpart: a Go concatenation (OpConcat) as JavaScript. */
function jsSeq(nodes: ReNode[]): string {
  let out = '';
  for (const node of nodes) out += jsNode(node);
  return out;
}

/** No Go counterpart: one Go regexp node as JavaScript with the same matches. */
function jsNode(node: ReNode): string {
  switch (node.k) {
    case 'lit':
      return jsChar(node.cp);
    case 'class':
      return jsClass(node);
    case 'dot':
      return '[^\\n]'; // Go's '.' excludes only \n; JavaScript's also excludes \r, U+2028/9
    case 'bot':
      return '^';
    case 'eot':
      return '$';
    case 'wb':
      return '\\b';
    case 'nwb':
      return '\\B';
    case 'group':
      return '(?:' + node.alts.map(jsSeq).join('|') + ')';
    case 'rep': {
      const sub = node.sub;
      const atom = sub.k === 'lit' || sub.k === 'class' || sub.k === 'dot' || sub.k === 'group' ? jsNode(sub) : `(?:${jsNode(sub)})`;
      const q =
        node.max === -1
          ? node.min === 0
            ? '*'
            : node.min === 1
              ? '+'
              : `{${node.min},}`
          : node.min === 0 && node.max === 1
            ? '?'
            : `{${node.min},${node.max}}`;
      return atom + q;
    }
  }
}

const SLASH = 47;

/** No Go counterpart (prefilter): whether a class can match '/', and whether it can match only '/'. */
function classSlash(node: { ranges: number[]; props: string[]; neg: boolean }): { can: boolean; only: boolean } {
  let inRanges = false;
  for (let i = 0; i < node.ranges.length; i += 2) {
    if (node.ranges[i] <= SLASH && SLASH <= node.ranges[i + 1]) inRanges = true;
  }
  let inProps = false;
  if (node.props.length > 0) {
    try {
      inProps = new RegExp('[' + node.props.join('') + ']', 'u').test('/');
    } catch {
      inProps = true;
    }
  }
  const can = node.neg ? !(inRanges || inProps) : inRanges || inProps;
  const only = !node.neg && node.props.length === 0 && node.ranges.length === 2 && node.ranges[0] === SLASH && node.ranges[1] === SLASH;
  return { can, only };
}

/** No Go counterpart (prefilter): bounds on how many '/' a match of the node can contain. */
function slashBounds(node: ReNode): [number, number] {
  switch (node.k) {
    case 'lit':
      return node.cp === SLASH ? [1, 1] : [0, 0];
    case 'class': {
      const { can, only } = classSlash(node);
      return [only ? 1 : 0, can ? 1 : 0];
    }
    case 'dot':
      return [0, 1];
    case 'bot':
    case 'eot':
    case 'wb':
    case 'nwb':
      return [0, 0];
    case 'group': {
      let min = Infinity;
      let max = 0;
      for (const alt of node.alts) {
        const [a, b] = seqSlashBounds(alt);
        min = Math.min(min, a);
        max = Math.max(max, b);
      }
      return [min === Infinity ? 0 : min, max];
    }
    case 'rep': {
      const [a, b] = slashBounds(node.sub);
      const max = node.max === -1 ? (b > 0 ? Infinity : 0) : b * node.max;
      return [a * node.min, max];
    }
  }
}

/** No Go counterpart (prefilter): slashBounds of a concatenation. */
function seqSlashBounds(nodes: ReNode[]): [number, number] {
  let min = 0;
  let max = 0;
  for (const node of nodes) {
    const [a, b] = slashBounds(node);
    min += a;
    max += b;
  }
  return [min, max];
}


// ---------------------------------------------------------------------------------------
// Linear-time matching (Go's regexp is RE2: linear in the path; V8's RegExp backtracks)
// ---------------------------------------------------------------------------------------

/**
 * No Go counterpart: a Thompson-NFA program simulated Pike-style, so that matching costs
 * O(path length x program size) like Go's RE2, whatever the pattern. V8's backtracking RegExp
 * is exponential in the number of wildcards for a path that fails late (`*a*a*a*a*a*a*a*a*c*b`
 * against `aaa…ab`: 150 s for one 61-character name), and a .dockerignore comes from strangers
 * (share links, dropped folders). Used for patterns with two or more variable-width repetitions;
 * the others keep the (faster, and then linear) JavaScript RegExp.
 */
const OP_CHAR = 0;
const OP_SPLIT = 1;
const OP_JMP = 2;
const OP_ASSERT = 3;
const OP_MATCH = 4;
const A_BOT = 0;
const A_EOT = 1;
const A_WB = 2;
const A_NWB = 3;
/** the OP_ASSERT argument of each zero-width node */
const ASSERTION_OF = { bot: A_BOT, eot: A_EOT, wb: A_WB, nwb: A_NWB } as const;
/** beyond this many instructions the program is not built and the RegExp is used */
const MAX_PROGRAM = 100_000;

type CharTest = (cp: number) => boolean;

function charTestOf(node: ReNode): CharTest {
  switch (node.k) {
    case 'lit': {
      const want = node.cp;
      return (cp) => cp === want;
    }
    case 'dot':
      return (cp) => cp !== 10;
    case 'class': {
      const ranges = node.ranges;
      const neg = node.neg;
      let props: RegExp | null = null;
      if (node.props.length > 0) {
        try {
          props = new RegExp('^[' + node.props.join('') + ']$', 'u');
        } catch {
          props = null;
        }
      }
      return (cp) => {
        let hit = false;
        for (let i = 0; i < ranges.length; i += 2) {
          if (cp >= ranges[i] && cp <= ranges[i + 1]) {
            hit = true;
            break;
          }
        }
        if (!hit && props !== null) hit = props.test(String.fromCodePoint(cp));
        return hit !== neg;
      };
    }
    default:
      return () => false;
  }
}

class Program {
  readonly op: number[] = [];
  readonly x: number[] = [];
  readonly y: number[] = [];
  readonly tests: (CharTest | null)[] = [];
  tooLarge = false;

  emit(op: number, x = 0, y = 0, test: CharTest | null = null): number {
    if (this.op.length >= MAX_PROGRAM) this.tooLarge = true;
    this.op.push(op);
    this.x.push(x);
    this.y.push(y);
    this.tests.push(test);
    return this.op.length - 1;
  }

  seq(nodes: ReNode[]): void {
    for (const n of nodes) {
      if (this.tooLarge) return;
      this.node(n);
    }
  }

  alts(alts: ReNode[][]): void {
    const jumps: number[] = [];
    for (let i = 0; i < alts.length; i++) {
      if (i < alts.length - 1) {
        const split = this.emit(OP_SPLIT);
        this.x[split] = split + 1;
        this.seq(alts[i]);
        jumps.push(this.emit(OP_JMP));
        this.y[split] = this.op.length;
      } else this.seq(alts[i]);
    }
    for (const j of jumps) this.x[j] = this.op.length;
  }

  node(n: ReNode): void {
    switch (n.k) {
      case 'lit':
      case 'dot':
      case 'class':
        this.emit(OP_CHAR, 0, 0, charTestOf(n));
        return;
      case 'bot':
      case 'eot':
      case 'wb':
      case 'nwb':
        this.emit(OP_ASSERT, ASSERTION_OF[n.k]);
        return;
      case 'group':
        this.alts(n.alts);
        return;
      case 'rep': {
        for (let i = 0; i < n.min && !this.tooLarge; i++) this.node(n.sub);
        if (n.max === -1) {
          // L: split(body, out); body; jmp L
          const split = this.emit(OP_SPLIT);
          this.x[split] = split + 1;
          this.node(n.sub);
          this.emit(OP_JMP, split);
          this.y[split] = this.op.length;
        } else {
          const splits: number[] = [];
          for (let i = n.min; i < n.max && !this.tooLarge; i++) {
            const split = this.emit(OP_SPLIT);
            this.x[split] = split + 1;
            splits.push(split);
            this.node(n.sub);
          }
          for (const sp of splits) this.y[sp] = this.op.length;
        }
        return;
      }
    }
  }
}

function isAsciiWord(cp: number): boolean {
  return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;
}

/** Pike's simulation of a Program: unanchored search (like RegExp.test), any match wins. */
export class LinearMatcher {
  private readonly op: Int32Array;
  private readonly x: Int32Array;
  private readonly y: Int32Array;
  private readonly tests: (CharTest | null)[];
  private readonly mark: Uint32Array;
  private gen = 0;
  private cur: Int32Array;
  private next: Int32Array;
  private readonly stack: Int32Array;
  private readonly anchored: boolean;

  constructor(p: Program, anchored: boolean) {
    this.op = Int32Array.from(p.op);
    this.x = Int32Array.from(p.x);
    this.y = Int32Array.from(p.y);
    this.tests = p.tests;
    const n = p.op.length;
    this.mark = new Uint32Array(n);
    this.cur = new Int32Array(n);
    this.next = new Int32Array(n);
    this.stack = new Int32Array(n + 1);
    this.anchored = anchored;
  }

  static build(alts: ReNode[][]): LinearMatcher | null {
    const p = new Program();
    p.alts(alts);
    p.emit(OP_MATCH);
    if (p.tooLarge) return null;
    const anchored = alts.every((a) => a.length > 0 && a[0].k === 'bot');
    return new LinearMatcher(p, anchored);
  }

  /**
   * Adds the thread at `pc` and everything it reaches without consuming a character at
   * `pos` to `list` (from `len`). Returns the new length, or -1 when MATCH is reached.
   */
  private add(list: Int32Array, len: number, pc0: number, s: string, pos: number): number {
    const { op, x, y, mark, stack } = this;
    const gen = this.gen;
    let sp = 0;
    stack[sp++] = pc0;
    while (sp > 0) {
      const pc = stack[--sp];
      if (mark[pc] === gen) continue;
      mark[pc] = gen;
      switch (op[pc]) {
        case OP_CHAR:
          list[len++] = pc;
          break;
        case OP_MATCH:
          return -1;
        case OP_JMP:
          stack[sp++] = x[pc];
          break;
        case OP_SPLIT:
          // y first so that x is explored first (order does not matter for a yes/no answer)
          stack[sp++] = y[pc];
          stack[sp++] = x[pc];
          break;
        case OP_ASSERT: {
          const kind = x[pc];
          let ok: boolean;
          if (kind === A_BOT) ok = pos === 0;
          else if (kind === A_EOT) ok = pos === s.length;
          else {
            const before = pos > 0 && isAsciiWord(s.charCodeAt(pos - 1));
            const after = pos < s.length && isAsciiWord(s.charCodeAt(pos));
            ok = (before !== after) === (kind === A_WB);
          }
          if (ok) stack[sp++] = pc + 1;
          break;
        }
      }
    }
    return len;
  }

  /** A fresh generation of marks: each list of threads (one per position) is a set. */
  private nextGen(): void {
    if (++this.gen === 0xffffffff) {
      this.mark.fill(0);
      this.gen = 1;
    }
  }

  test(s: string): boolean {
    let cur = this.cur;
    let next = this.next;
    const { op, tests } = this;
    this.nextGen();
    let ncur = this.add(cur, 0, 0, s, 0);
    if (ncur < 0) return true;
    let pos = 0;
    while (pos < s.length) {
      if (ncur === 0 && this.anchored) return false;
      const cp = s.codePointAt(pos) as number;
      const npos = pos + (cp > 0xffff ? 2 : 1);
      this.nextGen();
      let nnext = 0;
      for (let i = 0; i < ncur; i++) {
        const pc = cur[i];
        if (op[pc] === OP_CHAR && (tests[pc] as CharTest)(cp)) {
          nnext = this.add(next, nnext, pc + 1, s, npos);
          if (nnext < 0) return true;
        }
      }
      // RegExp.test searches: a new attempt starts at every position
      if (!this.anchored) {
        nnext = this.add(next, nnext, 0, s, npos);
        if (nnext < 0) return true;
      }
      const t = cur;
      cur = next;
      next = t;
      ncur = nnext;
      pos = npos;
    }
    return false;
  }
}

/** No Go counterpart: number of repetitions whose width varies (`*`, `+`, `?`, `{n,m}`). */
function variableReps(nodes: ReNode[]): number {
  let n = 0;
  for (const node of nodes) {
    if (node.k === 'rep') n += (node.min !== node.max ? 1 : 0) + variableReps([node.sub]);
    else if (node.k === 'group') for (const a of node.alts) n += variableReps(a);
  }
  return n;
}

interface RegexpPlan {
  re: RegExp;
  /** set when backtracking could explode: the linear-time matcher to use instead of `re` */
  linear: LinearMatcher | null;
  minSlashes: number;
  maxSlashes: number;
  litPrefix: string;
  litSuffix: string;
}

/**
 * Parses a Go regexp string (as built by goCompilePattern) the way Go's regexp.Compile does
 * and returns an equivalent JavaScript RegExp plus prefilters, or the Go error text.
 */
export function translateGoRegexp(goRegexp: string): RegexpPlan | { error: string } {
  let alts: ReNode[][];
  try {
    alts = new GoRegexpParser(goRegexp).parse();
  } catch (e) {
    return { error: e instanceof GoRegexpError ? e.toString() : 'error parsing regexp' };
  }
  const src = alts.map(jsSeq).join('|');
  let re: RegExp;
  try {
    re = new RegExp(alts.length > 1 ? `(?:${src})` : src, 'u');
  } catch (e) {
    return { error: `regexp not representable: ${String(e)}` };
  }
  let minSlashes = 0;
  let maxSlashes = Infinity;
  let litPrefix = '';
  let litSuffix = '';
  if (alts.length === 1) {
    const seq = alts[0];
    [minSlashes, maxSlashes] = seqSlashBounds(seq);
    const anchoredStart = seq.length > 0 && seq[0].k === 'bot';
    const anchoredEnd = seq.length > 0 && seq[seq.length - 1].k === 'eot';
    if (!anchoredEnd) maxSlashes = Infinity; // an unanchored end matches any longer path
    if (anchoredStart) {
      for (let i = 1; i < seq.length; i++) {
        const node = seq[i];
        if (node.k !== 'lit') break;
        litPrefix += String.fromCodePoint(node.cp);
      }
    }
    if (anchoredEnd) {
      for (let i = seq.length - 2; i >= 0; i--) {
        const node = seq[i];
        if (node.k !== 'lit') break;
        litSuffix = String.fromCodePoint(node.cp) + litSuffix;
      }
    }
  }
  let linear: LinearMatcher | null = null;
  let reps = 0;
  for (const a of alts) reps += variableReps(a);
  if (reps >= 2) linear = LinearMatcher.build(alts);
  return { re, linear, minSlashes, maxSlashes, litPrefix, litSuffix };
}

// ---------------------------------------------------------------------------------------
// Pattern and PatternMatcher
// ---------------------------------------------------------------------------------------

/** a RegExp or a LinearMatcher: what a regexp pattern's path test needs */
interface Tester {
  test(path: string): boolean;
}

const K_EXACT = 0;
const K_PREFIX = 1;
const K_SUFFIX = 2;
const K_REGEXP = 3;
const K_INVALID = 4;
const K_NEVER = 5;

/** No Go counterpart: the number of '/' in s (the regexp prefilter's input). */
function countSlashes(s: string): number {
  let c = 0;
  for (let i = s.indexOf('/'); i >= 0; i = s.indexOf('/', i + 1)) c++;
  return c;
}

/** A compiled pattern: Go's `Pattern` (patternmatcher.go), compiled eagerly. */
export class Pattern {
  /** Pattern text after TrimSpace and Clean, without its `!` (Go: `String()`). */
  readonly cleanedPattern: string;
  readonly exclusion: boolean;
  /** Index of the pattern in the list given to the PatternMatcher. */
  readonly index: number;
  readonly matchType: MatchType;
  /** The Go regexp compile() builds (only for matchType 'regexp'). */
  readonly goRegexp: string;
  /** Go regexp compile error: Go reports it (as ErrBadPattern) whenever it evaluates the pattern. */
  readonly error: string | null;
  /** @internal hot-path fields */
  readonly kind: number;
  readonly str: string;
  readonly alt: string | null;
  readonly re: RegExp | null;
  /** @internal the linear-time matcher, used instead of `re` when set */
  readonly linear: LinearMatcher | null;
  /** what a regexp pattern matches with: `linear` when set, else `re` (null for other kinds) */
  readonly tester: Tester | null;
  readonly minSlashes: number;
  readonly maxSlashes: number;
  readonly litPrefix: string;
  readonly litSuffix: string;

  constructor(cleanedPattern: string, exclusion: boolean, index: number) {
    this.cleanedPattern = cleanedPattern;
    this.exclusion = exclusion;
    this.index = index;
    const { matchType, goRegexp } = goCompilePattern(cleanedPattern);
    this.matchType = matchType;
    this.goRegexp = goRegexp;
    this.error = null;
    this.alt = null;
    this.re = null;
    this.linear = null;
    this.tester = null;
    this.minSlashes = 0;
    this.maxSlashes = Infinity;
    this.litPrefix = '';
    this.litSuffix = '';
    switch (matchType) {
      case 'exact':
        this.kind = K_EXACT;
        this.str = cleanedPattern;
        break;
      case 'prefix':
        this.kind = K_PREFIX;
        this.str = cleanedPattern.slice(0, -2); // strip trailing **
        break;
      case 'suffix': {
        // strip leading ** (Go slices 2 bytes: with a leading BOM the suffix starts inside
        // the BOM's UTF-8 bytes and can never match a valid path)
        if (cleanedPattern.charCodeAt(0) === 0xfeff) {
          this.kind = K_NEVER;
          this.str = '';
          break;
        }
        this.kind = K_SUFFIX;
        this.str = cleanedPattern.slice(2);
        // **/foo matches "foo"
        if (this.str.charCodeAt(0) === 47) this.alt = this.str.slice(1);
        break;
      }
      default: {
        const plan = translateGoRegexp(goRegexp);
        this.str = '';
        if ('error' in plan) {
          this.kind = K_INVALID;
          this.error = plan.error;
        } else {
          this.kind = K_REGEXP;
          this.re = plan.re;
          this.linear = plan.linear;
          this.tester = plan.linear ?? plan.re;
          this.minSlashes = plan.minSlashes;
          this.maxSlashes = plan.maxSlashes;
          this.litPrefix = plan.litPrefix;
          this.litSuffix = plan.litSuffix;
        }
      }
    }
  }

  /** Go `Pattern.String`. */
  toString(): string {
    return this.cleanedPattern;
  }

  /**
   * Go `Pattern.match`. False when the pattern's regexp is invalid (Go returns
   * ErrBadPattern then; see `error`).
   */
  match(path: string): boolean {
    return this.test(path, this.kind === K_REGEXP ? countSlashes(path) : 0);
  }

  /** @internal Go `Pattern.match` with the path's '/' count known (for the prefilter). */
  test(path: string, slashes: number): boolean {
    switch (this.kind) {
      case K_EXACT:
        return path === this.str;
      case K_PREFIX:
        return path.startsWith(this.str);
      case K_SUFFIX:
        return path.endsWith(this.str) || path === this.alt;
      case K_REGEXP:
        return (
          slashes >= this.minSlashes &&
          slashes <= this.maxSlashes &&
          path.startsWith(this.litPrefix) &&
          path.endsWith(this.litSuffix) &&
          (this.tester as Tester).test(path)
        );
      default:
        return false;
    }
  }
}

/** Go `MatchInfo`: per-pattern match results of the parent directory (zero value: empty). */
export interface MatchInfo {
  readonly parentMatched: Uint8Array;
}

export const ZERO_MATCH_INFO: MatchInfo = { parentMatched: new Uint8Array(0) };

export interface PatternError {
  /** Index in the pattern list given to the matcher. */
  index: number;
  pattern: string;
  message: string;
  /**
   * 'new': patternmatcher.New rejects the pattern, so BuildKit rejects the whole list
   * ("invalid excludepatterns"); the pattern is left out here.
   * 'regexp': New accepts it but its regexp does not compile; BuildKit fails when it first
   * evaluates the pattern; here it never matches.
   */
  kind: 'new' | 'regexp';
}

export interface MatchResult {
  matched: boolean;
  info: MatchInfo;
  /** Go's error return, e.g. evaluating a pattern whose regexp is invalid. */
  error: string | null;
}

/** Go `filepath.Dir` split into the parent prefixes MatchesOrParentMatches tries. */
function parentPrefixes(file: string): string[] {
  const i = file.lastIndexOf('/');
  const parentPath = goClean(i >= 0 ? file.slice(0, i + 1) : '');
  if (parentPath === '.') return [];
  const dirs = parentPath.split('/');
  const out: string[] = [];
  for (let j = 0; j < dirs.length; j++) out.push(dirs.slice(0, j + 1).join('/'));
  return out;
}

/** Go `PatternMatcher` (patternmatcher.go). */
export class PatternMatcher {
  readonly patterns: readonly Pattern[];
  /** Whether any (valid) pattern is an exception (`!`): Go `Exclusions()`. */
  readonly exclusions: boolean;
  readonly errors: readonly PatternError[];

  /**
   * Mirrors `patternmatcher.New`: each pattern is TrimSpace'd (empty ones skipped),
   * `filepath.Clean`ed, its `!` split off (a lone `!` is an error), and syntax-checked with
   * `filepath.Match(p, ".")`. Go fails on the first bad pattern; here bad patterns are
   * reported in `errors` and left out, and the rest still work. Patterns whose Go regexp
   * does not compile stay in (Go compiles lazily) but never match.
   */
  constructor(patterns: readonly string[]) {
    const list: Pattern[] = [];
    const errors: PatternError[] = [];
    let exclusions = false;
    const input = Array.isArray(patterns) ? patterns : [];
    for (let index = 0; index < input.length; index++) {
      const raw = input[index];
      let p = goTrimSpace(typeof raw === 'string' ? raw : String(raw));
      if (p === '') continue;
      p = goClean(p);
      let exclusion = false;
      if (p.charCodeAt(0) === 33) {
        if (p.length === 1) {
          errors.push({ index, pattern: p, message: 'illegal exclusion pattern: "!"', kind: 'new' });
          continue;
        }
        exclusion = true;
        p = p.slice(1);
      }
      if (goFilepathMatchIsBad(p)) {
        errors.push({ index, pattern: (exclusion ? '!' : '') + p, message: 'syntax error in pattern', kind: 'new' });
        continue;
      }
      const pat = new Pattern(p, exclusion, index);
      if (pat.error !== null) {
        errors.push({ index, pattern: (exclusion ? '!' : '') + p, message: `syntax error in pattern (${pat.error})`, kind: 'regexp' });
      }
      if (exclusion) exclusions = true;
      list.push(pat);
    }
    this.patterns = list;
    this.exclusions = exclusions;
    this.errors = errors;
  }

  /**
   * Mirrors `PatternMatcher.MatchesUsingParentResults`: `file` is matched against each
   * pattern in order (last match wins), except that a pattern the parent directory matched
   * counts as matched without evaluation, and patterns that cannot change the result are
   * skipped (and recorded as not matched in the returned info). With the zero MatchInfo it
   * falls back to checking every parent directory of `file` (MatchesOrParentMatches logic).
   */
  matchesUsingParentResults(file: string, parentInfo: MatchInfo = ZERO_MATCH_INFO): MatchResult {
    const pats = this.patterns;
    const parent = parentInfo && parentInfo.parentMatched instanceof Uint8Array ? parentInfo.parentMatched : new Uint8Array(0);
    if (parent.length !== 0 && parent.length !== pats.length) {
      return { matched: false, info: ZERO_MATCH_INFO, error: 'wrong number of values in parentMatched' };
    }
    const path = String(file);
    const info = new Uint8Array(pats.length);
    let matched = false;
    for (let i = 0; i < pats.length; i++) {
      const pattern = pats[i];
      let match = parent.length !== 0 && parent[i] === 1;
      if (!match) {
        if (pattern.exclusion !== matched) continue;
        if (pattern.kind === K_INVALID) return { matched: false, info: { parentMatched: info }, error: 'syntax error in pattern' };
        match = pattern.match(path);
        if (!match && parent.length === 0) {
          for (const dir of parentPrefixes(path)) {
            if (pattern.match(dir)) {
              match = true;
              break;
            }
          }
        }
      }
      info[i] = match ? 1 : 0;
      if (match) matched = !pattern.exclusion;
    }
    return { matched, info: { parentMatched: info }, error: null };
  }

  /**
   * Mirrors `PatternMatcher.MatchesOrParentMatches`: whether `file` or one of its parent
   * directories is matched (last match wins), with Go's error return.
   */
  matchesOrParentMatches(file: string): { matched: boolean; error: string | null } {
    const path = String(file);
    let matched = false;
    let prefixes: string[] | null = null;
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== matched) continue;
      if (pattern.kind === K_INVALID) return { matched: false, error: 'syntax error in pattern' };
      let match = pattern.match(path);
      if (!match) {
        prefixes ??= parentPrefixes(path);
        for (const dir of prefixes) {
          if (pattern.match(dir)) {
            match = true;
            break;
          }
        }
      }
      if (match) matched = !pattern.exclusion;
    }
    return { matched, error: null };
  }

  /**
   * Whether `file` (slash-separated) or one of its parents is excluded: Go
   * `MatchesOrParentMatches` (the non-deprecated successor of `Matches`), false on error.
   */
  matches(file: string): boolean {
    return this.matchesOrParentMatches(file).matched;
  }

  /**
   * @internal The walk's hot path: MatchesUsingParentResults with the path's '/' count
   * known, no allocation unless `out` is given, and invalid patterns treated as not
   * matching (their error is already in `errors`). `parent` null means the zero MatchInfo.
   */
  matchInto(path: string, slashes: number, parent: Uint8Array | null, out: Uint8Array | null): boolean {
    const pats = this.patterns;
    let matched = false;
    for (let i = 0; i < pats.length; i++) {
      const p = pats[i];
      let match: boolean;
      if (parent !== null && parent[i] === 1) {
        match = true;
      } else {
        if (p.exclusion !== matched) continue;
        switch (p.kind) {
          case K_EXACT:
            match = path === p.str;
            break;
          case K_PREFIX:
            match = path.startsWith(p.str);
            break;
          case K_SUFFIX:
            match = path.endsWith(p.str) || path === p.alt;
            break;
          case K_REGEXP:
            match =
              slashes >= p.minSlashes &&
              slashes <= p.maxSlashes &&
              path.startsWith(p.litPrefix) &&
              path.endsWith(p.litSuffix) &&
              (p.tester as Tester).test(path);
            break;
          default:
            match = false;
        }
        if (!match && parent === null && slashes > 0) {
          for (const dir of parentPrefixes(path)) {
            if (p.match(dir)) {
              match = true;
              break;
            }
          }
        }
      }
      if (match) {
        if (out !== null) out[i] = 1;
        matched = !p.exclusion;
      }
    }
    return matched;
  }
}

// ---------------------------------------------------------------------------------------
// COPY --exclude
// ---------------------------------------------------------------------------------------

export type ExcludeFn = ((relPath: string) => boolean) & { readonly errors: readonly PatternError[] };

/**
 * `COPY --exclude` / `ADD --exclude` (CONTRACT rule 19): mirrors tonistiigi/fsutil
 * `copy/copy.go` `copier.exclude`, which calls MatchesUsingParentResults on each path
 * relative to the copied source while recursing (`copier.copy`/`copyDirectory`):
 * - the source itself (relPath '' or '.') is never matched, so a file source is always copied;
 * - top-level entries get the zero MatchInfo, deeper ones their parent directory's info;
 * - an excluded directory is not read at all when no pattern is an exception; with any
 *   exception it is still walked (no prefix optimisation here, unlike the context walk),
 *   and each entry below decides for itself.
 * The patterns are used as given (no ReadAll cleaning: `--exclude=/x` never matches).
 * Returns whether the file at `relPath` is excluded. Directory results are cached, so
 * classify many files with one function.
 */
export function compileExcludes(patterns: string[]): ExcludeFn {
  const pm = new PatternMatcher(Array.isArray(patterns) ? patterns : []);
  const n = pm.patterns.length;
  interface DirState {
    info: Uint8Array | null; // null: the zero MatchInfo (the source root)
    pruned: boolean;
    slashes: number;
  }
  const root: DirState = { info: null, pruned: false, slashes: -1 };
  const dirs = new Map<string, DirState>();
  const dirState = (dir: string): DirState => {
    if (dir === '') return root;
    let st = dirs.get(dir);
    if (st !== undefined) return st;
    const cut = dir.lastIndexOf('/');
    const parent = dirState(cut < 0 ? '' : dir.slice(0, cut));
    if (parent.pruned) {
      st = { info: null, pruned: true, slashes: parent.slashes + 1 };
    } else {
      const info = new Uint8Array(n);
      const m = pm.matchInto(dir, parent.slashes + 1, parent.info, info);
      st = { info, pruned: m && !pm.exclusions, slashes: parent.slashes + 1 };
    }
    dirs.set(dir, st);
    return st;
  };
  const fn = (relPath: string): boolean => {
    if (n === 0 || typeof relPath !== 'string') return false;
    const p = normalizeRelPath(relPath);
    if (p === '') return false;
    const cut = p.lastIndexOf('/');
    const parent = dirState(cut < 0 ? '' : p.slice(0, cut));
    if (parent.pruned) return true;
    return pm.matchInto(p, parent.slashes + 1, parent.info, null);
  };
  return Object.assign(fn, { errors: pm.errors });
}

const UNCLEAN_REL = /(?:^|\/)\.?(?:\/|$)/;

/**
 * The relative path Go's `filepath.WalkDir`/`filepath.Rel` would report for a context file
 * (fsutil `fs.Walk`): a context-relative path as the walk sees it: '/'-separated with no empty or '.'
 * elements and no leading '/'. '' for the root itself.
 */
export function normalizeRelPath(p: string): string {
  if (!UNCLEAN_REL.test(p)) return p;
  const parts = p.split('/');
  const out: string[] = [];
  for (const part of parts) if (part !== '' && part !== '.') out.push(part);
  return out.join('/');
}
