/** The toolbar's workspace actions: the examples gallery, a new empty workspace, a project folder. */
import { ImportFolderButton } from '../importExport/ImportFolder.tsx';
import { newWorkspace, useGallery } from './galleryActions.ts';
import './gallery.css';

export function WorkspaceMenu() {
  return (
    <nav className="workspace-menu" aria-label="Workspace">
      <button type="button" data-testid="examples-button" aria-haspopup="dialog" onClick={() => useGallery.setState({ open: true })}>
        Examples
      </button>
      <button type="button" data-testid="new-workspace" onClick={() => void newWorkspace()} title="Start an empty workspace">
        New
      </button>
      <ImportFolderButton />
    </nav>
  );
}
