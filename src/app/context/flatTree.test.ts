import { describe, expect, it } from 'vitest';
import { pathTreeOf } from '../pathTree.ts';
import { filterByPath, flattenTree, indexOfKey } from './flatTree.ts';
import { stableSelector } from './stable.ts';

const paths = ['src/b.ts', 'Dockerfile', 'src/lib/a.ts', 'README.md', 'src/a.ts', 'docs/x.md'];
const tree = pathTreeOf(paths, (p) => p);
const show = (rows: ReturnType<typeof flattenTree<string>>) => rows.map((r) => `${'  '.repeat(r.depth)}${r.kind === 'folder' ? `${r.folder.name}/${r.open ? '' : ' (closed)'}` : r.name}`);

describe('flattenTree', () => {
  it('lists folders first, then files, each sorted, with their depth, as the tree shows them', () => {
    const rows = flattenTree(tree, () => true, (p) => p);
    expect(show(rows)).toEqual(['docs/', '  x.md', 'src/', '  lib/', '    a.ts', '  a.ts', '  b.ts', 'Dockerfile', 'README.md']);
    expect(rows.map((r) => r.key)).toContain('f:src/lib/a.ts');
    expect(indexOfKey(rows, 'f:src/lib/a.ts')).toBe(4);
    expect(indexOfKey(rows, 'f:nope')).toBe(-1);
    expect(indexOfKey(rows, null)).toBe(-1);
  });

  it('skips what a closed folder holds', () => {
    const rows = flattenTree(tree, (p) => p !== 'src', (p) => p);
    expect(show(rows)).toEqual(['docs/', '  x.md', 'src/ (closed)', 'Dockerfile', 'README.md']);
    if (rows[2].kind !== 'folder') throw new Error('a folder');
    expect(rows[2].folder.count).toBe(3);
  });

  it('flattens 50,000 files quickly and without deep recursion trouble', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => `pkg${i % 10}/mod${i % 100}/f${i}.go`);
    const big = pathTreeOf(many, (p) => p);
    const started = performance.now();
    const rows = flattenTree(big, () => true, (p) => p);
    expect(rows.length).toBe(50_000 + 10 + 100);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('filterByPath', () => {
  it('keeps the paths containing the text, ignoring case; empty keeps all', () => {
    expect(filterByPath(paths, (p) => p, 'SRC/')).toEqual(['src/b.ts', 'src/lib/a.ts', 'src/a.ts']);
    expect(filterByPath(paths, (p) => p, ' a.ts ')).toEqual(['src/lib/a.ts', 'src/a.ts']);
    expect(filterByPath(paths, (p) => p, '')).toBe(paths);
  });
});

describe('stableSelector', () => {
  it('returns the value it returned before while the new one is equal', () => {
    const equal = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    const select = stableSelector((s: { v: number[] }) => s.v, equal);
    const first = select({ v: [1, 2] });
    expect(select({ v: [1, 2] })).toBe(first);
    const changed = { v: [1, 3] };
    expect(select(changed)).toBe(changed.v);
    expect(select(changed)).toBe(changed.v);
  });
});
