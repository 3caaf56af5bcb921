/**
 * Reading a `.dockerignore` exactly as BuildKit does: `moby/patternmatcher/ignorefile` `ReadAll`,
 * called from `frontend/dockerui/config.go` `dockerIgnorePatterns` (CONTRACT rule 28).
 *
 * Also home of the two Go string helpers every other file here needs with Go's exact
 * semantics: `filepath.Clean` (Linux: same as `path.Clean`) and `strings.TrimSpace`.
 */
import { utf8Length } from '../util/utf8.ts';

/**
 * Go `unicode.IsSpace`: the Unicode White_Space property. Note that it differs from
 * JavaScript's `String.prototype.trim`: U+0085 (NEL) is a space for Go, U+FEFF is not.
 */
export function isGoSpace(c: number): boolean {
  if (c <= 0xff) {
    return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0;
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

/** Go `strings.TrimSpace`: trims leading and trailing `unicode.IsSpace` runes. */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  // Every White_Space rune is in the BMP, so code units are enough.
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Go `filepath.Clean` (the lazybuf port lives in paths.ts, shared by the whole core). */
import { clean } from '../paths.ts';
export { clean as goClean };

/** Go's `bufio.MaxScanTokenSize`: a line that does not fit the scanner's buffer fails ReadAll. */
const MAX_SCAN_TOKEN_SIZE = 64 * 1024;

export interface IgnoreFile {
  /** The patterns in order, as ReadAll returns them (exceptions keep their `!`). */
  patterns: string[];
  /** 1-based source line of each pattern. */
  lines: number[];
  /**
   * Set when ReadAll itself fails (a line longer than bufio.Scanner's 64 KiB token limit).
   * BuildKit then fails the build with "failed parsing .dockerignore"; `patterns` holds what
   * was read before the failing line.
   */
  error?: { message: string; line: number };
}

/**
 * Mirrors `moby/patternmatcher/ignorefile.ReadAll`:
 * - lines are split like `bufio.ScanLines` (on `\n`, one trailing `\r` dropped);
 * - a UTF-8 BOM is stripped from the first line only;
 * - a line is a comment only when `#` is its very first character (before trimming), so
 *   `  # x` is the pattern `# x`;
 * - the line is `strings.TrimSpace`d and skipped when empty;
 * - a leading `!` marks an exception; the rest is trimmed again, then `filepath.Clean`ed,
 *   and one leading `/` is dropped (`/` alone stays `/`). A lone `!` stays `!`, which
 *   patternmatcher.New later rejects.
 * Total: never throws.
 */
export function readIgnoreFile(text: string): IgnoreFile {
  const patterns: string[] = [];
  const lines: number[] = [];
  const result: IgnoreFile = { patterns, lines };
  if (typeof text !== 'string' || text.length === 0) return result;

  let lineNo = 0;
  let pos = 0;
  const len = text.length;
  while (pos < len) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    const raw = text.slice(pos, nl);
    pos = nl + 1;
    // bufio.Scanner fails when a line (its '\r' included) does not fit the 64 KiB buffer
    // together with the '\n' it has to find, or reaches 64 KiB at EOF: either way >= 64 KiB.
    if (raw.length * 3 >= MAX_SCAN_TOKEN_SIZE && utf8Length(raw) >= MAX_SCAN_TOKEN_SIZE) {
      result.error = {
        message: 'failed parsing .dockerignore: bufio.Scanner: token too long',
        line: lineNo + 1,
      };
      return result;
    }
    let line = raw;
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1); // dropCR
    if (lineNo === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1); // UTF-8 BOM
    lineNo++;
    // Lines starting with # (comments) are ignored before processing.
    if (line.charCodeAt(0) === 35) continue;
    let pattern = goTrimSpace(line);
    if (pattern === '') continue;
    // Normalize absolute paths to paths relative to the context (taking care of '!').
    const invert = pattern.charCodeAt(0) === 33;
    if (invert) pattern = goTrimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = clean(pattern);
      // filepath.ToSlash is the identity on Linux.
      if (pattern.length > 1 && pattern.charCodeAt(0) === 47) pattern = pattern.slice(1);
    }
    if (invert) pattern = '!' + pattern;
    patterns.push(pattern);
    lines.push(lineNo);
  }
  return result;
}
