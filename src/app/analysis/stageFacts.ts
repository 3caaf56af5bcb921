/**
 * What the views show beyond the JSON of CONTRACT.md section 2, taken from the engine's
 * detailed result in the worker (nothing is computed twice): per stage, its instruction count,
 * the context files it reads and the final files it supplies; per context file, the
 * instructions that read it, and for an ignored file, the .dockerignore line that left it out;
 * and every word that names a stage, with its position and the stage it resolves to.
 */
import type { AnalysisDetail } from '../../core/analyze.ts';
import { ContextMatcher } from '../../core/context/walk.ts';
import { explainWith } from '../../core/context/explain.ts';
import { stageReferences } from '../../core/edit/references.ts';
import { editContext } from '../../core/edit/textEdits.ts';
import type { EdgeKind } from '../../core/types.ts';

export interface StageFacts {
  /** instructions of the stage, FROM included */
  instructions: number;
  /** distinct context files its COPY/ADD and bind mounts read (needed stages only) */
  contextFilesIn: number;
  /** entries of the final image this stage put there (its own COPY/ADD lines, or copied from it) */
  finalFiles: number;
}

export interface FileRead {
  stage: number;
  line: number;
}

export interface ContextFacts {
  /** context path → the instructions of needed stages that read it, in file order */
  reads: Record<string, FileRead[]>;
  /** ignored context path → the .dockerignore line that decided it */
  ignoredBy: Record<string, { line: number; pattern: string }>;
}

export function stageFactsOf(detail: AnalysisDetail): StageFacts[] {
  const { analysis, dispatch, flow } = detail;
  return analysis.stages.map((stage) => {
    const within = (line: number) => line >= stage.line && line <= stage.endLine;
    const fromHere = `stage:${stage.index}`;
    const read = new Set<string>();
    for (const step of flow?.steps ?? []) if (step.stage === stage.index) step.contextReads.forEach((f) => read.add(f));
    return {
      instructions: (dispatch?.instructions.stages[stage.index]?.commands.length ?? 0) + 1,
      contextFilesIn: read.size,
      finalFiles: analysis.final.filter((f) => f.from === fromHere || (!f.from.startsWith('stage:') && within(f.line))).length,
    };
  });
}

export function contextFactsOf(detail: AnalysisDetail, dockerignore: string | null): ContextFacts {
  const reads: Record<string, FileRead[]> = Object.create(null);
  for (const step of detail.flow?.steps ?? []) {
    for (const path of step.contextReads) {
      const list = (reads[path] ??= []);
      if (!list.some((r) => r.line === step.line)) list.push({ stage: step.stage, line: step.line });
    }
  }
  for (const list of Object.values(reads)) list.sort((a, b) => a.line - b.line);

  const ignoredBy: ContextFacts['ignoredBy'] = Object.create(null);
  const ignoredPaths = Object.entries(detail.analysis.context).filter(([, s]) => s === 'ignored');
  if (ignoredPaths.length) {
    const matcher = new ContextMatcher(dockerignore);
    for (const [path] of ignoredPaths) {
      const decided = explainWith(matcher, path).decidedBy ?? null;
      if (decided) ignoredBy[path] = { line: decided.line, pattern: decided.pattern };
    }
  }
  return { reads, ignoredBy };
}

/** A word naming a stage or image (`FROM x`, `--from=x`, `from=x`), where the editor can point. */
export interface StageReferenceFact {
  kind: EdgeKind;
  /** first line of the instruction */
  line: number;
  /** as written */
  value: string;
  /** the stage it resolves to (BuildKit's rules), or null: an image or nothing */
  target: number | null;
  /** 1-based, end column exclusive; null when it cannot be located exactly */
  span: { line: number; column: number; endLine: number; endColumn: number } | null;
}

export function stageReferencesOf(dockerfile: string): StageReferenceFact[] {
  return stageReferences(editContext(dockerfile)).map((r) => ({ kind: r.kind, line: r.line, value: r.value, target: r.target, span: r.span }));
}
