/**
 * A port of BuildKit's shell lexer, `frontend/dockerfile/shell/lex.go` (moby/buildkit at
 * 73ed6825), with `equal_env_unix.go` (environment keys are case-sensitive).
 *
 * It does what BuildKit does to an instruction argument at dispatch time: `$X`, `${X}`,
 * `${X:-d}` / `${X-d}`, `${X:+a}` / `${X+a}`, `${X:?msg}` / `${X?msg}`, `${X#p}` / `${X##p}`,
 * `${X%p}` / `${X%%p}`, `${X/p/r}` / `${X//p/r}`, quotes, the escape token and word splitting,
 * with the same quirks (they are BuildKit's behaviour, so they are ours). Notable ones:
 *
 * - every name that is looked up is recorded as matched or unmatched, including names used
 *   only inside a default (`${A:-$B}` looks up B, and then A, whether or not A is set), and
 *   names of unsupported forms (`${A:=x}` records A before failing);
 * - the word splitter's buffer is shared with nested `${X<op>word}` scans, so in
 *   `processWords` the text of the current word before such an expansion is lost
 *   (`a${X:-b}c` splits to `["bc"]`);
 * - `${X//p/r}` goes through Go's `Regexp.ReplaceAllString`, so `$0`/`${0}` in `r` expand to
 *   the match and `$$` to `$`, while `${X/p/r}` inserts `r` literally;
 * - on an error BuildKit returns an empty result: `value` is `''` and `words` is `[]`, while
 *   the names looked up before the error are still reported.
 *
 * Go's `text/scanner` reads runes (code points); so does this port. Like it, a byte-order
 * mark at the very start of a word is skipped.
 *
 * Pure: no DOM, no Node.
 */

/** shell.EnvGetter: `get` returns undefined when the variable is not set. */
export interface EnvGetter {
  get(key: string): string | undefined;
  keys(): string[];
}

/** The result of one expansion (Go: `ProcessWordResult` plus the error). */
export interface WordResult {
  /** the expanded word (Go: `Result`); `''` when `error` is set, as in BuildKit */
  value: string;
  /** the expanded word split on unquoted white space (Go: `Words`); `[]` on error */
  words: string[];
  /** names that were looked up and found (Go: `Matched`) */
  matched: Set<string>;
  /** names that were looked up and not found (Go: `Unmatched`), including special params */
  unmatched: Set<string>;
  /** BuildKit's error message (`failed to process "...": ...`), or null */
  error: string | null;
}

export interface ProcessOptions {
  /** Lex.SkipUnsetEnv: leave references to unset variables as written */
  skipUnsetEnv?: boolean;
  /** Lex.RawQuotes: keep the quote characters in the result */
  rawQuotes?: boolean;
  /** Lex.RawEscapes: keep the escape characters in the result */
  rawEscapes?: boolean;
  /** Lex.SkipProcessQuotes: treat quotes as ordinary characters */
  skipProcessQuotes?: boolean;
}

/**
 * Mirrors `EnvsFromSlice` / `envGetter`, built from a map instead of `KEY=VALUE` strings.
 * Keys are compared exactly (`NormalizeEnvKey` is the identity on Unix). For a plain object
 * only its own enumerable properties count (`toString` is not a variable).
 */
export function envFromMap(m: Map<string, string> | Record<string, string>): EnvGetter {
  const map = m instanceof Map ? new Map(m) : new Map(Object.entries(m));
  const keys = [...map.keys()];
  return {
    get: (key) => map.get(key),
    keys: () => keys.slice(),
  };
}

/**
 * Mirrors `Lex.ProcessWordWithMatches` (and so `Lex.ProcessWord`, which returns a subset):
 * expands `word` with `env`, records the names looked up, and splits the result into words.
 * Never throws.
 */
export function processWord(
  word: string,
  env: EnvGetter,
  escapeToken: '\\' | '`' = '\\',
  opts: ProcessOptions = {},
): WordResult {
  return process(word, env, escapeToken, opts);
}

