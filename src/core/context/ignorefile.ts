/**
 * Reading a `.dockerignore` exactly as BuildKit does: `moby/patternmatcher/ignorefile` `ReadAll`,
 * called from `frontend/dockerui/config.go` `dockerIgnorePatterns` (CONTRACT rule 28).
 *
 * Also home of the two Go string helpers every other file here needs with Go's exact
 * semantics: `filepath.Clean` (Linux: same as `path.Clean`) and `strings.TrimSpace`.
 */

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

/**
 * Go `filepath.Clean` on Linux (identical to `path.Clean`): the lazybuf algorithm ported
 * as is. Removes `.` elements, duplicate and trailing slashes, and `..` elements together
 * with the element before them; a rooted `/..` stays `/`; the empty path becomes `.`.
 */
export function goClean(path: string): string {
  const n = path.length;
  if (n === 0) return '.';
  const rooted = path.charCodeAt(0) === 47;
  // out is a growable copy of the cleaned prefix; w is the write index (lazybuf.w).
  const out: string[] = [];
  let w = 0;
  const append = (ch: string): void => {
    out[w++] = ch;
  };
  let r = 0;
  let dotdot = 0;
  if (rooted) {
    append('/');
    r = 1;
    dotdot = 1;
  }
  while (r < n) {
    const c = path.charCodeAt(r);
    if (c === 47) {
      // empty path element
      r++;
    } else if (c === 46 && (r + 1 === n || path.charCodeAt(r + 1) === 47)) {
      // . element
      r++;
    } else if (
      c === 46 &&
      path.charCodeAt(r + 1) === 46 &&
      (r + 2 === n || path.charCodeAt(r + 2) === 47)
    ) {
      // .. element: remove to last /
      r += 2;
      if (w > dotdot) {
        w--;
        while (w > dotdot && out[w] !== '/') w--;
      } else if (!rooted) {
        // cannot backtrack, but not rooted, so append .. element.
        if (w > 0) append('/');
        append('.');
        append('.');
        dotdot = w;
      }
    } else {
      // real path element; add slash if needed
      if ((rooted && w !== 1) || (!rooted && w !== 0)) append('/');
      while (r < n && path.charCodeAt(r) !== 47) {
        append(path[r]);
        r++;
      }
    }
  }
  if (w === 0) return '.';
  out.length = w;
  return out.join('');
}

/** Go's `bufio.MaxScanTokenSize`: a line that does not fit the scanner's buffer fails ReadAll. */
const MAX_SCAN_TOKEN_SIZE = 64 * 1024;

/** Go `len(string)`: the UTF-8 byte length (a lone surrogate counts as U+FFFD, 3 bytes). */
function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

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
      pattern = goClean(pattern);
      // filepath.ToSlash is the identity on Linux.
      if (pattern.length > 1 && pattern.charCodeAt(0) === 47) pattern = pattern.slice(1);
    }
    if (invert) pattern = '!' + pattern;
    patterns.push(pattern);
    lines.push(lineNo);
  }
  return result;
}
