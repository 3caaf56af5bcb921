import { beforeEach, describe, expect, it } from 'vitest';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { defaultExample } from '../defaultExample.ts';
import { examples } from '../examples/index.ts';
import { emptyWorkspace, type Workspace } from '../workspace.ts';
import { askToReplace, replaceWorkspace, replacingNeedsConsent, useReplaceQuestion } from './replaceGuard.ts';

const mine: Workspace = { ...emptyWorkspace, dockerfile: 'FROM alpine AS mine\n' };
const q = { title: 't', body: 'b', confirm: 'c' };
const load = (ws: Workspace) => useWorkspaceStore.getState().loadWorkspace(ws);

beforeEach(() => {
  useReplaceQuestion.setState({ question: null });
  load(mine);
});

describe('replacing the workspace', () => {
  it('asks only when the current work exists nowhere else', () => {
    expect(replacingNeedsConsent(examples[0].workspace)).toBe(true);
    expect(replacingNeedsConsent(mine)).toBe(false);
    for (const recreatable of [defaultExample, examples[3].workspace, examples[0].before!, emptyWorkspace]) {
      load(recreatable);
      expect(replacingNeedsConsent(mine)).toBe(false);
    }
  });

  it('waits for the answer: keep leaves the work, replace loads', async () => {
    const kept = replaceWorkspace(examples[1].workspace, q);
    expect(useReplaceQuestion.getState().question?.title).toBe('t');
    useReplaceQuestion.getState().question!.answer(false);
    expect(await kept).toBe(false);
    expect(useWorkspaceStore.getState().workspace).toEqual(mine);
    expect(useReplaceQuestion.getState().question).toBeNull();

    const replaced = replaceWorkspace(examples[1].workspace, q);
    useReplaceQuestion.getState().question!.answer(true);
    expect(await replaced).toBe(true);
    expect(useWorkspaceStore.getState().workspace).toEqual(examples[1].workspace);
  });

  it('a newer question supersedes an unanswered one, which keeps the work', async () => {
    const first = askToReplace(examples[1].workspace, { ...q, title: 'first' });
    const second = askToReplace(examples[2].workspace, { ...q, title: 'second' });
    expect(await first).toBe(false);
    expect(useReplaceQuestion.getState().question?.title).toBe('second');
    useReplaceQuestion.getState().question!.answer(true);
    expect(await second).toBe(true);
  });
});
