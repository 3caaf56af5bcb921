/**
 * Layer 1: BuildKit's `parser.Parse` (`frontend/dockerfile/parser/parser.go`). Text in, one
 * `Node` per instruction out, with directives, heredoc bodies, 1-based lines, and the parse
 * warnings BuildKit turns into lints (NoEmptyContinuation). Total: never throws.
 */
import type { Directives, Heredoc, Node, ParseLint, ParsedDockerfile, SyntaxError } from './types.ts';
import { EscapeState, detectDirective } from './directives.ts';
import { chompHeredocContent, heredocsFromLine } from './heredoc.ts';
import { LineParseError } from './lineParsers.ts';
import { canContainHeredoc, newNodeFromLine } from './node.ts';
import { trimLeftSpace, trimSpace, utf8Length } from './text.ts';

/** bufio.MaxScanTokenSize - 1 */
const maxLineBytes = 65535;

/** trimNewline: bytes.TrimRight(src, "\r\n") */
function trimNewline(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === '\n' || s[end - 1] === '\r')) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** isComment */
function isComment(line: string): boolean {
  const t = trimLeftSpace(line);
  return t.length > 0 && t[0] === '#';
}

/** isEmptyContinuationLine */
function isEmptyContinuationLine(line: string): boolean {
  return trimLeftSpace(trimNewline(line)).length === 0;
}

/** the text split into lines without terminators (at least one line) */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  return lines;
}

function defaultDirectives(): Directives {
  return { escape: '\\', syntax: null, check: null, lines: {} };
}

/** Parse a Dockerfile into nodes (BuildKit's parser.Parse). Never throws. */
export function parseDockerfile(text: string): ParsedDockerfile {
  const input = typeof text === 'string' ? text : String(text ?? '');
  try {
    return parseImpl(input);
  } catch (e) {
    const lines = splitLines(input.startsWith('\uFEFF') ? input.slice(1) : input);
    return {
      directives: defaultDirectives(),
      nodes: [],
      errors: [{ message: `internal parser error: ${(e as Error)?.message ?? String(e)}`, line: 1, endLine: 1 }],
      lints: [],
      lines,
    };
  }
}

