/**
 * Share links: the whole workspace in a URL, in two forms (shared/CONTRACT.md section 4).
 *
 * - Share form (the share button): `#v1=<base64url(deflateRaw(utf8(JSON)))>` in the fragment,
 *   which browsers never send to a server. The JSON holds only non-default fields, with short
 *   keys. The version is explicit, and `decoders` keeps a decoder for every version ever shipped,
 *   forever: a link made today opens the same way in every later release.
 * - Readable form (hand-written by tutorials):
 *   `?dockerfile=<text>&dockerignore=<text>&files=a,b&target=<name>&build-arg=K=V&build-arg=...`
 *
 * Compression is fflate (small, fast, and synchronous, so decoding a link needs no async
 * plumbing before the first render; raw DEFLATE, no zlib/gzip header).
 *
 * The format is written down in ./FORMAT.md. Everything read from a link is untrusted: sizes are
 * checked before decoding, decompression output is bounded, the UTF-8 decoder is fatal, and
 * every field is type-checked. Decoding never throws. Strings returned are plain data: the UI
 * must render them as text, never as HTML.
 */
import { deflateSync, Inflate } from 'fflate';
import type { Workspace } from '../workspace.ts';
import { buildArgsFromPairs, checkString, checkStringList, isPlainObject, truncate, type Checked } from './validate.ts';
import { canonicalContextPaths } from '../../core/paths.ts';

/** The version written by `encodeShareLink`. */
export const SHARE_FORMAT_VERSION = 1;

export const SHARE_LIMITS = {
  /** a whole URL longer than this is refused before it is even parsed */
  maxUrlChars: 1024 * 1024,
  /** the fragment payload (after `v1=`) is refused above this, before any decoding */
  maxFragmentChars: 256 * 1024,
  /** the query string of a readable link is refused above this, before any decoding */
  maxQueryChars: 256 * 1024,
  /** decompressed bytes; decompression stops as soon as it goes past this (decompression bombs) */
  maxDecodedBytes: 4 * 1024 * 1024,
  /** links longer than this get a warning: many chat tools and mail clients cut them */
  warnChars: 2000,
  /** links longer than this get a stronger warning: browsers, servers and proxies refuse them */
  hardWarnChars: 8000,
} as const;

export type DecodeShareLinkResult =
  | { ok: true; workspace: Workspace; source: 'fragment' | 'query' }
  | { ok: false; error: string }
  | { ok: true; workspace: null };

const BAD = 'This share link can’t be opened: ';

// ---------------------------------------------------------------------------------------------
// base64url (RFC 4648 section 5, no padding)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX: Int16Array = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

export function bytesToBase64Url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  for (let i = 0; i < n; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < n ? bytes[i + 1] : 0;
    const b2 = i + 2 < n ? bytes[i + 2] : 0;
    chunk += B64[b0 >> 2] + B64[((b0 & 3) << 4) | (b1 >> 4)];
    if (i + 1 < n) chunk += B64[((b1 & 15) << 2) | (b2 >> 6)];
    if (i + 2 < n) chunk += B64[b2 & 63];
    if (chunk.length > 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

export function base64UrlToBytes(text: string): Checked<Uint8Array> {
  // Tolerate the padding some tools add.
  const s = text.replace(/={1,2}$/, '');
  if (s.length % 4 === 1) {
    return { ok: false, error: `${BAD}it is incomplete (the encoded data has a wrong length). It may have been cut off when it was copied.` };
  }
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64_INDEX[c] : -1;
    if (v < 0) {
      return {
        ok: false,
        error: `${BAD}it contains a character that can’t appear in a share link (“${truncate(String.fromCodePoint(s.codePointAt(i) ?? c), 4)}” at position ${i + 1}). It may have been damaged when it was copied.`,
      };
    }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, value: out.subarray(0, o) };
}

// ---------------------------------------------------------------------------------------------
// bounded raw-DEFLATE decompression

class TooLarge extends Error {}

/**
 * Inflates raw DEFLATE data, feeding fflate's streaming Inflate 1 KiB of input at a time and
 * counting output bytes as they come. DEFLATE expands at most ~1032:1, so one step produces at
 * most ~1 MiB, and the total never goes much past `maxOut` before it stops.
 */
export function inflateBounded(data: Uint8Array, maxOut: number): Checked<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxOut) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    const step = 1024;
    for (let i = 0; i < data.length; i += step) inflater.push(data.subarray(i, Math.min(i + step, data.length)), false);
    inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof TooLarge) {
      return { ok: false, error: `${BAD}its content expands to more than ${formatBytes(maxOut)}, which is more than any real workspace.` };
    }
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 0) {
      return { ok: false, error: `${BAD}it is incomplete (the compressed data ends early). It may have been cut off when it was copied.` };
    }
    return { ok: false, error: `${BAD}its compressed data is damaged. It may have been changed when it was copied.` };
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { ok: true, value: out };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

