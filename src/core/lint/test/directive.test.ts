/**
 * The `# check=` directive and BUILDKIT_DOCKERFILE_CHECK, as `linter/linter.go` and
 * `dockerfile2llb/convert.go` `newRuleLinter` read them, and the `# stagecraft:` comments.
 */
import { describe, expect, it } from 'vitest';
import { isEnabled, parseLintOptions, parseStagecraftComment, withComments, emptyConfig } from '../directive.ts';
import { bkWarnings, diagnostics, own } from './helpers.ts';

describe('parseLintOptions (linter.ParseLintOptions)', () => {
  it('parses skip, error and experimental', () => {
    const r = parseLintOptions('skip=A,B;error=true;experimental=C');
    expect(r.error).toBeNull();
    expect(r.config).toEqual({ skipRules: ['A', 'B'], skipAll: false, returnAsError: true, experimentalRules: ['C'], experimentalAll: false });
    expect(parseLintOptions(' skip = all ').config?.skipAll).toBe(true);
    expect(parseLintOptions('').config).toEqual(emptyConfig());
    expect(parseLintOptions('error=1').config?.returnAsError).toBe(true);
    expect(parseLintOptions('error=False').config?.returnAsError).toBe(false);
  });
  it('rejects what BuildKit rejects, with its messages', () => {
    expect(parseLintOptions('skip').error).toBe('invalid check option "skip"');
    expect(parseLintOptions('foo=bar').error).toBe('invalid check option "foo"');
    expect(parseLintOptions('error=yes').error).toBe('failed to parse check option "error=yes": strconv.ParseBool: parsing "yes": invalid syntax');
    expect(parseLintOptions('skip=A;').error).toBe('invalid check option ""');
  });
  it('splits into at most 3 parts (strings.SplitN)', () => {
    expect(parseLintOptions('skip=A;error=false;experimental=B;C').config?.experimentalRules).toEqual(['B;C']);
  });
  it('rule names are case-sensitive; experimental rules ignore skip', () => {
    const c = parseLintOptions('skip=fromascasing').config!;
    expect(isEnabled(c, 'FromAsCasing', false)).toBe(true);
    const e = parseLintOptions('skip=all;experimental=X').config!;
    expect(isEnabled(e, 'X', true)).toBe(true);
    expect(isEnabled(e, 'Y', false)).toBe(false);
    expect(isEnabled(emptyConfig(), 'X', true)).toBe(false);
  });
  it('merges per-instruction comments, first check comment only, never error', () => {
    const base = parseLintOptions('error=true').config!;
    const merged = withComments(base, ['check=skip=A // why', 'check=skip=B']);
    expect(merged.skipRules).toEqual(['A']);
    expect(merged.returnAsError).toBe(true);
    expect(withComments(emptyConfig(), ['check=error=true']).returnAsError).toBe(false);
    expect(withComments(emptyConfig(), ['check=bogus']).skipRules).toEqual([]);
  });
});

