/**
 * Approximate sizes of well-known base images, so the before/after examples can show the order
 * of magnitude a multi-stage build saves ("node:22 is about 1 GB, node:22-alpine about 150 MB,
 * distroless/static about 2 MB").
 *
 * HONESTY NOTE. These numbers were NOT measured by this project and no registry is queried
 * (the page makes no network request). They are approximations written from general knowledge
 * of the sizes Docker Hub, gcr.io and mcr.microsoft.com listed for these images' linux/amd64
 * variants around the `asOf` date below: `mb` is roughly what `docker image ls` shows
 * (uncompressed), `compressedMb` roughly the download. Real sizes vary with the exact tag,
 * version, architecture and date (images grow and shrink between releases), often by 10-30%.
 * Every value is marked approximate, and every UI that shows one must say so. To refresh the
 * table, check `docker image ls` after a pull, or the registry's tag page, and update `asOf`.
 */
import type { AnalysisDetail } from '../analyze.ts';
import { targetChain } from './common.ts';

/** When the values below were last reviewed (see the note above). */
export const SIZE_TABLE_AS_OF = '2025-01';
export const SIZE_TABLE_SOURCE =
  'approximate sizes of the linux/amd64 images as typically listed by Docker Hub, gcr.io/distroless and mcr.microsoft.com around ' +
  `${SIZE_TABLE_AS_OF}; recalled, not measured by Stagecraft; real sizes vary by tag and date`;

export interface ImageSizeRow {
  /** what the row matches, for display: `node:*-alpine` */
  label: string;
  /** repository (registry host kept, `docker.io/library/` dropped) */
  repo: RegExp;
  /** tag (`latest` when none was written) */
  tag: RegExp;
  /** approximate uncompressed size in MB (as `docker image ls` shows) */
  mb: number;
  /** approximate compressed (download) size in MB */
  compressedMb: number;
  approximate: true;
  note?: string;
}

const any = /^/;
const row = (label: string, repo: RegExp, tag: RegExp, mb: number, compressedMb: number, note?: string): ImageSizeRow => ({
  label,
  repo,
  tag,
  mb,
  compressedMb,
  approximate: true,
  ...(note ? { note } : {}),
});

