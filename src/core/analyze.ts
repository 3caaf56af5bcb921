/**
 * analyze(): the one entry point. Dockerfile text + context file list in, the Analysis of
 * CONTRACT.md section 2 out. Pure, total and deterministic: it never throws, never reads the
 * disk; every problem becomes a diagnostic on the line at fault.
 */
import type { Analysis, AnalyzeInput, Diagnostic, Edge, Severity, StageInfo } from './types.ts';
import { parse } from './syntax/instructions.ts';
import { dispatch } from './dispatch/dispatch.ts';
import { computeFlow, type FlowResult } from './flow/flow.ts';
import { filterContext } from './context/walk.ts';
import { canonicalContextPaths } from './paths.ts';
import { lint } from './lint/index.ts';
import type { DispatchResult } from './dispatch/types.ts';
import type { StageGraph } from './graph/stageGraph.ts';

export const errorDocsUrl = 'https://github.com/stagecraft/stagecraft#build-errors';

/** Everything analyze() learns, for views that explain more than the JSON carries. */
export interface AnalysisDetail {
  analysis: Analysis;
  dispatch: DispatchResult | null;
  graph: StageGraph | null;
  flow: FlowResult | null;
  ignored: Set<string>;
}

export function analyze(input: AnalyzeInput): Analysis {
  return analyzeDetailed(input).analysis;
}

export function analyzeDetailed(input: AnalyzeInput): AnalysisDetail {
  try {
    return run(input);
  } catch (e) {
    // The engine is total by design; this is the last guard, reported like any other error.
    const message = e instanceof Error ? e.message : String(e);
    return {
      analysis: {
        schemaVersion: 1,
        stages: [],
        edges: [],
        target: null,
        needed: [],
        context: Object.fromEntries((input.files ?? []).map((f) => [f, 'unused' as const])),
        final: [],
        diagnostics: [errorDiag('InternalError', `Stagecraft could not analyse this input: ${message}`, 1, 1)],
      },
      dispatch: null,
      graph: null,
      flow: null,
      ignored: new Set(),
    };
  }
}

function errorDiag(rule: string, message: string, line: number, endLine: number, severity: Severity = 'error'): Diagnostic {
  return { rule, severity, line: Math.max(1, line), endLine: Math.max(1, line, endLine), column: 1, message, url: errorDocsUrl };
}

function run(input: AnalyzeInput): AnalysisDetail {
  const text = typeof input.dockerfile === 'string' ? input.dockerfile : '';
  const files = Array.isArray(input.files) ? canonicalContextPaths(input.files) : [];
  const buildArgs: Record<string, string> = Object.create(null) as Record<string, string>; // a build arg may be named __proto__
  for (const [k, v] of Object.entries(input.buildArgs ?? {})) if (typeof v === 'string') buildArgs[k] = v;
  const target = typeof input.target === 'string' && input.target !== '' ? input.target : null;
  const dockerignore = typeof input.dockerignore === 'string' ? input.dockerignore : null;

  const diagnostics: Diagnostic[] = [];
  const instr = parse(text);
  // toDispatchState: an empty file is refused before parsing; otherwise the parser speaks.
  if (text === '') diagnostics.push(errorDiag('EmptyDockerfile', 'the Dockerfile cannot be empty', 1, 1));
  else for (const e of instr.errors) diagnostics.push(errorDiag('SyntaxError', e.message, e.line, e.endLine));
  if (text !== '' && instr.stages.length === 0 && instr.errors.length === 0) {
    diagnostics.push(errorDiag('NoStages', 'dockerfile contains no stages to build', 1, 1));
  }

  const ctx = filterContext(files, dockerignore);
  for (const e of ctx.errors) diagnostics.push(errorDiag('InvalidDockerignore', `.dockerignore line ${e.line}: ${e.message}`, 1, 1));

  const d = dispatch(instr, target, buildArgs);
  for (const p of d.problems) diagnostics.push(errorDiag(p.rule, p.message, p.line, p.endLine));

  const flow = computeFlow(d, d.graph, files, ctx.ignored);
  for (const p of flow.problems) diagnostics.push(errorDiag(p.rule, p.message, p.line, p.endLine));

  const stages: StageInfo[] = instr.stages.map((st, i) => ({
    index: i,
    name: st.name,
    nameAsWritten: st.nameAsWritten,
    base: d.graph.bases[i],
    baseStage: d.graph.baseStage[i],
    line: st.line,
    endLine: st.endLine,
    platform: d.graph.platforms[i],
  }));
  const edges: Edge[] = d.graph.edges;

  const partial = {
    schemaVersion: 1 as const,
    stages,
    edges,
    target: d.target,
    needed: d.needed,
    context: flow.context,
    final: flow.final,
  };
  diagnostics.push(...lint({ dispatch: d, analysis: partial, files, dockerignore }));
  diagnostics.sort((a, b) => a.line - b.line || severityRank(a.severity) - severityRank(b.severity) || a.rule.localeCompare(b.rule));

  return {
    analysis: { ...partial, diagnostics },
    dispatch: d,
    graph: d.graph,
    flow,
    ignored: ctx.ignored,
  };
}

function severityRank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}
