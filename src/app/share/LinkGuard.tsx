/**
 * Links that arrive while there is work: the link the page was opened with when the boot held
 * it back (initialWorkspace.ts `pendingLink`: the autosave held different unsaved work), and
 * links pasted into the address bar of an open page (only the fragment changes, so the page is
 * not reloaded: `hashchange`). Both ask before replacing different unsaved work; a bad link
 * shows its message and changes nothing.
 */
import { useEffect } from 'react';
import { linkFreeUrl, workspaceFromUrl } from '../links/shareLink.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { workspacesEqual } from '../autosave/autosave.ts';
import { askToReplace, loadNow } from '../autosave/replaceGuard.ts';
import { exampleById } from '../examples/index.ts';
import type { Workspace } from '../workspace.ts';

let checkedAtStart = false;

function describe(ws: Workspace): string {
  const example = exampleById(ws.example);
  if (example) return `the example “${example.title}”`;
  const stages = (ws.dockerfile.match(/^\s*FROM\s/gim) ?? []).length;
  return `a Dockerfile with ${stages} ${stages === 1 ? 'stage' : 'stages'} and ${ws.files.length} context ${ws.files.length === 1 ? 'file' : 'files'}`;
}

function forgetLink(): void {
  history.replaceState(history.state, '', linkFreeUrl(location.href));
}

async function openLink(atStart: boolean): Promise<void> {
  const result = workspaceFromUrl(location.href);
  if (!result) return;
  const store = useWorkspaceStore.getState();
  if (!result.ok) {
    // at start the boot has already said so (and kept the autosave)
    if (!atStart) store.setNotice({ kind: 'error', text: result.message });
    return;
  }
  if (workspacesEqual(result.workspace, store.workspace)) {
    forgetLink();
    return;
  }
  const replace = await askToReplace(result.workspace, {
    title: 'Open this link?',
    body: `The link opens ${describe(result.workspace)}, which is different from the work in this tab. Opening it replaces your current work.`,
    confirm: 'Open the link',
    cancel: 'Keep my work',
  });
  // the address no longer carries the link either way: a reload shows the work, not the link again
  forgetLink();
  if (replace) {
    loadNow(result.workspace);
    store.setNotice(null);
  } else {
    store.setNotice({ kind: 'info', text: 'The link was not opened: your work is as it was.' });
  }
}

export function LinkGuard() {
  useEffect(() => {
    if (!checkedAtStart) {
      checkedAtStart = true;
      void openLink(true);
    }
    const onHashChange = () => void openLink(false);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return null;
}
