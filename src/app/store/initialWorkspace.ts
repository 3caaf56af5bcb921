/**
 * Which workspace the page opens with: the one its address carries (a share link or a readable
 * link), else the autosaved workspace, else the default example. A bad link shows a message
 * and falls back to the autosave, which it leaves untouched.
 */
import { defaultExample } from '../defaultExample.ts';
import { workspaceFromUrl } from '../links/shareLink.ts';
import type { Workspace } from '../workspace.ts';
import { readAutosave } from './autosave.ts';
import type { Notice } from './workspaceStore.ts';

export interface InitialWorkspace {
  workspace: Workspace;
  source: 'share-link' | 'readable-link' | 'autosave' | 'default';
  notice: Notice | null;
}

export function chooseInitialWorkspace(href: string, storage?: Storage | null): InitialWorkspace {
  const fromLink = workspaceFromUrl(href);
  if (fromLink?.ok) return { workspace: fromLink.workspace, source: fromLink.form, notice: null };
  const notice: Notice | null = fromLink && !fromLink.ok ? { kind: 'error', text: fromLink.message } : null;
  const saved = readAutosave(storage);
  if (saved) return { workspace: saved, source: 'autosave', notice };
  return { workspace: defaultExample, source: 'default', notice };
}
