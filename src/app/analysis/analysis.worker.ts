/// <reference lib="webworker" />
/**
 * Runs the engine off the main thread, so typing never waits for an analysis. The engine is
 * the same function the CLI calls; this file only carries messages.
 */
import { analyze } from '../../core/analyze.ts';
import type { AnalysisRequest, AnalysisResponse } from './protocol.ts';
import { stageFactsOf } from './stageFacts.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, input } = event.data;
  let response: AnalysisResponse;
  try {
    const started = performance.now();
    const analysis = analyze(input);
    const ms = performance.now() - started;
    response = { id, ok: true, analysis, facts: stageFactsOf(input.dockerfile, analysis), ms };
  } catch (error) {
    // analyze is total by contract; report rather than die if that promise is ever broken
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