/**
 * Mirrors `Lex.ProcessWords`: the same expansion, for its word splitting (`words`).
 * BuildKit's `ProcessWords` does not capture matches; capturing changes nothing else, so
 * this reports them anyway. Never throws.
 */
export function processWords(word: string, env: EnvGetter, escapeToken: '\\' | '`' = '\\'): WordResult {
  return process(word, env, escapeToken, {});
}

// ------------------------------------------------------------------------------- internals

const EOF = -1;
const CH_DOLLAR = 0x24; // $
const CH_LT = 0x3c; // <
const CH_SQUOTE = 0x27; // '
const CH_DQUOTE = 0x22; // "
const CH_LBRACE = 0x7b; // {
const CH_RBRACE = 0x7d; // }
const CH_COLON = 0x3a; // :
const CH_SLASH = 0x2f; // /
const CH_BACKSLASH = 0x5c; // \
const CH_UNDERSCORE = 0x5f; // _

/** Deeper nesting than this is reported as an error instead of overflowing the JS stack. */
const MAX_DEPTH = 400;

/** An error value of the Go code (`errors.New`/`errors.Errorf`), thrown up to `process`. */
class LexError extends Error {}

/** Go's `string(rune)`: EOF (-1) and other invalid runes become U+FFFD. */
function runeStr(ch: number): string {
  if (ch < 0 || ch > 0x10ffff) return '\uFFFD';
  return String.fromCodePoint(ch);
}

function isAsciiLetter(ch: number): boolean {
  return (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a);
}

const LETTER_RE = /^\p{L}$/u;
const DIGIT_RE = /^\p{Nd}$/u;
const PRINT_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsLetter */
function isLetter(ch: number): boolean {
  if (ch < 0x80) return isAsciiLetter(ch);
  if (ch > 0x10ffff) return false;
  return LETTER_RE.test(String.fromCodePoint(ch));
}

/** unicode.IsDigit */
function isDigit(ch: number): boolean {
  if (ch < 0x80) return ch >= 0x30 && ch <= 0x39;
  if (ch > 0x10ffff) return false;
  return DIGIT_RE.test(String.fromCodePoint(ch));
}

/** unicode.IsSpace (Latin-1 list, then the White_Space property). */
function isSpace(ch: number): boolean {
  if (ch <= 0xff) {
    return ch === 0x20 || (ch >= 0x09 && ch <= 0x0d) || ch === 0x85 || ch === 0xa0;
  }
  return (
    ch === 0x1680 ||
    (ch >= 0x2000 && ch <= 0x200a) ||
    ch === 0x2028 ||
    ch === 0x2029 ||
    ch === 0x202f ||
    ch === 0x205f ||
    ch === 0x3000
  );
}

/** The runes of lex.go's `case '+', '-', '?', '#', '%':` in processDollar. */
function isModifier(ch: number): boolean {
  return ch === 0x2b || ch === 0x2d || ch === 0x3f || ch === 0x23 || ch === 0x25;
}

/** lex.go `isWhitespace` (only used after `<<`). */
function isWhitespace(ch: number): boolean {
  return ch === 0x09 || ch === 0x0d || ch === 0x20;
}

/** lex.go `isSpecialParam`: `@ * # ? - $ ! 0`. */
function isSpecialParam(ch: number): boolean {
  switch (ch) {
    case 0x40: // @
    case 0x2a: // *
    case 0x23: // #
    case 0x3f: // ?
    case 0x2d: // -
    case 0x24: // $
    case 0x21: // !
    case 0x30: // 0
      return true;
  }
  return false;
}

/**
 * The part of Go's `text/scanner.Scanner` lex.go uses: `Peek` and `Next` over runes, EOF as
 * -1, and a byte-order mark skipped when it is the very first character.
 */
class RuneScanner {
  private pos = 0;
  private started = false;
  constructor(private readonly src: string) {}

  /** Scanner.Peek */
  peek(): number {
    if (!this.started) {
      this.started = true;
      if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1;
    }
    if (this.pos >= this.src.length) return EOF;
    return this.src.codePointAt(this.pos) as number;
  }

