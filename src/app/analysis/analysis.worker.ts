/// <reference lib="webworker" />
/**
 * Runs the engine off the main thread, so typing never waits for an analysis. The engine is
 * the same function the CLI calls; this file only carries messages. The detailed analysis of
 * the latest revision stays here, so insight queries (cursor moves, a clicked file, files
 * marked changed) are answered without analysing again.
 */
import { analyzeDetailed } from '../../core/analyze.ts';
import type { AnalysisRequest, AnalysisResponse } from './protocol.ts';
import { contextFactsOf, stageFactsOf, stageReferencesOf } from './stageFacts.ts';
import { buildInsightsOf, Explainer } from './insights.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

let explainer: Explainer | null = null;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  let response: AnalysisResponse;
  if (request.kind === 'query') {
    if (!explainer || explainer.id !== request.id) {
      response = { kind: 'query', id: request.id, ok: false, stale: true, message: 'no analysis of this revision' };
    } else {
      try {
        response = { kind: 'query', id: request.id, ok: true, answers: explainer.answer(request.query, request.parts) };
      } catch (error) {
        response = { kind: 'query', id: request.id, ok: false, stale: false, message: messageOf(error) };
      }
    }
    scope.postMessage(response);
    return;
  }
  const { id, input, query } = request;
  try {
    const started = performance.now();
    const detail = analyzeDetailed(input);
    const ms = performance.now() - started;
    const dockerignore = input.dockerignore ?? null;
    const context = contextFactsOf(detail, dockerignore);
    const current = new Explainer(id, detail, dockerignore);
    explainer = current;
    const result = { analysis: detail.analysis, facts: stageFactsOf(detail), context, references: stageReferencesOf(input.dockerfile) };
    response = { kind: 'analyze', id, ok: true, result, ms };
    // The insights follow in their own message, after any request that arrived meanwhile: a
    // newer analysis makes them stale, and they are then never computed.
    setTimeout(() => {
      if (explainer !== current) return;
      scope.postMessage({ kind: 'insights', id, insights: buildInsightsOf(detail), answers: current.answer(query) } satisfies AnalysisResponse);
    }, 0);
  } catch (error) {
    // analyze is total by contract; report rather than die if that promise is ever broken
    explainer = null;
    response = { kind: 'analyze', id, ok: false, message: messageOf(error) };
  }
  scope.postMessage(response);
};
