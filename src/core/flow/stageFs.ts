/**
 * A stage's filesystem as far as the Dockerfile tells: files with provenance, known dirs.
 *
 * It keeps the results of a flat model (a Map from path to entry, in insertion order, and a
 * Set of directories) but is a persistent tree of path nodes (pathTree.ts):
 * - a stage built on another (FROM) starts from the other's root and copies only the nodes on
 *   the paths it writes, the way a BuildKit stage starts from its base's snapshot and stacks
 *   its own layers on it (copy-on-write);
 * - a COPY of a whole directory grafts the source directory in (fsutil `copy.Copy` with
 *   `CopyDirContentsOnly`) and builds the copied nodes only when something looks below them.
 *
 * Rules of the flat model kept here: a file put over a directory deletes the files below it and
 * the directory itself, but not its subdirectories; putting a file (or making a directory)
 * adds its parents up to the first one already known (`addParents`); '/' is added only by
 * mkdir. Paths are absolute and clean.
 */
import { Node, childPath, children, copiedNode, hasFilesBelow, lookup, walk, type Copy } from './pathTree.ts';
import { byPath, imageDirs, type FileEntry, type SourceTree } from './tree.ts';

/** Orders files by when they were added, across all stage filesystems (see Node.seq). */
let clock = 0;
/** Owner ids (Node.owner) of stage filesystems; 0 owns the build context's nodes, which never change. */
let lastOwner = 0;

let imageRoot: Node | null = null;

/** The directories every non-scratch base image has (tree.ts imageDirs), shared by all stages. */
function imageTree(): Node {
  if (!imageRoot) {
    const fs = new StageFs();
    for (const d of imageDirs) fs.mkdir(d);
    imageRoot = fs.node('/')!; // that filesystem writes nothing more: its nodes never change
  }
  return imageRoot;
}

export class StageFs implements SourceTree {
  private readonly id = ++lastOwner;
  /** shared with the stages built on this one until they write */
  private root: Node;
  private flat: Map<string, FileEntry> | null = null;

  constructor() {
    this.root = new Node(this.id);
    this.root.dir = true;
  }

  static fromBase(base: StageFs | null, imageBase: boolean): StageFs {
    const fs = new StageFs();
    if (base) fs.root = base.root;
    else if (imageBase) fs.root = imageTree();
    return fs;
  }

  /** Every file and its entry, in the order the files were first added (as a Map keeps them). */
  get files(): ReadonlyMap<string, FileEntry> {
    if (!this.flat) {
      const all: [string, Node][] = [];
      if (this.root.file) all.push(['/', this.root]);
      walk(this.root, '/', (p, n) => {
        if (n.file) all.push([p, n]);
      });
      all.sort((a, b) => a[1].seq - b[1].seq || byPath(a[0], b[0]));
      this.flat = new Map(all.map(([p, n]) => [p, n.file!]));
    }
    return this.flat;
  }

  /** the node at `p`, for a COPY of a directory to read from */
  node(p: string): Node | null {
    return lookup(this.root, p);
  }

  get(p: string): FileEntry | undefined {
    return lookup(this.root, p)?.file ?? undefined;
  }

  isFile(p: string): boolean {
    return Boolean(lookup(this.root, p)?.file);
  }

  isDir(p: string): boolean {
    return lookup(this.root, p)?.dir ?? false;
  }

  /** files at or below `dir`, in sorted order */
  filesUnder(dir: string): string[] {
    const out: string[] = [];
    const n = lookup(this.root, dir);
    if (n) {
      if (dir === '/' && n.file) out.push('/');
      walk(n, dir, (p, k) => {
        if (k.file) out.push(p);
      });
    }
    return out.sort();
  }

  dirsUnder(dir: string): string[] {
    const out: string[] = [];
    const n = lookup(this.root, dir);
    if (n) {
      walk(n, dir, (p, k) => {
        if (k.dir) out.push(p);
      });
    }
    return out;
  }

  mkdir(p: string): void {
    const at = this.writePath(p);
    at.node.dir = true;
    addParents(at.up);
  }

  put(p: string, entry: FileEntry): void {
    this.setFile(this.writePath(p), entry, ++clock);
  }

