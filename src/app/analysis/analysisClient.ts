/**
 * Talks to the analysis worker with versioned requests. At most one analysis is in flight;
 * while it runs, newer requests replace each other (only the latest matters), and an answer
 * is delivered only if no newer request was made since (astexplorer's stale-result rule).
 *
 * Insight queries (the instruction under the cursor, the file to explain, the files marked
 * changed) ride along: every analysis request carries the query as it stands when the request
 * is sent (answered, with the build's insights, in a message after the analysis), and `ask()`
 * sends the changed parts of a query on their own, answered from the analysis the worker
 * already holds. The worker handles messages in order, so a query sent after an analysis
 * request of the same revision is answered after it.
 */
import type { AnalyzeInput } from '../../core/types.ts';
import {
  emptyQuery,
  type AnalysisRequest,
  type AnalysisResponse,
  type AnalysisResult,
  type BuildInsights,
  type InsightQuery,
  type QueryAnswers,
  type QueryPart,
} from './protocol.ts';

/** the slice of `Worker` the client uses (a fake in unit tests) */
export interface WorkerPort {
  postMessage(message: AnalysisRequest): void;
  onmessage: ((event: MessageEvent<AnalysisResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface AnalysisListener {
  result(version: number, result: AnalysisResult, ms: number): void;
  failure(version: number, message: string): void;
  /** answers to a query sent with `ask()`, for the latest revision */
  answers?(version: number, answers: QueryAnswers): void;
  /** the insights that follow an analysis, with the answers to the query it carried */
  insights?(version: number, insights: BuildInsights, answers: QueryAnswers): void;
}

export class AnalysisClient {
  private latest = -1;
  private inFlight: number | null = null;
  private queued: { id: number; input: AnalyzeInput } | null = null;
  private readonly port: WorkerPort;
  private readonly listener: AnalysisListener;
  private readonly query: () => InsightQuery;

  constructor(port: WorkerPort, listener: AnalysisListener, query: () => InsightQuery = () => emptyQuery) {
    this.port = port;
    this.listener = listener;
    this.query = query;
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault?.();
      const version = this.inFlight ?? this.latest;
      this.inFlight = null;
      this.listener.failure(version, event.message || 'the analysis worker stopped');
      this.sendQueued();
    };
  }

  /** Ask for the analysis of `input` as version `version` (versions only grow). */
  request(version: number, input: AnalyzeInput): void {
    this.latest = version;
    const next = { id: version, input };
    if (this.inFlight === null) this.send(next);
    else this.queued = next;
  }

  /** The insight query changed in `parts`: have those answered for the latest revision. */
  ask(parts: QueryPart[]): void {
    if (this.latest < 0 || parts.length === 0) return;
    // a queued analysis request carries the query when it is sent; the worker does not hold
    // the latest revision yet, so a query now would only come back stale
    if (this.queued) return;
    this.port.postMessage({ kind: 'query', id: this.latest, query: this.query(), parts });
  }

  private send(next: { id: number; input: AnalyzeInput }): void {
    this.inFlight = next.id;
    this.port.postMessage({ kind: 'analyze', id: next.id, input: next.input, query: this.query() });
  }

  private sendQueued(): void {
    const next = this.queued;
    this.queued = null;
    if (next) this.send(next);
  }

  private receive(response: AnalysisResponse): void {
    if (response.kind === 'insights') {
      if (response.id === this.latest) this.listener.insights?.(response.id, response.insights, response.answers);
      return;
    }
    if (response.kind === 'query') {
      // not ok: stale (an analysis request is on its way and carries the newest query); the
      // analysis itself is unaffected either way
      if (response.id === this.latest && response.ok) this.listener.answers?.(response.id, response.answers);
      return;
    }
    if (response.id === this.inFlight) this.inFlight = null;
    if (response.id === this.latest) {
      if (response.ok) this.listener.result(response.id, response.result, response.ms);
      else this.listener.failure(response.id, response.message);
    }
    // anything older is stale: dropped
    if (this.inFlight === null) this.sendQueued();
  }
}
