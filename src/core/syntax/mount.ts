/**
 * `RUN --mount` values: a port of `parseMount` in BuildKit's
 * `instructions/commands_runmount.go`, with `csvvalue.Fields` (tonistiigi/go-csvvalue).
 */
import type { Mount } from './types.ts';
import { goQuote, ParseProblem, utf8Length } from './text.ts';
import { wrapError } from '../util/suggest.ts';

export class MountError extends ParseProblem {}
class CsvError extends ParseProblem {}

const csvErr = (pos: number, what: string) => `parse error on line 1, column ${pos + 1}: ${what}`;
const errBareQuote = 'bare " in non-quoted-field';
const errQuote = 'extraneous or missing " in quoted-field';

/** csvvalue.Fields with the default parser (comma, no lazy quotes, no trimming). Throws on error. */
export function csvFields(input: string): string[] {
  let line = input;
  if (line.endsWith('\n')) line = line.endsWith('\r\n') ? line.slice(0, -2) : line.slice(0, -1);
  if (line.length === 0) throw new CsvError('EOF');
  const dst: string[] = [];
  let pos = 0; // byte offset, for error columns
  let i = 0; // index into line
  for (;;) {
    if (i >= line.length || line[i] !== '"') {
      const c = line.indexOf(',', i);
      const field = c >= 0 ? line.slice(i, c) : line.slice(i);
      const q = field.indexOf('"');
      if (q >= 0) throw new CsvError(csvErr(pos + utf8Length(field.slice(0, q)), errBareQuote));
      dst.push(field);
      if (c >= 0) {
        pos += utf8Length(field) + 1;
        i = c + 1;
        continue;
      }
      break;
    }
    // quoted field
    i++;
    pos++;
    let halfOpen = false;
    for (;;) {
      const q = line.indexOf('"', i);
      if (q < 0) throw new CsvError(csvErr(pos, errQuote));
      const part = line.slice(i, q);
      if (!halfOpen) dst.push(part);
      else dst[dst.length - 1] += part;
      pos += utf8Length(part) + 1;
      i = q + 1;
      if (line[i] === '"') {
        dst[dst.length - 1] += '"';
        i++;
        pos++;
        halfOpen = true;
      } else if (line[i] === ',') {
        i++;
        pos++;
        break;
      } else if (i >= line.length) {
        return dst;
      } else {
        throw new CsvError(csvErr(pos - 1, errQuote));
      }
    }
  }
  return dst;
}

const allowedMountTypes = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const allowedSharingModes = ['shared', 'private', 'locked'];
const allKeys = [
  'type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'size', 'mode',
  'uid', 'gid', 'src', 'dst', 'destination', 'ro', 'rw', 'readwrite', 'env',
];

/** strconv.ParseBool */
function parseBool(v: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return null;
}

/** strconv.ParseUint(v, base, 32) */
function parseUint32(v: string, base: 8 | 10): number | null {
  const re = base === 8 ? /^[0-7]+(_[0-7]+)*$/ : /^[0-9]+$/;
  if (!re.test(v)) return null;
  const n = Number.parseInt(v.replace(/_/g, ''), base);
  return n <= 0xffffffff ? n : null;
}

/** go-units RAMInBytes: `^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$` */
function ramInBytes(v: string): boolean {
  return /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.test(v);
}

export type WordExpander = (word: string) => string;

/**
 * parseMount. With `expander` null it does what BuildKit's parse step does (only `from` is
 * checked; everything else waits for dispatch). With an expander (use `(w) => w` for "as
 * written") every key is read and validated the way dispatch does.
 */
export function parseMount(val: string, expander: WordExpander | null): Mount {
  const { mount, error } = parseMountLenient(val, expander);
  if (error !== null) throw new MountError(error);
  return mount;
}

/**
 * parseMount that keeps going after a problem: returns the mount as far as it could be read and
 * the first error BuildKit's parseMount would have returned (or null).
 */
