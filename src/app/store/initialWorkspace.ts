/**
 * Which workspace the page opens with: a share link (URL fragment), else a readable link
 * (query), else the autosaved workspace, else the default example. A bad link shows a message
 * and falls back to the autosave, which it never overwrites.
 */
import { defaultExample } from '../defaultExample.ts';
import { parseReadableLink } from '../links/readableLink.ts';
import { workspaceFromFragment } from '../links/shareLink.ts';
import type { Workspace } from '../workspace.ts';
import { readAutosave } from './autosave.ts';
import type { Notice } from './workspaceStore.ts';

export interface InitialWorkspace {
  workspace: Workspace;
  /** where it came from: links are not written to the autosave until the person edits */
  source: 'share-link' | 'readable-link' | 'autosave' | 'default';
  notice: Notice | null;
}

export function chooseInitialWorkspace(location: { search: string; hash: string }, storage?: Storage | null): InitialWorkspace {
  let notice: Notice | null = null;
  const fromFragment = location.hash.length > 1 ? workspaceFromFragment(location.hash) : null;
  if (fromFragment?.ok) return { workspace: fromFragment.workspace, source: 'share-link', notice };
  if (fromFragment && !fromFragment.ok) notice = { kind: 'error', text: fromFragment.message };

  if (!notice) {
    const fromQuery = parseReadableLink(location.search);
    if (fromQuery?.ok) return { workspace: fromQuery.workspace, source: 'readable-link', notice };
    if (fromQuery && !fromQuery.ok) notice = { kind: 'error', text: fromQuery.message };
  }

  const saved = readAutosave(storage);
  if (saved) return { workspace: saved, source: 'autosave', notice };
  return { workspace: defaultExample, source: 'default', notice };
}