  /**
   * COPY of directory `srcPath` of another tree (its node `src`) into `dest`, contents only: the
   * same as putting every file below it in lexical order, with `make` giving each one's entry.
   * Where `dest` holds nothing yet, the source is grafted; where it does, merged path by path.
   */
  copyDir(dest: string, src: Node, srcPath: string, make: Copy['make']): void {
    if (!hasFilesBelow(src)) return;
    const todo: [Trail, Copy][] = [[this.writePath(dest), { kind: 'copy', src, srcPath, make, seq: ++clock }]];
    for (let t = todo.pop(); t; t = todo.pop()) {
      const [at, copy] = t;
      const kids = children(at.node) ?? (at.node.kids = new Map());
      for (const [name, s] of children(copy.src) ?? []) {
        const path = childPath(copy.srcPath, name);
        const there = kids.get(name);
        if (!there) {
          const c = copiedNode(this.id, s, path, copy);
          if (!c) continue;
          kids.set(name, c);
          addParents(at);
          continue;
        }
        const below = hasFilesBelow(s);
        if (!s.file && !below) continue;
        const c = this.own(there);
        kids.set(name, c);
        const here = { node: c, up: at };
        if (s.file) this.setFile(here, copy.make(path, s.file), copy.seq);
        if (below) todo.push([here, { ...copy, src: s, srcPath: path }]);
      }
    }
  }

  /** put() on the node `at` */
  private setFile(at: Trail, entry: FileEntry, seq: number): void {
    const n = at.node;
    if (n.dir) {
      // A file replaces whatever was at its path, and a directory's former contents go with it
      // (no path starts with '//', so a file put on '/' deletes nothing).
      if (at.up) this.dropFiles(n);
      n.dir = false;
    }
    if (!n.file) n.seq = seq;
    n.file = entry;
    addParents(at.up);
  }

  /** Takes every file strictly below `n` away, copying only the nodes on the way to one. */
  private dropFiles(n: Node): void {
    const below: Node[] = [];
    const todo = [n];
    for (let m = todo.pop(); m; m = todo.pop()) {
      for (const k of children(m)?.values() ?? []) {
        below.push(k);
        todo.push(k);
      }
    }
    // Parents come before their children in `below`: walk it backwards to see what holds a file.
    const holds = new Set<Node>();
    for (let i = below.length - 1; i >= 0; i--) {
      const k = below[i];
      if (k.file || [...(k.kids?.values() ?? [])].some((c) => holds.has(c))) holds.add(k);
    }
    todo.push(n);
    for (let m = todo.pop(); m; m = todo.pop()) {
      const kids = m.kids;
      for (const [name, k] of kids ?? []) {
        if (!holds.has(k)) continue;
        const c = this.own(k);
        kids!.set(name, c);
        c.file = null;
        todo.push(c);
      }
    }
  }

  /** The nodes from `p` up to the root, each one this stage's own: shared ones are copied, missing ones made. */
  private writePath(p: string): Trail {
    this.flat = null;
    this.root = this.own(this.root);
    let at: Trail = { node: this.root, up: null };
    if (p === '/') return at;
    for (let i = 1, j = 0; j >= 0; i = j + 1) {
      j = p.indexOf('/', i);
      const name = j < 0 ? p.slice(i) : p.slice(i, j);
      const kids = children(at.node) ?? (at.node.kids = new Map());
      const k = kids.get(name);
      const c = k ? this.own(k) : new Node(this.id);
      if (c !== k) kids.set(name, c);
      at = { node: c, up: at };
    }
    return at;
  }

  /** `n` if this stage owns it, else a copy this stage owns, sharing `n`'s children. */
  private own(n: Node): Node {
    if (n.owner === this.id) return n;
    // Built first, so both stages share the same children, and the same entries.
    const kids = children(n);
    const c = new Node(this.id);
    c.file = n.file;
    c.seq = n.seq;
    c.dir = n.dir;
    if (kids) {
      // (forEach: `new Map(kids)` goes through the iterator protocol, several times slower)
      const copy = (c.kids = new Map<string, Node>());
      kids.forEach((k, name) => copy.set(name, k));
    }
    return c;
  }
}

/** A node and the nodes above it, up to the root (whose `up` is null). */
interface Trail {
  node: Node;
  up: Trail | null;
}

/** `addParents`: marks `at` and the nodes above it as directories, up to a known one; never '/'. */
function addParents(at: Trail | null): void {
  for (let t = at; t?.up; t = t.up) {
    if (t.node.dir) return;
    t.node.dir = true;
  }
}