describe('the check directive in a Dockerfile', () => {
  const df = (d: string) => `${d}\nFROM scratch as base\ncopy Dockerfile .\n`;
  it('skip=all and skip lists', () => {
    expect(bkWarnings(df('#check=skip=all'))).toEqual([]);
    expect(bkWarnings(df('#check=skip=all;error=true'))).toEqual([]);
    expect(bkWarnings(df('#check=skip=ConsistentInstructionCasing,FromAsCasing'))).toEqual([]);
    expect(bkWarnings(df('#check=skip=ConsistentInstructionCasing,FromAsCasing;error=true'))).toEqual([]);
    expect(bkWarnings(df('#check=skip=ConsistentInstructionCasing')).map((x) => [x.rule, x.line])).toEqual([['FromAsCasing', 2]]);
  });
  it('error=true turns findings into errors', () => {
    const ds = diagnostics(df('#check=skip=ConsistentInstructionCasing;error=true')).filter((d) => d.rule === 'FromAsCasing');
    expect(ds.map((d) => d.severity)).toEqual(['error']);
  });
  it('BUILDKIT_DOCKERFILE_CHECK replaces the directive', () => {
    const ds = diagnostics(df('#check=skip=all'), { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=ConsistentInstructionCasing;error=true' } }).filter((d) => d.rule === 'FromAsCasing');
    expect(ds.map((d) => [d.line, d.severity])).toEqual([[2, 'error']]);
    expect(bkWarnings(df('#check=error=true'), { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=all' } })).toEqual([]);
  });
  it('only at the top: after another comment it is an ordinary comment', () => {
    // ... which still applies to the instruction right below it, as any check comment does
    expect(bkWarnings('# hello\n# check=skip=all\nFROM scratch as base\nFROM scratch as other\n').map((x) => [x.rule, x.line])).toEqual([['FromAsCasing', 4]]);
  });
  it('a shebang line is skipped, as parser.ParseDirective does', () => {
    expect(bkWarnings('#!/usr/bin/env docker-build\n# check=skip=all\nFROM scratch as base\n')).toEqual([]);
  });
  it('the value ends at the first space', () => {
    // "skip=FromAsCasing; error=true" is read as "skip=FromAsCasing;", which BuildKit rejects
    const ds = diagnostics('# check=skip=FromAsCasing; error=true\nFROM scratch as base\n');
    expect(ds.find((d) => d.rule === 'InvalidCheckDirective')).toMatchObject({ severity: 'error', line: 1, message: 'failed to parse check options: invalid check option ""' });
    // the rest is linted with the default configuration
    expect(ds.some((d) => d.rule === 'FromAsCasing')).toBe(true);
  });
  it('a bad BUILDKIT_DOCKERFILE_CHECK is reported', () => {
    const ds = diagnostics('FROM scratch\n', { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'nope' } });
    expect(ds.find((d) => d.rule === 'InvalidCheckDirective')?.message).toBe('failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: invalid check option "nope"');
  });
  it('the file-level check directive does not touch Stagecraft rules', () => {
    expect(own('UnpinnedBaseImage', '# check=skip=all\nFROM alpine\n')).toHaveLength(1);
  });
  it('a check comment above FROM applies to that stage\'s FROM lints', () => {
    expect(bkWarnings('FROM scratch\n# check=skip=UndefinedArgInFrom\nFROM alpine:${V:-3}\n')).toEqual([]);
    expect(bkWarnings('FROM scratch\n\nFROM alpine:${V:-3}\n').map((x) => x.rule)).toEqual(['UndefinedArgInFrom']);
  });
  it('a check comment does not skip rules BuildKit runs with the file-level configuration', () => {
    expect(bkWarnings('FROM scratch AS a\n# check=skip=DuplicateStageName\nFROM scratch AS a\n').map((x) => x.rule)).toEqual(['DuplicateStageName']);
  });
});

describe('# stagecraft: comments', () => {
  it('parse skip and error', () => {
    expect(parseStagecraftComment(' stagecraft: skip=UnpinnedBaseImage,RootInFinalStage;error=true')).toEqual({
      config: { ...emptyConfig(), skipRules: ['UnpinnedBaseImage', 'RootInFinalStage'], returnAsError: true },
      error: null,
    });
    expect(parseStagecraftComment('Stagecraft:skip=all')?.config.skipAll).toBe(true);
    expect(parseStagecraftComment('just a comment')).toBeNull();
    expect(parseStagecraftComment('stagecraft: frobnicate=1')?.error).toBe('unknown option "frobnicate"');
  });
  it('file level, before the first instruction', () => {
    expect(own('UnpinnedBaseImage', '# syntax=docker/dockerfile:1\n# stagecraft: skip=UnpinnedBaseImage\nFROM alpine\n')).toEqual([]);
    expect(own('UnpinnedBaseImage', '# stagecraft: skip=all\nFROM alpine\n')).toEqual([]);
    const ds = own('UnpinnedBaseImage', '# stagecraft: error=true\n\nFROM alpine\n');
    expect(ds.map((d) => d.severity)).toEqual(['error']);
  });
  it('above an instruction, for that instruction only', () => {
    const df = 'FROM alpine:3 AS a\nRUN apk add curl\nFROM a\n# stagecraft: skip=NoCacheMount\nRUN apk add git\n';
    expect(own('NoCacheMount', df).map((d) => d.line)).toEqual([2]);
  });
  it('does not skip BuildKit rules', () => {
    expect(bkWarnings('# stagecraft: skip=all\nFROM scratch as base\n').map((x) => x.rule)).toEqual(['FromAsCasing']);
  });
  it('a malformed comment is reported', () => {
    const ds = diagnostics('FROM scratch\n# stagecraft: skip\nRUN true\n');
    expect(ds.find((d) => d.rule === 'InvalidStagecraftDirective')).toMatchObject({ line: 2, severity: 'warning' });
  });
});
