/**
 * Big file lists (thousands of files, a node_modules-sized folder): the folder tree flattened
 * into the rows a person sees, so that a panel can render only the rows in view. Up to
 * FULL_TREE_LIMIT files the panels keep one element per file (CONTRACT.md section 4); above
 * it they list these rows windowed, with a box to find a file.
 */
import type { TreeFolder } from '../pathTree.ts';

/** Up to this many files, a panel keeps one DOM element per file (CONTRACT.md section 4). */
export const FULL_TREE_LIMIT = 2000;

export type FlatRow<T> =
  | { kind: 'folder'; key: string; depth: number; folder: TreeFolder<T>; open: boolean }
  | { kind: 'file'; key: string; depth: number; name: string; item: T };

/**
 * The rows of a tree in display order (a folder, then what is in it: folders first, then
 * files), skipping what is inside closed folders. `isOpen` is asked for every folder but the
 * root; `keyOf` gives each file row a stable key.
 */
export function flattenTree<T>(root: TreeFolder<T>, isOpen: (path: string) => boolean, keyOf: (item: T, indexInFolder: number) => string): FlatRow<T>[] {
  const rows: FlatRow<T>[] = [];
  const walk = (folder: TreeFolder<T>, depth: number) => {
    for (const f of folder.folders) {
      const open = isOpen(f.path);
      rows.push({ kind: 'folder', key: `d:${f.path}`, depth, folder: f, open });
      if (open) walk(f, depth + 1);
    }
    folder.files.forEach(({ name, item }, i) => rows.push({ kind: 'file', key: `f:${keyOf(item, i)}`, depth, name, item }));
  };
  walk(root, 0);
  return rows;
}

/** The items whose path contains `query` as typed (case-insensitive). An empty query keeps everything. */
export function filterByPath<T>(items: T[], pathOf: (item: T) => string, query: string): T[] {
  const q = query.trim().toLowerCase();
  if (q === '') return items;
  const out: T[] = [];
  for (const item of items) if (pathOf(item).toLowerCase().includes(q)) out.push(item);
  return out;
}

/** Index of the row with this key, or -1. */
export function indexOfKey<T>(rows: FlatRow<T>[], key: string | null | undefined): number {
  if (key == null) return -1;
  for (let i = 0; i < rows.length; i++) if (rows[i].key === key) return i;
  return -1;
}