export function parseMountLenient(
  val: string,
  expander: WordExpander | null,
): { mount: Mount; error: string | null; parseTimeError: string | null } {
  let firstError: string | null = null;
  /** what the parse step (no expander) would report: a CSV error or a `from` with `$` */
  let parseTimeError: string | null = null;
  const fail = (msg: string) => {
    if (firstError === null) firstError = msg;
  };
  let fields: string[];
  try {
    fields = csvFields(val);
  } catch (e) {
    const error = `failed to parse csv mounts: ${(e as ParseProblem).message}`;
    return {
      mount: { type: 'bind', from: null, source: null, target: null, readonly: true, options: {} },
      error,
      parseTimeError: error,
    };
  }
  const m: Mount = { type: 'bind', from: null, source: null, target: null, readonly: false, options: {} };
  let roAuto = true;
  let required = false;
  let cacheSharing = '';
  let cacheId = '';
  let hasMode = false;
  let hasUid = false;
  let hasGid = false;
  for (const field of fields) {
    try {
      readField(field);
    } catch (e) {
      if (!(e instanceof MountError)) throw e;
      fail(e.message);
    }
  }
  // one field of the CSV (the body of parseMount's loop)
  function readField(field: string): void {
    const eq = field.indexOf('=');
    const ok = eq >= 0;
    const key = (ok ? field.slice(0, eq) : field).toLowerCase();
    let value = ok ? field.slice(eq + 1) : '';
    if (!ok) {
      if (expander === null) return;
      switch (key) {
        case 'readonly':
        case 'ro':
          m.readonly = true;
          roAuto = false;
          m.options[key] = '';
          return;
        case 'readwrite':
        case 'rw':
          m.readonly = false;
          roAuto = false;
          m.options[key] = '';
          return;
        case 'required':
          if (m.type === 'secret' || m.type === 'ssh') {
            required = true;
            m.options[key] = '';
            return;
          }
          throw new MountError(`unexpected key '${key}' for mount type '${m.type}'`);
        default:
          throw new MountError(`invalid field '${field}' must be a key=value pair`);
      }
    }
    if (ok && key === 'from' && parseTimeError === null) {
      const idx = value.indexOf('$');
      if (idx !== -1 && idx !== value.length - 1) {
        parseTimeError = `'${key}' doesn't support variable expansion, define alias stage instead`;
      }
    }
    if (expander !== null) {
      value = expander(value);
    } else if (key === 'from') {
      const idx = value.indexOf('$');
      if (idx !== -1 && idx !== value.length - 1) {
        throw new MountError(`'${key}' doesn't support variable expansion, define alias stage instead`);
      }
    } else {
      return;
    }
    m.options[key] = value;
    switch (key) {
      case 'type': {
        const v = value.toLowerCase();
        if (!allowedMountTypes.includes(v)) {
          throw new MountError(wrapError(`unsupported mount type ${goQuote(value)}`, value, allowedMountTypes, true));
        }
        m.type = v as Mount['type'];
        break;
      }
      case 'from':
        m.from = value === '' ? null : value;
        break;
      case 'source':
      case 'src':
        m.source = value === '' ? null : value;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = value === '' ? null : value;
        break;
      case 'readonly':
      case 'ro': {
        const b = parseBool(value);
        if (b === null) throw new MountError(`invalid value for ${key}: ${value}`);
        m.readonly = b;
        roAuto = false;
        break;
      }
      case 'readwrite':
      case 'rw': {
        const b = parseBool(value);
        if (b === null) throw new MountError(`invalid value for ${key}: ${value}`);
        m.readonly = !b;
        roAuto = false;
        break;
      }
      case 'required':
        if (m.type === 'secret' || m.type === 'ssh') {
          const b = parseBool(value);
          if (b === null) throw new MountError(`invalid value for ${key}: ${value}`);
          required = b;
        } else {
          throw new MountError(`unexpected key '${key}' for mount type '${m.type}'`);
        }
        break;
      case 'size':
        if (m.type === 'tmpfs') {
          if (!ramInBytes(value)) throw new MountError(`invalid value for ${key}: ${value}`);
        } else {
          throw new MountError(`unexpected key '${key}' for mount type '${m.type}'`);
        }
        break;
      case 'id':
        cacheId = value;
        break;
      case 'sharing': {
        const v = value.toLowerCase();
        if (!allowedSharingModes.includes(v)) {
          throw new MountError(wrapError(`unsupported sharing value ${goQuote(value)}`, value, allowedSharingModes, true));
        }
        cacheSharing = v;
        break;
      }
      case 'mode':
        if (parseUint32(value, 8) === null) throw new MountError(`invalid value ${value} for mode`);
        hasMode = true;
        break;
      case 'uid':
        if (parseUint32(value, 10) === null) throw new MountError(`invalid value ${value} for uid`);
        hasUid = true;
        break;
      case 'gid':
        if (parseUint32(value, 10) === null) throw new MountError(`invalid value ${value} for gid`);
        hasGid = true;
        break;
      case 'env':
        break;
      default:
        delete m.options[key];
        throw new MountError(wrapError(`unexpected key '${key}' in '${field}'`, key, allKeys, true));
    }
  }
  void required;
  const check = (cond: boolean, msg: string) => {
    if (cond) fail(msg);
  };
  const fileInfoAllowed = m.type === 'secret' || m.type === 'ssh' || m.type === 'cache';
  if (!fileInfoAllowed) {
    check(hasMode, `mode not allowed for "${m.type}" type mounts`);
    check(hasUid, `uid not allowed for "${m.type}" type mounts`);
    check(hasGid, `gid not allowed for "${m.type}" type mounts`);
  }
  if (roAuto) m.readonly = !(m.type === 'cache' || m.type === 'tmpfs');
  if (m.type === 'secret') {
    check(m.from !== null, 'secret mount should not have a from');
    check(cacheSharing !== '', 'secret mount should not define sharing');
    check(!m.source && !m.target && cacheId === '', 'invalid secret mount. one of source, target required');
    check(!!m.source && cacheId !== '', "both source and id can't be set");
  }
  check(cacheSharing !== '' && m.type !== 'cache', `invalid cache sharing set for ${m.type} mount`);
  return { mount: m, error: firstError, parseTimeError };
}
