/**
 * Talks to the analysis worker with versioned requests. At most one request is in flight;
 * while it runs, newer requests replace each other (only the latest matters), and an answer
 * is delivered only if no newer request was made since (astexplorer's stale-result rule).
 */
import type { AnalyzeInput } from '../../core/types.ts';
import type { AnalysisRequest, AnalysisResponse, AnalysisResult } from './protocol.ts';

/** the slice of `Worker` the client uses (a fake in unit tests) */
export interface WorkerPort {
  postMessage(message: AnalysisRequest): void;
  onmessage: ((event: MessageEvent<AnalysisResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface AnalysisListener {
  result(version: number, result: AnalysisResult, ms: number): void;
  failure(version: number, message: string): void;
}

export class AnalysisClient {
  private latest = -1;
  private inFlight: number | null = null;
  private queued: AnalysisRequest | null = null;
  private readonly port: WorkerPort;
  private readonly listener: AnalysisListener;

  constructor(port: WorkerPort, listener: AnalysisListener) {
    this.port = port;
    this.listener = listener;
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
    const message: AnalysisRequest = { id: version, input };
    if (this.inFlight === null) this.send(message);
    else this.queued = message;
  }

  private send(message: AnalysisRequest): void {
    this.inFlight = message.id;
    this.port.postMessage(message);
  }

  private sendQueued(): void {
    const next = this.queued;
    this.queued = null;
    if (next) this.send(next);
  }

  private receive(response: AnalysisResponse): void {
    if (response.id === this.inFlight) this.inFlight = null;
    if (response.id === this.latest) {
      if (response.ok) this.listener.result(response.id, response.result, response.ms);
      else this.listener.failure(response.id, response.message);
    }
    // anything older is stale: dropped
    if (this.inFlight === null) this.sendQueued();
  }
}