const utf8Encoder = new TextEncoder();

function decodeUtf8(bytes: Uint8Array): Checked<string> {
  try {
    // fatal: invalid UTF-8 is an error, not U+FFFD; ignoreBOM: a leading BOM stays in the text.
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, error: `${BAD}its content is not valid UTF-8 text.` };
  }
}

// ---------------------------------------------------------------------------------------------
// version 1

/**
 * Version 1 payload: a JSON object with only the non-default fields. Frozen forever; a change
 * of shape means a new version and a new decoder, never an edit here.
 */
interface PayloadV1 {
  /** dockerfile (default '') */
  d?: string;
  /** context files (default []) */
  f?: string[];
  /** .dockerignore text (default '') */
  i?: string;
  /** target (default null = last stage) */
  t?: string;
  /** build args as [key, value] pairs, in order (default none) */
  a?: [string, string][];
  /** example id (default null) */
  e?: string;
}

function toPayloadV1(ws: Workspace): PayloadV1 {
  const p: PayloadV1 = {};
  if (ws.dockerfile !== '') p.d = ws.dockerfile;
  if (ws.files.length > 0) p.f = [...ws.files];
  if (ws.dockerignore !== '') p.i = ws.dockerignore;
  if (ws.target !== null) p.t = ws.target;
  const args = Object.entries(ws.buildArgs);
  if (args.length > 0) p.a = args;
  if (ws.example !== null) p.e = ws.example;
  return p;
}

function invalid(reason: string): { ok: false; error: string } {
  return { ok: false, error: `${BAD}its content is not a valid workspace (${reason}).` };
}

function fromPayloadV1(v: unknown): Checked<Workspace> {
  if (!isPlainObject(v)) return invalid('not an object');
  for (const k of Object.keys(v)) {
    if (!['d', 'f', 'i', 't', 'a', 'e'].includes(k)) return invalid(`unknown field “${truncate(k)}”`);
  }
  const ws: Workspace = { dockerfile: '', files: [], dockerignore: '', target: null, buildArgs: {}, example: null };
  if ('d' in v) {
    const r = checkString(v.d, 'the Dockerfile');
    if (!r.ok) return invalid(r.error);
    ws.dockerfile = r.value;
  }
  if ('f' in v) {
    const r = checkStringList(v.f, 'the file list');
    if (!r.ok) return invalid(r.error);
    ws.files = canonicalContextPaths(r.value);
  }
  if ('i' in v) {
    const r = checkString(v.i, 'the .dockerignore');
    if (!r.ok) return invalid(r.error);
    ws.dockerignore = r.value;
  }
  if ('t' in v) {
    const r = checkString(v.t, 'the target');
    if (!r.ok) return invalid(r.error);
    ws.target = r.value;
  }
  if ('a' in v) {
    const a = v.a;
    if (!Array.isArray(a)) return invalid('the build arguments must be a list of [key, value] pairs');
    const pairs: [string, string][] = [];
    for (let i = 0; i < a.length; i++) {
      const pair: unknown = a[i];
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
        return invalid(`build argument ${i + 1} is not a [key, value] pair of text`);
      }
      pairs.push([pair[0], pair[1]]);
    }
    const r = buildArgsFromPairs(pairs, 'the build arguments');
    if (!r.ok) return invalid(r.error);
    ws.buildArgs = r.value;
  }
  if ('e' in v) {
    const r = checkString(v.e, 'the example id');
    if (!r.ok) return invalid(r.error);
    ws.example = r.value;
  }
  return { ok: true, value: ws };
}

