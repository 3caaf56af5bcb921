/** The human summary of `--format text`: graph, needed stages, final files, diagnostics. */
import type { Analysis, ContextStatus } from '../core/types.ts';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const esc = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
export const colours: Style = { bold: esc('1'), dim: esc('2'), red: esc('31'), yellow: esc('33'), green: esc('32'), cyan: esc('36') };
const id = (s: string) => s;
export const plain: Style = { bold: id, dim: id, red: id, yellow: id, green: id, cyan: id };

const statusOrder: ContextStatus[] = ['final', 'build-only', 'unused', 'ignored'];

function stageLabel(a: Analysis, ref: string): string {
  if (ref.startsWith('stage:')) {
    const s = a.stages[Number(ref.slice(6))];
    return s ? (s.name ?? `stage ${s.index}`) : ref;
  }
  return ref.slice('image:'.length);
}

export function formatText(a: Analysis, file: string, st: Style): string {
  const out: string[] = [];
  const target = a.target !== null ? a.stages[a.target] : null;
  out.push(st.bold(`${file}: ${a.stages.length} stage${a.stages.length === 1 ? '' : 's'}`) +
    (target ? `, building ${st.cyan(target.name ?? `stage ${target.index}`)}${a.target === a.stages.length - 1 ? ' (the last stage, the default)' : ''}` : ', no target'));
  out.push('');
  if (a.stages.length > 0) {
    out.push(st.bold('Stages'));
    const needed = new Set(a.needed);
    const w = Math.max(...a.stages.map((s) => (s.name ?? '').length), 4);
    for (const s of a.stages) {
      const mark = s.index === a.target ? st.green('◎') : needed.has(s.index) ? st.green('●') : st.dim('○');
      const from = s.baseStage !== null ? `FROM stage ${a.stages[s.baseStage].name ?? s.baseStage}` : `FROM ${s.base}`;
      const role = s.index === a.target ? 'target' : needed.has(s.index) ? 'runs' : 'skipped: the target does not need it';
      const line = `  ${mark} ${String(s.index).padStart(2)} ${(s.name ?? '-').padEnd(w)}  ${from}${s.platform ? ` (--platform=${s.platform})` : ''}  lines ${s.line}-${s.endLine}  ${role}`;
      out.push(needed.has(s.index) ? line : st.dim(line));
    }
    const deps = a.edges.filter((e) => e.kind !== 'base' || e.from.startsWith('stage:'));
    if (deps.length > 0) {
      out.push('');
      out.push(st.bold('Dependencies'));
      for (const e of deps) {
        out.push(`  ${stageLabel(a, e.from)} ──${e.kind}──▶ ${a.stages[e.to]?.name ?? `stage ${e.to}`}  (line ${e.line})`);
      }
    }
    out.push('');
  }
  out.push(st.bold(`Final image: ${a.final.length} known file${a.final.length === 1 ? '' : 's'}`) + st.dim(' (files made by RUN are not known)'));
  for (const f of a.final.slice(0, 200)) {
    const src = f.from === 'context' ? `context ${f.source}` : f.from === 'heredoc' ? `heredoc <<${f.source}` : `${stageLabel(a, f.from)} ${f.source}`;
    out.push(`  ${f.path}  ${st.dim(`← ${src}, line ${f.line}`)}`);
  }
  if (a.final.length > 200) out.push(st.dim(`  … and ${a.final.length - 200} more (use --format json for all)`));
  out.push('');
  const byStatus = new Map<ContextStatus, string[]>(statusOrder.map((s) => [s, []]));
  for (const [p, s] of Object.entries(a.context)) byStatus.get(s)!.push(p);
  const total = Object.keys(a.context).length;
  out.push(st.bold(`Build context: ${total} file${total === 1 ? '' : 's'}`) + ' — ' + statusOrder.map((s) => `${byStatus.get(s)!.length} ${s}`).join(', '));
  for (const s of statusOrder) {
    const list = byStatus.get(s)!;
    if (list.length === 0) continue;
    const shown = list.slice(0, 12).join(', ');
    out.push(`  ${s.padEnd(10)} ${shown}${list.length > 12 ? st.dim(` … +${list.length - 12}`) : ''}`);
  }
  out.push('');
  if (a.diagnostics.length === 0) out.push(st.green('No problems found.'));
  else {
    out.push(st.bold(`Diagnostics: ${a.diagnostics.length}`));
    for (const d of a.diagnostics) {
      const sev = d.severity === 'error' ? st.red('error') : d.severity === 'warning' ? st.yellow('warning') : st.cyan('info');
      out.push(`${file}:${d.line}: ${sev} ${d.rule}: ${d.message}`);
    }
  }
  return out.join('\n') + '\n';
}
