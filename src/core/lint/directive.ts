/**
 * Which rules run, and at which severity.
 *
 * BuildKit's side is a port of `frontend/dockerfile/linter/linter.go` (`ParseLintOptions`,
 * `Linter.Run`, `WithMergedConfig`, `WithMergedConfigFromComments`) and of where BuildKit reads
 * the configuration (`dockerfile2llb/convert.go` `newRuleLinter`; `frontend/dockerui/config.go`
 * for the `BUILDKIT_DOCKERFILE_CHECK` build arg):
 *
 * - the `# check=` parser directive, read with `parser.ParseDirective` (BOM and a shebang line
 *   skipped, directives only at the very top) and cut at the first space;
 * - `--build-arg BUILDKIT_DOCKERFILE_CHECK=...` replaces the directive entirely;
 * - a `# check=...` comment directly above an instruction merges its `skip`/`experimental`
 *   lists into the configuration for the findings of that instruction (never `error`);
 * - rule names are case-sensitive; experimental rules run only when enabled by `experimental=`
 *   and are then not affected by `skip`; `error=true` turns the findings into errors (BuildKit
 *   fails the build with "lint violation found for rules: ...").
 *
 * Stagecraft's own rules have the equivalent `# stagecraft: skip=<Rule,...|all>;error=true`:
 * in the comment block before the first instruction it applies to the whole file, directly
 * above an instruction it applies to the findings reported on that instruction.
 */
import { DirectiveParser, detectDirective } from '../syntax/directives.ts';
import { goQuote } from '../args/lex.ts';

export interface LintConfig {
  experimentalAll: boolean;
  experimentalRules: string[];
  returnAsError: boolean;
  skipAll: boolean;
  skipRules: string[];
}

export const emptyConfig = (): LintConfig => ({
  experimentalAll: false,
  experimentalRules: [],
  returnAsError: false,
  skipAll: false,
  skipRules: [],
});

/** Go strings.TrimSpace (Unicode white space). */
function trimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

/** strconv.ParseBool */
function parseBool(s: string): boolean | null {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false;
  }
  return null;
}

/** Go strings.SplitN(s, sep, n) for n > 0. */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

function cut(s: string, sep: string): [string, string, boolean] {
  const i = s.indexOf(sep);
  if (i < 0) return [s, '', false];
  return [s.slice(0, i), s.slice(i + sep.length), true];
}

/** `linter.ParseLintOptions`: the config, or BuildKit's error text. */
export function parseLintOptions(checkStr: string): { config: LintConfig; error: null } | { config: null; error: string } {
  const str = trimSpace(checkStr);
  const config = emptyConfig();
  if (str === '') return { config, error: null };
  for (const p of splitN(str, ';', 3)) {
    const [k0, v0, ok] = cut(p, '=');
    if (!ok) return { config: null, error: `invalid check option ${goQuote(p)}` };
    const k = trimSpace(k0);
    const v = trimSpace(v0);
    switch (k) {
      case 'skip':
        if (v === 'all') config.skipAll = true;
        else config.skipRules = v.split(',').map(trimSpace);
        break;
      case 'experimental':
        if (v === 'all') config.experimentalAll = true;
        else config.experimentalRules = v.split(',').map(trimSpace);
        break;
      case 'error': {
        const b = parseBool(v);
        if (b === null) {
          return { config: null, error: `failed to parse check option ${goQuote(p)}: strconv.ParseBool: parsing ${goQuote(v)}: invalid syntax` };
        }
        config.returnAsError = b;
        break;
      }
      default:
        return { config: null, error: `invalid check option ${goQuote(k)}` };
    }
  }
  return { config, error: null };
}

/** `Linter.WithMergedConfig`: lists and the `all` flags merge; `error` does not. */
export function mergeConfig(base: LintConfig, other: LintConfig): LintConfig {
  return {
    experimentalAll: base.experimentalAll || other.experimentalAll,
    experimentalRules: [...base.experimentalRules, ...other.experimentalRules],
    returnAsError: base.returnAsError,
    skipAll: base.skipAll || other.skipAll,
    skipRules: [...base.skipRules, ...other.skipRules],
  };
}

/**
 * `Linter.WithMergedConfigFromComments`: the first comment that parses as a `check` directive
 * (each comment read by a fresh DirectiveParser with an empty comment prefix) is merged; if
 * its value does not parse, the configuration is left as it is.
 */
export function withComments(base: LintConfig, comments: readonly string[] | null | undefined): LintConfig {
  if (!comments) return base;
  for (const raw of comments) {
    const comment = normalizeComment(raw);
    const p = new DirectiveParser(0, '');
    const { directive } = p.parseLine(comment);
    if (!directive || directive.name !== 'check') continue;
    const [v] = cut(directive.value, ' ');
    const res = parseLintOptions(v);
    if (res.error !== null) return base;
    return mergeConfig(base, res.config);
  }
  return base;
}

