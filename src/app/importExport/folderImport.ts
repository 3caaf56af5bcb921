/**
 * Loading a project folder's file list: from `<input type=file webkitdirectory>` (a FileList
 * whose items carry `webkitRelativePath`) or from a folder dropped on the page (File System
 * entries). Only names are collected; the only files ever read are the folder's own
 * `Dockerfile` and `.dockerignore`, and nothing is uploaded anywhere.
 *
 * Both paths work in slices and give the browser a turn between them, so a node_modules-sized
 * tree (100k+ names) keeps the page responsive and the progress indicator moving.
 */
import { normalizeContextPath } from '../store/contextPaths.ts';

/** The part of `File` the scan needs (tests pass plain objects). */
export interface PickedFile {
  name: string;
  /** `my-app/src/index.ts` for a picked folder `my-app`; '' for a file picked on its own */
  webkitRelativePath?: string;
  size?: number;
}

export interface FolderScan<F> {
  /** the folder's own name (`my-app`), or null when it cannot be told */
  folderName: string | null;
  /** context paths, sorted; the root Dockerfile and .dockerignore are not in the list (the page implies them) */
  files: string[];
  /** the root `Dockerfile`, to read */
  dockerfile: F | null;
  /** the root `.dockerignore`, to read */
  dockerignore: F | null;
  /** names that could not be used as context paths */
  skipped: number;
}

export interface ScanOptions {
  /** items handled between two turns given back to the browser */
  chunk?: number;
  onProgress?: (done: number, total: number | null) => void;
  signal?: AbortSignal;
  /** gives the browser a turn (tests pass an immediate one) */
  yieldFn?: () => Promise<void>;
}

export class ImportCancelled extends Error {
  constructor() {
    super('The folder import was cancelled.');
  }
}

/** Gives the browser a turn: rendering, input, the progress bar. */
export function yieldToBrowser(): Promise<void> {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return sched.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `my-app/src/index.ts` -> `src/index.ts`: a path relative to the picked folder, or null when
 * it is not a usable context path. A file without a relative path (picked on its own) is its name.
 */
export function pathInPickedFolder(file: PickedFile): { folder: string | null; path: string | null } {
  const rel = (file.webkitRelativePath ?? '').replace(/\\/g, '/');
  if (rel === '') return { folder: null, path: normalizeContextPath(file.name) };
  const slash = rel.indexOf('/');
  if (slash < 0) return { folder: null, path: normalizeContextPath(rel) };
  return { folder: rel.slice(0, slash), path: normalizeContextPath(rel.slice(slash + 1)) };
}

/** Sorted as the CLI sorts them (by UTF-16 code units), duplicates dropped. */
function finish<F>(folderName: string | null, paths: string[], found: Map<string, F>, skipped: number): FolderScan<F> {
  const files = [...new Set(paths)].filter((p) => p !== 'Dockerfile' && p !== '.dockerignore');
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { folderName, files, dockerfile: found.get('Dockerfile') ?? null, dockerignore: found.get('.dockerignore') ?? null, skipped };
}

/** Scans a FileList from `<input webkitdirectory>` (or any list of picked files). */
export async function scanPickedFiles<F extends PickedFile>(list: ArrayLike<F>, opts: ScanOptions = {}): Promise<FolderScan<F>> {
  const chunk = opts.chunk ?? 4000;
  const yieldFn = opts.yieldFn ?? yieldToBrowser;
  const total = list.length;
  const paths: string[] = [];
  const found = new Map<string, F>();
  let folderName: string | null = null;
  let skipped = 0;
  for (let start = 0; start < total; start += chunk) {
    if (opts.signal?.aborted) throw new ImportCancelled();
    const end = Math.min(total, start + chunk);
    for (let i = start; i < end; i++) {
      const file = list[i];
      const { folder, path } = pathInPickedFolder(file);
      if (folder !== null && folderName === null) folderName = folder;
      if (path === null) {
        skipped++;
        continue;
      }
      if (path === 'Dockerfile' || path === '.dockerignore') found.set(path, file);
      paths.push(path);
    }
    opts.onProgress?.(end, total);
    if (end < total) await yieldFn();
  }
  return finish(folderName, paths, found, skipped);
}

// ---------------------------------------------------------------------------------------------
// dropped folders (File and Directory Entries API)

/** The part of `FileSystemEntry` the walk needs. */
export interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  createReader?: () => { readEntries(success: (entries: EntryLike[]) => void, error?: (e: unknown) => void): void };
  file?: (success: (file: File) => void, error?: (e: unknown) => void) => void;
}