function encodeV1(ws: Workspace): string {
  const json = JSON.stringify(toPayloadV1(ws));
  return bytesToBase64Url(deflateSync(utf8Encoder.encode(json), { level: 9 }));
}

function decodeV1(payload: string): Checked<Workspace> {
  const bytes = base64UrlToBytes(payload);
  if (!bytes.ok) return bytes;
  const raw = inflateBounded(bytes.value, SHARE_LIMITS.maxDecodedBytes);
  if (!raw.ok) return raw;
  const text = decodeUtf8(raw.value);
  if (!text.ok) return text;
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch {
    return { ok: false, error: `${BAD}its content is not valid data. It may have been damaged when it was copied.` };
  }
  return fromPayloadV1(json);
}

/**
 * One decoder per format version ever shipped, kept forever. Each owns its whole pipeline
 * (text -> workspace), so a later version may change the encoding, compression or fields.
 */
export const decoders: Readonly<Record<number, (payload: string) => Checked<Workspace>>> = Object.freeze({
  1: decodeV1,
});

// ---------------------------------------------------------------------------------------------
// share form

/** The fragment without '#': `v1=...`. */
export function encodeShareFragment(ws: Workspace): string {
  return `v${SHARE_FORMAT_VERSION}=${encodeV1(ws)}`;
}

const QUERY_KEYS = ['dockerfile', 'dockerignore', 'files', 'target', 'build-arg', 'example'] as const;

function baseWithout(baseUrl: string): URL {
  const u = new URL(baseUrl);
  for (const k of QUERY_KEYS) u.searchParams.delete(k);
  u.hash = '';
  return u;
}

