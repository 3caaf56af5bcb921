/** Messages between the page and the analysis worker. `id` is the request's version. */
import type { Analysis, AnalyzeInput } from '../../core/types.ts';
import type { ContextFacts, StageFacts } from './stageFacts.ts';

export interface AnalysisRequest {
  id: number;
  input: AnalyzeInput;
}

export type AnalysisResponse =
  | { id: number; ok: true; analysis: Analysis; facts: StageFacts[]; context: ContextFacts; ms: number }
  | { id: number; ok: false; message: string };
