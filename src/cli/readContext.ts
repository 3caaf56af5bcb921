/**
 * Reading the build context from disk, as `docker build DIR` sends it: every file below DIR,
 * symlinks listed as entries but never followed, and DIR/.dockerignore when present.
 * Nothing is written.
 */
import { closeSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

export class IoError extends Error {}

/** 256 MiB: far beyond any real Dockerfile, well inside what Node can hold as a string. */
const maxDockerfileBytes = 256 * 1024 * 1024;

/** for a synchronous 10 ms pause (Atomics.wait on a cell nobody changes) */
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Reads to the end, refusing more than maxDockerfileBytes: pipes and stdin have no size to check first. */
function readBounded(fd: number, name: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxDockerfileBytes + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // a non-blocking stdin with nothing yet: wait a little instead of spinning on the CPU
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break; // Windows pipes
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > maxDockerfileBytes) throw new IoError(`${name} is too large for a Dockerfile (more than ${maxDockerfileBytes} bytes)`);
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

function readPathBounded(p: string): Buffer {
  const fd = openSync(p, 'r');
  try {
    return readBounded(fd, p);
  } finally {
    closeSync(fd);
  }
}

export function listContext(dir: string): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new IoError(`context directory ${dir} does not exist or cannot be read`);
  }
  if (!st.isDirectory()) throw new IoError(`context ${dir} is not a directory`);
  const out: string[] = [];
  // Iterative walk: deep trees never overflow the stack; symlinked dirs are not entered.
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(rel === '' ? dir : join(dir, rel), { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      throw new IoError(`cannot read context directory ${rel === '' ? dir : join(dir, rel)} (${code})`);
    }
    for (const e of entries) {
      const p = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) stack.push(p);
      else out.push(p);
    }
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function readDockerignore(dir: string): string | null {
  const p = join(dir, '.dockerignore');
  try {
    if (!lstatSync(p).isFile()) return null;
  } catch {
    return null;
  }
  try {
    return decodeText(readPathBounded(p), p);
  } catch (e) {
    if (e instanceof IoError) throw e;
    throw new IoError(`cannot read ${p}`);
  }
}

/** Dockerfiles and .dockerignore are UTF-8 text; a binary file is a usage problem, not input. */
export function decodeText(buf: Uint8Array, name: string): string {
  if (buf.includes(0)) throw new IoError(`${name} is a binary file, not a Dockerfile`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new IoError(`${name} is not UTF-8 text`);
  }
}

export function readTextFile(p: string): string {
  let st;
  try {
    st = statSync(p);
  } catch {
    throw new IoError(`cannot read ${p}: no such file`);
  }
  if (st.isDirectory()) throw new IoError(`${p} is a directory, not a Dockerfile`);
  // A pipe (`<(cat Dockerfile)`) is fine; a device such as /dev/zero would never end.
  if (!st.isFile() && !st.isFIFO()) throw new IoError(`${p} is not a regular file`);
  if (st.size > maxDockerfileBytes) throw new IoError(`${p} is too large for a Dockerfile (${st.size} bytes; the limit is ${maxDockerfileBytes})`);
  let buf: Buffer;
  try {
    buf = readPathBounded(p);
  } catch (e) {
    if (e instanceof IoError) throw e;
    throw new IoError(`cannot read ${p} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return decodeText(buf, p);
}

export function readStdin(): string {
  let buf: Buffer;
  try {
    buf = readBounded(0, 'standard input');
  } catch (e) {
    if (e instanceof IoError) throw e;
    throw new IoError('cannot read the Dockerfile from standard input');
  }
  return decodeText(buf, 'standard input');
}
