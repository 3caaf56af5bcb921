/**
 * Heredoc words (`<<EOF`, `<<-'EOF'`, `3<<EOF`): a port of `heredocFromMatch`, `ParseHeredoc`,
 * `heredocsFromLine` and `ChompHeredocContent` from BuildKit's `parser/parser.go`.
 */
import type { Heredoc } from './types.ts';
import { processWords } from './shellWords.ts';

/** a heredoc word, before its body is read */
export type HeredocWord = Omit<Heredoc, 'content'>;

export interface HeredocResult {
  heredoc: HeredocWord | null;
  error: string | null;
}

/** reHeredoc `^(\d*)<<(-?)\s*([^<]*)$` (Go `\s` = [\t\n\f\r ]) */
function matchHeredoc(src: string): [string, string, string] | null {
  let i = 0;
  while (i < src.length && src.charCodeAt(i) >= 0x30 && src.charCodeAt(i) <= 0x39) i++;
  const fd = src.slice(0, i);
  if (src[i] !== '<' || src[i + 1] !== '<') return null;
  i += 2;
  let chomp = '';
  if (src[i] === '-') {
    chomp = '-';
    i++;
  }
  while (i < src.length && ' \t\n\f\r'.includes(src[i])) i++;
  const rest = src.slice(i);
  if (rest.includes('<')) {
    // `-?` and `\s*` may backtrack, but `rest` would still hold the `<`: no match either way
    return null;
  }
  return [fd, chomp, rest];
}

// heredocFromMatch
function heredocFromMatch(match: [string, string, string] | null): HeredocResult {
  if (!match) return { heredoc: null, error: null };
  const [fdText, chompText, rest] = match;
  const fd = fdText === '' ? 0 : Number.parseInt(fdText, 10);
  const chomp = chompText === '-';
  if (rest.length === 0) return { heredoc: null, error: null };

  const plain = processWords(rest, { escapeToken: '\\', rawQuotes: false, rawEscapes: false });
  if (plain.error) return { heredoc: null, error: plain.error };
  if (plain.words.length !== 1) return { heredoc: null, error: null };
  const raw = processWords(rest, { escapeToken: '\\', rawQuotes: true, rawEscapes: false });
  if (raw.error) return { heredoc: null, error: raw.error };
  if (raw.words.length !== plain.words.length) {
    return { heredoc: null, error: `internal lexing of heredoc produced inconsistent results: ${rest}` };
  }
  const count = (w: string) => {
    let n = 0;
    for (const c of w) if (c === "'" || c === '"') n++;
    return n;
  };
  const word = plain.words[0];
  const expand = count(word) === count(raw.words[0]);
  // strconv.ParseUint(match[1], 10, 0) errors (and yields 0) on overflow
  const fileDescriptor = Number.isSafeInteger(fd) ? fd : 0;
  return { heredoc: { name: word, expand, chomp, fileDescriptor }, error: null };
}

/** ParseHeredoc / MustParseHeredoc */
export function parseHeredoc(src: string): HeredocResult {
  return heredocFromMatch(matchHeredoc(src));
}

/** heredocsFromLine */
export function heredocsFromLine(line: string): { heredocs: HeredocWord[]; error: string | null } {
  const { words } = processWords(line, { escapeToken: '\\', rawQuotes: true, rawEscapes: true });
  const docs: HeredocWord[] = [];
  for (const w of words) {
    const { heredoc, error } = parseHeredoc(w);
    if (error) return { heredocs: [], error };
    if (heredoc) docs.push(heredoc);
  }
  return { heredocs: docs, error: null };
}

/** ChompHeredocContent: strip leading tabs on every line (`(?m)^\t+`) */
export function chompHeredocContent(src: string): string {
  let out = '';
  let atLineStart = true;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (atLineStart && c === '\t') continue;
    atLineStart = c === '\n';
    out += c;
  }
  return out;
}
