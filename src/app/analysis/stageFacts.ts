/**
 * Per-stage numbers the graph nodes show, computed once per analysis (in the worker, next to
 * the engine): how many instructions the stage has, how many stages and images it reads from,
 * and how many files of the final image it supplies.
 */
import type { Analysis } from '../../core/types.ts';
import { instructionStartLines } from './instructionLines.ts';

export interface StageFacts {
  instructions: number;
  /** incoming edges: the base plus every COPY --from and RUN --mount from= */
  dependencies: number;
  /** entries of the final image this stage put there (its own COPY/ADD lines, or copied from it) */
  finalFiles: number;
}

export function stageFactsOf(dockerfile: string, analysis: Analysis): StageFacts[] {
  const starts = instructionStartLines(dockerfile);
  return analysis.stages.map((stage) => {
    const within = (line: number) => line >= stage.line && line <= stage.endLine;
    const fromHere = `stage:${stage.index}`;
    return {
      instructions: starts.filter(within).length,
      dependencies: analysis.edges.filter((e) => e.to === stage.index).length,
      finalFiles: analysis.final.filter((f) => f.from === fromHere || (!f.from.startsWith('stage:') && within(f.line))).length,
    };
  });
}