  /** Scanner.Next */
  next(): number {
    const ch = this.peek();
    if (ch !== EOF) this.pos += ch > 0xffff ? 2 : 1;
    return ch;
  }
}

/** The `strings.Builder` that `shellWord.wordsBuffer` is; shared by nested scans. */
interface StringBuf {
  s: string;
}

/** lex.go `wordsStruct` */
class Words {
  words: string[] = [];
  inWord = false;
  constructor(private readonly buf: StringBuf) {}

  /** wordsStruct.addChar */
  addChar(ch: number): void {
    if (isSpace(ch) && this.inWord) {
      if (this.buf.s.length !== 0) {
        this.words.push(this.buf.s);
        this.buf.s = '';
        this.inWord = false;
      }
    } else if (!isSpace(ch)) {
      this.addRawChar(ch);
    }
  }

  /** wordsStruct.addRawChar */
  addRawChar(ch: number): void {
    this.buf.s += runeStr(ch);
    this.inWord = true;
  }

  /** wordsStruct.addString */
  addString(str: string): void {
    for (const c of str) this.addChar(c.codePointAt(0) as number);
  }

  /** wordsStruct.addRawString */
  addRawString(str: string): void {
    this.buf.s += str;
    this.inWord = true;
  }

  /** wordsStruct.getWords */
  getWords(): string[] {
    if (this.buf.s.length > 0) {
      this.words.push(this.buf.s);
      this.buf.s = '';
      this.inWord = false;
    }
    return this.words;
  }
}

/** lex.go `shellWord` (with the `Lex` settings it embeds). */
class ShellWord {
  readonly wordsBuffer: StringBuf = { s: '' };
  readonly scanner: RuneScanner;
  rawEscapes: boolean;
  readonly matches = new Set<string>();
  readonly nonmatches = new Set<string>();
  private depth = 0;

  constructor(
    word: string,
    private readonly envs: EnvGetter,
    private readonly escapeToken: number,
    private readonly opts: ProcessOptions,
  ) {
    this.scanner = new RuneScanner(word);
    this.rawEscapes = opts.rawEscapes === true;
  }

  /** shellWord.process (the error wrapping is done by the caller) */
  process(): [string, string[]] {
    return this.processStopOn(EOF, this.rawEscapes);
  }

  /**
   * shellWord.processStopOn: process the word until its end or `stopChar`, which is consumed.
   * `rawEscapes` applies for the duration of the call.
   */
  processStopOn(stopChar: number, rawEscapes: boolean): [string, string[]] {
    if (this.depth >= MAX_DEPTH) throw new LexError('expression nested too deeply');
    this.depth++;
    let result = '';
    this.wordsBuffer.s = '';
    const words = new Words(this.wordsBuffer);

    // temporarily set sw.rawEscapes if needed
    const restore = rawEscapes !== this.rawEscapes;
    if (restore) this.rawEscapes = rawEscapes;
    try {
      const quotes = this.opts.skipProcessQuotes !== true;
      while (this.scanner.peek() !== EOF) {
        let ch = this.scanner.peek();

        if (stopChar !== EOF && ch === stopChar) {
          this.scanner.next();
          return [result, words.getWords()];
        }
        let fn: (() => string) | null = null;
        if (ch === CH_DOLLAR) fn = () => this.processDollar();
        else if (ch === CH_LT) fn = () => this.processPossibleHeredoc();
        else if (quotes && ch === CH_SQUOTE) fn = () => this.processSingleQuote();
        else if (quotes && ch === CH_DQUOTE) fn = () => this.processDoubleQuote();

        if (fn !== null) {
          // Call special processing func for certain chars
          const tmp = fn();
          result += tmp;
          if (ch === CH_DOLLAR) words.addString(tmp);
          else words.addRawString(tmp);
        } else {
          // Not special, just add it to the result
          ch = this.scanner.next();
          if (ch === this.escapeToken) {
            if (this.rawEscapes) {
              words.addRawChar(ch);
              result += runeStr(ch);
            }
            // the escape token escapes the next character, except at the end
            ch = this.scanner.next();
            if (ch === EOF) break;
            words.addRawChar(ch);
          } else {
            words.addChar(ch);
          }
          result += runeStr(ch);
        }
      }
      if (stopChar !== EOF) {
        throw new LexError(`unexpected end of statement while looking for matching ${runeStr(stopChar)}`);
      }
      return [result, words.getWords()];
    } finally {
      if (restore) this.rawEscapes = !rawEscapes;
      this.depth--;
    }
  }

