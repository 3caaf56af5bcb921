/**
 * The plans behind the graph's actions, on the real core and the real analysis: the exact
 * text each writes, the graph the re-analysis shows, and the target following renames.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import * as core from './editCore.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { planAddStage, planConnect, planDeleteEdge, planDeleteStage, planMove, planRename, planSetTarget, type Plan, type Planner } from './actions.ts';
import { PALETTE, defaultStageName } from './palette.ts';

const text = `# build, test, ship
FROM golang:1.24 AS build
RUN go build -o /out/app

FROM build AS test
RUN go test ./...

FROM scratch AS runtime
COPY --from=build /out/app /app
`;

function run(planner: Planner, t = text): { plan: Plan; after: string } {
  const plan = planner(core, { text: t, analysis: analyze({ dockerfile: t }) });
  if ('refused' in plan) throw new Error(plan.refused);
  return { plan, after: core.applyEdits(t, plan.edits) };
}

function refusal(planner: Planner, t = text): string {
  const plan = planner(core, { text: t, analysis: analyze({ dockerfile: t }) });
  return 'refused' in plan ? plan.refused : 'not refused';
}

beforeEach(() => useWorkspaceStore.setState((s) => ({ workspace: { ...s.workspace, dockerfile: text, target: null } })));

describe('graph action plans', () => {
  it('every palette base adds a stage the analysis reads back, named as the palette says', () => {
    for (const p of PALETTE) {
      const { after } = run(planAddStage({ base: p.image }));
      const a = analyze({ dockerfile: after });
      const added = a.stages[3];
      expect(added.base).toBe(p.image);
      expect(added.name).toBe(defaultStageName(p.image));
      expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('a stage based on another goes right after it, with the wished name', () => {
    const { after, plan } = run(planAddStage({ baseStage: 0, name: 'lint', after: 0 }));
    expect(after).toBe(text.replace('RUN go build -o /out/app\n', 'RUN go build -o /out/app\n\nFROM build AS lint\n'));
    expect(plan.cursor).toEqual({ stage: 1 });
    expect(analyze({ dockerfile: after }).edges).toContainEqual({ from: 'stage:0', to: 1, kind: 'base', line: 5 });
  });

  it('connects: copy, build on, mount; the re-analysis shows the new edge', () => {
    const copy = run(planConnect({ how: 'copy', from: 1, to: 2, src: '/report.xml', dest: '/report.xml' }));
    expect(copy.after).toBe(text.replace('COPY --from=build /out/app /app\n', 'COPY --from=build /out/app /app\nCOPY --from=test /report.xml /report.xml\n'));
    expect(analyze({ dockerfile: copy.after }).edges).toContainEqual({ from: 'stage:1', to: 2, kind: 'copy', line: 10 });

    const base = run(planConnect({ how: 'base', from: 1, to: 2 }));
    expect(base.after).toBe(text.replace('FROM scratch AS runtime', 'FROM test AS runtime'));

    const mount = run(planConnect({ how: 'mount', from: 0, to: 1, target: '/mnt/build' }));
    expect(mount.after).toBe(text.replace('RUN go test ./...', 'RUN --mount=type=bind,from=build,target=/mnt/build go test ./...'));
    expect(analyze({ dockerfile: mount.after }).edges).toContainEqual({ from: 'stage:0', to: 1, kind: 'mount', line: 6 });

    const image = run(planConnect({ how: 'copy', from: 'alpine:3.22', to: 2, src: '/etc/ssl/certs/ca-certificates.crt', dest: '/etc/ssl/certs/' }));
    expect(analyze({ dockerfile: image.after }).edges).toContainEqual({ from: 'image:alpine:3.22', to: 2, kind: 'copy', line: 10 });

    expect(refusal(planConnect({ how: 'copy', from: 2, to: 0, src: '/a', dest: '/b' }))).toMatch(/stage defined before the current one/);
    expect(refusal(planConnect({ how: 'mount', from: 0, to: 2, target: '/x' }))).toBe('stage 2 has no RUN to mount into');
    expect(refusal(planConnect({ how: 'copy', from: 'scratch', to: 2, src: '/a', dest: '/a' }))).toBe('scratch is an empty filesystem: there is nothing to copy from it');
  });

  it('deletes edges; a base edge needs the new base', () => {
    expect(run(planDeleteEdge({ kind: 'copy', from: 'stage:0', to: 2, line: 9 })).after).toBe(text.replace('COPY --from=build /out/app /app\n', ''));
    expect(refusal(planDeleteEdge({ kind: 'base', from: 'stage:0', to: 1, line: 5 }))).toBe('say what the stage should build on instead');
    expect(run(planDeleteEdge({ kind: 'base', from: 'stage:0', to: 1, line: 5 }, 'golang:1.24')).after).toBe(text.replace('FROM build AS test', 'FROM golang:1.24 AS test'));
  });

  it('renames every reference, and the target follows (undo puts it back)', () => {
    useWorkspaceStore.setState((s) => ({ workspace: { ...s.workspace, target: 'Build' } }));
    const { after, plan } = run(planRename(0, 'compile'));
    expect(after).toBe(text.replace('AS build', 'AS compile').replace('FROM build AS', 'FROM compile AS').replace('--from=build', '--from=compile'));
    expect(plan.message).toBe('Renamed build to compile and 2 references to it.');
    plan.effect!.redo();
    expect(useWorkspaceStore.getState().workspace.target).toBe('compile');
    plan.effect!.undo();
    expect(useWorkspaceStore.getState().workspace.target).toBe('Build');

    expect(run(planRename(1, 'check')).plan.effect).toBeUndefined();
    expect(refusal(planRename(1, 'runtime'))).toBe('stage 2 is already named "runtime"');
  });

  it('sets a target; an unnamed stage is named first', () => {
    const named = run(planSetTarget(1));
    expect(named.plan.edits).toEqual([]);
    named.plan.effect!.redo();
    expect(useWorkspaceStore.getState().workspace.target).toBe('test');

    const unnamed = 'FROM alpine\nRUN true\n\nFROM scratch\n';
    const r = run(planSetTarget(0), unnamed);
    expect(r.after).toBe('FROM alpine AS alpine\nRUN true\n\nFROM scratch\n');
    r.plan.effect!.redo();
    expect(useWorkspaceStore.getState().workspace.target).toBe('alpine');
  });

  it('deleting the target stage resets the target; moving is refused with the reason', () => {
    useWorkspaceStore.setState((s) => ({ workspace: { ...s.workspace, target: 'test' } }));
    const { after, plan } = run(planDeleteStage(1));
    expect(after).toBe(text.replace('FROM build AS test\nRUN go test ./...\n\n', ''));
    plan.effect!.redo();
    expect(useWorkspaceStore.getState().workspace.target).toBeNull();
    plan.effect!.undo();
    expect(useWorkspaceStore.getState().workspace.target).toBe('test');

    expect(refusal(planMove(0, 'later'))).toBe('FROM build (line 5) would no longer build on stage 0: FROM only links to an earlier stage');
    expect(refusal(planMove(0, 'earlier'))).toBe('this is already the first stage');
    expect(run(planMove(1, 'later')).plan.cursor).toEqual({ stage: 2 });
  });
});
