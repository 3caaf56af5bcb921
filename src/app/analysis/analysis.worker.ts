/// <reference lib="webworker" />
/**
 * Runs the engine off the main thread, so typing never waits for an analysis. The engine is
 * the same function the CLI calls; this file only carries messages.
 */
import { analyzeDetailed } from '../../core/analyze.ts';
import type { AnalysisRequest, AnalysisResponse } from './protocol.ts';
import { contextFactsOf, stageFactsOf, stageReferencesOf } from './stageFacts.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, input } = event.data;
  let response: AnalysisResponse;
  try {
    const started = performance.now();
    const detail = analyzeDetailed(input);
    const ms = performance.now() - started;
    const context = contextFactsOf(detail, input.dockerignore ?? null);
    const result = { analysis: detail.analysis, facts: stageFactsOf(detail), context, references: stageReferencesOf(input.dockerfile) };
    response = { id, ok: true, result, ms };
  } catch (error) {
    // analyze is total by contract; report rather than die if that promise is ever broken
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