  /** shellWord.processSingleQuote: everything up to the next `'` is literal. */
  processSingleQuote(): string {
    let result = '';
    let ch = this.scanner.next();
    if (this.opts.rawQuotes) result += runeStr(ch);
    for (;;) {
      ch = this.scanner.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === CH_SQUOTE) {
        if (this.opts.rawQuotes) result += runeStr(ch);
        return result;
      }
      result += runeStr(ch);
    }
  }

  /**
   * shellWord.processDoubleQuote: literal except `$`; the escape token escapes only `"`, `$`
   * and itself, and is kept before any other character.
   */
  processDoubleQuote(): string {
    let result = '';
    let ch = this.scanner.next();
    if (this.opts.rawQuotes) result += runeStr(ch);
    for (;;) {
      const peek = this.scanner.peek();
      if (peek === EOF) {
        throw new LexError('unexpected end of statement while looking for matching double-quote');
      }
      if (peek === CH_DQUOTE) {
        ch = this.scanner.next();
        if (this.opts.rawQuotes) result += runeStr(ch);
        return result;
      }
      if (peek === CH_DOLLAR) {
        result += this.processDollar();
        continue;
      }
      ch = this.scanner.next();
      if (ch === this.escapeToken) {
        if (this.rawEscapes) result += runeStr(ch);
        const p = this.scanner.peek();
        if (p === EOF) continue; // ignore the escape at the end of the word
        if (p === CH_DQUOTE || p === CH_DOLLAR || p === this.escapeToken) ch = this.scanner.next();
      }
      result += runeStr(ch);
    }
  }

  /** Go's `if err != nil { if Peek() == EOF { err = errors.New(eofMessage) } }` around a nested scan. */
  private stopOnOr(stopChar: number, rawEscapes: boolean, eofMessage: string): string {
    try {
      return this.processStopOn(stopChar, rawEscapes)[0];
    } catch (e) {
      if (e instanceof LexError && this.scanner.peek() === EOF) throw new LexError(eofMessage);
      throw e;
    }
  }

  /** shellWord.processDollar: `$name`, `${name}` and the `${name<modifier>word}` forms. */
  processDollar(): string {
    this.scanner.next();

    // $xxx case
    if (this.scanner.peek() !== CH_LBRACE) {
      const name = this.processName();
      if (name === '') return '$';
      const [value, found] = this.getEnv(name);
      if (!found && this.opts.skipUnsetEnv) return '$' + name;
      return value;
    }

    this.scanner.next();
    const first = this.scanner.peek();
    if (first === EOF) throw new LexError("syntax error: missing '}'");
    if (first === CH_LBRACE || first === CH_RBRACE || first === CH_COLON) {
      // Invalid ${{xx}, ${:xx}, ${:}. ${} case
      throw new LexError('syntax error: bad substitution');
    }
    const name = this.processName();
    let ch = this.scanner.next();
    let chs = runeStr(ch);
    let nullIsUnset = false;

    if (ch === CH_RBRACE) {
      // Normal ${xx} case
      const [value, set] = this.getEnv(name);
      if (!set && this.opts.skipUnsetEnv) return `\${${name}}`;
      return value;
    }
    if (ch === CH_SLASH) return this.processReplace(name);
    if (ch === CH_COLON) {
      nullIsUnset = true;
      ch = this.scanner.next();
      chs += runeStr(ch);
      // Go falls through to the modifier case whatever `ch` now is
    } else if (!isModifier(ch)) {
      throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }

    const op = ch >= 0 && ch <= 0x7f ? String.fromCharCode(ch) : '';
    const rawEscapes = op === '#' || op === '%';
    if (nullIsUnset && rawEscapes) throw new LexError(`unsupported modifier (${chs}) in substitution`);
    let word = this.stopOnOr(CH_RBRACE, rawEscapes, "syntax error: missing '}'");

    // Grab the current value of the variable in question so we can use it to determine what
    // to do based on the modifier
    const [value, set] = this.getEnv(name);
    if (this.opts.skipUnsetEnv && !set) return `\${${name}${chs}${word}}`;

    switch (op) {
      case '-':
        if (!set || (nullIsUnset && value === '')) return word;
        return value;
      case '+':
        if (!set || (nullIsUnset && value === '')) return '';
        return word;
      case '?':
        if (!set) throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
        if (nullIsUnset && value === '') {
          throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
        }
        return value;
      case '%':
      case '#': {
        // %/# matches the shortest pattern expansion, %%/## the longest
        let greedy = false;
        if (word.length > 0 && word[0] === op) {
          greedy = true;
          word = word.slice(1);
        }
        if (op === '%') return trimSuffix(word, value, greedy);
        return trimPrefix(word, value, greedy);
      }
      default:
        throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  /** The `case '/':` branch of shellWord.processDollar: `${name/pat/repl}`, `${name//pat/repl}`. */
  private processReplace(name: string): string {
    const replaceAll = this.scanner.peek() === CH_SLASH;
    if (replaceAll) this.scanner.next();

    const pattern = this.stopOnOr(CH_SLASH, true, "syntax error: missing '/' in ${}");
    const replacement = this.stopOnOr(CH_RBRACE, true, "syntax error: missing '}'");

    const [value, set] = this.getEnv(name);
    // (BuildKit prints one '/' here even for `//`)
    if (this.opts.skipUnsetEnv && !set) return `\${${name}/${pattern}/${replacement}}`;

    let re: RegExp;
    try {
      re = convertShellPatternToRegex(pattern, true, false);
    } catch (e) {
      if (e instanceof LexError) throw new LexError(`invalid pattern (${pattern}) in substitution: ${e.message}`);
      throw e;
    }
    if (replaceAll) return goReplaceAllString(re, value, replacement);
    const m = re.exec(value);
    if (m === null) return value;
    return value.slice(0, m.index) + replacement + value.slice(m.index + m[0].length);
  }

  /**
   * shellWord.processName: a name of letters, digits and `_`; a run of digits when it starts
   * with a digit; or one special parameter character.
   */
  processName(): string {
    let name = '';
    while (this.scanner.peek() !== EOF) {
      let ch = this.scanner.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.scanner.peek() !== EOF && isDigit(this.scanner.peek())) {
          // Keep reading until the first non-digit character, or EOF
          ch = this.scanner.next();
          name += runeStr(ch);
        }
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) {
        ch = this.scanner.next();
        return runeStr(ch);
      }
      if (!isLetter(ch) && !isDigit(ch) && ch !== CH_UNDERSCORE) break;
      ch = this.scanner.next();
      name += runeStr(ch);
    }
    return name;
  }

  /** shellWord.processPossibleHeredoc: `<<` and the blanks after it are passed through whole. */
  processPossibleHeredoc(): string {
    this.scanner.next();
    if (this.scanner.peek() !== CH_LT) return '<'; // not a heredoc
    this.scanner.next();

    // heredoc might have whitespace between << and word terminator
    let space = '';
    let nextCh = this.scanner.peek();
    while (isWhitespace(nextCh)) {
      space += runeStr(nextCh);
      this.scanner.next();
      nextCh = this.scanner.peek();
    }
    return '<<' + space;
  }

  /** shellWord.getEnv: looks a name up and records it as matched or unmatched. */
  getEnv(name: string): [string, boolean] {
    const v = this.envs.get(name);
    if (v !== undefined) {
      this.matches.add(name);
      return [v, true];
    }
    this.nonmatches.add(name);
    return ['', false];
  }
}

