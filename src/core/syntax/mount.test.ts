import { describe, expect, it } from 'vitest';
import { csvFields, parseMount, parseMountLenient } from './mount.ts';

const asWritten = (w: string) => w;

describe('csvvalue.Fields', () => {
  it('splits on commas and honours quotes', () => {
    expect(csvFields('a,b,,c')).toEqual(['a', 'b', '', 'c']);
    expect(csvFields('"source=c,d",target=/x')).toEqual(['source=c,d', 'target=/x']);
    expect(csvFields('"a ""q"" b",c')).toEqual(['a "q" b', 'c']);
    expect(csvFields('x\n')).toEqual(['x']);
  });
  it('errors like encoding/csv', () => {
    expect(() => csvFields('a"b')).toThrow('parse error on line 1, column 2: bare " in non-quoted-field');
    expect(() => csvFields('"ab')).toThrow('parse error on line 1, column 2: extraneous or missing " in quoted-field');
    expect(() => csvFields('"a"b')).toThrow('parse error on line 1, column 3: extraneous or missing " in quoted-field');
    expect(() => csvFields('')).toThrow('EOF');
  });
});

describe('parseMount', () => {
  it('defaults to a read-only bind mount', () => {
    expect(parseMount('target=/src', asWritten)).toEqual({
      type: 'bind',
      from: null,
      source: null,
      target: '/src',
      readonly: true,
      options: { target: '/src' },
    });
  });
  it('reads keys case-insensitively, with their aliases', () => {
    const m = parseMount('TYPE=cache,Dst=/root/.cache,id=gomod,sharing=locked,from=builder,src=/c', asWritten);
    expect(m).toMatchObject({ type: 'cache', target: '/root/.cache', from: 'builder', source: '/c', readonly: false });
    expect(m.options).toMatchObject({ type: 'cache', dst: '/root/.cache', id: 'gomod', sharing: 'locked' });
  });
  it('reads a quoted option with a comma as one option', () => {
    expect(parseMount('type=bind,"source=c,d",target=/x', asWritten).source).toBe('c,d');
  });
  it('honours ro/rw flags', () => {
    expect(parseMount('type=cache,target=/c,ro', asWritten).readonly).toBe(true);
    expect(parseMount('target=/c,rw=true', asWritten).readonly).toBe(false);
    expect(parseMount('target=/c,readonly=false', asWritten).readonly).toBe(false);
  });
  it('at parse time checks only from (no variables)', () => {
    expect(() => parseMount('type=nope,from=$STAGE', null)).toThrow(
      "'from' doesn't support variable expansion, define alias stage instead",
    );
    expect(() => parseMount('type=nope,from=a$', null)).not.toThrow();
    expect(() => parseMount('type=nope,bogus', null)).not.toThrow();
    expect(() => parseMount('a"b', null)).toThrow('failed to parse csv mounts: parse error on line 1, column 2: bare " in non-quoted-field');
  });
  it.each([
    ['type=nope', 'unsupported mount type "nope"'],
    ['type=bnd', 'unsupported mount type "bnd" (did you mean bind?)'],
    ['target=/x,bogus', "invalid field 'bogus' must be a key=value pair"],
    ['target=/x,soruce=a', "unexpected key 'soruce' in 'soruce=a' (did you mean source?)"],
    ['target=/x,ro=maybe', 'invalid value for ro: maybe'],
    ['type=bind,target=/x,required', "unexpected key 'required' for mount type 'bind'"],
    ['type=bind,target=/x,size=1m', "unexpected key 'size' for mount type 'bind'"],
    ['type=tmpfs,target=/x,size=lots', 'invalid value for size: lots'],
    ['type=cache,target=/x,mode=999', 'invalid value 999 for mode'],
    ['type=bind,target=/x,uid=0', 'uid not allowed for "bind" type mounts'],
    ['type=secret', 'invalid secret mount. one of source, target required'],
    ['type=secret,id=a,from=b', 'secret mount should not have a from'],
    ['type=secret,id=a,src=b', "both source and id can't be set"],
    ['type=bind,target=/x,sharing=locked', 'invalid cache sharing set for bind mount'],
    ['type=cache,target=/x,sharing=all', 'unsupported sharing value "all"'],
  ])('rejects %s at dispatch', (val, msg) => {
    expect(() => parseMount(val, asWritten)).toThrow(msg);
  });
  it('lenient parsing keeps the mount and the first error', () => {
    const { mount, error } = parseMountLenient('type=cache,target=/x,bogus=1,sharing=nope', asWritten);
    expect(mount.type).toBe('cache');
    expect(mount.target).toBe('/x');
    expect(error).toBe("unexpected key 'bogus' in 'bogus=1'");
  });
  it('accepts secret and ssh mounts', () => {
    expect(parseMount('type=secret,id=npm,required,env=NPM_TOKEN', asWritten)).toMatchObject({ type: 'secret', readonly: true });
    expect(parseMount('type=ssh', asWritten)).toMatchObject({ type: 'ssh', readonly: true });
    expect(parseMount('type=tmpfs,target=/t,size=64m', asWritten)).toMatchObject({ type: 'tmpfs', readonly: false });
  });
});
