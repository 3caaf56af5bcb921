/**
 * Per-instruction argument splitting: a port of BuildKit's `parser/line_parsers.go`. Each
 * parser receives the text after the instruction keyword and its flags, and returns the
 * node's `next` words and whether the JSON (exec) form was used.
 */
import { goQuote, isSpace, ParseProblem, splitReWhitespace, trimLeftSpace } from './text.ts';

export interface LineParse {
  next: string[];
  json: boolean;
}

export class LineParseError extends ParseProblem {}

export const errDockerfileNotStringArray = 'when using JSON array syntax, arrays must be comprised of strings only';

const empty = (): LineParse => ({ next: [], json: false });

// parseIgnore
export function parseIgnore(): LineParse {
  return empty();
}

// parseWords
export function parseWords(rest: string, escapeToken: string): string[] {
  const words: string[] = [];
  let phase: 0 | 1 | 2 = 0; // inSpaces, inWord, inQuote
  let quote = '';
  let blankOK = false;
  let sb = '';
  const n = rest.length;
  for (let pos = 0; pos <= n; pos++) {
    let ch = pos < n ? rest[pos] : '';
    if (phase === 0) {
      if (pos === n) break;
      if (isSpace(ch)) continue;
      phase = 1;
    }
    if ((phase === 1 || phase === 2) && pos === n) {
      if (blankOK || sb.length > 0) words.push(sb);
      break;
    }
    if (phase === 1) {
      if (isSpace(ch)) {
        phase = 0;
        if (blankOK || sb.length > 0) words.push(sb);
        sb = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 2;
      }
      if (ch === escapeToken) {
        if (pos + 1 === n) continue;
        sb += ch;
        pos++;
        ch = rest[pos];
      }
      sb += ch;
      continue;
    }
    // phase === 2 (inQuote)
    if (ch === quote) phase = 1;
    if (ch === escapeToken && quote !== "'") {
      if (pos + 1 === n) {
        phase = 1;
        continue;
      }
      pos++;
      sb += ch;
      ch = rest[pos];
    }
    sb += ch;
  }
  return words;
}

// parseNameVal
export function parseNameVal(rest: string, key: string, escapeToken: string): LineParse {
  const words = parseWords(rest, escapeToken);
  if (words.length === 0) return empty();
  if (!words[0].includes('=')) {
    const parts = splitReWhitespace(rest, 2);
    if (parts.length < 2) throw new LineParseError(`${key} must have two arguments`);
    return { next: [parts[0], parts[1], ''], json: false };
  }
  const next: string[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) {
      throw new LineParseError(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
    }
    next.push(word.slice(0, eq), word.slice(eq + 1), '=');
  }
  return { next, json: false };
}

// parseEnv
export const parseEnv = (rest: string, esc: string) => parseNameVal(rest, 'ENV', esc);
// parseLabel
export const parseLabel = (rest: string, esc: string) => parseNameVal(rest, 'LABEL', esc);

// parseNameOrNameVal
export function parseNameOrNameVal(rest: string, escapeToken: string): LineParse {
  return { next: parseWords(rest, escapeToken), json: false };
}

// parseStringsWhitespaceDelimited
export function parseStringsWhitespaceDelimited(rest: string): LineParse {
  if (rest === '') return empty();
  return { next: splitReWhitespace(rest, -1), json: false };
}

// parseString
export function parseString(rest: string): LineParse {
  if (rest === '') return empty();
  return { next: [rest], json: false };
}

type JsonAttempt = { ok: true; value: LineParse } | { ok: false; notStringArray: boolean };

// parseJSON
export function parseJSON(rest: string): JsonAttempt {
  const r = trimLeftSpace(rest);
  if (!r.startsWith('[')) return { ok: false, notStringArray: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(r);
  } catch {
    return { ok: false, notStringArray: false };
  }
  if (!Array.isArray(parsed)) return { ok: false, notStringArray: false };
  const next: string[] = [];
  for (const v of parsed) {
    if (typeof v !== 'string') return { ok: false, notStringArray: true };
    next.push(v);
  }
  return { ok: true, value: { next, json: true } };
}

// parseMaybeJSON
export function parseMaybeJSON(rest: string): LineParse {
  if (rest === '') return empty();
  const j = parseJSON(rest);
  if (j.ok) return j.value;
  if (j.notStringArray) throw new LineParseError(errDockerfileNotStringArray);
  return { next: [rest], json: false };
}

// parseMaybeJSONToList
export function parseMaybeJSONToList(rest: string): LineParse {
  const j = parseJSON(rest);
  if (j.ok) return j.value;
  if (j.notStringArray) throw new LineParseError(errDockerfileNotStringArray);
  return parseStringsWhitespaceDelimited(rest);
}

// parseHealthConfig
export function parseHealthConfig(rest: string): LineParse {
  let sep = 0;
  for (; sep < rest.length; sep++) if (isSpace(rest[sep])) break;
  let next = sep;
  for (; next < rest.length; next++) if (!isSpace(rest[next])) break;
  if (sep === 0) return empty();
  const typ = rest.slice(0, sep);
  const cmd = parseMaybeJSON(rest.slice(next));
  return { next: [typ, ...cmd.next], json: cmd.json };
}