/** First match wins: within a repository, the specific variants come first. */
export const IMAGE_SIZES: readonly ImageSizeRow[] = [
  row('scratch', /^scratch$/, any, 0, 0, 'empty: no files at all'),
  row('busybox', /^busybox$/, any, 4.3, 2.2),
  row('alpine', /^alpine$/, any, 7.8, 3.6),
  row('debian:*-slim', /^debian$/, /slim/, 75, 28),
  row('debian', /^debian$/, any, 117, 49),
  row('ubuntu', /^ubuntu$/, any, 78, 29),

  row('golang:*-alpine', /^golang$/, /alpine/, 250, 75, 'the Go toolchain: a build stage, not for shipping'),
  row('golang', /^golang$/, any, 820, 290, 'Debian with the Go toolchain: a build stage, not for shipping'),
  row('node:*-alpine', /^node$/, /alpine/, 155, 50),
  row('node:*-slim', /^node$/, /slim/, 220, 75),
  row('node', /^node$/, any, 1100, 390, 'Debian with build tools, git and Python'),
  row('python:*-alpine', /^python$/, /alpine/, 55, 18),
  row('python:*-slim', /^python$/, /slim/, 125, 45),
  row('python', /^python$/, any, 1000, 370, 'Debian with build tools'),
  row('rust:*-alpine', /^rust$/, /alpine/, 850, 290, 'the Rust toolchain: a build stage, not for shipping'),
  row('rust:*-slim', /^rust$/, /slim/, 780, 250, 'the Rust toolchain: a build stage, not for shipping'),
  row('rust', /^rust$/, any, 1500, 550, 'the Rust toolchain on full Debian: a build stage, not for shipping'),
  row('ruby:*-alpine', /^ruby$/, /alpine/, 90, 32),
  row('ruby:*-slim', /^ruby$/, /slim/, 200, 70),
  row('ruby', /^ruby$/, any, 1000, 370),

  row('eclipse-temurin:*-jre-alpine', /^eclipse-temurin$/, /jre.*alpine|alpine.*jre/, 190, 70),
  row('eclipse-temurin:*-alpine (JDK)', /^eclipse-temurin$/, /alpine/, 340, 160, 'a JDK: a build stage, not for shipping'),
  row('eclipse-temurin:*-jre', /^eclipse-temurin$/, /jre/, 270, 95),
  row('eclipse-temurin (JDK)', /^eclipse-temurin$/, any, 460, 190, 'a JDK: a build stage, not for shipping'),
  row('maven', /^maven$/, any, 520, 215, 'Maven on a JDK: a build stage, not for shipping'),
  row('gradle', /^gradle$/, any, 720, 320, 'Gradle on a JDK: a build stage, not for shipping'),

  row('nginx:*-alpine', /^nginx$/, /alpine/, 50, 20),
  row('nginx', /^nginx$/, any, 190, 70),
  row('nginxinc/nginx-unprivileged:*-alpine', /^nginxinc\/nginx-unprivileged$/, /alpine/, 50, 20),
  row('nginxinc/nginx-unprivileged', /^nginxinc\/nginx-unprivileged$/, any, 190, 70),
  row('httpd:*-alpine', /^httpd$/, /alpine/, 60, 22),
  row('httpd', /^httpd$/, any, 150, 55),
  row('caddy', /^caddy$/, any, 50, 18),

  row('gcr.io/distroless/static', /^gcr\.io\/distroless\/static(-debian\d+)?$/, any, 2, 0.8, 'CA certificates, tzdata, /etc/passwd; no shell, no libc'),
  row('gcr.io/distroless/base-nossl', /^gcr\.io\/distroless\/base-nossl(-debian\d+)?$/, any, 14, 5),
  row('gcr.io/distroless/base', /^gcr\.io\/distroless\/base(-debian\d+)?$/, any, 20, 8, 'static plus glibc and OpenSSL'),
  row('gcr.io/distroless/cc', /^gcr\.io\/distroless\/cc(-debian\d+)?$/, any, 23, 9, 'base plus libgcc (Rust, C++)'),
  row('gcr.io/distroless/nodejs', /^gcr\.io\/distroless\/nodejs\d*(-debian\d+)?$/, any, 140, 45),
  row('gcr.io/distroless/python3', /^gcr\.io\/distroless\/python3(-debian\d+)?$/, any, 53, 20),
  row('gcr.io/distroless/java', /^gcr\.io\/distroless\/java\d*(-debian\d+)?$/, any, 225, 85),
  row('cgr.dev/chainguard/static', /^cgr\.dev\/chainguard\/static$/, any, 1.5, 0.7),

  row('mcr.microsoft.com/dotnet/sdk', /^mcr\.microsoft\.com\/dotnet\/sdk$/, any, 850, 290, 'the .NET SDK: a build stage, not for shipping'),
  row('mcr.microsoft.com/dotnet/aspnet', /^mcr\.microsoft\.com\/dotnet\/aspnet$/, any, 220, 90),
  row('mcr.microsoft.com/dotnet/runtime-deps', /^mcr\.microsoft\.com\/dotnet\/runtime-deps$/, any, 120, 45),
  row('mcr.microsoft.com/dotnet/runtime', /^mcr\.microsoft\.com\/dotnet\/runtime$/, any, 195, 80),
];

export interface ImageSize {
  /** approximate uncompressed size in MB */
  mb: number;
  /** approximate compressed (download) size in MB */
  compressedMb: number;
  /** the table row that matched, e.g. `node:*-alpine` */
  matched: string;
  approximate: true;
  asOf: string;
  source: string;
  note?: string;
}