function urlWithoutHash(u: URL): string {
  return u.href.replace(/#.*$/s, '');
}

/** A link to `baseUrl` (its path and unrelated query kept) that opens `ws`. */
export function encodeShareLink(ws: Workspace, baseUrl: string): string {
  return `${urlWithoutHash(baseWithout(baseUrl))}#${encodeShareFragment(ws)}`;
}

// ---------------------------------------------------------------------------------------------
// readable form

/**
 * Percent-encodes for a query value, leaving readable characters as they are: unreserved
 * characters plus `: / @ ! * $` (and `,` unless it separates list items). Everything else,
 * space, `+ & = # % , ; ' ( ) [ ] " < > {}` and all non-ASCII included, is UTF-8
 * percent-encoded. Parentheses are encoded so the link survives inside a Markdown link.
 */
function encodeQueryValue(s: string, commaSafe: boolean): string {
  let out = '';
  for (const b of utf8Encoder.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-._~:/@!*$]/.test(c) || (commaSafe && c === ',')) out += c;
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The readable form of a workspace (`?dockerfile=...`), for "open in Stagecraft" links in
 * tutorials. Paths containing `,` are percent-encoded inside `files=`, so they survive.
 * Text that is not well-formed UTF-16 (lone surrogates) cannot be percent-encoded exactly and
 * becomes U+FFFD; the share form keeps it.
 */
export function encodeReadableLink(ws: Workspace, baseUrl: string): string {
  const u = baseWithout(baseUrl);
  const params: string[] = [];
  const rest = u.search.replace(/^\?/, '');
  if (rest !== '') params.push(rest);
  params.push(`dockerfile=${encodeQueryValue(ws.dockerfile, true)}`);
  if (ws.dockerignore !== '') params.push(`dockerignore=${encodeQueryValue(ws.dockerignore, true)}`);
  if (ws.files.length > 0) params.push(`files=${ws.files.map((f) => encodeQueryValue(f, false)).join(',')}`);
  if (ws.target !== null && ws.target !== '') params.push(`target=${encodeQueryValue(ws.target, true)}`);
  for (const [k, v] of Object.entries(ws.buildArgs)) params.push(`build-arg=${encodeQueryValue(k, true)}=${encodeQueryValue(v, true)}`);
  if (ws.example !== null) params.push(`example=${encodeQueryValue(ws.example, true)}`);
  u.search = '';
  return `${urlWithoutHash(u)}?${params.join('&')}`;
}

const BAD_Q = 'This link can’t be opened: ';

/**
 * Percent-decoding as RFC 3986 and decodeURIComponent do it: `+` is a plus sign, not a space
 * (hand-written links say `apk add g++`); write spaces as `%20`.
 */
function decodeQueryComponent(raw: string, what: string): Checked<string> {
  try {
    return { ok: true, value: decodeURIComponent(raw) };
  } catch {
    return { ok: false, error: `${BAD_Q}its ${what} is not valid percent-encoded UTF-8 text.` };
  }
}

/**
 * `KEY=VALUE`, split at the first literal "=" (so an encoded %3D stays in the key). A value
 * encoded as a whole (`KEY%3DVALUE`, as encodeURIComponent writes it) is split after decoding.
 */
function parseBuildArg(rawValue: string): Checked<[string, string]> {
  let key: string;
  let value: string;
  const rawEq = rawValue.indexOf('=');
  if (rawEq >= 0) {
    const k = decodeQueryComponent(rawValue.slice(0, rawEq), 'build-arg= value');
    if (!k.ok) return k;
    const v = decodeQueryComponent(rawValue.slice(rawEq + 1), 'build-arg= value');
    if (!v.ok) return v;
    [key, value] = [k.value, v.value];
  } else {
    const whole = decodeQueryComponent(rawValue, 'build-arg= value');
    if (!whole.ok) return whole;
    const i = whole.value.indexOf('=');
    if (i < 0) return { ok: false, error: `${BAD_Q}build-arg=${truncate(whole.value)} should be build-arg=KEY=VALUE.` };
    [key, value] = [whole.value.slice(0, i), whole.value.slice(i + 1)];
  }
  if (key === '') return { ok: false, error: `${BAD_Q}build-arg==${truncate(value)} has no KEY (it should be build-arg=KEY=VALUE).` };
  return { ok: true, value: [key, value] };
}

function decodeQuery(search: string): Checked<Workspace> | null {
  const query = search.replace(/^\?/, '');
  const parts = query === '' ? [] : query.split('&');
  const found = parts.some((p) => (QUERY_KEYS as readonly string[]).includes(p.split('=', 1)[0]));
  if (!found) return null;
  if (query.length > SHARE_LIMITS.maxQueryChars) {
    return {
      ok: false,
      error: `${BAD_Q}it is too large (${formatBytes(query.length)} of text; the limit is ${formatBytes(SHARE_LIMITS.maxQueryChars)}).`,
    };
  }
  let dockerfile: string | null = null;
  let dockerignore: string | null = null;
  let target: string | null = null;
  let example: string | null = null;
  const files: string[] = [];
  const args: [string, string][] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const key = decodeQueryComponent(rawKey, 'parameter name');
    if (!key.ok) return key;
    const single = (current: string | null, name: string): Checked<string> => {
      if (current !== null) return { ok: false, error: `${BAD_Q}${name}= appears more than once.` };
      return decodeQueryComponent(rawValue, `${name}= value`);
    };
    switch (key.value) {
      case 'dockerfile': {
        const r = single(dockerfile, 'dockerfile');
        if (!r.ok) return r;
        dockerfile = r.value;
        break;
      }
      case 'dockerignore': {
        const r = single(dockerignore, 'dockerignore');
        if (!r.ok) return r;
        dockerignore = r.value;
        break;
      }
      case 'target': {
        const r = single(target, 'target');
        if (!r.ok) return r;
        target = r.value;
        break;
      }
      case 'example': {
        const r = single(example, 'example');
        if (!r.ok) return r;
        example = r.value;
        break;
      }
      case 'files': {
        // Split on literal commas before decoding: an encoded comma (%2C) belongs to a path.
        for (const item of rawValue.split(',')) {
          if (item === '') continue;
          const r = decodeQueryComponent(item, 'files= value');
          if (!r.ok) return r;
          files.push(r.value);
        }
        break;
      }
      case 'build-arg': {
        const r = parseBuildArg(rawValue);
        if (!r.ok) return r;
        args.push(r.value);
        break;
      }
      default:
        break; // unrelated parameters (utm_source, ...) are ignored
    }
  }
  if (dockerfile === null) {
    return { ok: false, error: `${BAD_Q}it has workspace settings but no dockerfile= parameter.` };
  }
  // Like repeated `docker build --build-arg`, the last value of a KEY wins. fromEntries keeps a
  // key such as "__proto__" an ordinary own property.
  const buildArgs = Object.fromEntries(args) as Record<string, string>;
  // `target=` (empty) means the default target, as `docker build --target ""` does.
  return { ok: true, value: { dockerfile, files: canonicalContextPaths(files), dockerignore: dockerignore ?? '', target: target || null, buildArgs, example } };
}

