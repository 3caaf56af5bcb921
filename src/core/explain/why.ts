/**
 * "Why is this file (not) in the image?" For a context path or an image path: the chain of
 * decisions that put it there or stopped it: the .dockerignore line that dropped it (and the
 * instructions that would have copied it), the instruction that copied it into which stage,
 * each COPY --from or FROM <stage> that carried it on, or where the chain stops (stage not
 * needed, path not copied forward, `--exclude`, overwritten, only mounted).
 */
import type { AnalysisDetail } from '../analyze.ts';
import type { ContextStatus } from '../types.ts';
import type { FileEntry } from '../flow/tree.ts';
import type { DispatchedCommand } from '../dispatch/types.ts';
import { explainIgnore } from '../context/explain.ts';
import { clean, dirname, isWithin, normalizePath } from '../paths.ts';
import { compileGlob, containsWildcards } from '../flow/tree.ts';
import { excludedBy, isRemote, sourceCovers, sourcesOf, stageLabel, stageOfLine, type CopyCommand } from './common.ts';

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
  /** .dockerignore lines to highlight */
  dockerignoreLines: number[];
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
    steps.unshift({ line: entry.line, file: 'Dockerfile', stage: writer, text: `line ${entry.line} copies ${entry.source} from image ${entry.from.slice(6)} to ${path} in ${stageLabel(detail, writer)}${carried}; its content is not known offline` });
    return;
  }
  const src = Number(entry.from.slice(6));
  steps.unshift({ line: entry.line, file: 'Dockerfile', stage: writer, text: `line ${entry.line} copies ${entry.source} from ${stageLabel(detail, src)} to ${path} in ${stageLabel(detail, writer)}${carried}` });
  const prev = detail.flow?.stageFs.get(src)?.get(entry.source);
  if (prev && depth < 64) trace(detail, src, entry.source, prev, steps, depth + 1);
  else if (!prev) steps.unshift({ line: null, file: 'Dockerfile', stage: src, text: `${entry.source} in ${stageLabel(detail, src)} is made by a RUN step or comes from its base image: its content is not known` });
}

interface ContextUse {
  stage: number;
  needed: boolean;
  line: number;
  /** the instruction's first line */
  text: string;
  kind: 'copy' | 'mount';
  cmd: CopyCommand | null;
  sources: string[];
}

/** Every COPY/ADD from the context and every RUN bind mount of the context, in every stage. */
function contextUses(detail: AnalysisDetail): ContextUse[] {
  const out: ContextUse[] = [];
  const a = detail.analysis;
  const d = detail.dispatch;
  if (!d) return out;
  d.instructions.stages.forEach((st, i) => {
    const needed = a.needed.includes(i);
    const dcs: { cmd: (typeof st.commands)[number]; dc: DispatchedCommand | null }[] = needed
      ? (d.stages[i]?.commands ?? []).map((dc) => ({ cmd: dc.cmd, dc }))
      : st.commands.map((cmd) => ({ cmd, dc: null }));
    for (const { cmd, dc } of dcs) {
      const text = cmd.node.original.split('\n')[0];
      if (cmd.kind === 'add' || (cmd.kind === 'copy' && !cmd.from)) {
        out.push({ stage: i, needed, line: cmd.line, text, kind: 'copy', cmd, sources: sourcesOf(cmd, dc).filter((s) => !isRemote(s)) });
      } else if (cmd.kind === 'run') {
        cmd.mounts.forEach((m, k) => {
          if (m.type !== 'bind' || (m.from !== null && m.from !== '')) return;
          const src = dc?.expanded[`mount:${k}:source`] ?? dc?.expanded[`mount:${k}:src`] ?? m.source ?? '';
          out.push({ stage: i, needed, line: cmd.line, text, kind: 'mount', cmd: null, sources: [src === '' ? '.' : src] });
        });
      }
    }
  });
  return out;
}

