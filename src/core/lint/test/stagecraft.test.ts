/** Stagecraft's own multi-stage rules: fire where they should, silent where they should not. */
import { describe, expect, it } from 'vitest';
import { own } from './helpers.ts';

const lines = (ds: { line: number }[]) => ds.map((d) => d.line);

describe('InstallAfterCopyAll', () => {
  it('flags an install after COPY . . in the same stage', () => {
    const df = 'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\n';
    const ds = own('InstallAfterCopyAll', df);
    expect(lines(ds)).toEqual([4]);
    expect(ds[0].message).toContain("'npm ci' runs after the whole context was copied (line 3)");
    expect(ds[0].severity).toBe('warning');
  });
  it('recognises the common package managers', () => {
    for (const run of [
      'yarn install --frozen-lockfile',
      'yarn',
      'pnpm install --frozen-lockfile',
      'pip install -r requirements.txt',
      'python -m pip install --no-cache-dir -r requirements.txt',
      'poetry install --no-root',
      'uv sync --frozen',
      'go mod download',
      'cargo fetch',
      'bundle install',
      'mvn -B dependency:go-offline',
      './gradlew dependencies',
      'composer install --no-dev',
      'DEBIAN_FRONTEND=noninteractive npm install',
    ]) {
      expect(own('InstallAfterCopyAll', `FROM x:1\nCOPY ./ /src/\nRUN set -e && ${run}\n`), run).toHaveLength(1);
    }
  });
  it('is silent when the manifests are copied and installed first', () => {
    const df = 'FROM node:20 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n';
    expect(own('InstallAfterCopyAll', df)).toEqual([]);
  });
  it('is silent for tool installs, other stages and stages not needed', () => {
    expect(own('InstallAfterCopyAll', 'FROM node:20\nCOPY . .\nRUN npm install -g serve\n')).toEqual([]);
    expect(own('InstallAfterCopyAll', 'FROM node:20 AS a\nCOPY . .\nFROM a\nRUN npm ci\n')).toEqual([]);
    expect(own('InstallAfterCopyAll', 'FROM node:20 AS dev\nCOPY . .\nRUN npm ci\nFROM node:20-slim\nCOPY app.js .\n')).toEqual([]);
    expect(own('InstallAfterCopyAll', 'FROM golang:1.22\nCOPY --from=src . .\nRUN go mod download\n')).toEqual([]);
  });
});