// ---------------------------------------------------------------------------------------------
// decoding either form

function decodeFragment(hash: string): Checked<Workspace> | null {
  const frag = hash.replace(/^#/, '');
  const m = /^v(\d+)(=|$)/.exec(frag);
  if (!m) return null; // an ordinary anchor, not a workspace
  const payload = frag.slice(m[0].length).replace(/%20|\s/g, '');
  if (payload.length > SHARE_LIMITS.maxFragmentChars) {
    return {
      ok: false,
      error: `${BAD}it is too large (${formatBytes(payload.length)} of text; the limit is ${formatBytes(SHARE_LIMITS.maxFragmentChars)}).`,
    };
  }
  const version = Number(m[1]);
  const decoder = /^(0|[1-9]\d{0,8})$/.test(m[1]) && Object.hasOwn(decoders, version) ? decoders[version] : undefined;
  if (!decoder) {
    const known = Object.keys(decoders).map((k) => `v${k}`).join(', ');
    return {
      ok: false,
      error:
        version > SHARE_FORMAT_VERSION
          ? `${BAD}it uses share format v${m[1]}, and this version of Stagecraft reads only ${known}. It was probably made by a newer Stagecraft.`
          : `${BAD}“v${truncate(m[1], 12)}” is not a share format Stagecraft knows (it reads ${known}).`,
    };
  }
  if (m[2] === '' || payload === '') {
    return { ok: false, error: `${BAD}it is incomplete (it has no data after “v${m[1]}”). It may have been cut off when it was copied.` };
  }
  return decoder(payload);
}

/**
 * Reads a workspace from a link: the share fragment (`#v1=...`) if there is one, else the readable
 * query form, else `{ ok: true, workspace: null }` (the link carries no workspace). Never throws.
 */
export function decodeShareLink(url: string | URL): DecodeShareLinkResult {
  try {
    const href = typeof url === 'string' ? url : url.href;
    if (href.length > SHARE_LIMITS.maxUrlChars) {
      return { ok: false, error: `${BAD}it is too large (${formatBytes(href.length)} of text).` };
    }
    let u: URL;
    try {
      u = new URL(href, 'http://stagecraft.invalid/');
    } catch {
      return { ok: false, error: `${BAD}it is not a valid web address.` };
    }
    const frag = decodeFragment(u.hash);
    if (frag) return frag.ok ? { ok: true, workspace: frag.value, source: 'fragment' } : { ok: false, error: frag.error };
    const query = decodeQuery(u.search);
    if (query) return query.ok ? { ok: true, workspace: query.value, source: 'query' } : { ok: false, error: query.error };
    return { ok: true, workspace: null };
  } catch (e) {
    // Not expected; a guarantee that a hostile link can never break page start-up.
    return { ok: false, error: `${BAD}${e instanceof Error ? e.message : 'an unexpected error occurred'}.` };
  }
}

/**
 * A warning to show beside a link that is long enough to be cut or refused when shared, or null.
 */
export function linkLengthWarning(url: string): string | null {
  const n = url.length;
  const count = n.toLocaleString('en-US');
  if (n > SHARE_LIMITS.hardWarnChars) {
    return `This link is ${count} characters long. Many browsers, servers and chat tools refuse links over 8,000 characters; share the Dockerfile as a file, or trim the context file list.`;
  }
  if (n > SHARE_LIMITS.warnChars) {
    return `This link is ${count} characters long. Some chat tools and email clients cut links over about 2,000 characters; check that it opens before you rely on it.`;
  }
  return null;
}
