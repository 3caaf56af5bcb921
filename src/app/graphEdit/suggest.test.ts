import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { argumentWords, instructionsOf, resolvePath, runsOf, suggestCopy, suggestMountTarget } from './suggest.ts';

const suggest = (text: string, from: number | string, to: number) => {
  const analysis = analyze({ dockerfile: text });
  return suggestCopy({ lines: text.split('\n'), analysis, from, to });
};

describe('instructionsOf', () => {
  it('joins continuation lines, skips comments, keeps first lines', () => {
    const lines = ['FROM alpine AS a', '# a comment', 'RUN apk add \\', '    # inside', '    curl', 'WORKDIR /app'];
    expect(instructionsOf(lines, 1, 6)).toEqual([
      { line: 1, keyword: 'FROM', rest: 'alpine AS a', firstLine: 'FROM alpine AS a' },
      { line: 3, keyword: 'RUN', rest: 'apk add curl', firstLine: 'RUN apk add \\' },
      { line: 6, keyword: 'WORKDIR', rest: '/app', firstLine: 'WORKDIR /app' },
    ]);
  });

  it('reads arguments without flags, in shell and JSON form', () => {
    expect(argumentWords('--from=build --chown=1:1 /a /b /dest/')).toEqual(['/a', '/b', '/dest/']);
    expect(argumentWords('--from=x ["/a b", "/c"]')).toEqual(['/a b', '/c']);
  });
});

describe('resolvePath', () => {
  it('joins to the working directory and cleans', () => {
    expect(resolvePath('/src', 'bin/app')).toBe('/src/bin/app');
    expect(resolvePath('/src', '../out/')).toBe('/out/');
    expect(resolvePath('/src', '/abs')).toBe('/abs');
    expect(resolvePath('/', '.')).toBe('/');
  });
});

describe('suggestCopy', () => {
  it('reuses a COPY --from of the same source in another stage', () => {
    const text = 'FROM golang AS build\nRUN go build -o /out/app\nFROM alpine AS a\nCOPY --from=build /out/app /usr/bin/app\nFROM alpine AS b\n';
    expect(suggest(text, 0, 2)).toMatchObject({ src: '/out/app', dest: '/usr/bin/app', reason: 'as line 4 copies it' });
  });

  it('reads -o relative to WORKDIR, ignoring set -o pipefail', () => {
    const text = 'FROM golang AS build\nWORKDIR /src\nRUN set -o pipefail && go build -o bin/server ./cmd\nFROM scratch\n';
    expect(suggest(text, 0, 1)).toMatchObject({ src: '/src/bin/server', dest: '/src/bin/server' });
  });

  it('knows npm builds, cargo, Maven, Gradle and Python environments', () => {
    expect(suggest('FROM node AS b\nWORKDIR /app\nRUN npm ci && npm run build\nFROM nginx\n', 0, 1)).toMatchObject({ src: '/app/dist' });
    expect(suggest('FROM rust AS b\nWORKDIR /w\nRUN cargo build --release\nFROM debian\n', 0, 1)).toMatchObject({ src: '/w/target/release/', dest: '/usr/local/bin/' });
    expect(suggest('FROM maven AS b\nWORKDIR /p\nRUN mvn -B package\nFROM eclipse-temurin:21-jre\n', 0, 1)).toMatchObject({ src: '/p/target/*.jar', dest: '/app/app.jar' });
    expect(suggest('FROM gradle AS b\nWORKDIR /p\nRUN gradle bootJar\nFROM eclipse-temurin:21-jre\n', 0, 1)).toMatchObject({ src: '/p/build/libs/*.jar' });
    expect(suggest('FROM python AS b\nRUN python -m venv /opt/venv\nFROM python:3.13-slim\n', 0, 1)).toMatchObject({ src: '/opt/venv', dest: '/opt/venv' });
    expect(suggest('FROM python AS b\nRUN pip install --prefix=/install -r r.txt\nFROM python:3.13-slim\n', 0, 1)).toMatchObject({ src: '/install' });
  });

  it('falls back to the WORKDIR, then to what the stage copied in', () => {
    expect(suggest('FROM alpine AS a\nWORKDIR /srv\nRUN make\nFROM scratch\n', 0, 1)).toMatchObject({ src: '/srv', reason: 'its WORKDIR' });
    expect(suggest('FROM alpine AS a\nCOPY conf/ /etc/conf/\nFROM scratch\n', 0, 1)).toMatchObject({ src: '/etc/conf/' });
    expect(suggest('FROM alpine AS a\nRUN true\nFROM scratch\n', 0, 1)).toMatchObject({ src: '', dest: '' });
  });

  it('prefers files the final image already takes from the stage', () => {
    const text = 'FROM alpine AS a\nRUN touch /x\nFROM scratch\nCOPY --from=a /x /y\n';
    // the COPY itself is the first rule
    expect(suggest(text, 0, 1)).toMatchObject({ src: '/x', dest: '/y' });
  });

  it('knows a few files of well-known images', () => {
    expect(suggest('FROM scratch\n', 'alpine:3.20', 0)).toMatchObject({ src: '/etc/ssl/certs/ca-certificates.crt' });
    expect(suggest('FROM scratch\n', 'ghcr.io/astral-sh/uv:0.5', 0)).toMatchObject({ src: '/uv /uvx', dest: '/bin/' });
    expect(suggest('FROM scratch\n', 'busybox:1.37', 0)).toMatchObject({ src: '/bin/busybox' });
    expect(suggest('FROM scratch\n', 'example.com/unknown:1', 0)).toMatchObject({ src: '' });
  });
});

describe('runsOf and mount targets', () => {
  it('lists the RUNs of a stage with their first line', () => {
    const text = 'FROM alpine AS a\nRUN one\nFROM alpine AS b\nRUN two \\\n  more\nCOPY . .\nRUN three\n';
    const analysis = analyze({ dockerfile: text });
    expect(runsOf(text.split('\n'), analysis, 1)).toEqual([
      { line: 4, text: 'RUN two \\' },
      { line: 7, text: 'RUN three' },
    ]);
    expect(runsOf(text.split('\n'), analysis, 5)).toEqual([]);
  });

  it('mounts under /mnt by the source name', () => {
    expect(suggestMountTarget('build')).toBe('/mnt/build');
    expect(suggestMountTarget('My Stage!')).toBe('/mnt/my-stage');
    expect(suggestMountTarget('')).toBe('/mnt/source');
  });
});
