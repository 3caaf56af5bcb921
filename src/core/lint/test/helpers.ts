/** Test helpers: run the whole engine and keep the lint diagnostics. */
import { analyze } from '../../analyze.ts';
import type { Diagnostic } from '../../types.ts';
import { buildkitRules, ruleMeta } from '../registry.ts';

export interface RunOptions {
  files?: string[];
  dockerignore?: string | null;
  target?: string | null;
  buildArgs?: Record<string, string>;
}

export function diagnostics(dockerfile: string, opts: RunOptions = {}): Diagnostic[] {
  return analyze({ dockerfile, ...opts }).diagnostics.filter((d) => ruleMeta(d.rule) !== undefined);
}

const bkIds = new Set(buildkitRules.map((r) => r.id));

export interface Warning {
  rule: string;
  line: number;
  message: string;
}

/** BuildKit's findings, sorted as BuildKit's tests sort them (line, then message). */
export function bkWarnings(dockerfile: string, opts: RunOptions = {}): Warning[] {
  return diagnostics(dockerfile, opts)
    .filter((d) => bkIds.has(d.rule))
    .map((d) => ({ rule: d.rule, line: d.line, message: d.message }))
    .sort((a, b) => a.line - b.line || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

/** Stagecraft's own findings of one rule. */
export function own(rule: string, dockerfile: string, opts: RunOptions = {}): Diagnostic[] {
  return diagnostics(dockerfile, opts).filter((d) => d.rule === rule);
}

export const w = (rule: string, line: number, message: string): Warning => ({ rule, line, message });