/** Lex.process + shellWord.process: runs the scan and turns errors into values. */
function process(word: string, env: EnvGetter, escapeToken: '\\' | '`', opts: ProcessOptions): WordResult {
  const esc = escapeToken === '`' ? 0x60 : CH_BACKSLASH;
  const sw = new ShellWord(word, env, esc, opts);
  try {
    const [value, words] = sw.process();
    return { value, words, matched: sw.matches, unmatched: sw.nonmatches, error: null };
  } catch (e) {
    let msg: string;
    if (e instanceof LexError) msg = e.message;
    else if (e instanceof RangeError) msg = 'expression nested too deeply';
    else msg = e instanceof Error ? e.message : String(e);
    const error = `failed to process ${goQuote(word)}: ${msg}`;
    return { value: '', words: [], matched: sw.matches, unmatched: sw.nonmatches, error };
  }
}

// --------------------------------------------------------------------------- patterns

/**
 * lex.go `convertShellPatternToRegex`: `?` is one character, `*` the shortest or longest
 * (greedy) string, `\` escapes `*`, `?` and `\` (and is dropped before `}` and `/`); no
 * bracket expressions. Go's `.` (any rune but `\n`) is written `[^\n]` here, because JS's `.`
 * also stops at `\r`, U+2028 and U+2029.
 */
