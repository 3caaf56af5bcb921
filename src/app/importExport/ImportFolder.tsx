/**
 * "Open folder": pick a project folder (or drop one anywhere on the page) to load its file
 * names, and its Dockerfile and .dockerignore. Nothing else is read and nothing is uploaded.
 */
import { useEffect, useRef } from 'react';
import { fileOfEntry, scanDroppedEntries, scanPickedFiles, type EntryLike } from './folderImport.ts';
import { cancelImport, runImport, useBigFolderQuestion, useImport } from './importFolder.ts';
import { Modal } from '../toolbar/Modal.tsx';
import './importExport.css';

export function ImportFolderButton() {
  const input = useRef<HTMLInputElement>(null);
  const busy = useImport((s) => s.phase !== 'idle');
  useEffect(() => {
    // not in React's attribute types; the property makes the chooser pick folders
    if (input.current) input.current.webkitdirectory = true;
  }, []);
  return (
    <>
      <button
        type="button"
        data-testid="import-folder-button"
        disabled={busy}
        onClick={() => input.current?.click()}
        title="Load a project folder’s file names, Dockerfile and .dockerignore (nothing is uploaded). You can also drop a folder on the page."
      >
        Open folder…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="import-folder-input"
        aria-label="Project folder"
        onChange={(e) => {
          const picked = e.target.files ? Array.from(e.target.files) : [];
          // let the same folder be picked again later
          e.target.value = '';
          if (picked.length === 0) return;
          void runImport((opts) => scanPickedFiles(picked, opts), async (f: File) => f);
        }}
      />
    </>
  );
}

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/** The progress of an import, and the drop target shown while a folder is dragged over the page. */
export function ImportOverlay() {
  const { phase, done, total, dragging } = useImport();

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      useImport.setState({ dragging: true });
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) useImport.setState({ dragging: false });
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // the page's drop, not the editor's: a dropped folder is a context, never text
      e.preventDefault();
      e.stopPropagation();
      depth = 0;
      useImport.setState({ dragging: false });
      const dt = e.dataTransfer;
      if (!dt) return;
      // entries must be taken during the event: the DataTransfer is emptied afterwards
      const entries = Array.from(dt.items)
        .map((item) => (item.kind === 'file' ? (item.webkitGetAsEntry?.() as EntryLike | null) : null))
        .filter((x): x is EntryLike => x !== null && x !== undefined);
      if (entries.length > 0) {
        void runImport((opts) => scanDroppedEntries(entries, opts), fileOfEntry);
        return;
      }
      const files = Array.from(dt.files);
      if (files.length > 0) void runImport((opts) => scanPickedFiles(files, opts), async (f: File) => f);
    };
    window.addEventListener('dragenter', enter, true);
    window.addEventListener('dragover', over, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragenter', enter, true);
      window.removeEventListener('dragover', over, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('drop', drop, true);
    };
  }, []);

  return (
    <>
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <div className="drop-overlay__card">
            <strong>Drop a project folder</strong>
            <span>Its file names, Dockerfile and .dockerignore are loaded. Nothing is uploaded.</span>
          </div>
        </div>
      )}
      {phase !== 'idle' && (
        <div className="import-toast" role="status" data-testid="import-progress" data-phase={phase} data-done={done}>
          <span>
            {phase === 'scanning'
              ? `Reading file names… ${done.toLocaleString('en-US')}${total !== null ? ` of ${total.toLocaleString('en-US')}` : ''}`
              : phase === 'reading'
                ? 'Reading the Dockerfile and .dockerignore…'
                : `Showing ${done.toLocaleString('en-US')} files in the panels: a context this big takes a few seconds…`}
          </span>
          <progress max={phase === 'scanning' ? (total ?? undefined) : undefined} value={phase === 'scanning' && total !== null ? done : undefined} aria-label="Folder import progress" />
          {phase !== 'loading' && (
            <button type="button" className="link-button" onClick={cancelImport} data-testid="cancel-import">
              cancel
            </button>
          )}
        </div>
      )}
      <BigFolderDialog />
    </>
  );
}

/** A big folder whose .dockerignore excludes most of it: list those names, or leave them out? */
function BigFolderDialog() {
  const q = useBigFolderQuestion((s) => s.question);
  return (
    <Modal open={q !== null} onClose={() => q?.answer('cancel')} labelledBy="big-folder-title" testId="big-folder-dialog" className="replace-dialog">
      {q && (
        <>
          <h2 id="big-folder-title">A big folder: list every name?</h2>
          <p>
            The folder has {q.total.toLocaleString('en-US')} files, and its .dockerignore excludes {q.excluded.toLocaleString('en-US')} of them
            {q.folders.length > 0 && <> (mostly in {q.folders.map((f) => `${f.name} ${f.count.toLocaleString('en-US')}`).join(', ')})</>}. BuildKit never sends
            those, so they change nothing in the analysis, but listing every one makes the page slow.
          </p>
          <div className="modal__actions">
            <button type="button" className="link-button" data-testid="big-folder-cancel" onClick={() => q.answer('cancel')}>
              Cancel
            </button>
            <span className="spacer" />
            <button type="button" data-testid="big-folder-keep-all" onClick={() => q.answer('keep-all')}>
              List them all
            </button>
            <button type="button" className="button--primary" data-testid="big-folder-leave-out" onClick={() => q.answer('leave-out')} data-autofocus>
              Leave the excluded names out
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