// Parse
function parseImpl(source: string): ParsedDockerfile {
  // discardBOM (first line only)
  const input = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lines = splitLines(input);

  // scanLines: segments that keep their line endings
  const starts: number[] = [];
  for (let p = 0; p < input.length; ) {
    starts.push(p);
    const nl = input.indexOf('\n', p);
    if (nl < 0) break;
    p = nl + 1;
  }
  const nSeg = starts.length;
  const segEnd = (i: number) => (i + 1 < nSeg ? starts[i + 1] : input.length);
  const seg = (i: number) => input.slice(starts[i], segEnd(i));

  const errors: SyntaxError[] = [];
  const lints: ParseLint[] = [];
  const nodes: Node[] = [];
  const d = new EscapeState();

  // bufio.Scanner refuses lines longer than its buffer
  for (let i = 0; i < nSeg; i++) {
    const len = segEnd(i) - starts[i];
    if (len * 3 > maxLineBytes) {
      const content = input.slice(starts[i], segEnd(i)).replace(/\n$/, '');
      if (utf8Length(content) > maxLineBytes) {
        errors.push({ message: `dockerfile line greater than max allowed size of ${maxLineBytes}`, line: i + 1, endLine: i + 1 });
      }
    }
  }

  let comments: string[] = [];
  let currentLine = 0;
  let next = 0; // next segment to scan
  const directiveError = (message: string, line: number) => errors.push({ message, line, endLine: line });

  // processLine (its directive outcome is left in `directiveOk` and `directiveErr`)
  let directiveOk = false;
  let directiveErr: string | null = null;
  const processLine = (token: string, stripLeftWhitespace: boolean): string => {
    let t = trimNewline(token);
    if (stripLeftWhitespace) t = trimLeftSpace(t);
    const r = d.possibleParserDirective(t);
    directiveOk = r.ok;
    directiveErr = r.error;
    return isComment(t) ? '' : t;
  };

  while (next < nSeg) {
    const bytesRead = seg(next++);
    if (isComment(bytesRead)) {
      const comment = trimSpace(bytesRead.slice(1));
      if (comment === '') comments = [];
      else comments.push(comment);
    }
    const firstText = processLine(bytesRead, true);
    if (directiveOk) comments.pop();
    if (directiveErr !== null) directiveError(directiveErr, currentLine + 1);
    currentLine++;

    const startLine = currentLine;
    const t0 = d.trimContinuation(firstText);
    let buf = t0.line;
    let isEndOfLine = t0.isEndOfLine;
    if (isEndOfLine && buf.length === 0) continue;

    let hasEmptyContinuationLine = false;
    while (!isEndOfLine && next < nSeg) {
      const rawLine = seg(next++);
      const contText = processLine(rawLine, false);
      if (directiveErr !== null) directiveError(directiveErr, currentLine + 1);
      currentLine++;
      if (isComment(rawLine)) continue;
      if (isEmptyContinuationLine(contText)) {
        hasEmptyContinuationLine = true;
        continue;
      }
      const t = d.trimContinuation(contText);
      isEndOfLine = t.isEndOfLine;
      buf += t.line;
    }
    const line = buf;

    if (hasEmptyContinuationLine) {
      lints.push({ rule: 'NoEmptyContinuation', message: 'Empty continuation line', line: currentLine, endLine: currentLine });
    }

    let child: Node;
    try {
      child = newNodeFromLine(line, d.escapeToken, comments);
    } catch (e) {
      if (!(e instanceof LineParseError)) throw e;
      errors.push({ message: e.message, line: startLine, endLine: currentLine });
      comments = [];
      continue;
    }

    if (canContainHeredoc(child) && line.includes('<<')) {
      const { heredocs, error } = heredocsFromLine(line);
      if (error) errors.push({ message: error, line: startLine, endLine: currentLine });
      for (const h of heredocs) {
        const bodyStart = next < nSeg ? starts[next] : input.length;
        let bodyEnd = input.length;
        let terminated = false;
        while (next < nSeg) {
          const i = next++;
          currentLine++;
          let possible = trimNewline(seg(i));
          if (h.chomp) possible = possible.replace(/^\t+/, '');
          if (possible === h.name) {
            terminated = true;
            bodyEnd = starts[i];
            break;
          }
        }
        if (!terminated) {
          errors.push({ message: 'unterminated heredoc', line: startLine, endLine: Math.max(startLine, currentLine) });
        }
        const raw = input.slice(bodyStart, bodyEnd);
        const heredoc: Heredoc = { ...h, content: h.chomp ? chompHeredocContent(raw) : raw };
        child.heredocs.push(heredoc);
      }
    }

    child.startLine = startLine;
    child.endLine = currentLine;
    if (child.child) {
      child.child.startLine = startLine;
      child.child.endLine = currentLine;
    }
    nodes.push(child);
    comments = [];
  }

  if (nodes.length === 0 && errors.length === 0) {
    const l = Math.max(1, currentLine);
    errors.push({ message: 'file with no instructions', line: l, endLine: l });
  }

  const directives = defaultDirectives();
  directives.escape = d.escapeToken;
  for (const dir of d.read) if (dir.name === 'escape') directives.lines.escape = dir.line;
  const syntax = detectDirective('syntax', input, true);
  if (syntax) {
    directives.syntax = syntax.value;
    if (syntax.line > 0) directives.lines.syntax = syntax.line;
  }
  const check = detectDirective('check', input, false);
  if (check) {
    directives.check = check.value;
    directives.lines.check = check.line;
  }

  return { directives, nodes, errors, lints, lines };
}