export function convertShellPatternToRegex(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const s = new RuneScanner(pattern);
  let out = anchored ? '^' : '';
  const starPattern = greedy ? '[^\\n]*' : '[^\\n]*?';
  for (let tok = s.next(); tok !== EOF; tok = s.next()) {
    switch (tok) {
      case 0x2a: // *
        out += starPattern;
        continue;
      case 0x3f: // ?
        out += '[^\\n]';
        continue;
      case CH_BACKSLASH: {
        // } and / as part of ${} need to be escaped, but the escape isn't part of the pattern
        const p = s.peek();
        if (p === CH_RBRACE || p === CH_SLASH) continue;
        out += '\\';
        tok = s.next();
        if (tok !== 0x2a && tok !== 0x3f && tok !== CH_BACKSLASH) {
          throw new LexError(`invalid escape '\\${runeStr(tok)}'`);
        }
        break;
      }
      // regex characters that need to be escaped
      case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x2e: case 0x2b: // [ ] { } . +
      case 0x28: case 0x29: case 0x7c: case 0x5e: case 0x24: // ( ) | ^ $
        out += '\\';
        break;
    }
    out += runeStr(tok);
  }
  return new RegExp(out, 'gu');
}

/** lex.go `trimPrefix`: drops the (shortest or longest) match of `word` at the start of `value`. */
function trimPrefix(word: string, value: string, greedy: boolean): string {
  let re: RegExp;
  try {
    re = convertShellPatternToRegex(word, greedy, true);
  } catch (e) {
    if (e instanceof LexError) throw new LexError(`invalid pattern (${word}) in substitution: ${e.message}`);
    throw e;
  }
  re.lastIndex = 0;
  const m = re.exec(value);
  if (m !== null) return value.slice(m.index + m[0].length);
  return value;
}

/** lex.go `reversePattern`: reverses runes but keeps `\x` pairs in order (`a\*c` -> `c\*a`). */
function reversePattern(pattern: string): string {
  const runes = Array.from(pattern);
  const out: string[] = new Array<string>(runes.length);
  const lastIdx = runes.length - 1;
  for (let i = 0; i <= lastIdx; ) {
    const tok = runes[i];
    const outIdx = lastIdx - i;
    if (tok === '\\' && i !== lastIdx) {
      out[outIdx - 1] = tok;
      out[outIdx] = runes[i + 1];
      i += 2;
    } else {
      out[outIdx] = tok;
      i++;
    }
  }
  return out.join('');
}

/** lex.go `reverseString` (by runes) */
function reverseString(str: string): string {
  return Array.from(str).reverse().join('');
}

/**
 * lex.go `trimSuffix`: reverses pattern and value so that the shortest rightmost match becomes
 * a leftmost one.
 */
