/**
 * What a "copy artifacts" connection is prefilled with: the path a source stage (or image) is
 * known to hold, read from what the analysis and the text already say. In order:
 *
 * 1. a `COPY --from=<source>` the file already has: the same sources and destination;
 * 2. files of the final image that came from the source stage;
 * 3. what the source stage's RUNs write: `-o`/`--output` paths, `npm run build` (dist/),
 *    `cargo build --release`, Maven and Gradle jars, a Python venv or `pip --prefix/--target`;
 * 4. the source stage's last WORKDIR, else the destination of its last COPY/ADD;
 * 5. for an image, a few well-known files (CA certificates, busybox, uv).
 *
 * These are guesses a person edits inline before the COPY is written; they never reach the
 * text unseen. Pure: text lines and the analysis in, paths out.
 */
import type { Analysis } from '../../core/types.ts';

export interface Instruction {
  /** first line (1-based) */
  line: number;
  /** upper-cased keyword */
  keyword: string;
  /** the instruction with continuations joined, without the keyword */
  rest: string;
  /** the first line as written, trimmed */
  firstLine: string;
}

const KEYWORD = /^\s*([A-Za-z]+)(\s+|$)/;

/**
 * The instructions of lines `from..to` (1-based, inclusive): comments skipped, continuation
 * lines (ending in `\` or a backtick) joined. A heuristic reader for suggestions only; the
 * engine's parser decides everything else.
 */
