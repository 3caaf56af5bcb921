/**
 * Every place the text refers to a stage, with its position, resolved the way BuildKit
 * resolves it (CONTRACT.md section 3, rules 5-7; `dockerfile2llb/convert.go`):
 *
 * - `FROM x`: the ARG-expanded base, exact case, against stages registered EARLIER; with
 *   duplicate names the latest earlier one (`addState`).
 * - `COPY/ADD --from=x`: after all stages exist; a number (`strconv.Atoi`) is an index,
 *   otherwise the lower-cased name, the LAST stage of that name winning (`toCommand`).
 * - `RUN --mount ...,from=x`: the lower-cased name only (`detectRunMount`): `from=0` is an image.
 *
 * The actions use this to find what to rewrite, what would break, and whether a change
 * would silently re-point a reference.
 */
import { envFromMap, processWord } from '../args/lex.ts';
import type { Stage } from '../syntax/types.ts';
import type { TextEdit } from '../types.ts';
import {
  type EditContext,
  type Span,
  type Token,
  instructionWords,
  replaceSpan,
  tokenSpan,
} from './textEdits.ts';

export type ReferenceKind = 'base' | 'copy' | 'mount';

export interface StageReference {
  kind: ReferenceKind;
  /** the stage whose instruction holds the reference */
  stage: number;
  /** first line of that instruction (FROM / COPY / ADD / RUN) */
  line: number;
  /** the reference as written (FROM: the unexpanded base; --from / from=: the value) */
  value: string;
  /** FROM: the base after ARG expansion; otherwise `value` */
  resolvedValue: string;
  /** a `--from=<number>` (COPY/ADD only) */
  byIndex: boolean;
  /** the stage it resolves to, or null (an image, the context, or an invalid reference) */
  target: number | null;
  /** where the value is written, when it can be rewritten in place */
  span: Span | null;
  /** for mounts: which `--mount` flag of the RUN (0-based) */
  mountIndex?: number;
  /** the flag token that holds it (COPY `--from`, RUN `--mount`) */
  token?: Token;
}

/** `strconv.Atoi`: an optional sign and decimal digits. */
export function atoi(s: string): number | null {
  if (!/^[+-]?\d{1,15}$/.test(s)) return null;
  return Number(s);
}

/** The value of `ARG`s before the first FROM, as FROM sees them (without build args). */
export function metaArgEnv(ctx: EditContext): Map<string, string> {
  const env = new Map<string, string>();
  for (const cmd of ctx.parsed.metaArgs) {
    for (const a of cmd.args) {
      if (a.value !== null) env.set(a.key, a.value);
    }
  }
  return env;
}

/** The base of a FROM after ARG expansion (the text itself if expansion fails). */
export function expandBase(ctx: EditContext, base: string, env = metaArgEnv(ctx)): string {
  if (!base.includes('$')) return base;
  const r = processWord(base, envFromMap(env), ctx.escape);
  return r.error === null ? r.value : base;
}

/** One field of a `--mount` value with its place in the value string. */
export interface MountField {
  /** the field without CSV quotes */
  text: string;
  key: string;
  value: string;
  /** [start, end) of the whole field and of its value in the flag's value */
  start: number;
  end: number;
  valueStart: number;
  /** the field is CSV-quoted */
  quoted: boolean;
}

