import { describe, expect, it } from 'vitest';
import { addStage } from './addStage';
import { applyEdits } from './textEdits';
import { BACKTICK, DUPLICATES, GO_APP, graphOf } from './fixtures';

function apply(text: string, r: ReturnType<typeof addStage>): string {
  if (!r.ok) throw new Error(r.reason);
  return applyEdits(text, r.edits);
}

describe('addStage', () => {
  it('appends FROM <base> AS <name> at the end, after a blank line', () => {
    const r = addStage(GO_APP, { base: 'node:20-alpine' });
    expect(r).toMatchObject({ ok: true, name: 'node', index: 3 });
    expect(apply(GO_APP, r)).toBe(GO_APP + '\nFROM node:20-alpine AS node\n');
    const g = graphOf(apply(GO_APP, r));
    expect(g.stages.map((s) => s.name)).toEqual(['build', 'test', 'runtime', 'node']);
    expect(g.stages[3].base).toBe('node:20-alpine');
  });

  it('inserts after a given stage, past its heredoc body, before the next stage\'s comment', () => {
    const out = apply(GO_APP, addStage(GO_APP, { base: 'python:3.12-slim', after: 0 }));
    expect(out).toBe(GO_APP.replace('EOF\n\n# tests\n', 'EOF\n\nFROM python:3.12-slim AS python\n\n# tests\n'));
    const g = graphOf(out);
    expect(g.stages.map((s) => s.name)).toEqual(['build', 'python', 'test', 'runtime']);
    // the stage after it still builds on build, the COPY still reads from it
    expect(g.edges).toContain('stage:0 -> 2 base@18');
    expect(g.edges).toContain('stage:0 -> 3 copy@22');
  });

  it('separates with a blank line also when the next stage follows directly', () => {
    const text = 'FROM a AS one\nFROM b AS two\n';
    expect(apply(text, addStage(text, { base: 'c', after: 0 }))).toBe('FROM a AS one\n\nFROM c AS c\n\nFROM b AS two\n');
  });

  it('keeps comments trailing a stage with that stage', () => {
    const text = 'FROM a AS one\nRUN x\n# RUN y (disabled)\n\nFROM b AS two\n';
    expect(apply(text, addStage(text, { base: 'c', after: 0 }))).toBe(
      'FROM a AS one\nRUN x\n# RUN y (disabled)\n\nFROM c AS c\n\nFROM b AS two\n',
    );
  });

  it('writes lower-case instructions in a lower-case file, with its CRLF line ends', () => {
    const out = apply(BACKTICK, addStage(BACKTICK, { base: 'mcr.microsoft.com/dotnet/sdk:8.0', name: 'SDK' }));
    expect(out).toBe(BACKTICK + '\r\n\r\nfrom mcr.microsoft.com/dotnet/sdk:8.0 as sdk');
    expect(graphOf(out).stages.map((s) => s.name)).toEqual(['base', 'final', 'sdk']);
  });

  it('into an empty file, or one with only ARGs', () => {
    expect(apply('', addStage('', { base: 'alpine:3.20' }))).toBe('FROM alpine:3.20 AS alpine\n');
    const args = '# syntax=docker/dockerfile:1\nARG V=1\n';
    expect(apply(args, addStage(args, { base: 'alpine:${V}' }))).toBe(args + '\nFROM alpine:${V} AS alpine\n');
  });

  it('picks a unique, valid, non-reserved name', () => {
    expect(addStage(DUPLICATES, { base: 'alpine', name: 'tools' })).toMatchObject({ name: 'tools-2' });
    expect(addStage(DUPLICATES, { base: 'scratch' })).toMatchObject({ name: 'scratch-stage' });
    expect(addStage(DUPLICATES, { base: 'x', name: '9 Lives' })).toMatchObject({ name: 'lives' });
  });

  it('based on an unnamed stage: names it, and inserts the new stage after it', () => {
    const r = addStage(DUPLICATES, { baseStage: 1, after: 0 });
    const out = apply(DUPLICATES, r);
    expect(out).toBe(DUPLICATES.replace('FROM busybox\nRUN echo unnamed\n', 'FROM busybox AS busybox\nRUN echo unnamed\n\nFROM busybox AS busybox-2\n'));
    const g = graphOf(out);
    expect(g.stages[2]).toMatchObject({ name: 'busybox-2', base: 'busybox' });
    expect(g.edges).toContain('stage:1 -> 2 base@7');
    // COPY --from=1 still means the busybox stage
    expect(g.edges).toContain('stage:1 -> 4 copy@14');
  });

  it('renumbers --from=<index> of the stages it pushes down', () => {
    const out = apply(DUPLICATES, addStage(DUPLICATES, { base: 'debian', after: 0 }));
    expect(out).toBe(
      DUPLICATES.replace('RUN echo one\n\n', 'RUN echo one\n\nFROM debian AS debian\n\n').replace('--from=1 ', '--from=2 '),
    );
    expect(graphOf(out).edges.filter((e) => e.includes('copy'))).toEqual(['stage:0 -> 4 copy@15', 'stage:2 -> 4 copy@14', 'stage:3 -> 4 copy@13']);
  });

  it('based on a named stage that a later duplicate shadows: refused if the FROM would link to the other one', () => {
    expect(addStage(DUPLICATES, { baseStage: 0 })).toMatchObject({ ok: false });
    expect(addStage(DUPLICATES, { baseStage: 0, after: 0 })).toMatchObject({ ok: true, name: 'tools-2' });
  });

  it('refuses a base that is not one word', () => {
    expect(addStage(GO_APP, { base: 'a b' })).toMatchObject({ ok: false });
    expect(addStage(GO_APP, { base: '' })).toMatchObject({ ok: false });
  });
});