function readBatch(reader: { readEntries(success: (entries: EntryLike[]) => void, error?: (e: unknown) => void): void }): Promise<EntryLike[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

/**
 * Walks dropped entries. One dropped folder is the context root (`my-app/...` -> `...`); several
 * items, or files, are taken as the root's contents. Directories are read breadth-first in the
 * browser's batches (readEntries returns at most ~100 entries a call), so the walk yields often.
 */
export async function scanDroppedEntries(roots: EntryLike[], opts: ScanOptions = {}): Promise<FolderScan<EntryLike>> {
  const yieldFn = opts.yieldFn ?? yieldToBrowser;
  const chunk = opts.chunk ?? 4000;
  const single = roots.length === 1 && roots[0].isDirectory ? roots[0] : null;
  const queue: { entry: EntryLike; path: string }[] = single ? [{ entry: single, path: '' }] : roots.map((e) => ({ entry: e, path: e.name }));
  const paths: string[] = [];
  const found = new Map<string, EntryLike>();
  let skipped = 0;
  let sinceYield = 0;
  // an index, not shift(): shifting a 100k-entry array on every step would be quadratic
  for (let next = 0; next < queue.length; next++) {
    if (opts.signal?.aborted) throw new ImportCancelled();
    const { entry, path } = queue[next];
    queue[next] = undefined as never; // let the entry be collected
    if (entry.isDirectory && entry.createReader) {
      const reader = entry.createReader();
      for (;;) {
        let batch: EntryLike[];
        try {
          batch = await readBatch(reader);
        } catch {
          skipped++;
          break;
        }
        if (batch.length === 0) break;
        for (const child of batch) queue.push({ entry: child, path: path === '' ? child.name : `${path}/${child.name}` });
      }
      continue;
    }
    if (!entry.isFile) continue;
    const clean = normalizeContextPath(path);
    if (clean === null) {
      skipped++;
      continue;
    }
    if (clean === 'Dockerfile' || clean === '.dockerignore') found.set(clean, entry);
    paths.push(clean);
    if (++sinceYield >= chunk) {
      sinceYield = 0;
      opts.onProgress?.(paths.length, null);
      await yieldFn();
    }
  }
  opts.onProgress?.(paths.length, paths.length);
  return finish(single?.name ?? null, paths, found, skipped);
}

export function fileOfEntry(entry: EntryLike): Promise<File> {
  return new Promise((resolve, reject) => {
    if (!entry.file) reject(new Error('not a file'));
    else entry.file(resolve, reject);
  });
}

// ---------------------------------------------------------------------------------------------
// the two files that are read

/** Dockerfiles and .dockerignore files are small; anything bigger is not one. */
export const MAX_TEXT_BYTES = 1024 * 1024;

export type TextRead = { ok: true; text: string } | { ok: false; error: string };

/** Reads a Dockerfile or .dockerignore as UTF-8 text (never as anything else). */
export async function readTextFile(blob: Blob, name: string): Promise<TextRead> {
  if (blob.size > MAX_TEXT_BYTES) return { ok: false, error: `${name} is larger than 1 MiB, so it was not read.` };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch {
    return { ok: false, error: `${name} could not be read.` };
  }
  if (bytes.includes(0)) return { ok: false, error: `${name} is a binary file, so it was not read.` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: `${name} is not UTF-8 text, so it was not read.` };
  }
}
