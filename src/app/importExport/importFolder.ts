/**
 * Loading a picked or dropped folder into the workspace: scan the names (with progress, in
 * slices), read only the root Dockerfile and .dockerignore, then replace the workspace after
 * asking when the current work exists nowhere else.
 */
import { create } from 'zustand';
import type { Workspace } from '../workspace.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { askToReplace, loadNow } from '../autosave/replaceGuard.ts';
import { ImportCancelled, readTextFile, type FolderScan, type ScanOptions } from './folderImport.ts';

export interface ImportState {
  /** `loading`: the panels are being filled (a big list takes the browser a while) */
  phase: 'idle' | 'scanning' | 'reading' | 'loading';
  done: number;
  /** null while the total is unknown (a dropped folder is walked as it is read) */
  total: number | null;
  /** a folder is being dragged over the page */
  dragging: boolean;
  controller: AbortController | null;
}

export const useImport = create<ImportState>()(() => ({ phase: 'idle', done: 0, total: null, dragging: false, controller: null }));

export function cancelImport(): void {
  useImport.getState().controller?.abort();
}

/** Above this many names, offering to leave out what the .dockerignore excludes is worth it. */
export const BIG_FOLDER = 5000;

export interface BigFolderQuestion {
  total: number;
  excluded: number;
  /** the top-level folders most of the excluded names are in, with counts */
  folders: { name: string; count: number }[];
  answer(choice: 'leave-out' | 'keep-all' | 'cancel'): void;
}

export const useBigFolderQuestion = create<{ question: BigFolderQuestion | null }>()(() => ({ question: null }));

/**
 * A big folder whose .dockerignore excludes many names: listing every one makes every view of
 * the page slow (each is a row in the context panel), and none of them can change what the
 * build does (BuildKit never sends them). The person chooses; the default is to leave them out.
 */
async function trimExcluded(files: string[], dockerignore: string | null): Promise<{ files: string[]; leftOut: number } | null> {
  if (files.length <= BIG_FOLDER || dockerignore === null) return { files, leftOut: 0 };
  const { filterContext } = await import('../../core/context/walk.ts');
  const { included, ignored } = filterContext(files, dockerignore);
  const excluded = files.length - included.length;
  if (excluded < BIG_FOLDER / 2) return { files, leftOut: 0 };
  const byFolder = new Map<string, number>();
  for (const p of ignored) {
    const slash = p.indexOf('/');
    const top = slash < 0 ? p : `${p.slice(0, slash)}/`;
    byFolder.set(top, (byFolder.get(top) ?? 0) + 1);
  }
  const folders = [...byFolder].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, count]) => ({ name, count }));
  const choice = await new Promise<'leave-out' | 'keep-all' | 'cancel'>((resolve) =>
    useBigFolderQuestion.setState({
      question: {
        total: files.length,
        excluded,
        folders,
        answer: (c) => {
          useBigFolderQuestion.setState({ question: null });
          resolve(c);
        },
      },
    }),
  );
  if (choice === 'cancel') return null;
  return choice === 'leave-out' ? { files: included, leftOut: excluded } : { files, leftOut: 0 };
}

/** Two frames: the toast's new text is painted before the main thread gets busy. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Runs one import. `scan` lists the names; `blobOf` opens one of the two files that are read.
 * Never throws: every outcome ends in a notice.
 */
export async function runImport<F>(scan: (opts: ScanOptions) => Promise<FolderScan<F>>, blobOf: (file: F) => Promise<Blob>): Promise<boolean> {
  cancelImport();
  const controller = new AbortController();
  useImport.setState({ phase: 'scanning', done: 0, total: null, controller });
  const store = useWorkspaceStore.getState();
  try {
    const found = await scan({
      signal: controller.signal,
      onProgress: (done, total) => useImport.setState({ done, total }),
    });
    useImport.setState({ phase: 'reading' });
    const problems: string[] = [];
    const read: string[] = [];
    const readOne = async (file: F | null, name: string): Promise<string | null> => {
      if (file === null) return null;
      let blob: Blob;
      try {
        blob = await blobOf(file);
      } catch {
        problems.push(`${name} could not be read.`);
        return null;
      }
      const r = await readTextFile(blob, name);
      if (!r.ok) {
        problems.push(r.error);
        return null;
      }
      read.push(name);
      return r.text;
    };
    const dockerfile = await readOne(found.dockerfile, 'Dockerfile');
    const dockerignore = await readOne(found.dockerignore, '.dockerignore');
    if (controller.signal.aborted) throw new ImportCancelled();

    const name = found.folderName ? `“${found.folderName}”` : 'the dropped files';
    useImport.setState({ phase: 'idle', controller: null });
    const trimmed = await trimExcluded(found.files, dockerignore);
    if (trimmed === null) {
      store.setNotice({ kind: 'info', text: `${name} was not loaded: your work is as it was.` });
      return false;
    }
    const current = useWorkspaceStore.getState().workspace; // now, not when the scan began: edits made meanwhile stay
    // Without a Dockerfile of its own, the folder is the context for the Dockerfile being drafted.
    const incoming: Workspace =
      dockerfile !== null
        ? { dockerfile, files: trimmed.files, dockerignore: dockerignore ?? '', target: null, buildArgs: {}, example: null }
        : { ...current, files: trimmed.files, dockerignore: dockerignore ?? '', example: null };
    const replace = await askToReplace(incoming, {
      title: `Load ${name}?`,
      body:
        `Loading ${plural(trimmed.files.length, 'file name')} from ${name}` +
        (dockerfile !== null ? ' and its Dockerfile' : ' (it has no Dockerfile: yours is kept)') +
        ' replaces the work in this tab.',
      confirm: 'Load the folder',
    });
    if (!replace) {
      store.setNotice({ kind: 'info', text: `${name} was not loaded: your work is as it was.` });
      return false;
    }
    if (trimmed.files.length > BIG_FOLDER) {
      useImport.setState({ phase: 'loading', done: trimmed.files.length, total: trimmed.files.length });
      await painted();
    }
    loadNow(incoming);
    const readText = read.length > 0 ? `Read only ${read.join(' and ')}` : 'No file was read';
    const leftOut = trimmed.leftOut > 0 ? ` ${plural(trimmed.leftOut, 'name')} that the .dockerignore excludes were left out.` : '';
    const missing = dockerfile === null && problems.length === 0 ? ' The folder has no Dockerfile at its top, so your Dockerfile was kept.' : '';
    const skipped = found.skipped > 0 ? ` ${plural(found.skipped, 'name')} could not be used as context paths.` : '';
    store.setNotice({
      kind: problems.length > 0 ? 'error' : 'info',
      text: `Loaded ${plural(trimmed.files.length, 'file name')} from ${name}. ${readText}; nothing was uploaded.${leftOut}${missing}${skipped}${problems.length ? ` ${problems.join(' ')}` : ''}`,
    });
    // the panels render in this task; the toast goes once the browser is free again
    if (useImport.getState().phase === 'loading') setTimeout(() => useImport.setState({ phase: 'idle', controller: null }), 0);
    return true;
  } catch (e) {
    if (e instanceof ImportCancelled) store.setNotice({ kind: 'info', text: 'Folder import cancelled: your work is as it was.' });
    else store.setNotice({ kind: 'error', text: `The folder could not be read: ${e instanceof Error ? e.message : String(e)}` });
    return false;
  } finally {
    const now = useImport.getState();
    if (now.phase !== 'loading' && (now.controller === controller || now.controller === null)) useImport.setState({ phase: 'idle', controller: null });
  }
}
