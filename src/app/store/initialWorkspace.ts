/**
 * Which workspace the page opens with: the one its address carries (a share link or a readable
 * link), else the autosaved workspace, else the default example. A bad link shows a message
 * and falls back to the autosave, which it leaves untouched.
 *
 * A good link never silently replaces different work: when the autosave holds work that exists
 * nowhere else (not empty, not an untouched example) and the link opens something else, the
 * page opens the autosave and the link waits as `pendingLink` (the address keeps it) until the
 * person chooses (share/LinkGuard.tsx asks).
 */
import { defaultExample } from '../defaultExample.ts';
import { workspaceFromUrl } from '../links/shareLink.ts';
import type { Workspace } from '../workspace.ts';
import { shouldConfirmReplace, type StorageLike } from '../autosave/autosave.ts';
import { pristineWorkspaces } from '../examples/index.ts';
import { readAutosave } from './autosave.ts';
import type { Notice } from './workspaceStore.ts';

export interface InitialWorkspace {
  workspace: Workspace;
  source: 'share-link' | 'readable-link' | 'autosave' | 'default';
  notice: Notice | null;
  /** a link that would replace different unsaved work: opened only once the person says so */
  pendingLink: { workspace: Workspace; form: 'share-link' | 'readable-link' } | null;
}

/** Workspaces that can be recreated at any time: replacing one never loses work. */
export function recreatableWorkspaces(): Workspace[] {
  return [defaultExample, ...pristineWorkspaces()];
}

export function chooseInitialWorkspace(href: string, storage?: StorageLike | null): InitialWorkspace {
  const fromLink = workspaceFromUrl(href);
  const saved = readAutosave(storage);
  if (fromLink?.ok) {
    if (saved && shouldConfirmReplace(saved, fromLink.workspace, recreatableWorkspaces())) {
      return { workspace: saved, source: 'autosave', notice: null, pendingLink: { workspace: fromLink.workspace, form: fromLink.form } };
    }
    return { workspace: fromLink.workspace, source: fromLink.form, notice: null, pendingLink: null };
  }
  const notice: Notice | null = fromLink && !fromLink.ok ? { kind: 'error', text: fromLink.message } : null;
  if (saved) return { workspace: saved, source: 'autosave', notice, pendingLink: null };
  return { workspace: defaultExample, source: 'default', notice, pendingLink: null };
}
