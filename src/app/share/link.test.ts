import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import type { Workspace } from '../workspace.ts';
import { emptyWorkspace } from '../workspace.ts';
import {
  SHARE_LIMITS,
  base64UrlToBytes,
  bytesToBase64Url,
  decodeShareLink,
  decoders,
  encodeReadableLink,
  encodeShareFragment,
  encodeShareLink,
  inflateBounded,
  linkLengthWarning,
} from './link.ts';
import { fixturesV1 } from './fixtures.v1.ts';
import { canonicalContextPaths } from '../../core/paths.ts';

const BASE = 'https://stagecraft.example/play/';

/** A fragment link carrying arbitrary bytes as its deflated payload. */
function linkWithDeflated(bytes: Uint8Array): string {
  return `${BASE}#v1=${bytesToBase64Url(deflateSync(bytes))}`;
}
function linkWithJson(value: unknown): string {
  return linkWithDeflated(strToU8(JSON.stringify(value)));
}
/** The JSON text inside a v1 link, for tests that look at the payload itself. */
function payloadOf(link: string): string {
  const b64 = link.slice(link.indexOf('#v1=') + 4);
  const bytes = base64UrlToBytes(b64);
  if (!bytes.ok) throw new Error(bytes.error);
  const raw = inflateBounded(bytes.value, 1 << 22);
  if (!raw.ok) throw new Error(raw.error);
  return new TextDecoder().decode(raw.value);
}
function errorOf(url: string): string {
  const r = decodeShareLink(url);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.error;
}

// Any text, including astral characters and lone surrogate halves ('binary' unit).
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const workspaceArb = (text: fc.Arbitrary<string>, key: fc.Arbitrary<string> = text): fc.Arbitrary<Workspace> =>
  fc.record({
    dockerfile: text,
    // the lists a workspace holds: clean context paths (decoding cleans any other list, see below)
    files: fc.array(text, { maxLength: 40 }).map(canonicalContextPaths),
    dockerignore: text,
    target: fc.option(text, { nil: null }),
    buildArgs: fc.dictionary(key, text, { maxKeys: 8, noNullPrototype: true }),
    example: fc.option(text, { nil: null }),
  });