describe('ToolchainInFinalStage', () => {
  it('flags a final stage on a toolchain image, through a base stage too', () => {
    expect(lines(own('ToolchainInFinalStage', 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app\n'))).toEqual([1]);
    expect(lines(own('ToolchainInFinalStage', 'FROM rust:1.80 AS base\nFROM base\n'))).toEqual([2]);
    expect(own('ToolchainInFinalStage', 'FROM maven:3.9-eclipse-temurin-21\n')[0].message).toContain("'maven:3.9-eclipse-temurin-21'");
    expect(own('ToolchainInFinalStage', 'FROM node:20\n')).toHaveLength(1);
    expect(own('ToolchainInFinalStage', 'FROM eclipse-temurin:21\n')).toHaveLength(1);
    expect(own('ToolchainInFinalStage', 'FROM mcr.microsoft.com/dotnet/sdk:8.0\n')).toHaveLength(1);
  });
  it('is silent for runtime images and build stages', () => {
    for (const base of ['node:20-slim', 'node:20-alpine', 'eclipse-temurin:21-jre', 'gcr.io/distroless/static-debian12', 'scratch', 'alpine:3.20']) {
      expect(own('ToolchainInFinalStage', `FROM ${base}\n`), base).toEqual([]);
    }
    expect(own('ToolchainInFinalStage', 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n')).toEqual([]);
  });
  it('judges the target that is built', () => {
    const df = 'FROM golang:1.22 AS build\nFROM scratch AS final\n';
    expect(own('ToolchainInFinalStage', df)).toEqual([]);
    expect(lines(own('ToolchainInFinalStage', df, { target: 'build' }))).toEqual([1]);
  });
});

describe('RootInFinalStage', () => {
  it('flags no USER at the target FROM, and USER root at its line', () => {
    expect(lines(own('RootInFinalStage', 'FROM alpine:3\nRUN true\n'))).toEqual([1]);
    expect(lines(own('RootInFinalStage', 'FROM alpine:3\nUSER app\nUSER root\n'))).toEqual([3]);
    expect(lines(own('RootInFinalStage', 'FROM alpine:3\nUSER 0:0\n'))).toEqual([2]);
  });
  it('is silent with a non-root USER, also one inherited from a base stage', () => {
    expect(own('RootInFinalStage', 'FROM alpine:3\nUSER 10001\n')).toEqual([]);
    expect(own('RootInFinalStage', 'FROM alpine:3 AS base\nUSER app\nFROM base\nRUN true\n')).toEqual([]);
    expect(own('RootInFinalStage', 'FROM alpine:3\nARG U=app\nUSER $U\n')).toEqual([]);
  });
  it('is silent on bases known to be non-root', () => {
    for (const base of ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io/distroless/base:debug-nonroot', 'cgr.dev/chainguard/static:latest', 'bitnami/nginx:1.27']) {
      expect(own('RootInFinalStage', `FROM ${base}\n`), base).toEqual([]);
    }
  });
  it('ignores build stages', () => {
    expect(own('RootInFinalStage', 'FROM alpine:3 AS build\nRUN true\nFROM alpine:3\nCOPY --from=build /x /x\nUSER nobody\n')).toEqual([]);
  });
});

describe('UnpinnedBaseImage', () => {
  it('flags :latest and missing tags in needed stages', () => {
    const ds = own('UnpinnedBaseImage', 'FROM golang AS build\nFROM alpine:latest\nCOPY --from=build /a /a\n');
    expect(lines(ds)).toEqual([1, 2]);
    expect(ds[0].message).toBe("Base image 'golang' has no tag, so it means 'latest': pin a version (and ideally a digest) for reproducible builds");
    expect(ds[1].message).toContain("uses the 'latest' tag");
  });
  it('uses the FROM after ARG expansion', () => {
    expect(lines(own('UnpinnedBaseImage', 'ARG IMG=alpine\nFROM $IMG\n'))).toEqual([2]);
    expect(own('UnpinnedBaseImage', 'ARG V=3.20\nFROM alpine:$V\n')).toEqual([]);
  });
  it('is silent for tags, digests, stages, scratch and stages not needed', () => {
    expect(own('UnpinnedBaseImage', 'FROM alpine:3.20\n')).toEqual([]);
    expect(own('UnpinnedBaseImage', `FROM alpine@sha256:${'a'.repeat(64)}\n`)).toEqual([]);
    expect(own('UnpinnedBaseImage', 'FROM alpine:3 AS base\nFROM base\n')).toEqual([]);
    expect(own('UnpinnedBaseImage', 'FROM scratch\n')).toEqual([]);
    expect(own('UnpinnedBaseImage', 'FROM ubuntu AS unused\nFROM alpine:3\n')).toEqual([]);
  });
});

describe('CopyAllInFinalStage', () => {
  it('flags COPY . into the final stage of a multi-stage build', () => {
    const df = 'FROM node:20 AS build\nCOPY . .\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nCOPY . .\n';
    expect(lines(own('CopyAllInFinalStage', df))).toEqual([6]);
    expect(lines(own('CopyAllInFinalStage', 'FROM a:1 AS b\nFROM c:1\nADD ./ /srv\n'))).toEqual([3]);
  });
  it('is silent in single-stage builds, build stages and for named files', () => {
    expect(own('CopyAllInFinalStage', 'FROM node:20\nCOPY . .\n')).toEqual([]);
    expect(own('CopyAllInFinalStage', 'FROM node:20 AS build\nCOPY . .\nFROM node:20-slim\nCOPY --from=build /app /app\n')).toEqual([]);
    expect(own('CopyAllInFinalStage', 'FROM a:1 AS b\nFROM c:1\nCOPY app.js .\n')).toEqual([]);
  });
});

describe('NoDockerignore', () => {
  const df = 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json .\nCOPY . .\n';
  it('flags a context copied without .dockerignore while it holds .git, node_modules, .env', () => {
    const ds = own('NoDockerignore', df, { files: ['package.json', 'index.js', '.git/HEAD', 'node_modules/x/index.js', '.env'] });
    expect(lines(ds)).toEqual([4]);
    expect(ds[0].message).toContain('.git, node_modules, .env files');
  });
  it('is silent with a .dockerignore, or when nothing heavy is read', () => {
    expect(own('NoDockerignore', df, { files: ['package.json', '.git/HEAD'], dockerignore: '.git\n' })).toEqual([]);
    expect(own('NoDockerignore', df, { files: ['package.json', 'index.js'] })).toEqual([]);
    expect(own('NoDockerignore', 'FROM node:20-slim\nCOPY package.json .\n', { files: ['package.json', '.git/HEAD'] })).toEqual([]);
  });
  it('an empty .dockerignore counts as none', () => {
    expect(own('NoDockerignore', df, { files: ['package.json', '.env'], dockerignore: '# nothing\n' })).toHaveLength(1);
  });
});

describe('SecretInFinalImage', () => {
  it('flags secret-looking files that reach the final image, at the COPY', () => {
    const ds = own('SecretInFinalImage', 'FROM alpine:3\nWORKDIR /app\nCOPY . .\n', { files: ['.env', 'certs/server.key', 'app.py', '.npmrc', '.env.example'] });
    expect(ds.map((d) => [d.line, d.severity])).toEqual([
      [3, 'error'],
      [3, 'error'],
      [3, 'error'],
    ]);
    expect(ds.map((d) => d.message).join('\n')).toContain("Context file '.env' looks like a secret and reaches the final image at /app/.env");
  });
  it('is silent when the file is ignored or only read by a build stage', () => {
    expect(own('SecretInFinalImage', 'FROM alpine:3\nCOPY . .\n', { files: ['.env', 'a'], dockerignore: '.env\n' })).toEqual([]);
    const df = 'FROM alpine:3 AS build\nCOPY . /src\nRUN make\nFROM alpine:3\nCOPY --from=build /src/out /out\n';
    expect(own('SecretInFinalImage', df, { files: ['.env', 'out'] })).toEqual([]);
  });
});

describe('AptListsNotCleaned', () => {
  it('flags apt-get install without cleaning the lists', () => {
    expect(lines(own('AptListsNotCleaned', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n'))).toEqual([2]);
  });
  it('is silent when the lists are removed or cached', () => {
    expect(own('AptListsNotCleaned', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists/*\n')).toEqual([]);
    expect(own('AptListsNotCleaned', 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n')).toEqual([]);
  });
  it('only in stages whose layers ship', () => {
    expect(own('AptListsNotCleaned', 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12-slim\nCOPY --from=build /x /x\n')).toEqual([]);
    expect(lines(own('AptListsNotCleaned', 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y gcc\nFROM base\n'))).toEqual([2]);
  });
});

describe('NoCacheMount', () => {
  it('is info and names the cache target', () => {
    const ds = own('NoCacheMount', 'FROM node:20\nCOPY package.json .\nRUN npm ci\n');
    expect(ds.map((d) => [d.line, d.severity])).toEqual([[3, 'info']]);
    expect(ds[0].message).toContain('--mount=type=cache,target=/root/.npm');
  });
  it('is silent with a cache mount, with explicit no-cache flags, and without package managers', () => {
    expect(own('NoCacheMount', 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm ci\n')).toEqual([]);
    expect(own('NoCacheMount', 'FROM alpine:3\nRUN apk add --no-cache curl\n')).toEqual([]);
    expect(own('NoCacheMount', 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n')).toEqual([]);
    expect(own('NoCacheMount', 'FROM alpine:3\nRUN echo hi\n')).toEqual([]);
  });
  it('only in needed stages', () => {
    expect(own('NoCacheMount', 'FROM node:20 AS dev\nRUN npm ci\nFROM alpine:3\n')).toEqual([]);
  });
});

describe('UnusedStage', () => {
  it('flags an unnamed stage no target builds, listing the targets', () => {
    const df = 'FROM alpine:3\nRUN echo orphan\nFROM alpine:3 AS build\nFROM alpine:3 AS test\nFROM alpine:3\nCOPY --from=build /a /a\n';
    const ds = own('UnusedStage', df);
    expect(ds.map((d) => [d.line, d.severity])).toEqual([[1, 'info']]);
    expect(ds[0].message).toBe('Stage 0 is built by no target: it has no name, is not the last stage and no stage that is built uses it (targets: build, test, stage 3 (default))');
  });
  it('is silent for named stages, referenced stages (also by index) and the last stage', () => {
    expect(own('UnusedStage', 'FROM alpine:3 AS a\nFROM alpine:3\n')).toEqual([]);
    expect(own('UnusedStage', 'FROM alpine:3\nFROM alpine:3\nCOPY --from=0 /a /a\n')).toEqual([]);
    expect(own('UnusedStage', 'FROM alpine:3\n')).toEqual([]);
  });
});
