import { describe, expect, it } from 'vitest';
import { BFlags, extractBuilderFlags } from './flags.ts';
import { splitCommand } from './node.ts';
import { levenshtein, search } from '../util/suggest.ts';

describe('extractBuilderFlags / splitCommand', () => {
  it('separates leading --flags from the arguments', () => {
    expect(splitCommand('COPY --from=a --chown=1:1 src dst', '\\')).toEqual({
      cmd: 'COPY',
      flags: ['--from=a', '--chown=1:1'],
      args: 'src dst',
    });
  });
  it('strips quotes from flags and keeps quoted spaces in one flag', () => {
    expect(extractBuilderFlags('--mount="type=bind,source=a b,target=/x" --chown=a\\ b run', '\\')).toEqual({
      rest: 'run',
      flags: ['--mount=type=bind,source=a b,target=/x', '--chown=a b'],
    });
    expect(extractBuilderFlags(`--x='' y`, '\\').flags).toEqual(['--x=']);
    expect(extractBuilderFlags(`--x="" y`, '\\').flags).toEqual(['--x=']);
  });
  it('ends flags at --', () => {
    expect(extractBuilderFlags('-- --from=b c', '\\')).toEqual({ rest: ' --from=b c', flags: [] });
    expect(splitCommand('COPY --a -- --from=b c', '\\')).toEqual({ cmd: 'COPY', flags: ['--a'], args: '--from=b c' });
    expect(extractBuilderFlags('--a --', '\\')).toEqual({ rest: '', flags: ['--a'] });
  });
  it('stops at the first word that does not start with --', () => {
    expect(extractBuilderFlags('-x --y', '\\')).toEqual({ rest: '-x --y', flags: [] });
    expect(extractBuilderFlags('--a - b', '\\')).toEqual({ rest: '- b', flags: ['--a'] });
  });
  it('uses the escape token', () => {
    expect(extractBuilderFlags('--a=x`y z', '`').flags).toEqual(['--a=xy']);
  });
  it('walks bytes like Go: non-ASCII flag text comes out byte by byte', () => {
    expect(extractBuilderFlags('--label=é x', '\\').flags).toEqual(['--label=\u00c3\u00a9']);
    expect(extractBuilderFlags('--a=1 é', '\\').rest).toBe('é');
  });
});

describe('BFlags.Parse', () => {
  const mk = (args: string[]) => {
    const bf = new BFlags(args);
    const s = bf.addString('str1', 'HI');
    const b = bf.addBool('bool1', false);
    const m = bf.addStrings('many');
    return { bf, s, b, m };
  };
  it('keeps defaults without args', () => {
    const { bf, s, b } = mk([]);
    bf.parse();
    expect([s.value, b.value, bf.isUsed('str1')]).toEqual(['HI', 'false', false]);
  });
  it('reads values, booleans and repeated string lists', () => {
    const { bf, s, b, m } = mk(['--str1=', '--bool1', '--many=a', '--many=b']);
    bf.parse();
    expect([s.value, b.value, m.values, [...bf.used.keys()]]).toEqual(['', 'true', ['a', 'b'], ['str1', 'bool1', 'many']]);
    const t = mk(['--bool1=FALSE']);
    t.bf.parse();
    expect(t.b.value).toBe('false');
  });
  it('stops at --', () => {
    expect(() => mk(['--', '--nope']).bf.parse()).not.toThrow();
  });
  it.each([
    [['--str1'], 'missing a value on flag: --str1'],
    [['--bool1='], 'missing a value on flag: --bool1'],
    [['--bool1=yes'], 'expecting boolean value for flag --bool1, not: yes'],
    [['--str1=a', '--str1=b'], 'duplicate flag specified: --str1'],
    [['-x'], 'arg should start with -- : -x'],
    [['--nope'], 'unknown flag: --nope'],
    [['--str2=x'], 'unknown flag: --str2 (did you mean str1?)'],
    [['--Str1=x'], 'unknown flag: --Str1 (did you mean str1?)'],
  ])('errors on %j', (args, msg) => {
    expect(() => mk(args).bf.parse()).toThrow(msg);
  });
});

describe('suggest', () => {
  it('computes levenshtein distances and picks a close option', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(search('RUNN', ['RUN', 'COPY'], false)).toBe('RUN');
    expect(search('runn', ['RUN', 'COPY'], false)).toBe('run');
    expect(search('xyzzy', ['RUN', 'COPY'], false)).toBeNull();
    expect(search('run', ['RUN'], false)).toBeNull();
  });
});
