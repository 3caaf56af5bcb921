import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../core/types.ts';
import { AnalysisClient, type WorkerPort } from './analysisClient.ts';
import type { AnalysisRequest, AnalysisResponse } from './protocol.ts';

const empty: Analysis = { schemaVersion: 1, stages: [], edges: [], target: null, needed: [], context: {}, final: [], diagnostics: [] };

function fakeWorker() {
  const sent: AnalysisRequest[] = [];
  const port: WorkerPort = { postMessage: (m) => sent.push(m), onmessage: null, onerror: null };
  const answer = (id: number) => port.onmessage!({ data: { id, ok: true, result: { analysis: empty, facts: [], context: { reads: {}, ignoredBy: {} }, references: [] }, ms: 1 } as AnalysisResponse } as MessageEvent<AnalysisResponse>);
  return { port, sent, answer };
}

describe('AnalysisClient', () => {
  it('keeps one request in flight and sends only the latest of those queued meanwhile', () => {
    const w = fakeWorker();
    const got: number[] = [];
    const client = new AnalysisClient(w.port, { result: (v) => got.push(v), failure: () => {} });
    client.request(1, { dockerfile: 'a' });
    client.request(2, { dockerfile: 'ab' });
    client.request(3, { dockerfile: 'abc' });
    expect(w.sent.map((m) => m.id)).toEqual([1]);
    w.answer(1); // stale: 3 was asked for since
    expect(got).toEqual([]);
    expect(w.sent.map((m) => m.id)).toEqual([1, 3]);
    w.answer(3);
    expect(got).toEqual([3]);
  });

  it('delivers the answer to the latest request', () => {
    const w = fakeWorker();
    const got: number[] = [];
    const client = new AnalysisClient(w.port, { result: (v) => got.push(v), failure: () => {} });
    client.request(7, { dockerfile: 'FROM a' });
    w.answer(7);
    expect(got).toEqual([7]);
  });

  it('reports a worker error and carries on with the queued request', () => {
    const w = fakeWorker();
    const failures: number[] = [];
    const client = new AnalysisClient(w.port, { result: () => {}, failure: (v) => failures.push(v) });
    client.request(1, { dockerfile: 'a' });
    client.request(2, { dockerfile: 'b' });
    w.port.onerror!({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(failures).toEqual([1]);
    expect(w.sent.map((m) => m.id)).toEqual([1, 2]);
  });
});
