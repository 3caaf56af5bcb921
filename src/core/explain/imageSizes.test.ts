/** The approximate base image size table: matching, honesty markers, and the summary. */
import { describe, expect, it } from 'vitest';
import { approximateSize, formatMb, IMAGE_SIZES, imageSizeSummary, SIZE_TABLE_AS_OF, splitReference } from './imageSizes.ts';
import { detailOf, DIAMOND, NODE_FILES, NODE_GOOD, NODE_IGNORE, NODE_WRONG } from './fixtures.ts';

describe('approximateSize', () => {
  it.each([
    ['golang:1.22-alpine', 'golang:*-alpine'],
    ['golang:1.23.4-alpine3.20', 'golang:*-alpine'],
    ['golang:1.22', 'golang'],
    ['golang:1.22-bookworm', 'golang'],
    ['node:22.12.0-alpine3.21', 'node:*-alpine'],
    ['node:lts-slim', 'node:*-slim'],
    ['node:22', 'node'],
    ['node', 'node'],
    ['docker.io/library/node:20-bookworm-slim', 'node:*-slim'],
    ['library/python:3.12-slim-bookworm', 'python:*-slim'],
    ['python:3.13-alpine', 'python:*-alpine'],
    ['python:3.12', 'python'],
    ['rust:1-slim-bookworm', 'rust:*-slim'],
    ['rust:1.83', 'rust'],
    ['eclipse-temurin:21-jre-alpine', 'eclipse-temurin:*-jre-alpine'],
    ['eclipse-temurin:21-jdk-alpine', 'eclipse-temurin:*-alpine (JDK)'],
    ['eclipse-temurin:21-jre', 'eclipse-temurin:*-jre'],
    ['eclipse-temurin:21', 'eclipse-temurin (JDK)'],
    ['maven:3.9-eclipse-temurin-21', 'maven'],
    ['gradle:8-jdk21', 'gradle'],
    ['nginx:1.27-alpine', 'nginx:*-alpine'],
    ['nginx:stable', 'nginx'],
    ['debian:bookworm-slim', 'debian:*-slim'],
    ['debian:12', 'debian'],
    ['ubuntu:24.04', 'ubuntu'],
    ['alpine:3.20', 'alpine'],
    ['alpine', 'alpine'],
    ['busybox:1.36-musl', 'busybox'],
    ['scratch', 'scratch'],
    ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io/distroless/static'],
    ['gcr.io/distroless/static', 'gcr.io/distroless/static'],
    ['gcr.io/distroless/base-debian12', 'gcr.io/distroless/base'],
    ['gcr.io/distroless/base-nossl-debian12', 'gcr.io/distroless/base-nossl'],
    ['gcr.io/distroless/cc-debian12:latest', 'gcr.io/distroless/cc'],
    ['gcr.io/distroless/nodejs22-debian12', 'gcr.io/distroless/nodejs'],
    ['gcr.io/distroless/python3-debian12', 'gcr.io/distroless/python3'],
    ['gcr.io/distroless/java21-debian12', 'gcr.io/distroless/java'],
    ['mcr.microsoft.com/dotnet/runtime-deps:8.0', 'mcr.microsoft.com/dotnet/runtime-deps'],
    ['alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'alpine'],
  ])('%s -> %s', (ref, label) => {
    const s = approximateSize(ref);
    expect(s).not.toBeNull();
    expect(s!.matched).toBe(label);
    expect(s!.approximate).toBe(true);
    expect(s!.asOf).toBe(SIZE_TABLE_AS_OF);
  });

  it('unknown, variable or malformed references have no size', () => {
    for (const ref of ['mycompany/app:1', 'golang:${GO_VERSION}', '', '  ', 'build', 'ghcr.io/org/node:22', 'a b']) {
      expect(approximateSize(ref)).toBeNull();
    }
  });

  it('orders of magnitude hold: full > slim > alpine, toolchains > runtimes, distroless static is tiny', () => {
    const mb = (r: string) => approximateSize(r)!.mb;
    expect(mb('node:22')).toBeGreaterThan(mb('node:22-slim'));
    expect(mb('node:22-slim')).toBeGreaterThan(mb('node:22-alpine'));
    expect(mb('python:3.12')).toBeGreaterThan(mb('python:3.12-slim'));
    expect(mb('python:3.12-slim')).toBeGreaterThan(mb('python:3.12-alpine'));
    expect(mb('golang:1.22')).toBeGreaterThan(10 * mb('alpine:3.20'));
    expect(mb('eclipse-temurin:21')).toBeGreaterThan(mb('eclipse-temurin:21-jre'));
    expect(mb('gcr.io/distroless/static')).toBeLessThan(mb('alpine'));
    expect(mb('scratch')).toBe(0);
  });

  it('every row is marked approximate, with a compressed size no larger than the unpacked one', () => {
    expect(IMAGE_SIZES.length).toBeGreaterThanOrEqual(40);
    for (const r of IMAGE_SIZES) {
      expect(r.approximate).toBe(true);
      expect(r.compressedMb).toBeLessThanOrEqual(r.mb);
      expect(r.mb).toBeGreaterThanOrEqual(0);
    }
    expect(SIZE_TABLE_AS_OF).toMatch(/^\d{4}-\d{2}$/);
  });

  it('splitReference and formatMb', () => {
    expect(splitReference('docker.io/library/golang:1.22')).toEqual({ repo: 'golang', tag: '1.22' });
    expect(splitReference('localhost:5000/app')).toEqual({ repo: 'localhost:5000/app', tag: 'latest' });
    expect(formatMb(1100)).toBe('~1.1 GB');
    expect(formatMb(155)).toBe('~155 MB');
    expect(formatMb(7.8)).toBe('~7.8 MB');
    expect(formatMb(0)).toBe('0 MB');
  });
});

describe('imageSizeSummary', () => {
  it('multi-stage: the shipped base, the known files and the build stages', () => {
    const s = imageSizeSummary(detailOf(NODE_GOOD, NODE_FILES, NODE_IGNORE));
    expect(s.final).toMatchObject({ stage: 1, base: 'node:22-alpine', via: [] });
    expect(s.final!.size!.matched).toBe('node:*-alpine');
    expect(s.buildStages.map((b) => [b.stage, b.base])).toEqual([[0, 'node:22-alpine']]);
    expect(s.finalFiles).toBe(3);
    expect(s.approximate).toBe(true);
    expect(s.text).toBe(
      'The final image starts from node:22-alpine (~155 MB, approximate) and adds 3 known files, plus whatever its RUN steps create. ' +
        'Build stages use node:22-alpine (~155 MB, approximate); they are not shipped. ' +
        `Sizes are rough approximations as of ${SIZE_TABLE_AS_OF}, not measurements.`,
    );
  });

  it('single stage on the full image: the before of the before/after', () => {
    const s = imageSizeSummary(detailOf(NODE_WRONG, NODE_FILES, NODE_IGNORE), { 'package.json': 1000, 'src/index.ts': 2000, 'README.md': 5000 });
    expect(s.final!.size!.mb).toBeGreaterThanOrEqual(1000);
    expect(s.buildStages).toEqual([]);
    expect(s.finalContextBytes).toBe(3000);
    expect(s.contextBytes).toBe(3000);
    expect(s.text).toContain('node:22 (~1.1 GB, approximate)');
    expect(s.text).toContain('(2.9 kB from the context)');
  });

  it('a target built FROM stages: the root image, and the stages between', () => {
    const s = imageSizeSummary(detailOf(DIAMOND, [], null, 'report'));
    expect(s.final).toMatchObject({ stage: 4, base: 'scratch', via: [3] });
    expect(s.final!.size!.mb).toBe(0);
    expect(s.buildStages.map((b) => [b.stage, b.base, b.via])).toEqual([
      [0, 'golang:1.22', []],
      [1, 'golang:1.22', [0]],
    ]);
    expect(s.text).toContain('Build stages use golang:1.22 (~820 MB, approximate); they are not shipped.');
  });
});
