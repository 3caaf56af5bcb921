/**
 * The nodes stage filesystems are made of: one node per path, children by name. A node is
 * owned by the stage filesystem that made it and is never changed by another one (stageFs.ts
 * copies it first), so stages share every subtree they do not write.
 *
 * A node's children can be left to build (`pending`): those of a copied directory ("every file
 * below directory X of another tree, with entries made by this COPY") and those of a directory
 * of the build context. They are built the first time someone looks below the node
 * (`children`), so a COPY of a big directory costs one node until then.
 *
 * Nothing here recurses: a hostile context can have paths thousands of directories deep, and a
 * Dockerfile thousands of stages each copying a directory from the one before.
 */
import type { FileEntry } from './tree.ts';

/** A COPY of a source directory's files: where they come from and what entries they get. */
export interface Copy {
  kind: 'copy';
  /** the source directory's node (in the build context or an earlier stage) */
  src: Node;
  /** its path in the source */
  srcPath: string;
  /** the entry a copied file gets, from its path and entry in the source */
  make: (srcPath: string, prev: FileEntry) => FileEntry;
  /** when the copy happened (see Node.seq) */
  seq: number;
}

/** A directory of the build context: the files `paths[lo..hi)` (sorted), named from index `from` on. */
interface Listing {
  kind: 'listing';
  paths: readonly string[];
  lo: number;
  hi: number;
  from: number;
}

export class Node {
  /** the file at this path, if any (a path can be a file and a directory at once) */
  file: FileEntry | null = null;
  /** when `file` was added; files sort by it, then by path, in the order a flat Map kept them */
  seq = 0;
  /** a known directory */
  dir = false;
  /** children by name; null when there are none, or while they are pending */
  kids: Map<string, Node> | null = null;
  /** children not built yet; set only when at least one file lies below */
  pending: Copy | Listing | null = null;

  constructor(readonly owner: number) {}
}

/**
 * The children of a node, built first if they are pending. Shared nodes may be built by any
 * stage: the result is the same whoever asks, and entries are made once, so every stage sees
 * the same objects.
 */
export function children(n: Node): Map<string, Node> | null {
  if (n.pending) {
    // A copy's source may be a pending copy itself, and so on: build from the far end.
    const chain: Node[] = [];
    for (let m: Node | null = n; m?.pending; m = m.pending.kind === 'copy' ? m.pending.src : null) chain.push(m);
    for (let i = chain.length - 1; i >= 0; i--) build(chain[i]);
  }
  return n.kids;
}

function build(n: Node): void {
  const p = n.pending!;
  n.pending = null;
  n.kids = p.kind === 'copy' ? copiedKids(n.owner, p) : listedKids(p);
}

/** true when some file lies strictly below `n` */
export function hasFilesBelow(n: Node): boolean {
  const todo = [n];
  for (let m = todo.pop(); m; m = todo.pop()) {
    if (m.pending) return true;
    if (m.kids) {
      for (const k of m.kids.values()) {
        if (k.file) return true;
        todo.push(k);
      }
    }
  }
  return false;
}

/**
 * The copy of source node `s` (at `srcPath`) made by `copy`, or null when nothing of it is
 * copied: copy.Copy with CopyDirContentsOnly writes files, and directories only as parents of
 * the files it writes, so an empty directory is left out.
 */
export function copiedNode(owner: number, s: Node, srcPath: string, copy: Copy): Node | null {
  const below = hasFilesBelow(s);
  if (!s.file && !below) return null;
  const c = new Node(owner);
  if (s.file) {
    c.file = copy.make(srcPath, s.file);
    c.seq = copy.seq;
  }
  if (below) {
    c.dir = true;
    c.pending = { kind: 'copy', src: s, srcPath, make: copy.make, seq: copy.seq };
  }
  return c;
}

/** The children of a copy, from those of its source (built already). */
function copiedKids(owner: number, copy: Copy): Map<string, Node> {
  const kids = new Map<string, Node>();
  for (const [name, s] of children(copy.src) ?? []) {
    const c = copiedNode(owner, s, childPath(copy.srcPath, name), copy);
    if (c) kids.set(name, c);
  }
  return kids;
}

export function childPath(dir: string, name: string): string {
  return dir === '/' ? '/' + name : dir + '/' + name;
}

/** The node at absolute path `p` below `root`, or null. */
export function lookup(root: Node, p: string): Node | null {
  if (p === '/') return root;
  if (!p.startsWith('/')) return null;
  let n: Node | undefined = root;
  for (let i = 1, j = 0; n && j >= 0; i = j + 1) {
    j = p.indexOf('/', i);
    n = children(n)?.get(j < 0 ? p.slice(i) : p.slice(i, j));
  }
  return n ?? null;
}

/** Visits every node strictly below `n` (at path `path`), in no set order. */
export function walk(n: Node, path: string, visit: (p: string, node: Node) => void): void {
  const todo: [Node, string][] = [[n, path]];
  for (let t = todo.pop(); t; t = todo.pop()) {
    for (const [name, k] of children(t[0]) ?? []) {
      const p = childPath(t[1], name);
      visit(p, k);
      todo.push([k, p]);
    }
  }
}

const contextFile: FileEntry = { from: 'context', source: '', line: 0, origin: null };

/**
 * A read-only directory of the build context for copies to read: the files `paths[lo..hi)`
 * (sorted, unique) named from index `from` on. Its children are built when first looked at.
 */
export function listedDir(paths: readonly string[], lo: number, hi: number, from: number): Node {
  const n = new Node(0);
  if (lo < hi) n.pending = { kind: 'listing', paths, lo, hi, from };
  return n;
}

function listedKids({ paths, lo, hi, from }: Listing): Map<string, Node> {
  const kids = new Map<string, Node>();
  for (let i = lo; i < hi; ) {
    const p = paths[i];
    const slash = p.indexOf('/', from);
    const name = p.slice(from, slash < 0 ? undefined : slash);
    let kid = kids.get(name);
    if (!kid) kids.set(name, (kid = new Node(0)));
    if (slash < 0) {
      kid.file = contextFile;
      i++;
    } else {
      // The files below `name/` are together in a sorted list (the file `name` may not be).
      const prefix = p.slice(0, slash + 1);
      let end = i + 1;
      while (end < hi && paths[end].startsWith(prefix)) end++;
      kid.pending = { kind: 'listing', paths, lo: i, hi: end, from: slash + 1 };
      i = end;
    }
  }
  return kids;
}