describe('share form (#v1=...)', () => {
  test('round trip: every workspace decodes to itself', () => {
    fc.assert(
      fc.property(workspaceArb(anyText), (ws) => {
        const link = encodeShareLink(ws, BASE);
        const r = decodeShareLink(link);
        expect(r).toEqual({ ok: true, workspace: ws, source: 'fragment' });
        // A URL object works the same as its string.
        expect(decodeShareLink(new URL(link))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  test('file lists are cleaned as a folder walk would give them: ./a, a//b, /abs, dir/ and .. paths', () => {
    const messy = ['./src/a.go', 'src//a.go', '/abs/x', 'dir/', 'a/../b', '../outside', '.', ''];
    const clean = ['src/a.go', 'abs/x', 'dir', 'b'];
    const ws: Workspace = { ...emptyWorkspace, dockerfile: 'FROM scratch\n', files: messy };
    for (const link of [encodeShareLink(ws, BASE), encodeReadableLink(ws, BASE)]) {
      const r = decodeShareLink(link);
      expect(r.ok && r.workspace?.files).toEqual(clean);
    }
  });

  test('round trip with large workspaces (thousands of files)', () => {
    const files = Array.from({ length: 3000 }, (_, i) => `node_modules/pkg-${i % 97}/lib/file-${i}.js`);
    const ws: Workspace = { ...emptyWorkspace, dockerfile: 'FROM node:22-alpine\nCOPY . .\n'.repeat(200), files };
    const link = encodeShareLink(ws, BASE);
    expect(decodeShareLink(link)).toEqual({ ok: true, workspace: ws, source: 'fragment' });
  });

  test('only non-default fields are written, with short keys', () => {
    expect(payloadOf(encodeShareLink(emptyWorkspace, BASE))).toBe('{}');
    expect(JSON.parse(payloadOf(encodeShareLink({ ...emptyWorkspace, dockerfile: 'FROM scratch\n', target: 'x' }, BASE)))).toEqual({
      d: 'FROM scratch\n',
      t: 'x',
    });
    const full: Workspace = { dockerfile: 'd', files: ['f'], dockerignore: 'i', target: 't', buildArgs: { K: 'V' }, example: 'e' };
    expect(JSON.parse(payloadOf(encodeShareLink(full, BASE)))).toEqual({ d: 'd', f: ['f'], i: 'i', t: 't', a: [['K', 'V']], e: 'e' });
  });

  test('the version is explicit and there is a decoder for it', () => {
    expect(encodeShareFragment(emptyWorkspace)).toMatch(/^v1=[A-Za-z0-9_-]+$/);
    expect(Object.keys(decoders)).toContain('1');
  });

  test('the base URL keeps its path and unrelated query, loses workspace params and its old fragment', () => {
    const link = encodeShareLink(emptyWorkspace, 'http://localhost:5173/app/?debug=1&dockerfile=FROM%20x&target=a#v1=old');
    expect(link).toBe('http://localhost:5173/app/?debug=1#v1=q64FAA');
  });

  test('frozen v1 fixtures decode to the same workspace forever', () => {
    expect(fixturesV1.length).toBeGreaterThanOrEqual(4);
    for (const f of fixturesV1) {
      expect(decodeShareLink(f.link), f.name).toEqual({ ok: true, workspace: f.workspace, source: 'fragment' });
    }
  });

  test('whitespace that crept into a copied link is ignored', () => {
    const ws: Workspace = { ...emptyWorkspace, dockerfile: 'FROM alpine:3.20\n' };
    const link = encodeShareLink(ws, BASE);
    const cut = link.length - 10;
    expect(decodeShareLink(`${link.slice(0, cut)}\n  ${link.slice(cut)}`)).toEqual({ ok: true, workspace: ws, source: 'fragment' });
  });
});

describe('bad share links give a clear error and never throw', () => {
  const good = fixturesV1[1].link;

  test('truncated', () => {
    for (const cut of [1, 2, 5, 20, 60]) {
      expect(errorOf(good.slice(0, good.length - cut))).toMatch(/incomplete|cut off|damaged/);
    }
    expect(errorOf(`${BASE}#v1=`)).toMatch(/incomplete/);
    expect(errorOf(`${BASE}#v1`)).toMatch(/incomplete/);
    expect(errorOf(good.slice(0, good.length - 2))).toMatch(/cut off/);
  });

  test('every truncation of a real link is an error, not a different workspace', () => {
    const start = good.indexOf('#v1=') + 4;
    for (let end = start; end < good.length; end++) {
      const r = decodeShareLink(good.slice(0, end));
      expect(r.ok, `cut at ${end}`).toBe(false);
    }
  });

  test('corrupted characters', () => {
    expect(errorOf(`${good.slice(0, -10)}!${good.slice(-9)}`)).toMatch(/character that can’t appear in a share link \(“!”/);
    expect(errorOf(`${good.slice(0, -10)}é${good.slice(-9)}`)).toMatch(/can’t appear/); // percent-encoded by URL
  });

  test('corrupted data: random changes never throw and never crash', () => {
    const start = good.indexOf('#v1=') + 4;
    fc.assert(
      fc.property(fc.integer({ min: start, max: good.length - 1 }), fc.constantFrom(...'ABCxyz019-_'), (i, c) => {
        const r = decodeShareLink(good.slice(0, i) + c + good.slice(i + 1));
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.error).toMatch(/^This share link can’t be opened: /);
      }),
      { numRuns: 500 },
    );
  });

  test('corrupted deflate stream', () => {
    expect(errorOf(`${BASE}#v1=${bytesToBase64Url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))}`)).toMatch(/compressed data is damaged/);
  });

  test('unknown versions', () => {
    expect(errorOf(`${BASE}#v2=q64FAA`)).toMatch(/share format v2.*reads only v1.*newer Stagecraft/);
    expect(errorOf(`${BASE}#v99999999999999999999=abc`)).toMatch(/newer Stagecraft/);
    expect(errorOf(`${BASE}#v0=q64FAA`)).toMatch(/not a share format Stagecraft knows/);
    expect(errorOf(`${BASE}#v01=q64FAA`)).toMatch(/not a share format Stagecraft knows/);
  });

  test('oversized links are refused before decoding', () => {
    const payload = 'A'.repeat(SHARE_LIMITS.maxFragmentChars + 1);
    const t0 = performance.now();
    expect(errorOf(`${BASE}#v1=${payload}`)).toMatch(/too large \(256 KiB of text; the limit is 256 KiB\)/);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(errorOf(`${BASE}#v1=${'A'.repeat(SHARE_LIMITS.maxUrlChars)}`)).toMatch(/too large/);
  });

  test('decompression bombs stop at the output limit', () => {
    // 64 MiB of one repeated byte compresses to ~64 KiB, within the text limit.
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024).fill(0x20), { level: 9 });
    const link = `${BASE}#v1=${bytesToBase64Url(bomb)}`;
    expect(link.length).toBeLessThan(SHARE_LIMITS.maxFragmentChars);
    const t0 = performance.now();
    expect(errorOf(link)).toMatch(/expands to more than 4 MiB/);
    expect(performance.now() - t0).toBeLessThan(2000);
    // Just under the limit still decodes (as far as the JSON check).
    expect(errorOf(linkWithDeflated(new Uint8Array(SHARE_LIMITS.maxDecodedBytes).fill(0x20)))).toMatch(/not valid data/);
  });

  test('content that is not UTF-8', () => {
    expect(errorOf(linkWithDeflated(new Uint8Array([0x7b, 0x22, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])))).toMatch(/not valid UTF-8/);
    expect(errorOf(linkWithDeflated(new Uint8Array([0xed, 0xa0, 0x80])))).toMatch(/not valid UTF-8/); // encoded surrogate
  });

  test('content that is not JSON', () => {
    expect(errorOf(linkWithDeflated(strToU8('FROM alpine')))).toMatch(/not valid data/);
    expect(errorOf(linkWithDeflated(strToU8('')))).toMatch(/not valid data/);
  });

  test('JSON of the wrong shape', () => {
    const cases: [unknown, RegExp][] = [
      [null, /not an object/],
      [[], /not an object/],
      ['FROM alpine', /not an object/],
      [42, /not an object/],
      [{ d: 1 }, /the Dockerfile must be text/],
      [{ d: null }, /the Dockerfile must be text/],
      [{ f: 'a,b' }, /the file list must be a list of paths/],
      [{ f: ['a', 2] }, /item 2 is not/],
      [{ i: ['x'] }, /the \.dockerignore must be text/],
      [{ t: null }, /the target must be text/],
      [{ t: 3 }, /the target must be text/],
      [{ a: { K: 'V' } }, /list of \[key, value\] pairs/],
      [{ a: [['K']] }, /build argument 1 is not a \[key, value\] pair/],
      [{ a: [['K', 'V', 'W']] }, /build argument 1/],
      [{ a: [['K', 1]] }, /build argument 1/],
      [{ a: [['K', 'V'], ['K', 'W']] }, /"K" appears twice/],
      [{ e: false }, /the example id must be text/],
      [{ dockerfile: 'FROM x' }, /unknown field “dockerfile”/],
      [{ d: 'x', z: 1 }, /unknown field “z”/],
    ];
    for (const [value, message] of cases) {
      const error = errorOf(linkWithJson(value));
      expect(error, JSON.stringify(value)).toMatch(/^This share link can’t be opened: its content is not a valid workspace \(/);
      expect(error, JSON.stringify(value)).toMatch(message);
    }
  });

  test('"__proto__" keys are plain data', () => {
    const link = linkWithDeflated(strToU8('{"a":[["__proto__","x"]],"d":"FROM x"}'));
    const r = decodeShareLink(link);
    expect(r.ok && r.workspace?.buildArgs).toEqual(Object.fromEntries([['__proto__', 'x']]));
    expect(r.ok && Object.getPrototypeOf(r.workspace?.buildArgs)).toBe(Object.prototype);
    const r2 = decodeShareLink(linkWithDeflated(strToU8('{"__proto__":{"d":"x"}}')));
    expect(r2.ok).toBe(false);
  });

  test('arbitrary junk never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (junk) => {
        for (const url of [junk, `${BASE}#v1=${junk}`, `${BASE}?${junk}`, `${BASE}?dockerfile=${junk}`]) {
          const r = decodeShareLink(url);
          expect(typeof r.ok).toBe('boolean');
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(typeof decodeShareLink(`${BASE}#v1=${bytesToBase64Url(bytes)}`).ok).toBe('boolean');
        expect(typeof decodeShareLink(linkWithDeflated(bytes)).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('readable form (?dockerfile=...)', () => {
  // Percent-encoding needs well-formed text; the readable form drops empty paths and needs a KEY.
  const wellFormed = fc.string({ unit: 'grapheme', maxLength: 120 });
  const readableWs = workspaceArb(wellFormed, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })).map((ws) => ({
    ...ws,
    files: ws.files,
    target: ws.target === '' ? null : ws.target,
  }));

  test('round trip', () => {
    fc.assert(
      fc.property(readableWs, (ws) => {
        expect(decodeShareLink(encodeReadableLink(ws, BASE))).toEqual({ ok: true, workspace: ws, source: 'query' });
      }),
      { numRuns: 300 },
    );
  });

  test('the link is readable', () => {
    const ws: Workspace = {
      dockerfile: 'FROM golang:1.23 AS build\nCOPY . .\nCMD ["/app"]\n',
      files: ['go.mod', 'cmd/app/main.go', 'odd,name.txt'],
      dockerignore: '.git\n',
      target: 'build',
      buildArgs: { GOOS: 'linux', 'X': 'a=b' },
      example: null,
    };
    expect(encodeReadableLink(ws, 'http://localhost:5173/#v1=old')).toBe(
      'http://localhost:5173/?dockerfile=FROM%20golang:1.23%20AS%20build%0ACOPY%20.%20.%0ACMD%20%5B%22/app%22%5D%0A' +
        '&dockerignore=.git%0A&files=go.mod,cmd/app/main.go,odd%2Cname.txt&target=build&build-arg=GOOS=linux&build-arg=X=a%3Db',
    );
  });

  test('hand-written links, as tutorials write them', () => {
    expect(
      decodeShareLink(
        'http://localhost:5173/?dockerfile=FROM%20alpine%3A3.20%0ARUN%20echo%20hi&files=a.txt,b/c.txt,&target=Build&build-arg=A=1&build-arg=B=x=y&utm_source=blog',
      ),
    ).toEqual({
      ok: true,
      source: 'query',
      workspace: { dockerfile: 'FROM alpine:3.20\nRUN echo hi', files: ['a.txt', 'b/c.txt'], dockerignore: '', target: 'Build', buildArgs: { A: '1', B: 'x=y' }, example: null },
    });
    // As encodeURIComponent writes them (KEY=VALUE encoded as a whole).
    expect(decodeShareLink(`http://x/?dockerfile=${encodeURIComponent('FROM scratch\nCOPY ü /')}&build-arg=${encodeURIComponent('K=v w')}`)).toEqual({
      ok: true,
      source: 'query',
      workspace: { ...emptyWorkspace, dockerfile: 'FROM scratch\nCOPY ü /', buildArgs: { K: 'v w' } },
    });
    // Typed into the address bar: spaces and non-ASCII are encoded by the browser; + is a plus.
    expect(decodeShareLink('http://x/?dockerfile=FROM alpine é%0ARUN apk add g++')).toMatchObject({
      ok: true,
      workspace: { dockerfile: 'FROM alpine é\nRUN apk add g++' },
    });
    // An empty target is the default target; a repeated build-arg: the last wins (as in docker build).
    expect(decodeShareLink('http://x/?dockerfile=FROM%20x&target=&build-arg=K=1&build-arg=K=2')).toMatchObject({
      ok: true,
      workspace: { target: null, buildArgs: { K: '2' } },
    });
  });

  test('errors', () => {
    expect(errorOf('http://x/?dockerfile=%ZZ')).toMatch(/dockerfile= value is not valid percent-encoded UTF-8/);
    expect(errorOf('http://x/?dockerfile=%FF%FE')).toMatch(/not valid percent-encoded UTF-8/);
    expect(errorOf('http://x/?dockerfile=a&files=%E0%A4')).toMatch(/files= value/);
    expect(errorOf('http://x/?dockerfile=a&dockerfile=b')).toMatch(/dockerfile= appears more than once/);
    expect(errorOf('http://x/?target=build')).toMatch(/no dockerfile= parameter/);
    expect(errorOf('http://x/?dockerfile=a&build-arg=NOVALUE')).toMatch(/should be build-arg=KEY=VALUE/);
    expect(errorOf('http://x/?dockerfile=a&build-arg==v')).toMatch(/has no KEY/);
    expect(errorOf(`http://x/?dockerfile=${'a'.repeat(SHARE_LIMITS.maxQueryChars)}`)).toMatch(/too large/);
  });
});

describe('which form', () => {
  test('no workspace in the link', () => {
    for (const url of ['http://localhost:5173/', 'http://localhost:5173/#top', 'http://localhost:5173/?utm_source=x#v2-notes', '/', '']) {
      expect(decodeShareLink(url), url).toEqual({ ok: true, workspace: null });
    }
  });

  test('the fragment wins over the query', () => {
    const link = encodeShareLink({ ...emptyWorkspace, dockerfile: 'FROM b' }, 'http://x/?keep=1');
    const both = link.replace('?keep=1', '?dockerfile=FROM%20a');
    expect(decodeShareLink(both)).toMatchObject({ ok: true, source: 'fragment', workspace: { dockerfile: 'FROM b' } });
  });

  test('a relative link or bare fragment works', () => {
    const frag = encodeShareFragment({ ...emptyWorkspace, dockerfile: 'FROM b' });
    expect(decodeShareLink(`#${frag}`)).toMatchObject({ ok: true, workspace: { dockerfile: 'FROM b' } });
    expect(decodeShareLink('?dockerfile=FROM%20c')).toMatchObject({ ok: true, workspace: { dockerfile: 'FROM c' } });
  });
});

describe('linkLengthWarning', () => {
  test('thresholds', () => {
    expect(linkLengthWarning('x'.repeat(2000))).toBeNull();
    expect(linkLengthWarning('x'.repeat(2001))).toMatch(/2,001 characters.*about 2,000/);
    expect(linkLengthWarning('x'.repeat(8001))).toMatch(/8,001 characters.*over 8,000/);
  });
});
