/**
 * "Why is this file (not) in the image?" For a context path or an image path: the chain of
 * decisions that put it there or stopped it: the .dockerignore line that dropped it, the
 * instruction that copied it into which stage, each COPY --from or FROM <stage> that carried
 * it on, or where the chain stops (stage not needed, path not copied forward, overwritten).
 */
import type { AnalysisDetail } from '../analyze.ts';
import type { ContextStatus } from '../types.ts';
import type { FileEntry } from '../flow/tree.ts';
import { explainIgnore } from '../context/explain.ts';
import { clean, isWithin, normalizePath } from '../paths.ts';
import { compileGlob, containsWildcards } from '../flow/tree.ts';

export interface WhyStep {
  /** Dockerfile line (or .dockerignore line when `file` is '.dockerignore'), or null */
  line: number | null;
  file: 'Dockerfile' | '.dockerignore';
  stage: number | null;
  text: string;
}

export interface WhyAnswer {
  query: string;
  kind: 'context' | 'image' | 'none';
  status: ContextStatus | null;
  /** one sentence */
  summary: string;
  steps: WhyStep[];
  /** Dockerfile lines to highlight */
  lines: number[];
}

function stageLabel(detail: AnalysisDetail, i: number | null): string {
  if (i === null) return 'an unknown stage';
  const s = detail.analysis.stages[i];
  return s?.name ? `stage "${s.name}"` : `stage ${i}`;
}

function stageOfLine(detail: AnalysisDetail, line: number): number | null {
  const s = detail.analysis.stages.find((st) => line >= st.line && line <= st.endLine);
  return s ? s.index : null;
}

/** Follow a file back hop by hop: which instruction put it where, from where. */
function trace(detail: AnalysisDetail, stage: number, path: string, entry: FileEntry, steps: WhyStep[], depth = 0): void {
  const writer = stageOfLine(detail, entry.line);
  const carried = writer !== null && writer !== stage ? ` (inherited by ${stageLabel(detail, stage)} through FROM)` : '';
  if (entry.from === 'context') {
    steps.unshift({ line: entry.line, file: 'Dockerfile', stage: writer, text: `line ${entry.line} copies context file ${entry.source} to ${path} in ${stageLabel(detail, writer)}${carried}` });
    return;
  }
  if (entry.from === 'heredoc') {
    steps.unshift({ line: entry.line, file: 'Dockerfile', stage: writer, text: `line ${entry.line} writes heredoc <<${entry.source} to ${path} in ${stageLabel(detail, writer)}${carried}` });
    return;
  }
  if (entry.from.startsWith('image:')) {
    steps.unshift({ line: entry.line, file: 'Dockerfile', stage: writer, text: `line ${entry.line} copies ${entry.source} from image ${entry.from.slice(6)} to ${path}${carried}` });
    return;
  }
  const src = Number(entry.from.slice(6));
  steps.unshift({ line: entry.line, file: 'Dockerfile', stage: writer, text: `line ${entry.line} copies ${entry.source} from ${stageLabel(detail, src)} to ${path} in ${stageLabel(detail, writer)}${carried}` });
  const prev = detail.flow?.stageFs.get(src)?.files.get(entry.source);
  if (prev && depth < 64) trace(detail, src, entry.source, prev, steps, depth + 1);
  else if (!prev) steps.unshift({ line: null, file: 'Dockerfile', stage: src, text: `${entry.source} in ${stageLabel(detail, src)} is made by a RUN step or comes from its base image: its content is not known` });
}

