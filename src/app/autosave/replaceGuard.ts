/**
 * The one way the page replaces the whole workspace (an example, "new", "reset example", a
 * link, an imported folder): it first asks when the current work exists nowhere else
 * (`shouldConfirmReplace`: not empty, not an untouched example, not the same), and the answer
 * comes from ReplaceDialog.tsx. Loading is not an undoable edit, so asking is the safeguard.
 */
import { create } from 'zustand';
import type { Workspace } from '../workspace.ts';
import { shouldConfirmReplace } from './autosave.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { saveWorkspaceNow } from '../store/autosave.ts';
import { recreatableWorkspaces } from '../store/initialWorkspace.ts';

export interface ReplaceQuestion {
  /** "Open “Go to scratch”?" */
  title: string;
  /** what happens to the current work, plain text */
  body: string;
  /** the button that replaces: "Open the example" */
  confirm: string;
  /** the button that keeps the work: "Keep my work" */
  cancel?: string;
}

interface PendingQuestion extends ReplaceQuestion {
  id: number;
  answer(replace: boolean): void;
}

export const useReplaceQuestion = create<{ question: PendingQuestion | null }>()(() => ({ question: null }));

let nextId = 0;

/** Whether replacing the current workspace with `incoming` must ask first. */
export function replacingNeedsConsent(incoming: Workspace): boolean {
  return shouldConfirmReplace(useWorkspaceStore.getState().workspace, incoming, recreatableWorkspaces());
}

/** Asks (when needed) whether `incoming` may replace the current work; true = go ahead. */
export function askToReplace(incoming: Workspace, question: ReplaceQuestion): Promise<boolean> {
  if (!replacingNeedsConsent(incoming)) return Promise.resolve(true);
  // a newer question supersedes an unanswered one (which keeps the work)
  useReplaceQuestion.getState().question?.answer(false);
  return new Promise((resolve) => {
    const id = ++nextId;
    useReplaceQuestion.setState({
      question: {
        ...question,
        id,
        answer: (replace) => {
          if (useReplaceQuestion.getState().question?.id === id) useReplaceQuestion.setState({ question: null });
          resolve(replace);
        },
      },
    });
  });
}

/** Replaces the workspace after asking when needed, and saves it at once. True when replaced. */
export async function replaceWorkspace(incoming: Workspace, question: ReplaceQuestion): Promise<boolean> {
  if (!(await askToReplace(incoming, question))) return false;
  loadNow(incoming);
  return true;
}

/** Replaces the workspace without asking (the person already agreed). */
export function loadNow(incoming: Workspace): void {
  useWorkspaceStore.getState().loadWorkspace(incoming);
  saveWorkspaceNow(incoming);
}
