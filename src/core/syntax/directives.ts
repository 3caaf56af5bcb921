/**
 * Parser directives (`# escape=`, `# syntax=`, `# check=`): a port of BuildKit's
 * `parser/directives.go` plus the escape-token handling of `parser/parser.go`.
 */
import { trimLeftSpace } from './text.ts';

export type EscapeToken = '\\' | '`';

export interface Directive {
  name: string; // lower-cased key
  value: string;
  line: number; // 1-based
}

const validDirectives = new Set(['syntax', 'escape', 'check']);

/** Go RE2 `\s`: [\t\n\f\r ] */
function isGoReSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\f' || ch === '\r';
}

/** directiveRegexp `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`, without backtracking */
export function matchDirective(line: string): { key: string; value: string } | null {
  let i = 0;
  const isAlpha = (c: string | undefined) => c !== undefined && /[a-zA-Z]/.test(c);
  const isAlnum = (c: string | undefined) => c !== undefined && /[a-zA-Z0-9]/.test(c);
  if (!isAlpha(line[i])) return null;
  while (isAlnum(line[i])) i++;
  const key = line.slice(0, i);
  while (isGoReSpace(line[i])) i++;
  if (line[i] !== '=') return null;
  i++;
  while (isGoReSpace(line[i])) i++;
  // `.` does not match \n
  let end = line.length;
  while (end > i && isGoReSpace(line[end - 1])) end--;
  const value = line.slice(i, end);
  if (value.length === 0 || value.includes('\n')) return null;
  return { key, value };
}

const NOTHING: { directive: Directive | null; error: string | null } = Object.freeze({ directive: null, error: null });
const NO_DIRECTIVE = Object.freeze({ ok: false, error: null });

/** parser.DirectiveParser */
export class DirectiveParser {
  line: number;
  private comment = '#';
  private seen = new Set<string>();
  done = false;

  constructor(line = 0, comment = '#') {
    this.line = line;
    this.comment = comment;
  }

  // DirectiveParser.ParseLine
  parseLine(line: string): { directive: Directive | null; error: string | null } {
    this.line++;
    if (this.done) return NOTHING;
    if (!line.startsWith(this.comment)) {
      this.done = true;
      return NOTHING;
    }
    const rest = trimLeftSpace(line.slice(this.comment.length));
    const m = matchDirective(rest);
    if (!m) {
      this.done = true;
      return NOTHING;
    }
    const k = m.key.toLowerCase();
    if (!validDirectives.has(k)) {
      this.done = true;
      return NOTHING;
    }
    if (this.seen.has(k)) {
      return { directive: null, error: `only one ${k} parser directive can be used` };
    }
    this.seen.add(k);
    return { directive: { name: k, value: m.value, line: this.line }, error: null };
  }
}

/** parser.directives: the escape token state used while parsing */
export class EscapeState {
  escapeToken: EscapeToken = '\\';
  readonly parser = new DirectiveParser();
  readonly read: Directive[] = [];

  // directives.setEscapeToken
  setEscapeToken(s: string): string | null {
    if (s !== '`' && s !== '\\') {
      return `invalid escape token '${s}' does not match \` or \\`;
    }
    this.escapeToken = s;
    return null;
  }

  // directives.possibleParserDirective
  possibleParserDirective(line: string): { ok: boolean; error: string | null } {
    if (this.parser.done) {
      this.parser.line++;
      return NO_DIRECTIVE;
    }
    const { directive, error } = this.parser.parseLine(line);
    if (error) return { ok: false, error };
    if (directive) this.read.push(directive);
    if (directive && directive.name === 'escape') {
      const err = this.setEscapeToken(directive.value);
      return { ok: err === null, error: err };
    }
    return { ok: directive !== null, error: null };
  }

  /**
   * trimContinuationCharacter: lineContinuationRegex is `([^E])E[ \t]*$|^E[ \t]*$` for the
   * escape token E; implemented without a regex (same result: only the last E can match).
   */
  trimContinuation(line: string): { line: string; isEndOfLine: boolean } {
    const r = this.trimmed;
    r.line = line;
    r.isEndOfLine = true;
    let end = line.length;
    while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
    if (end === 0 || line[end - 1] !== this.escapeToken) return r;
    const escPos = end - 1;
    if (escPos > 0 && line[escPos - 1] === this.escapeToken) return r;
    r.line = escPos === 0 ? '' : line.slice(0, escPos);
    r.isEndOfLine = false;
    return r;
  }
  /** trimContinuation's result, reused (read it before the next call) */
  private readonly trimmed = { line: '', isEndOfLine: true };
}

function discardShebang(text: string): { text: string; had: boolean } {
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  if (first.startsWith('#!')) return { text: nl < 0 ? '' : text.slice(nl + 1), had: true };
  return { text, had: false };
}

// detectDirectiveFromParser (via DirectiveParser.ParseAll, which reads lines with bufio.ScanLines
// and stops as soon as the parser is done: only the top of the file is read)
function detectDirectiveFromParser(key: string, text: string, p: DirectiveParser): Directive | null {
  let start = 0;
  while (start < text.length && !p.done) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const { directive, error } = p.parseLine(line);
    if (error) break;
    if (directive && directive.name === key) return directive;
    if (nl < 0) break;
    start = nl + 1;
  }
  return null;
}

/**
 * parseDirective (DetectSyntax when anyFormat, ParseDirective otherwise): how BuildKit reads
 * `# syntax=` and `# check=` for the frontend and the linter (shebang skipped; for syntax also
 * `// syntax=` and a JSON object). Returns the full value (BuildKit uses the part before the
 * first space).
 */
export function detectDirective(key: string, text: string, anyFormat: boolean): Directive | null {
  let t = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const sb = discardShebang(t);
  t = sb.text;
  const line = sb.had ? 1 : 0;
  const d1 = detectDirectiveFromParser(key, t, new DirectiveParser(line));
  if (d1 || !anyFormat) return d1;
  const d2 = detectDirectiveFromParser(key, t, new DirectiveParser(line, '//'));
  if (d2) return d2;
  if (/^\s*\{/.test(t)) {
    try {
      const v: unknown = JSON.parse(t);
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const val = (v as Record<string, unknown>)[key];
        if (typeof val === 'string') return { name: key, value: val, line };
      }
    } catch {
      // not JSON
    }
  }
  return null;
}

