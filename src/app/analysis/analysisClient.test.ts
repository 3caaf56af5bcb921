import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../core/types.ts';
import { AnalysisClient, type WorkerPort } from './analysisClient.ts';
import { changedParts, emptyQuery, sameQuery, type AnalysisRequest, type AnalysisResponse, type InsightQuery, type QueryAnswers } from './protocol.ts';

const empty: Analysis = { schemaVersion: 1, stages: [], edges: [], target: null, needed: [], context: {}, final: [], diagnostics: [] };

function fakeWorker() {
  const sent: AnalysisRequest[] = [];
  const port: WorkerPort = { postMessage: (m) => sent.push(m), onmessage: null, onerror: null };
  const result = { analysis: empty, facts: [], context: { reads: {}, ignoredBy: {} }, references: [] };
  const answer = (id: number) => port.onmessage!({ data: { kind: 'analyze', id, ok: true, result, ms: 1 } as AnalysisResponse } as MessageEvent<AnalysisResponse>);
  const answerQuery = (id: number, query: InsightQuery, ok = true) =>
    port.onmessage!({
      data: ok
        ? { kind: 'query', id, ok: true, answers: { query, explain: null, failures: [] } }
        : { kind: 'query', id, ok: false, stale: true, message: 'stale' },
    } as MessageEvent<AnalysisResponse>);
  const sendInsights = (id: number, query: InsightQuery) =>
    port.onmessage!({
      data: { kind: 'insights', id, insights: { schedule: null, sizes: null, failures: [] }, answers: { query, failures: [] } } as AnalysisResponse,
    } as MessageEvent<AnalysisResponse>);
  return { port, sent, answer, answerQuery, sendInsights };
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

  it('sends the query as it stands when an analysis request goes out, not when it was made', () => {
    const w = fakeWorker();
    let query: InsightQuery = { line: 1, path: null, changed: [] };
    const client = new AnalysisClient(w.port, { result: () => {}, failure: () => {} }, () => query);
    client.request(1, { dockerfile: 'a' });
    client.request(2, { dockerfile: 'b' });
    query = { line: 5, path: 'src/a.ts', changed: ['src/a.ts'] };
    w.answer(1);
    const second = w.sent[1];
    expect(second.kind).toBe('analyze');
    expect(second.query).toEqual(query);
  });

  it('asks a changed query of the latest revision, unless an analysis request is queued', () => {
    const w = fakeWorker();
    let query: InsightQuery = emptyQuery;
    const got: QueryAnswers[] = [];
    const client = new AnalysisClient(w.port, { result: () => {}, failure: () => {}, answers: (_v, a) => got.push(a) }, () => query);
    client.ask(['explain']); // nothing analysed yet: nothing to ask
    expect(w.sent).toEqual([]);
    client.request(1, { dockerfile: 'a' });
    query = { line: 2, path: null, changed: [] };
    client.ask(['explain']); // the worker answers it after the analysis in flight
    expect(w.sent.map((m) => [m.kind, m.id])).toEqual([
      ['analyze', 1],
      ['query', 1],
    ]);
    expect(w.sent[1]).toMatchObject({ parts: ['explain'], query: { line: 2 } });
    client.ask([]); // nothing changed: nothing sent
    expect(w.sent).toHaveLength(2);
    client.request(2, { dockerfile: 'b' }); // queued behind 1
    query = { line: 3, path: null, changed: [] };
    client.ask(['explain']); // not sent: the queued request will carry it
    expect(w.sent).toHaveLength(2);
    w.answer(1);
    expect(w.sent[2]).toMatchObject({ kind: 'analyze', id: 2, query: { line: 3 } });
    w.answerQuery(1, { line: 2, path: null, changed: [] }); // for revision 1: stale
    w.answerQuery(2, query, false); // the worker did not hold revision 2: dropped quietly
    expect(got).toEqual([]);
    w.answerQuery(2, query);
    expect(got.map((a) => a.query.line)).toEqual([3]);
  });

  it('answers to a query do not end the analysis in flight', () => {
    const w = fakeWorker();
    const results: number[] = [];
    const client = new AnalysisClient(w.port, { result: (v) => results.push(v), failure: () => {} });
    client.request(1, { dockerfile: 'a' });
    client.ask(['why']);
    w.answerQuery(1, emptyQuery);
    client.request(2, { dockerfile: 'b' });
    expect(w.sent.filter((m) => m.kind === 'analyze').map((m) => m.id)).toEqual([1]); // 2 waits for 1
    w.answer(1);
    expect(w.sent.filter((m) => m.kind === 'analyze').map((m) => m.id)).toEqual([1, 2]);
  });
});

describe('AnalysisClient insights', () => {
  it('delivers the insights that follow the latest analysis, and drops older ones', () => {
    const w = fakeWorker();
    const got: number[] = [];
    const client = new AnalysisClient(w.port, { result: () => {}, failure: () => {}, insights: (v) => got.push(v) });
    client.request(1, { dockerfile: 'a' });
    w.answer(1);
    w.sendInsights(1, emptyQuery);
    client.request(2, { dockerfile: 'b' });
    w.sendInsights(1, emptyQuery); // late, for an older revision
    expect(got).toEqual([1]);
  });
});

describe('sameQuery, changedParts', () => {
  it('names the parts whose input changed', () => {
    const q: InsightQuery = { line: 3, path: 'a', changed: ['x'] };
    expect(changedParts(q, { line: 3, path: 'a', changed: ['x'] })).toEqual([]);
    expect(changedParts(q, { line: 4, path: 'a', changed: ['x'] })).toEqual(['explain']);
    expect(changedParts(q, { line: 3, path: null, changed: [] })).toEqual(['why', 'cache']);
  });

  it('compares line, path and the changed list in order', () => {
    const q: InsightQuery = { line: 3, path: 'a', changed: ['x', 'y'] };
    expect(sameQuery(q, { line: 3, path: 'a', changed: ['x', 'y'] })).toBe(true);
    expect(sameQuery(q, { ...q, line: 4 })).toBe(false);
    expect(sameQuery(q, { ...q, path: null })).toBe(false);
    expect(sameQuery(q, { ...q, changed: ['x'] })).toBe(false);
    expect(sameQuery(q, { ...q, changed: ['y', 'x'] })).toBe(false);
  });
});