/** The CSV fields of a `--mount` value (tonistiigi/go-csvvalue rules, leniently). */
export function mountFields(v: string): MountField[] {
  const out: MountField[] = [];
  let i = 0;
  while (i <= v.length) {
    const start = i;
    let text = '';
    let quoted = false;
    if (v[i] === '"') {
      quoted = true;
      i++;
      while (i < v.length) {
        if (v[i] === '"') {
          if (v[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += v[i++];
      }
      while (i < v.length && v[i] !== ',') text += v[i++];
    } else {
      while (i < v.length && v[i] !== ',') text += v[i++];
    }
    const eq = text.indexOf('=');
    const key = (eq >= 0 ? text.slice(0, eq) : text).toLowerCase();
    out.push({
      text,
      key,
      value: eq >= 0 ? text.slice(eq + 1) : '',
      start,
      end: i,
      valueStart: quoted ? -1 : start + (eq >= 0 ? eq + 1 : text.length),
      quoted,
    });
    i++; // the comma
  }
  return out;
}

/** A flag value that can be edited in place: its raw text has no quotes and no escapes. */
function plainFlag(t: Token, escape: string): boolean {
  return !/["']/.test(t.raw) && !t.raw.includes(escape);
}

/** Resolve a FROM base name for stage `j` among `stages` (exact case, earlier stages). */
export function resolveBase(stages: readonly (Stage | { name: string | null })[], j: number, base: string): number | null {
  for (let k = j - 1; k >= 0; k--) if (stages[k].name === base) return k;
  return null;
}

/** Resolve a `--from` / `from=` name (lower-cased, last stage wins); numbers as indexes when `byIndex`. */
export function resolveName(stages: readonly { name: string | null }[], value: string, byIndex: boolean): number | null {
  if (byIndex) {
    const n = atoi(value);
    if (n !== null) return n >= 0 && n < stages.length ? n : null;
  }
  const lower = value.toLowerCase();
  for (let k = stages.length - 1; k >= 0; k--) if (stages[k].name === lower) return k;
  return null;
}

/** Every stage reference of the file, in text order. */
export function stageReferences(ctx: EditContext): StageReference[] {
  const refs: StageReference[] = [];
  const env = metaArgEnv(ctx);
  ctx.stages.forEach((st, j) => {
    // FROM
    const fw = instructionWords(ctx.doc, st.line, ctx.escape);
    const baseTok = fw.args[0] ?? null;
    const resolved = expandBase(ctx, st.baseName, env);
    refs.push({
      kind: 'base',
      stage: j,
      line: st.line,
      value: st.baseName,
      resolvedValue: resolved,
      byIndex: false,
      target: resolveBase(ctx.stages, j, resolved),
      span: baseTok && baseTok.value === st.baseName ? tokenSpan(baseTok) : null,
    });
    for (const cmd of st.commands) {
      if ((cmd.kind === 'copy' || cmd.kind === 'add') && cmd.from !== null) {
        const w = instructionWords(ctx.doc, cmd.line, ctx.escape);
        const tok = w.flags.find((t) => t.value.startsWith('--from=')) ?? null;
        const byIndex = atoi(cmd.from) !== null;
        refs.push({
          kind: 'copy',
          stage: j,
          line: cmd.line,
          value: cmd.from,
          resolvedValue: cmd.from,
          byIndex,
          target: cmd.from.includes('$') ? null : resolveName(ctx.stages, cmd.from, true),
          span:
            tok && plainFlag(tok, ctx.escape)
              ? { line: tok.at(7).line, column: tok.at(7).column, endLine: tok.end.line, endColumn: tok.end.column }
              : null,
          token: tok ?? undefined,
        });
      } else if (cmd.kind === 'run') {
        const w = instructionWords(ctx.doc, cmd.line, ctx.escape);
        const mounts = w.flags.filter((t) => t.value.startsWith('--mount='));
        mounts.forEach((tok, mi) => {
          const v = tok.value.slice('--mount='.length);
          const from = mountFields(v).find((f) => f.key === 'from');
          if (!from || from.value === '') return;
          let span: Span | null = null;
          if (plainFlag(tok, ctx.escape) && !from.quoted) {
            const a = tok.at('--mount='.length + from.valueStart);
            const b = tok.at('--mount='.length + from.end);
            span = { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
          }
          refs.push({
            kind: 'mount',
            stage: j,
            line: cmd.line,
            value: from.value,
            resolvedValue: from.value,
            byIndex: false,
            target: from.value.includes('$') ? null : resolveName(ctx.stages, from.value, false),
            span,
            mountIndex: mi,
            token: tok,
          });
        });
      }
    }
  });
  return refs;
}

/** A CSV field for a `--mount` value, quoted when it has to be. */
function csvField(text: string): string {
  return /[",\s]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The edit that makes a `--from` / mount `from=` / FROM base reference say `newValue`: the
 * value alone when it is written plainly, else the whole flag rewritten without quotes.
 * Null when the reference cannot be edited (a FROM base written with quotes or escapes).
 */
export function rewriteReference(ref: StageReference, newValue: string): TextEdit | null {
  if (ref.span) return replaceSpan(ref.span, newValue);
  const tok = ref.token;
  if (!tok) return null;
  if (ref.kind === 'copy') return replaceSpan(tokenSpan(tok), `--from=${newValue}`);
  if (ref.kind === 'mount') {
    const fields = mountFields(tok.value.slice('--mount='.length)).map((f) =>
      f.key === 'from' ? `from=${newValue}` : csvField(f.text),
    );
    const value = fields.join(',');
    if (!/\s/.test(value)) return replaceSpan(tokenSpan(tok), `--mount=${value}`);
    // extractBuilderFlags groups quoted text inside a flag word: `--mount='a b,...'`
    return value.includes("'") ? null : replaceSpan(tokenSpan(tok), `--mount='${value}'`);
  }
  return null;
}

/**
 * Names a new or newly named stage must not take: every stage name, and every name a
 * reference uses (an image `FROM nginx` or `--from=nginx` would start to mean the stage),
 * except the own FROM of the stage being named (`naming`).
 */
export function namesInUse(ctx: EditContext, naming?: number): Set<string> {
  const s = new Set<string>();
  for (const st of ctx.stages) if (st.name) s.add(st.name);
  for (const r of stageReferences(ctx)) {
    // the FROM of the stage being named cannot link to the stage itself
    if (r.kind === 'base' && r.stage === naming) continue;
    s.add(r.resolvedValue.toLowerCase());
  }
  return s;
}
