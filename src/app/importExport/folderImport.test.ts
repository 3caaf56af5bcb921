import { describe, expect, it } from 'vitest';
import { ImportCancelled, pathInPickedFolder, readTextFile, scanDroppedEntries, scanPickedFiles, type EntryLike } from './folderImport.ts';

const now = () => Promise.resolve();
const picked = (paths: string[]) => paths.map((p) => ({ name: p.split('/').pop()!, webkitRelativePath: p }));

describe('pathInPickedFolder', () => {
  it('drops the picked folder’s own name', () => {
    expect(pathInPickedFolder({ name: 'main.go', webkitRelativePath: 'my-app/cmd/main.go' })).toEqual({ folder: 'my-app', path: 'cmd/main.go' });
    expect(pathInPickedFolder({ name: 'x', webkitRelativePath: 'win\\sub\\x' })).toEqual({ folder: 'win', path: 'sub/x' });
    expect(pathInPickedFolder({ name: 'alone.txt', webkitRelativePath: '' })).toEqual({ folder: null, path: 'alone.txt' });
    expect(pathInPickedFolder({ name: 'alone.txt' })).toEqual({ folder: null, path: 'alone.txt' });
    expect(pathInPickedFolder({ name: 'x', webkitRelativePath: 'app/../x' }).path).toBeNull();
  });
});

describe('scanPickedFiles', () => {
  it('lists the names sorted, keeps the root Dockerfile and .dockerignore aside to read', async () => {
    const list = picked(['app/src/b.ts', 'app/Dockerfile', 'app/.dockerignore', 'app/src/a.ts', 'app/docker/Dockerfile', 'app/node_modules/x/.dockerignore']);
    const scan = await scanPickedFiles(list, { yieldFn: now });
    expect(scan.folderName).toBe('app');
    expect(scan.files).toEqual(['docker/Dockerfile', 'node_modules/x/.dockerignore', 'src/a.ts', 'src/b.ts']);
    expect(scan.dockerfile).toBe(list[1]);
    expect(scan.dockerignore).toBe(list[2]);
    expect(scan.skipped).toBe(0);
  });

  it('works in slices with progress, and gives the browser a turn between them', async () => {
    const list = picked(Array.from({ length: 25_000 }, (_, i) => `big/node_modules/pkg${i % 500}/f${i}.js`));
    const progress: [number, number | null][] = [];
    let turns = 0;
    const scan = await scanPickedFiles(list, {
      chunk: 10_000,
      onProgress: (d, t) => progress.push([d, t]),
      yieldFn: async () => void turns++,
    });
    expect(scan.files).toHaveLength(25_000);
    expect(progress).toEqual([
      [10_000, 25_000],
      [20_000, 25_000],
      [25_000, 25_000],
    ]);
    expect(turns).toBe(2);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const list = picked(Array.from({ length: 100 }, (_, i) => `a/f${i}`));
    const p = scanPickedFiles(list, { chunk: 10, signal: controller.signal, yieldFn: async () => controller.abort() });
    await expect(p).rejects.toBeInstanceOf(ImportCancelled);
  });

  it('counts names that are not context paths', async () => {
    const scan = await scanPickedFiles([{ name: '..', webkitRelativePath: 'a/..' }, ...picked(['a/ok'])], { yieldFn: now });
    expect(scan.files).toEqual(['ok']);
    expect(scan.skipped).toBe(1);
  });
});

/** A fake directory tree in the shape of the File and Directory Entries API (batches of 2). */
function dir(name: string, children: EntryLike[], batchSize = 2): EntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader() {
      let i = 0;
      return {
        readEntries(ok: (e: EntryLike[]) => void) {
          const batch = children.slice(i, i + batchSize);
          i += batchSize;
          setTimeout(() => ok(batch), 0);
        },
      };
    },
  };
}
const file = (name: string): EntryLike => ({ isFile: true, isDirectory: false, name, file: (ok) => ok(new File([name], name)) });

describe('scanDroppedEntries', () => {
  it('one dropped folder is the context root; every batch of every folder is read', async () => {
    const root = dir('proj', [file('Dockerfile'), file('.dockerignore'), dir('src', [file('a.ts'), file('b.ts'), file('c.ts'), dir('deep', [file('x')])]), file('README.md')]);
    const scan = await scanDroppedEntries([root], { yieldFn: now });
    expect(scan.folderName).toBe('proj');
    expect(scan.files).toEqual(['README.md', 'src/a.ts', 'src/b.ts', 'src/c.ts', 'src/deep/x']);
    expect(scan.dockerfile?.name).toBe('Dockerfile');
    expect(scan.dockerignore?.name).toBe('.dockerignore');
  });

  it('several dropped items are the root’s contents', async () => {
    const scan = await scanDroppedEntries([file('Dockerfile'), dir('src', [file('main.go')])], { yieldFn: now });
    expect(scan.folderName).toBeNull();
    expect(scan.files).toEqual(['src/main.go']);
    expect(scan.dockerfile?.name).toBe('Dockerfile');
  });

  it('a big tree reports progress and yields', async () => {
    const big = dir('nm', Array.from({ length: 3000 }, (_, i) => file(`f${i}`)), 100);
    let turns = 0;
    const seen: number[] = [];
    const scan = await scanDroppedEntries([big], { chunk: 1000, yieldFn: async () => void turns++, onProgress: (d) => seen.push(d) });
    expect(scan.files).toHaveLength(3000);
    expect(turns).toBe(3);
    expect(seen).toEqual([1000, 2000, 3000, 3000]);
  });

  it('an unreadable folder is skipped, not fatal', async () => {
    const broken: EntryLike = { isFile: false, isDirectory: true, name: 'locked', createReader: () => ({ readEntries: (_ok, err) => err?.(new Error('denied')) }) };
    const scan = await scanDroppedEntries([dir('p', [broken, file('ok')])], { yieldFn: now });
    expect(scan.files).toEqual(['ok']);
    expect(scan.skipped).toBe(1);
  });
});

describe('readTextFile', () => {
  it('reads UTF-8 text only', async () => {
    expect(await readTextFile(new Blob(['FROM alpine\n']), 'Dockerfile')).toEqual({ ok: true, text: 'FROM alpine\n' });
    expect(await readTextFile(new Blob([new Uint8Array([0x46, 0xff, 0x0a])]), 'Dockerfile')).toEqual({ ok: false, error: 'Dockerfile is not UTF-8 text, so it was not read.' });
    expect((await readTextFile(new Blob([new Uint8Array([0x46, 0, 0x0a])]), 'Dockerfile')).ok).toBe(false);
    expect((await readTextFile(new Blob([new Uint8Array(1024 * 1024 + 1)]), '.dockerignore')).ok).toBe(false);
  });
});
