/**
 * UnusedStage (Stagecraft, info). The stages one can build are the named stages (`--target`)
 * and the last stage (the default). A stage that none of them needs (through FROM, COPY --from
 * or RUN --mount from=, transitively) is never built: reported at its FROM, with the list of
 * targets. Named stages are targets themselves, so only an unnamed stage that is not the last
 * one and that no built stage uses can be reported.
 */
import { ruleMessage } from '../messages.ts';
import { at, nodeLoc, type Finding, type LintContext } from '../ruleContext.ts';

export function unusedStage(ctx: LintContext): Finding[] {
  const stages = ctx.analysis.stages;
  if (stages.length === 0) return [];
  const deps = new Map<number, number[]>();
  for (const e of ctx.analysis.edges) {
    const m = /^stage:(\d+)$/.exec(e.from);
    if (!m) continue;
    const list = deps.get(e.to) ?? [];
    list.push(Number(m[1]));
    deps.set(e.to, list);
  }
  const last = stages.length - 1;
  const targets = stages.filter((s) => s.name !== null || s.index === last).map((s) => s.index);
  const built = new Set<number>();
  const stack = [...targets];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (built.has(i)) continue;
    built.add(i);
    for (const d of deps.get(i) ?? []) stack.push(d);
  }
  const names = targets.map((i) => {
    const s = stages[i];
    const n = s.name ?? `stage ${i}`;
    return i === last ? `${n} (default)` : n;
  });
  const out: Finding[] = [];
  for (const s of stages) {
    if (built.has(s.index)) continue;
    const st = ctx.dispatch.instructions.stages[s.index];
    if (!st) continue;
    out.push(at(ctx, 'UnusedStage', nodeLoc(st.from), ruleMessage.UnusedStage(s.index, names), st.from.prevComment));
  }
  return out;
}
