/** Paths as a folder tree (folders first, then files, each alphabetical), for the file panels. */

export interface TreeFolder<T> {
  name: string;
  /** '/'-joined path of the folder ('' for the root) */
  path: string;
  folders: TreeFolder<T>[];
  files: { name: string; item: T }[];
  /** items anywhere below */
  count: number;
}

export function pathTreeOf<T>(items: T[], pathOf: (item: T) => string): TreeFolder<T> {
  const root: TreeFolder<T> = { name: '', path: '', folders: [], files: [], count: 0 };
  const index = new Map<string, TreeFolder<T>>([['', root]]);
  for (const item of items) {
    const parts = pathOf(item).split('/').filter((p) => p !== '');
    const fileName = parts.pop() ?? '';
    let folder = root;
    folder.count++;
    for (const part of parts) {
      const path = folder.path === '' ? part : `${folder.path}/${part}`;
      let next = index.get(path);
      if (!next) {
        next = { name: part, path, folders: [], files: [], count: 0 };
        index.set(path, next);
        folder.folders.push(next);
      }
      next.count++;
      folder = next;
    }
    folder.files.push({ name: fileName, item });
  }
  sortTree(root);
  return root;
}

function sortTree<T>(folder: TreeFolder<T>): void {
  folder.folders.sort((a, b) => compareNames(a.name, b.name));
  folder.files.sort((a, b) => compareNames(a.name, b.name));
  folder.folders.forEach(sortTree);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
