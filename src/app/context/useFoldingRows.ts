/**
 * The rows of a windowed tree with folders the person opens and closes (click, or
 * ArrowRight/ArrowLeft on a folder row). Folders start open; typing a new filter opens them all.
 */
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import type { TreeFolder } from '../pathTree.ts';
import { flattenTree, type FlatRow } from './flatTree.ts';

const EMPTY: ReadonlySet<string> = new Set();

export function useFoldingRows<T>(
  tree: TreeFolder<T>,
  filter: string,
  keyOf: (item: T, indexInFolder: number) => string,
): { rows: FlatRow<T>[]; toggle(path: string, open?: boolean): void; onKeyDown(e: KeyboardEvent, index: number): void } {
  // the folders closed by the person, for the filter they were closed under
  const [closed, setClosed] = useState<{ filter: string; paths: ReadonlySet<string> }>({ filter, paths: EMPTY });
  const closedPaths = closed.filter === filter ? closed.paths : EMPTY;
  const rows = useMemo(() => flattenTree(tree, (p) => !closedPaths.has(p), keyOf), [tree, closedPaths, keyOf]);
  const toggle = useCallback(
    (path: string, open?: boolean) =>
      setClosed((prev) => {
        const paths = new Set(prev.filter === filter ? prev.paths : EMPTY);
        const isOpen = !paths.has(path);
        if (open === isOpen) return prev;
        if (isOpen) paths.add(path);
        else paths.delete(path);
        return { filter, paths };
      }),
    [filter],
  );
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const row = rows[index];
    if (row?.kind !== 'folder') return;
    if (e.key === 'ArrowRight' && !row.open) {
      e.preventDefault();
      toggle(row.folder.path, true);
    } else if (e.key === 'ArrowLeft' && row.open) {
      e.preventDefault();
      toggle(row.folder.path, false);
    }
  };
  return { rows, toggle, onKeyDown };
}