/** `golang:1.22-alpine@sha256:…` -> { repo: 'golang', tag: '1.22-alpine' } */
export function splitReference(ref: string): { repo: string; tag: string } | null {
  if (typeof ref !== 'string') return null;
  let r = ref.trim();
  if (r === '' || r.includes('$') || /\s/.test(r)) return null;
  const at = r.indexOf('@');
  if (at >= 0) r = r.slice(0, at);
  const slash = r.lastIndexOf('/');
  const colon = r.lastIndexOf(':');
  let tag = 'latest';
  if (colon > slash) {
    tag = r.slice(colon + 1);
    r = r.slice(0, colon);
  }
  r = r.toLowerCase().replace(/^(index\.)?docker\.io\//, '').replace(/^registry-1\.docker\.io\//, '').replace(/^library\//, '');
  if (r === '' || tag === '') return null;
  return { repo: r, tag: tag.toLowerCase() };
}

/** The approximate size of a base image reference, or null when the table has no row for it. */
export function approximateSize(ref: string): ImageSize | null {
  const parts = splitReference(ref);
  if (!parts) return null;
  const hit = IMAGE_SIZES.find((r) => r.repo.test(parts.repo) && r.tag.test(parts.tag));
  if (!hit) return null;
  return {
    mb: hit.mb,
    compressedMb: hit.compressedMb,
    matched: hit.label,
    approximate: true,
    asOf: SIZE_TABLE_AS_OF,
    source: SIZE_TABLE_SOURCE,
    ...(hit.note ? { note: hit.note } : {}),
  };
}

/** "~1.1 GB", "~155 MB", "~2 MB", "0 MB" */
export function formatMb(mb: number): string {
  if (mb === 0) return '0 MB';
  if (mb >= 1000) return `~${(mb / 1000).toFixed(1).replace(/\.0$/, '')} GB`;
  if (mb < 10) return `~${mb.toFixed(1).replace(/\.0$/, '')} MB`;
  return `~${Math.round(mb)} MB`;
}

export interface StageBaseSize {
  stage: number;
  /** the image at the root of the stage's FROM chain (`scratch` included) */
  base: string;
  /** the stages between (FROM <stage> hops), nearest first; empty when the stage pulls it itself */
  via: number[];
  size: ImageSize | null;
}

export interface ImageSizeSummary {
  /** the target stage and the image its FROM chain starts from: what ships */
  final: StageBaseSize | null;
  /** the other needed stages (build stages, not shipped) with their root images */
  buildStages: StageBaseSize[];
  /** files the analysis knows to be in the final image (context, heredoc, named copies) */
  finalFiles: number;
  /** with `fileSizes`: bytes of the context files that reach the final image */
  finalContextBytes: number | null;
  /** with `fileSizes`: bytes of the context BuildKit receives (ignored files left out) */
  contextBytes: number | null;
  approximate: true;
  asOf: string;
  /** one or two sentences, every number marked approximate */
  text: string;
}

function rootOf(detail: AnalysisDetail, stage: number): StageBaseSize {
  const a = detail.analysis;
  const via: number[] = [];
  let s = stage;
  while (a.stages[s]?.baseStage !== null && a.stages[s]?.baseStage !== undefined && !via.includes(a.stages[s].baseStage!)) {
    s = a.stages[s].baseStage!;
    via.push(s);
  }
  const base = a.stages[s]?.base ?? '';
  return { stage, base, via, size: approximateSize(base) };
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * What the target ships, in orders of magnitude: its root base image's approximate size, the
 * known final files, and the build stages' bases (pulled for the build, not shipped).
 * `fileSizes` (context path -> bytes) comes from a real folder when the user imported one.
 */
export function imageSizeSummary(detail: AnalysisDetail, fileSizes?: Record<string, number> | null): ImageSizeSummary {
  const a = detail.analysis;
  const chain = new Set(targetChain(detail));
  const final = a.target !== null && a.stages[a.target] ? rootOf(detail, a.target) : null;
  const buildStages = a.needed.filter((s) => !chain.has(s)).map((s) => rootOf(detail, s));
  let finalContextBytes: number | null = null;
  let contextBytes: number | null = null;
  if (fileSizes) {
    finalContextBytes = 0;
    contextBytes = 0;
    for (const [p, st] of Object.entries(a.context)) {
      const n = fileSizes[p];
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) continue;
      if (st !== 'ignored') contextBytes += n;
      if (st === 'final') finalContextBytes += n;
    }
  }
  const sizeText = (b: StageBaseSize) =>
    b.size ? `${b.base} (${formatMb(b.size.mb)}, approximate)` : `${b.base} (size not in the table)`;
  const parts: string[] = [];
  if (final) {
    parts.push(
      `The final image starts from ${sizeText(final)} and adds ${a.final.length} known file${a.final.length === 1 ? '' : 's'}` +
        (finalContextBytes !== null ? ` (${formatBytes(finalContextBytes)} from the context)` : '') +
        ', plus whatever its RUN steps create.',
    );
  } else {
    parts.push('No target stage could be resolved.');
  }
  const pulled = [...new Map(buildStages.filter((b) => b.via.length === 0 || !chain.has(b.via[b.via.length - 1])).map((b) => [b.base, b])).values()];
  if (pulled.length > 0) {
    parts.push(`Build stages use ${pulled.map(sizeText).join(', ')}; they are not shipped.`);
  }
  parts.push(`Sizes are rough approximations as of ${SIZE_TABLE_AS_OF}, not measurements.`);
  return {
    final,
    buildStages,
    finalFiles: a.final.length,
    finalContextBytes,
    contextBytes,
    approximate: true,
    asOf: SIZE_TABLE_AS_OF,
    text: parts.join(' '),
  };
}