function trimSuffix(pattern: string, word: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(word), greedy));
}

/**
 * Go's `Regexp.ReplaceAllString` (regexp.go `replaceAll` + `expand`): an empty match right
 * after a previous match is not replaced, and the replacement is a template (`$0`, `${0}`,
 * `$$`). The patterns lex.go builds have no groups, so any other `$name` expands to nothing.
 * `re` must have the `g` flag.
 */
function goReplaceAllString(re: RegExp, src: string, repl: string): string {
  let lastMatchEnd = 0;
  let searchPos = 0;
  let dst = '';
  while (searchPos <= src.length) {
    re.lastIndex = searchPos;
    const m = re.exec(src);
    if (m === null) break;
    const a0 = m.index;
    const a1 = m.index + m[0].length;
    dst += src.slice(lastMatchEnd, a0);
    if (a1 > lastMatchEnd || a0 === 0) dst += goExpand(repl, m[0]);
    lastMatchEnd = a1;
    // Advance past this match; always advance at least one character.
    const width = searchPos < src.length ? ((src.codePointAt(searchPos) as number) > 0xffff ? 2 : 1) : 0;
    if (searchPos + width > a1) searchPos += width;
    else if (searchPos + 1 > a1) searchPos++;
    else searchPos = a1;
  }
  return dst + src.slice(lastMatchEnd);
}

/** Go's `Regexp.expand` for a regexp without capture groups. */
function goExpand(template: string, match: string): string {
  let dst = '';
  let t = template;
  while (t.length > 0) {
    const i = t.indexOf('$');
    if (i < 0) break;
    dst += t.slice(0, i);
    t = t.slice(i + 1);
    if (t !== '' && t[0] === '$') {
      // Treat $$ as $.
      dst += '$';
      t = t.slice(1);
      continue;
    }
    const ex = goExtract(t);
    if (ex === null) {
      // Malformed; treat $ as raw text.
      dst += '$';
      continue;
    }
    t = ex.rest;
    if (ex.num === 0) dst += match;
  }
  return dst + t;
}

/** Go's regexp `extract`: the name (or number) after a `$` in a template. */
function goExtract(str: string): { num: number; rest: string } | null {
  if (str === '') return null;
  let brace = false;
  if (str[0] === '{') {
    brace = true;
    str = str.slice(1);
  }
  let i = 0;
  while (i < str.length) {
    const r = str.codePointAt(i) as number;
    if (!isLetter(r) && !isDigit(r) && r !== CH_UNDERSCORE) break;
    i += r > 0xffff ? 2 : 1;
  }
  if (i === 0) return null; // empty name is not okay
  const name = str.slice(0, i);
  if (brace) {
    if (i >= str.length || str[i] !== '}') return null; // missing closing brace
    i++;
  }
  let num = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c < 0x30 || c > 0x39 || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + (c - 0x30);
  }
  // Disallow leading zeros.
  if (name[0] === '0' && name.length > 1) num = -1;
  return { num, rest: str.slice(i) };
}

/** Go's `strconv.Quote`, as `%q` prints BuildKit's source word in error messages. */
export function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const r = c.codePointAt(0) as number;
    if (r === CH_DQUOTE || r === CH_BACKSLASH) {
      out += '\\' + c;
      continue;
    }
    if (r < 0x80 ? r >= 0x20 && r < 0x7f : r < 0xd800 || r > 0xdfff ? PRINT_RE.test(c) : false) {
      out += c;
      continue;
    }
    switch (r) {
      case 0x07: out += '\\a'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
      case 0x0b: out += '\\v'; continue;
    }
    if (r < 0x20 || r === 0x7f) out += '\\x' + r.toString(16).padStart(2, '0');
    else if (r >= 0xd800 && r <= 0xdfff) out += '\\ufffd';
    else if (r < 0x10000) out += '\\u' + r.toString(16).padStart(4, '0');
    else out += '\\U' + r.toString(16).padStart(8, '0');
  }
  return out + '"';
}
