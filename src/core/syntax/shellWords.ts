/**
 * The word-splitting half of BuildKit's shell lexer (`shell/lex.go`), as the parser uses it to
 * find heredoc words: no environment, `SkipUnsetEnv = true`, so `$X` and `${X...}` stay as
 * written. Variable expansion proper belongs to the dispatcher.
 */
import { goQuote, isSpace, ParseProblem } from './text.ts';

const EOF = -1;

export interface LexOptions {
  escapeToken: string;
  rawQuotes: boolean;
  rawEscapes: boolean;
}

class LexError extends ParseProblem {}

/** shell.isWhitespace */
function isWhitespace(r: number): boolean {
  return r === 0x09 || r === 0x0d || r === 0x20;
}

const isLetter = (r: number) => r >= 0 && /\p{L}/u.test(String.fromCodePoint(r));
const isDigit = (r: number) => r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
const isSpaceCp = (r: number) => r >= 0 && isSpace(String.fromCodePoint(r));
const chr = (r: number) => (r < 0 ? '\uFFFD' : String.fromCodePoint(r));

/** shell.isSpecialParam */
function isSpecialParam(r: number): boolean {
  return '@*#?-$!0'.includes(chr(r)) && r >= 0;
}

class ShellWord {
  private pos = 0;
  private readonly cps: number[];
  private readonly esc: number;
  private rawEscapes: boolean;
  private readonly rawQuotes: boolean;
  /** sw.wordsBuffer: shared by nested processStopOn calls, as in Go */
  private wordsBuffer = { s: '' };

  constructor(input: string, opts: LexOptions) {
    this.cps = Array.from(input, (c) => c.codePointAt(0) ?? 0);
    this.esc = opts.escapeToken.codePointAt(0) ?? 0x5c;
    this.rawEscapes = opts.rawEscapes;
    this.rawQuotes = opts.rawQuotes;
  }

  private peek(): number {
    return this.pos < this.cps.length ? this.cps[this.pos] : EOF;
  }
  private next(): number {
    return this.pos < this.cps.length ? this.cps[this.pos++] : EOF;
  }

  // shellWord.process
  process(): string[] {
    return this.processStopOn(EOF, this.rawEscapes).words;
  }