export function instructionsOf(lines: readonly string[], from: number, to: number): Instruction[] {
  const out: Instruction[] = [];
  let l = from;
  while (l <= to && l <= lines.length) {
    const text = lines[l - 1] ?? '';
    const m = KEYWORD.exec(text);
    if (!m || /^\s*#/.test(text)) {
      l++;
      continue;
    }
    const start = l;
    const CONT = /[\\`]\s*$/;
    let cont = CONT.test(text);
    let joined = text.trim().replace(CONT, '').trimEnd();
    while (cont && l < to && l < lines.length) {
      l++;
      const next = lines[l - 1] ?? '';
      // BuildKit skips comment and blank lines inside a continuation
      if (/^\s*#/.test(next) || next.trim() === '') continue;
      cont = CONT.test(next);
      joined += ` ${next.trim().replace(CONT, '').trimEnd()}`;
    }
    out.push({ line: start, keyword: m[1].toUpperCase(), rest: joined.slice(m[1].length).trim(), firstLine: text.trim() });
    l++;
  }
  return out;
}

/** The words of an instruction's arguments: flags dropped, JSON form read. */
export function argumentWords(rest: string): string[] {
  const words = rest.split(/\s+/).filter((w) => w !== '');
  let k = 0;
  while (k < words.length && words[k].startsWith('--')) k++;
  const args = words.slice(k).join(' ');
  if (args.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(args);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    } catch {
      // not JSON after all: shell form
    }
  }
  return words.slice(k);
}

export interface CopySuggestion {
  src: string;
  dest: string;
  /** where the guess comes from, shown beside the fields */
  reason: string;
}

export interface SuggestInput {
  lines: readonly string[];
  analysis: Analysis;
  /** a stage index, or an image reference */
  from: number | string;
  to: number;
}

export function suggestCopy({ lines, analysis, from, to }: SuggestInput): CopySuggestion {
  const sourceId = typeof from === 'number' ? `stage:${from}` : `image:${from}`;

  // 1. a COPY --from of the same source elsewhere in the file (another stage's first)
  const copies = analysis.edges.filter((e) => e.kind === 'copy' && e.from === sourceId).sort((a, b) => Number(a.to === to) - Number(b.to === to));
  for (const e of copies) {
    const stage = analysis.stages[e.to];
    const ins = stage ? instructionsOf(lines, e.line, stage.endLine)[0] : undefined;
    const words = ins ? argumentWords(ins.rest) : [];
    if (words.length >= 2) {
      return { src: words.slice(0, -1).join(' '), dest: words[words.length - 1], reason: `as line ${e.line} copies it` };
    }
  }

  if (typeof from === 'number') {
    // 2. what the final image already takes from it
    const final = analysis.final.find((f) => f.from === sourceId);
    if (final) return { src: final.source, dest: final.path, reason: `the final image has ${final.path} from it` };

    const stage = analysis.stages[from];
    if (stage) {
      const ins = instructionsOf(lines, stage.line, stage.endLine);
      const found = fromRuns(ins);
      if (found) return found;
      // 4. where it works
      const workdir = workdirAt(ins, Infinity);
      if (workdir !== '/') return { src: workdir, dest: workdir, reason: `its WORKDIR` };
      const lastCopy = [...ins].reverse().find((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
      if (lastCopy) {
        const words = argumentWords(lastCopy.rest);
        const dest = words[words.length - 1];
        if (dest && words.length >= 2) {
          const abs = resolvePath(workdirAt(ins, lastCopy.line), dest);
          return { src: abs, dest: abs, reason: `what line ${lastCopy.line} copies into it` };
        }
      }
    }
    return { src: '', dest: '', reason: 'nothing is known about what it holds' };
  }

  // 5. a well-known file of the image
  const known = knownImageFile(from);
  if (known) return known;
  return { src: '', dest: '', reason: `nothing is known about what ${from} holds` };
}

/** WORKDIR in effect at `line` (absolute, '/' when none). */
function workdirAt(ins: readonly Instruction[], line: number): string {
  let dir = '/';
  for (const i of ins) {
    if (i.line >= line) break;
    if (i.keyword !== 'WORKDIR') continue;
    const w = argumentWords(i.rest)[0];
    if (w && !w.includes('$')) dir = resolvePath(dir, w);
  }
  return dir;
}

/** Join a path to a directory and clean it (`..` and `.` removed, no trailing slash but on dirs written so). */
export function resolvePath(dir: string, path: string): string {
  const trailing = path.length > 1 && path.endsWith('/');
  const joined = path.startsWith('/') ? path : `${dir.replace(/\/+$/, '')}/${path}`;
  const parts: string[] = [];
  for (const p of joined.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  const clean = `/${parts.join('/')}`;
  return trailing && clean !== '/' ? `${clean}/` : clean;
}

const NOT_A_PATH = new Set(['pipefail', 'errexit', 'nounset', 'xtrace', 'errtrace', 'noclobber', 'posix', 'json', 'yaml', 'text', 'wide', 'name']);

/** 3. what the stage's RUN instructions write. */
function fromRuns(ins: readonly Instruction[]): CopySuggestion | null {
  let found: CopySuggestion | null = null;
  for (const i of ins) {
    if (i.keyword !== 'RUN') continue;
    const dir = workdirAt(ins, i.line);
    const cmd = i.rest.replace(/--mount=\S+/g, ' ');
    const at = `line ${i.line}`;
    const out = [...cmd.matchAll(/(?:^|\s)(?:-o|--output|--out|--out-dir|--outdir|--dest)(?:=|\s+)([^\s;&|'"]+)/g)]
      .map((m) => m[1])
      .find((o) => !o.startsWith('-') && !NOT_A_PATH.has(o) && !o.includes('$'));
    if (out) {
      const p = resolvePath(dir, out);
      found = { src: p, dest: p, reason: `${at} writes it` };
      continue;
    }
    if (/\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?build\b/.test(cmd)) {
      const p = resolvePath(dir, 'dist');
      found = { src: p, dest: p, reason: `${at} builds into dist/` };
      continue;
    }
    if (/\bcargo\s+(?:build|install)\b[^;&|]*--release\b/.test(cmd)) {
      const p = resolvePath(dir, 'target/release/');
      found = { src: p, dest: '/usr/local/bin/', reason: `${at} builds with cargo --release` };
      continue;
    }
    if (/\bmvnw?\b[^;&|]*\b(?:package|install|verify)\b/.test(cmd) || /\.\/mvnw\b[^;&|]*\b(?:package|install)\b/.test(cmd)) {
      found = { src: resolvePath(dir, 'target/*.jar'), dest: '/app/app.jar', reason: `${at} packages a jar with Maven` };
      continue;
    }
    if (/\b(?:gradlew?|\.\/gradlew)\b[^;&|]*\b(?:build|bootJar|jar|assemble|installDist)\b/.test(cmd)) {
      found = { src: resolvePath(dir, 'build/libs/*.jar'), dest: '/app/app.jar', reason: `${at} builds a jar with Gradle` };
      continue;
    }
    const venv = /\bpython3?\s+-m\s+venv\s+([^\s;&|]+)/.exec(cmd)?.[1];
    if (venv && !venv.includes('$')) {
      const p = resolvePath(dir, venv);
      found = { src: p, dest: p, reason: `${at} creates the virtualenv` };
      continue;
    }
    const pip = /\bpip3?\s+(?:install|wheel)\b[^;&|]*?(?:--prefix|--target|-t|--wheel-dir|-w)(?:=|\s+)([^\s;&|]+)/.exec(cmd)?.[1];
    if (pip && !pip.includes('$')) {
      const p = resolvePath(dir, pip);
      found = { src: p, dest: p, reason: `${at} installs there` };
    }
  }
  return found;
}

function knownImageFile(ref: string): CopySuggestion | null {
  const repo = ref.toLowerCase().split('@')[0].replace(/:[^/]*$/, '');
  const name = repo.slice(repo.lastIndexOf('/') + 1);
  if (name === 'uv') return { src: '/uv /uvx', dest: '/bin/', reason: 'the uv binaries' };
  if (name === 'busybox') return { src: '/bin/busybox', dest: '/bin/busybox', reason: 'the busybox binary' };
  if (name === 'nginx') return { src: '/etc/nginx/nginx.conf', dest: '/etc/nginx/nginx.conf', reason: 'nginx configuration' };
  if (['alpine', 'debian', 'ubuntu', 'golang', 'node', 'python', 'rust', 'eclipse-temurin', 'maven', 'gradle'].includes(name)) {
    return { src: '/etc/ssl/certs/ca-certificates.crt', dest: '/etc/ssl/certs/ca-certificates.crt', reason: 'CA certificates' };
  }
  return null;
}

/** The RUN instructions of a stage (for "mount"), with their first line. */
export function runsOf(lines: readonly string[], analysis: Analysis, stage: number): { line: number; text: string }[] {
  const st = analysis.stages[stage];
  if (!st) return [];
  return instructionsOf(lines, st.line, st.endLine)
    .filter((i) => i.keyword === 'RUN')
    .map((i) => ({ line: i.line, text: i.firstLine }));
}

/** Where a mounted stage appears in a RUN by default. */
export function suggestMountTarget(sourceName: string): string {
  const clean = sourceName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `/mnt/${clean || 'source'}`;
}