export function explainPath(detail: AnalysisDetail, query: string, dockerignore: string | null = null): WhyAnswer {
  const a = detail.analysis;
  const steps: WhyStep[] = [];
  const target = a.target;
  const targetFs = target !== null ? detail.flow?.stageFs.get(target) : undefined;
  const done = (kind: WhyAnswer['kind'], status: ContextStatus | null, summary: string): WhyAnswer => ({
    query,
    kind,
    status,
    summary,
    steps,
    lines: [...new Set(steps.filter((s) => s.file === 'Dockerfile' && s.line !== null).map((s) => s.line!))].sort((x, y) => x - y),
  });

  if (query.startsWith('/')) {
    const p = clean(query);
    const entry = targetFs?.files.get(p);
    if (!entry || target === null) {
      const under = a.final.filter((f) => isWithin(p, f.path));
      if (under.length > 0) return done('image', null, `${p} is a directory of the final image holding ${under.length} known file${under.length === 1 ? '' : 's'}`);
      return done('none', null, `${p} is not among the files the analysis knows to be in the final image (files made by RUN are not known)`);
    }
    trace(detail, target, p, entry, steps);
    return done('image', null, `${p} is in the final image (${stageLabel(detail, target)})`);
  }

  const rel = clean(query.replace(/^\.\//, ''));
  const status = a.context[rel];
  if (status === undefined) return done('none', null, `${rel} is not a file of the build context`);

  if (status === 'ignored') {
    const ex = explainIgnore(rel, dockerignore);
    if (ex.decidedBy) {
      steps.push({ line: ex.decidedBy.line, file: '.dockerignore', stage: null, text: `.dockerignore line ${ex.decidedBy.line} (${ex.decidedBy.pattern}) excludes ${ex.decidedBy.matchedPath}` });
    }
    if (ex.skippedDir) {
      steps.push({ line: ex.skippedDir.line, file: '.dockerignore', stage: null, text: `the directory ${ex.skippedDir.path} is excluded and BuildKit does not walk into it, so no exception can bring ${rel} back` });
    }
    for (const m of ex.matches) {
      if (m.exception && !m.counted) steps.push({ line: m.line, file: '.dockerignore', stage: null, text: `line ${m.line} (${m.pattern}) would re-include it, but does not apply here` });
    }
    return done('context', status, `${rel} never leaves your machine: .dockerignore drops it from the build context`);
  }

  const reads = (detail.flow?.steps ?? []).filter((s) => s.contextReads.includes(rel));
  if (status === 'final' && targetFs && target !== null) {
    const finals = [...targetFs.files.entries()].filter(([, e]) => e.origin === rel);
    for (const [p, e] of finals.slice(0, 3)) trace(detail, target, p, e, steps);
    return done('context', status, `${rel} reaches the final image as ${finals.map(([p]) => p).slice(0, 3).join(', ')}`);
  }
  if (status === 'build-only') {
    for (const r of reads) {
      const copied = r.wrote.length > 0;
      steps.push({
        line: r.line,
        file: 'Dockerfile',
        stage: r.stage,
        text: copied
          ? `line ${r.line} copies it into ${stageLabel(detail, r.stage)}, but nothing carries that copy into ${stageLabel(detail, target)} (no COPY --from of it, or it is overwritten)`
          : `line ${r.line} mounts it for a RUN step in ${stageLabel(detail, r.stage)}; mounts are not part of the image`,
      });
    }
    return done('context', status, `${rel} is used while building but does not reach the final image`);
  }
  // unused: would a stage the target skips read it?
  for (const st of detail.dispatch?.instructions.stages ?? []) {
    const i = a.stages.findIndex((s) => s.line === st.line);
    if (a.needed.includes(i)) continue;
    for (const c of st.commands) {
      if ((c.kind !== 'copy' && c.kind !== 'add') || (c.kind === 'copy' && c.from)) continue;
      if (c.sources.some((s) => sourceCovers(s, rel))) {
        steps.push({ line: c.line, file: 'Dockerfile', stage: i, text: `line ${c.line} in ${stageLabel(detail, i)} would copy it, but the target does not need that stage` });
      }
    }
  }
  return done('context', status, `${rel} is sent with the context but no stage the target needs reads it`);
}

function sourceCovers(src: string, rel: string): boolean {
  const p = normalizePath('/', src, false);
  if (containsWildcards(p)) {
    const re = compileGlob(p.slice(1));
    return re ? re.test(rel) || rel.split('/').some((_, k, parts) => re.test(parts.slice(0, k + 1).join('/'))) : false;
  }
  return isWithin(p, '/' + rel);
}