  // shellWord.processStopOn
  private processStopOn(stopChar: number, rawEscapes: boolean): { result: string; words: string[] } {
    let result = '';
    const buf = this.wordsBuffer;
    buf.s = '';
    const words: string[] = [];
    let inWord = false;
    // wordsStruct.addChar / addRawChar / addString / addRawString / getWords
    const addRawChar = (c: string) => {
      buf.s += c;
      inWord = true;
    };
    const addChar = (r: number) => {
      if (isSpaceCp(r) && inWord) {
        if (buf.s.length !== 0) {
          words.push(buf.s);
          buf.s = '';
          inWord = false;
        }
      } else if (!isSpaceCp(r)) {
        addRawChar(chr(r));
      }
    };
    const getWords = () => {
      if (buf.s.length > 0) {
        words.push(buf.s);
        buf.s = '';
        inWord = false;
      }
      return words;
    };

    const swapped = rawEscapes !== this.rawEscapes;
    if (swapped) this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        let ch = this.peek();
        if (stopChar !== EOF && ch === stopChar) {
          this.next();
          return { result, words: getWords() };
        }
        if (ch === 0x24 /* $ */ || ch === 0x3c /* < */ || ch === 0x27 || ch === 0x22) {
          let tmp: string;
          if (ch === 0x24) tmp = this.processDollar();
          else if (ch === 0x3c) tmp = this.processPossibleHeredoc();
          else if (ch === 0x27) tmp = this.processSingleQuote();
          else tmp = this.processDoubleQuote();
          result += tmp;
          if (ch === 0x24) {
            for (const c of tmp) addChar(c.codePointAt(0) ?? 0);
          } else {
            buf.s += tmp;
            inWord = true;
          }
        } else {
          ch = this.next();
          if (ch === this.esc) {
            if (this.rawEscapes) {
              addRawChar(chr(ch));
              result += chr(ch);
            }
            ch = this.next();
            if (ch === EOF) break;
            addRawChar(chr(ch));
          } else {
            addChar(ch);
          }
          result += chr(ch);
        }
      }
      if (stopChar !== EOF) {
        throw new LexError(`unexpected end of statement while looking for matching ${chr(stopChar)}`);
      }
      return { result, words: getWords() };
    } finally {
      if (swapped) this.rawEscapes = !rawEscapes;
    }
  }

  // shellWord.processSingleQuote
  private processSingleQuote(): string {
    let result = '';
    let ch = this.next();
    if (this.rawQuotes) result += chr(ch);
    for (;;) {
      ch = this.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === 0x27) {
        if (this.rawQuotes) result += chr(ch);
        return result;
      }
      result += chr(ch);
    }
  }

  // shellWord.processDoubleQuote
  private processDoubleQuote(): string {
    let result = '';
    let ch = this.next();
    if (this.rawQuotes) result += chr(ch);
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === 0x22) {
        ch = this.next();
        if (this.rawQuotes) result += chr(ch);
        return result;
      }
      if (p === 0x24) {
        result += this.processDollar();
        continue;
      }
      ch = this.next();
      if (ch === this.esc) {
        if (this.rawEscapes) result += chr(ch);
        const q = this.peek();
        if (q === EOF) continue;
        if (q === 0x22 || q === 0x24 || q === this.esc) ch = this.next();
      }
      result += chr(ch);
    }
  }

  // shellWord.processDollar (empty environment, SkipUnsetEnv)
  private processDollar(): string {
    this.next();
    if (this.peek() !== 0x7b /* { */) {
      const name = this.processName();
      if (name === '') return '$';
      return '$' + name;
    }
    this.next();
    const p = this.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === 0x7b || p === 0x7d || p === 0x3a) throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    let chs = chr(ch);
    let nullIsUnset = false;
    if (ch === 0x7d) return '${' + name + '}';
    if (ch === 0x3a) {
      nullIsUnset = true;
      ch = this.next();
      chs += chr(ch);
    }
    if (nullIsUnset || ch === 0x2b || ch === 0x2d || ch === 0x3f || ch === 0x23 || ch === 0x25) {
      const raw = ch === 0x23 || ch === 0x25;
      if (nullIsUnset && raw) throw new LexError(`unsupported modifier (${chs}) in substitution`);
      let word: string;
      try {
        word = this.processStopOn(0x7d, raw).result;
      } catch (e) {
        if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
        throw e;
      }
      return '${' + name + chs + word + '}';
    }
    if (ch === 0x2f /* / */) {
      if (this.peek() === 0x2f) this.next();
      let pattern: string;
      try {
        pattern = this.processStopOn(0x2f, true).result;
      } catch (e) {
        if (this.peek() === EOF) throw new LexError("syntax error: missing '/' in ${}");
        throw e;
      }
      let replacement: string;
      try {
        replacement = this.processStopOn(0x7d, true).result;
      } catch (e) {
        if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
        throw e;
      }
      return '${' + name + '/' + pattern + '/' + replacement + '}';
    }
    throw new LexError(`unsupported modifier (${chs}) in substitution`);
  }

  // shellWord.processName
  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      let ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) {
          ch = this.next();
          name += chr(ch);
        }
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) {
        ch = this.next();
        return chr(ch);
      }
      if (!isLetter(ch) && !isDigit(ch) && ch !== 0x5f) break;
      ch = this.next();
      name += chr(ch);
    }
    return name;
  }

  // shellWord.processPossibleHeredoc
  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== 0x3c) return '<';
    this.next();
    let space = '';
    while (isWhitespace(this.peek())) {
      space += chr(this.peek());
      this.next();
    }
    return '<<' + space;
  }
}

/**
 * Lex.ProcessWords with an empty environment and SkipUnsetEnv: the words of `input`, or an
 * error message (already wrapped as `failed to process "<input>": ...`).
 */
export function processWords(input: string, opts: LexOptions): { words: string[]; error: string | null } {
  try {
    return { words: new ShellWord(input, opts).process(), error: null };
  } catch (e) {
    if (e instanceof LexError) {
      return { words: [], error: `failed to process ${goQuote(input)}: ${e.message}` };
    }
    throw e;
  }
}
