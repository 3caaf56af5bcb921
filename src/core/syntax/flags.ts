/**
 * Builder flags (`--from=...`): `extractBuilderFlags` from BuildKit's `parser/split_command.go`
 * and the `BFlags` validator from `instructions/bflag.go`.
 */
import { isAscii, isSpace, ParseProblem, utf8Decode, utf8Encode } from './text.ts';
import { wrapError } from '../util/suggest.ts';

export class FlagError extends ParseProblem {}

/**
 * extractBuilderFlags: returns the rest of the line and the flags, with quotes removed and the
 * escape token applied. Like Go, it walks bytes: non-ASCII bytes of a flag come out as one
 * Latin-1 character each, and bytes 0x85/0xA0 count as spaces.
 */
export function extractBuilderFlags(line: string, escapeToken: string): { rest: string; flags: string[] } {
  const ascii = isAscii(line);
  const bytes = ascii ? null : utf8Encode(line);
  const n = ascii ? line.length : (bytes as number[]).length;
  const at = (i: number): string => (ascii ? line[i] : String.fromCharCode((bytes as number[])[i]));
  const restFrom = (i: number): string => (ascii ? line.slice(i) : utf8Decode(bytes as number[], i));
  const esc = escapeToken;

  const words: string[] = [];
  let phase: 0 | 1 | 2 = 0; // inSpaces, inWord, inQuote
  let sb = '';
  let quote = '';
  let blankOK = false;
  let ch = '';
  for (let pos = 0; pos <= n; pos++) {
    if (pos !== n) ch = at(pos);
    if (phase === 0) {
      if (pos === n) break;
      if (isSpace(ch)) continue;
      if (ch !== '-' || pos + 1 === n || at(pos + 1) !== '-') return { rest: restFrom(pos), flags: words };
      phase = 1;
    }
    if ((phase === 1 || phase === 2) && pos === n) {
      if (sb !== '--' && (blankOK || sb.length > 0)) words.push(sb);
      break;
    }
    if (phase === 1) {
      if (isSpace(ch)) {
        phase = 0;
        if (sb === '--') return { rest: restFrom(pos), flags: words };
        if (blankOK || sb.length > 0) words.push(sb);
        sb = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 2;
        continue;
      }
      if (ch === esc) {
        if (pos + 1 === n) continue;
        pos++;
        ch = at(pos);
      }
      sb += ch;
      continue;
    }
    // inQuote
    if (ch === quote) {
      phase = 1;
      continue;
    }
    if (ch === esc) {
      if (pos + 1 === n) {
        phase = 1;
        continue;
      }
      pos++;
      ch = at(pos);
    }
    sb += ch;
  }
  return { rest: '', flags: words };
}

type FlagType = 'bool' | 'string' | 'strings';

export interface Flag {
  name: string;
  type: FlagType;
  value: string;
  values: string[];
}

/** instructions.BFlags */
export class BFlags {
  readonly args: string[];
  private readonly flags = new Map<string, Flag>();
  /** names of the flags that were set, in first-use order */
  readonly used = new Map<string, Flag>();
  private err: string | null = null;

  constructor(args: string[]) {
    this.args = args;
  }

  private addFlag(name: string, type: FlagType): Flag {
    const f: Flag = { name, type, value: '', values: [] };
    if (this.flags.has(name)) {
      this.err = `Duplicate flag defined: ${name}`;
      return f;
    }
    this.flags.set(name, f);
    return f;
  }
  // BFlags.AddBool
  addBool(name: string, def: boolean): Flag {
    const f = this.addFlag(name, 'bool');
    f.value = def ? 'true' : 'false';
    return f;
  }
  // BFlags.AddString
  addString(name: string, def: string): Flag {
    const f = this.addFlag(name, 'string');
    f.value = def;
    return f;
  }
  // BFlags.AddStrings
  addStrings(name: string): Flag {
    return this.addFlag(name, 'strings');
  }

  isUsed(name: string): boolean {
    return this.used.has(name);
  }

  // BFlags.Parse: throws FlagError with BuildKit's message
  parse(): void {
    if (this.err !== null) throw new FlagError(`error setting up flags: ${this.err}`);
    for (const a of this.args) {
      if (a === '--') return;
      if (!a.startsWith('--')) throw new FlagError(`arg should start with -- : ${a}`);
      const eq = a.indexOf('=');
      const flagName = eq < 0 ? a : a.slice(0, eq);
      const value = eq < 0 ? '' : a.slice(eq + 1);
      const hasValue = eq >= 0;
      const arg = flagName.slice(2);
      const flag = this.flags.get(arg);
      if (!flag) {
        throw new FlagError(wrapError(`unknown flag: ${flagName}`, arg, [...this.flags.keys()], true));
      }
      if (this.used.has(arg) && flag.type !== 'strings') {
        throw new FlagError(`duplicate flag specified: ${flagName}`);
      }
      this.used.set(arg, flag);
      switch (flag.type) {
        case 'bool':
          if (hasValue && value === '') throw new FlagError(`missing a value on flag: ${flagName}`);
          switch (value.toLowerCase()) {
            case 'true':
            case '':
              flag.value = 'true';
              break;
            case 'false':
              flag.value = 'false';
              break;
            default:
              throw new FlagError(`expecting boolean value for flag ${flagName}, not: ${value}`);
          }
          break;
        case 'string':
          if (!hasValue) throw new FlagError(`missing a value on flag: ${flagName}`);
          flag.value = value;
          break;
        case 'strings':
          if (!hasValue) throw new FlagError(`missing a value on flag: ${flagName}`);
          flag.values.push(value);
          break;
      }
    }
  }
}
