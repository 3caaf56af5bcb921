/**
 * What an arrow says flows along it, read from the instruction's first line: `FROM` for a
 * base, the copied source paths for COPY/ADD --from, the mount target for RUN --mount.
 */
import type { EdgeKind } from '../../core/types.ts';

const MAX = 24;

export function edgeLabelOf(kind: EdgeKind, lineText: string): string {
  if (kind === 'base') return 'FROM';
  if (kind === 'mount') {
    const mount = /--mount=(\S+)/i.exec(lineText)?.[1] ?? '';
    const target = /(?:^|,)(?:target|dst|destination)=([^,\s]+)/i.exec(mount)?.[1];
    return shorten(target ? `mount ${target}` : 'mount');
  }
  const words = lineText
    .trim()
    .replace(/[\\`]\s*$/, '')
    .split(/\s+/)
    .slice(1) // the keyword
    .filter((w) => !w.startsWith('--'));
  const keyword = /^\s*(\w+)/.exec(lineText)?.[1]?.toUpperCase() ?? 'COPY';
  const sources = words.length > 1 ? words.slice(0, -1) : words;
  // exec form: ["/a", "/b", "/dest"]
  const cleaned = sources.map((w) => w.replace(/^\[/, '').replace(/\]$/, '').replace(/,$/, '').replace(/^"(.*)"$/, '$1')).filter((w) => w !== '');
  if (!cleaned.length) return keyword;
  const full = `${keyword} ${cleaned.join(' ')}`;
  // long paths: what flows is best told by the last segment of each source
  return shorten(full.length <= MAX ? full : `${keyword} ${cleaned.map(baseName).join(' ')}`);
}

function baseName(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.length ? `…/${parts[parts.length - 1]}${path.endsWith('/') ? '/' : ''}` : path;
}

function shorten(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