/** A node's `prevComment` entry is the text after `#`, trimmed; accept it with the `#` too. */
function normalizeComment(c: string): string {
  const t = trimSpace(c);
  return t.startsWith('#') ? trimSpace(t.slice(1)) : t;
}

/** `Linter.Run`'s gate: is the rule on under this configuration? */
export function isEnabled(config: LintConfig, rule: string, experimental: boolean): boolean {
  if (experimental) return config.experimentalAll || config.experimentalRules.includes(rule);
  return !(config.skipAll || config.skipRules.includes(rule));
}

export interface ConfigProblem {
  line: number;
  message: string;
}

/**
 * The top-level configuration for BuildKit's rules: `BUILDKIT_DOCKERFILE_CHECK` when that build
 * arg is given, else the `# check=` directive. A value that does not parse is a build error in
 * BuildKit; it is returned as `problem` and the default configuration is used.
 */
export function buildkitConfig(text: string, buildArgs: Record<string, string>): { config: LintConfig; problem: ConfigProblem | null } {
  if (Object.hasOwn(buildArgs, 'BUILDKIT_DOCKERFILE_CHECK')) {
    const res = parseLintOptions(buildArgs.BUILDKIT_DOCKERFILE_CHECK);
    if (res.error !== null) {
      return { config: emptyConfig(), problem: { line: 1, message: `failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: ${res.error}` } };
    }
    return { config: res.config, problem: null };
  }
  const d = detectDirective('check', text, false);
  if (!d) return { config: emptyConfig(), problem: null };
  const [v] = cut(d.value, ' ');
  const res = parseLintOptions(v);
  if (res.error !== null) {
    return { config: emptyConfig(), problem: { line: Math.max(1, d.line), message: `failed to parse check options: ${res.error}` } };
  }
  return { config: res.config, problem: null };
}

// ------------------------------------------------------------------ # stagecraft: comments

const STAGECRAFT_RE = /^stagecraft\s*:\s*(.*)$/i;

/**
 * Parses the options of a `# stagecraft:` comment (the text after `#`). Returns null when the
 * comment is not one; `error` when it is but an option is malformed.
 */
export function parseStagecraftComment(comment: string): { config: LintConfig; error: string | null } | null {
  const m = STAGECRAFT_RE.exec(normalizeComment(comment));
  if (!m) return null;
  const config = emptyConfig();
  const errors: string[] = [];
  for (const part of m[1].split(';')) {
    if (trimSpace(part) === '') continue;
    const [k0, v0, ok] = cut(part, '=');
    const k = trimSpace(k0).toLowerCase();
    const v = trimSpace(v0);
    if (!ok) {
      errors.push(`invalid option ${goQuote(trimSpace(part))}`);
      continue;
    }
    if (k === 'skip') {
      if (v === 'all') config.skipAll = true;
      else config.skipRules.push(...v.split(',').map(trimSpace).filter((s) => s !== ''));
    } else if (k === 'error') {
      const b = parseBool(v);
      if (b === null) errors.push(`invalid boolean ${goQuote(v)} for error`);
      else config.returnAsError = b;
    } else {
      errors.push(`unknown option ${goQuote(k)}`);
    }
  }
  return { config, error: errors.length > 0 ? errors.join('; ') : null };
}

/** Merges the `# stagecraft:` comments of an instruction into the file-level configuration. */
export function withStagecraftComments(base: LintConfig, comments: readonly string[] | null | undefined): LintConfig {
  if (!comments) return base;
  let out = base;
  for (const c of comments) {
    const res = parseStagecraftComment(c);
    if (!res) continue;
    out = mergeConfig(out, res.config);
    if (res.config.returnAsError) out = { ...out, returnAsError: true };
  }
  return out;
}

/**
 * The file-level `# stagecraft:` configuration: every such comment on a line before
 * `firstInstructionLine` (1-based; use lines.length + 1 when there is no instruction).
 */
export function stagecraftFileConfig(
  lines: readonly string[],
  firstInstructionLine: number,
): { config: LintConfig; problems: ConfigProblem[] } {
  let config = emptyConfig();
  const problems: ConfigProblem[] = [];
  for (let i = 0; i < lines.length && i + 1 < firstInstructionLine; i++) {
    const t = lines[i].replace(/^[ \t\uFEFF]+/, '');
    if (!t.startsWith('#')) continue;
    const res = parseStagecraftComment(t.slice(1));
    if (!res) continue;
    if (res.error) problems.push({ line: i + 1, message: `# stagecraft: ${res.error}` });
    config = mergeConfig(config, res.config);
    if (res.config.returnAsError) config.returnAsError = true;
  }
  return { config, problems };
}