export function explainPath(detail: AnalysisDetail, query: string, dockerignore: string | null = null): WhyAnswer {
  const a = detail.analysis;
  const steps: WhyStep[] = [];
  const target = a.target;
  const targetFs = target !== null ? detail.flow?.stageFs.get(target) : undefined;
  const done = (kind: WhyAnswer['kind'], status: ContextStatus | null, summary: string): WhyAnswer => {
    const seen = new Set<string>();
    const unique = steps.filter((s) => {
      const key = `${s.file}:${s.line}:${s.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const linesOf = (file: WhyStep['file']) =>
      [...new Set(unique.filter((s) => s.file === file && s.line !== null).map((s) => s.line!))].sort((x, y) => x - y);
    return { query, kind, status, summary, steps: unique, lines: linesOf('Dockerfile'), dockerignoreLines: linesOf('.dockerignore') };
  };

  if (query.startsWith('/')) return explainImagePath(detail, clean(query), steps, done);

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
    for (const u of contextUses(detail)) {
      if (!u.needed || !u.sources.some((s) => sourceCovers(s, rel))) continue;
      steps.push({
        line: u.line,
        file: 'Dockerfile',
        stage: u.stage,
        text: u.kind === 'copy'
          ? `line ${u.line} (${u.text}) in ${stageLabel(detail, u.stage)} would copy it, but BuildKit never receives it`
          : `line ${u.line} mounts the context for a RUN step in ${stageLabel(detail, u.stage)}, but ${rel} is not in it`,
      });
    }
    return done('context', status, `${rel} never leaves your machine: .dockerignore drops it from the build context`);
  }

  if (status === 'final' && targetFs && target !== null) {
    const finals = [...targetFs.files.entries()].filter(([, e]) => e.origin === rel);
    for (const [p, e] of finals.slice(0, 3)) trace(detail, target, p, e, steps);
    const names = finals.map(([p]) => p);
    return done('context', status, `${rel} reaches the final image as ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`);
  }
  if (status === 'build-only') {
    buildOnlyChain(detail, rel, steps);
    return done('context', status, `${rel} is used during the build but does not reach the final image (${stageLabel(detail, target)})`);
  }
  // unused: does an --exclude of a needed stage drop it, or would a stage the target skips read it?
  for (const u of contextUses(detail)) {
    if (u.kind !== 'copy' || !u.cmd) continue;
    for (const s of u.sources) {
      if (!sourceCovers(s, rel)) continue;
      if (u.needed) {
        const pat = excludedBy(u.cmd, s, rel);
        if (pat !== null) {
          steps.push({ line: u.line, file: 'Dockerfile', stage: u.stage, text: `line ${u.line} in ${stageLabel(detail, u.stage)} copies ${s}, but --exclude=${pat} leaves ${rel} out` });
        }
      } else {
        steps.push({ line: u.line, file: 'Dockerfile', stage: u.stage, text: `line ${u.line} in ${stageLabel(detail, u.stage)} would copy it, but the target does not need that stage, so BuildKit skips it` });
      }
      break;
    }
  }
  const special = rel === 'Dockerfile' || rel === '.dockerignore' ? ` (BuildKit reads the ${rel} itself before the build; a stage gets it only if a COPY takes it)` : '';
  return done('context', status, `${rel} is sent with the context but no stage the target needs reads it${special}`);
}

type Done = (kind: WhyAnswer['kind'], status: ContextStatus | null, summary: string) => WhyAnswer;

function explainImagePath(detail: AnalysisDetail, p: string, steps: WhyStep[], done: Done): WhyAnswer {
  const a = detail.analysis;
  const target = a.target;
  const targetFs = target !== null ? detail.flow?.stageFs.get(target) : undefined;
  const entry = targetFs?.get(p);
  if (entry && target !== null) {
    trace(detail, target, p, entry, steps);
    return done('image', null, `${p} is in the final image (${stageLabel(detail, target)})`);
  }
  const under = a.final.filter((f) => f.path !== p && isWithin(p, f.path));
  if (under.length > 0) {
    const byLine = new Map<number, typeof under>();
    for (const f of under) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
    for (const [line, fs] of [...byLine.entries()].sort((x, y) => x[0] - y[0])) {
      const from = fs[0].from === 'context' ? 'from the build context' : fs[0].from === 'heredoc' ? 'from a heredoc' : fs[0].from.startsWith('stage:') ? `from ${stageLabel(detail, Number(fs[0].from.slice(6)))}` : `from image ${fs[0].from.slice(6)}`;
      steps.push({ line, file: 'Dockerfile', stage: stageOfLine(detail, line), text: `line ${line} puts ${fs.length} known file${fs.length === 1 ? '' : 's'} under ${p} ${from}` });
    }
    return done('image', null, `${p} is a directory of the final image holding ${under.length} known file${under.length === 1 ? '' : 's'}`);
  }
  // Below a path copied whole from a stage or an image: present if that stage's RUN made it.
  if (targetFs && target !== null) {
    for (let dir = dirname(p); dir !== '/' && dir !== '.'; dir = dirname(dir)) {
      const anc = targetFs.get(dir);
      if (!anc) continue;
      if (anc.opaque) {
        trace(detail, target, dir, anc, steps);
        return done('none', null, `${p} is not known to the analysis, but ${dir} is in the final image and its contents come from a RUN step or an image, so ${p} may well be inside it`);
      }
      return done('none', null, `${p} cannot be in the final image: ${dir} is a file there`);
    }
  }
  return done('none', null, `${p} is not among the files the analysis knows to be in the final image (files made by RUN or by the base image are not known)`);
}

/** Why a context file that a needed stage reads does not reach the target: every hop and stop. */
function buildOnlyChain(detail: AnalysisDetail, rel: string, steps: WhyStep[]): void {
  const a = detail.analysis;
  const flow = detail.flow;
  const graph = detail.graph;
  if (!flow) return;
  const fsOf = (s: number) => flow.stageFs.get(s);
  const push = (line: number | null, stage: number | null, text: string) => steps.push({ line, file: 'Dockerfile', stage, text });

  // Mounts: read while a RUN step runs, never part of the image.
  for (const r of flow.steps) {
    if (r.from !== 'context' || !r.contextReads.includes(rel)) continue;
    if (r.wrote.length === 0) {
      push(r.line, r.stage, `line ${r.line} mounts it for a RUN step in ${stageLabel(detail, r.stage)}; a mount is not part of the image`);
      continue;
    }
    const copies = [...(fsOf(r.stage)?.files.entries() ?? [])].filter(([, e]) => e.origin === rel && e.from === 'context' && e.line === r.line);
    if (copies.length === 0) {
      push(r.line, r.stage, `line ${r.line} copies it into ${stageLabel(detail, r.stage)}, but by the end of that stage a later instruction has written over it`);
    }
  }

  for (const s of a.needed) {
    const fs = fsOf(s);
    if (!fs) continue;
    const held = [...fs.files.entries()].filter(([, e]) => e.origin === rel);
    if (held.length === 0) continue;
    for (const [p, e] of held) {
      const writer = stageOfLine(detail, e.line);
      if (writer !== s) {
        const base = a.stages[s]?.baseStage ?? null;
        push(a.stages[s]?.line ?? null, s, `${stageLabel(detail, s)} builds on ${stageLabel(detail, base)} (FROM), so it has ${p} too`);
      } else if (e.from === 'context') {
        push(e.line, s, `line ${e.line} copies it into ${stageLabel(detail, s)} as ${p}`);
      } else if (e.from.startsWith('stage:')) {
        push(e.line, s, `line ${e.line} copies ${e.source} from ${stageLabel(detail, Number(e.from.slice(6)))} to ${p} in ${stageLabel(detail, s)}`);
      }
    }
    // Where it goes from here, and where it stops.
    let carried = false;
    const before = steps.length;
    for (const c of a.needed) {
      if (a.stages[c]?.baseStage !== s) continue;
      const cfs = fsOf(c);
      for (const [p, e] of held) {
        const there = cfs?.get(p);
        if (there === e) carried = true;
        else if (there) push(there.line, c, `line ${there.line} in ${stageLabel(detail, c)} writes over ${p}`);
        else push(a.stages[c]?.line ?? null, c, `${p} is gone in ${stageLabel(detail, c)} (a later instruction replaced it)`);
      }
    }
    for (const c of a.needed) {
      for (const dep of graph?.states[c]?.deps ?? []) {
        const node = graph!.states[dep.state];
        if (node?.kind !== 'stage' || node.stageIndex !== s) continue;
        if (dep.kind === 'mount') {
          push(dep.cmd.line, c, `line ${dep.cmd.line} mounts ${stageLabel(detail, s)} for a RUN step in ${stageLabel(detail, c)}; a mount is not part of the image`);
          continue;
        }
        const cfs = fsOf(c);
        const took = held.filter(([p]) => [...(cfs?.files.values() ?? [])].some((x) => x.from === `stage:${s}` && x.source === p));
        if (took.length > 0) {
          carried = true;
          continue;
        }
        if (dep.cmd.kind !== 'copy') continue;
        const dc = detail.dispatch?.stages[c]?.commands.find((x) => x.cmd === dep.cmd) ?? null;
        const srcs = sourcesOf(dep.cmd, dc);
        const covered = held.some(([p]) => srcs.some((src) => stagePathCovers(src, p)));
        const what = srcs.join(' ');
        push(
          dep.cmd.line,
          c,
          covered
            ? `line ${dep.cmd.line} copies ${what} from ${stageLabel(detail, s)}, but ${dep.cmd.exclude.length > 0 ? `--exclude (${dep.cmd.exclude.join(', ')}) leaves ${held[0][0]} out` : `${held[0][0]} does not survive in ${stageLabel(detail, c)}`}`
            : `line ${dep.cmd.line} copies only ${what} from ${stageLabel(detail, s)}, which does not include ${held[0][0]}`,
        );
      }
    }
    if (!carried && s !== a.target && steps.length === before) {
      push(null, s, `nothing the target needs takes ${held[0][0]} out of ${stageLabel(detail, s)}`);
    }
  }
}

/** Does a COPY --from source path (normalised against `/` of the source stage) take `p`? */
function stagePathCovers(src: string, p: string): boolean {
  const n = normalizePath('/', src, false);
  if (containsWildcards(n)) {
    const re = compileGlob(n.slice(1));
    if (!re) return false;
    const parts = p.slice(1).split('/');
    return parts.some((_, k) => re.test(parts.slice(0, k + 1).join('/')));
  }
  return isWithin(n, p);
}
