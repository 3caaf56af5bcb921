/** Messages between the page and the analysis worker. `id` is the request's version. */
import type { Analysis, AnalyzeInput } from '../../core/types.ts';
import type { ContextFacts, StageFacts, StageReferenceFact } from './stageFacts.ts';

export interface AnalysisRequest {
  id: number;
  input: AnalyzeInput;
}

/** The analysis and what the views need beside it, all computed in one pass in the worker. */
export interface AnalysisResult {
  analysis: Analysis;
  facts: StageFacts[];
  context: ContextFacts;
  references: StageReferenceFact[];
}

export type AnalysisResponse =
  | { id: number; ok: true; result: AnalysisResult; ms: number }
  | { id: number; ok: false; message: string };
