import { describe, expect, it } from 'vitest';
import { parse, parseInstructions } from './instructions.ts';
import { parseDockerfile } from './parse.ts';
import type { Command, CommandKind } from './types.ts';

const cmds = (text: string) => parse(text).stages.flatMap((s) => s.commands);
function only<K extends CommandKind>(text: string, kind: K): Command & { kind: K } {
  const r = parse(text);
  expect(r.errors).toEqual([]);
  const c = r.stages.flatMap((s) => s.commands).find((x) => x.kind === kind);
  expect(c).toBeDefined();
  return c as Command & { kind: K };
}
const errs = (text: string) => parse(text).errors.map((e) => [e.line, e.message]);
const lints = (text: string) => parse(text).lints.map((l) => [l.rule, l.line, l.message]);

describe('stages and meta args (instructions.Parse)', () => {
  it('groups commands into stages and keeps ARGs before the first FROM as meta args', () => {
    const r = parse('ARG V=1\nARG B\nFROM alpine:${V} AS build\nRUN make\n\nFROM scratch\nCOPY --from=build /out /\n');
    expect(r.errors).toEqual([]);
    expect(r.metaArgs.map((a) => a.args)).toEqual([[{ key: 'V', value: '1' }], [{ key: 'B', value: null }]]);
    expect(r.stages.map((s) => [s.name, s.baseName, s.line, s.endLine, s.commands.length])).toEqual([
      ['build', 'alpine:${V}', 3, 4, 1],
      [null, 'scratch', 6, 7, 1],
    ]);
    expect(r.stages[1].from.value).toBe('from');
  });

  it('lower-cases stage names and keeps the spelling', () => {
    const r = parse('FROM a AS Build-1.x_y\n');
    expect([r.stages[0].name, r.stages[0].nameAsWritten]).toEqual(['build-1.x_y', 'Build-1.x_y']);
  });

  it('reads --platform', () => {
    expect(parse('FROM --platform=$BUILDPLATFORM golang AS b\n').stages[0].platform).toBe('$BUILDPLATFORM');
  });

  it('ends a stage at its last instruction, heredoc bodies included', () => {
    const r = parse('FROM a\nRUN <<EOF\nx\nEOF\n\n# trailing comment\n');
    expect(r.stages[0].endLine).toBe(4);
    expect(parse('FROM a\n\n').stages[0].endLine).toBe(1);
  });

  it('rejects instructions other than ARG before the first FROM', () => {
    const r = parse('ARG A\nRUN x\nFROM a\n');
    expect(r.errors).toEqual([{ message: 'no build stage in current context', line: 2, endLine: 2 }]);
    expect(r.metaArgs).toHaveLength(1);
  });

  it('leaves "no stages" to the caller (convert.go raises it, not instructions.Parse)', () => {
    const r = parse('ARG A\n');
    expect(r.errors).toEqual([]);
    expect(r.stages).toEqual([]);
    expect(r.metaArgs).toHaveLength(1);
  });

  it('keeps going after errors and reports each one on its line', () => {
    const r = parse('FROM a AS 1bad\nRUNN x\nCOPY a\nWORKDIR /w\n');
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [1, 'invalid name for build stage: "1bad", name can\'t start with a number or contain symbols'],
      [2, 'unknown instruction: RUNN (did you mean RUN?)'],
      [3, 'COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
    ]);
    expect(r.stages).toHaveLength(1);
    expect(r.stages[0].name).toBeNull();
    expect(r.stages[0].commands.map((c) => c.kind)).toEqual(['workdir']);
  });

  it('validates FROM arguments', () => {
    expect(errs('FROM a b\n')).toEqual([[1, 'FROM requires either one or three arguments']]);
    expect(errs('FROM\n')).toEqual([[1, 'FROM requires either one or three arguments']]);
    expect(errs('FROM a AS b c\n')).toEqual([[1, 'FROM requires either one or three arguments']]);
    expect(errs('FROM a AS b!\n')).toEqual([[1, 'invalid name for build stage: "b!", name can\'t start with a number or contain symbols']]);
    expect(errs('FROM --plaform=x a\n')).toEqual([[1, 'unknown flag: --plaform (did you mean platform?)']]);
    expect(errs('FROM a foo b\n')).toEqual([[1, 'FROM requires either one or three arguments']]);
  });

  it('keeps doc comments of stages', () => {
    const r = parse('# base defines first stage\nFROM busybox AS base\n');
    expect(r.stages[0].docComment).toBe('defines first stage');
  });

  it('merges both layers: parser errors and lints come first by line', () => {
    const r = parseInstructions(parseDockerfile('FROM a\nRUN x \\\n\ny\nMAINTAINER m\nRUN <<EOF\n'));
    expect(r.lints.map((l) => l.rule)).toEqual(['NoEmptyContinuation', 'MaintainerDeprecated']);
    expect(r.errors.map((e) => e.message)).toEqual(['unterminated heredoc']);
    expect(r.parsed.nodes).toHaveLength(4);
  });
});

describe('parse-time lints (ParseInstructionWithLinter)', () => {
  it('StageNameCasing and FromAsCasing (testStageName)', () => {
    const text = '\n# warning: stage name should be lowercase\n#\nFROM scratch AS BadStageName\n\n# warning: as should match\n#\nFROM scratch as base2\n\nFROM scratch AS base3\n';
    expect(lints(text)).toEqual([
      ['StageNameCasing', 4, "Stage name 'BadStageName' should be lowercase"],
      ['FromAsCasing', 8, "'as' and 'FROM' keywords' casing do not match"],
    ]);
    expect(lints('\nfrom scratch AS base\n\nfrom scratch as base2\n')).toEqual([
      ['FromAsCasing', 2, "'AS' and 'from' keywords' casing do not match"],
    ]);
    // a mixed-case FROM is ConsistentInstructionCasing's business, not FromAsCasing's
    expect(lints('From scratch AS base\n')).toEqual([]);
  });

  it('MaintainerDeprecated', () => {
    expect(lints('\nFROM scratch\nMAINTAINER me@example.org\n')).toEqual([
      ['MaintainerDeprecated', 3, 'Maintainer instruction is deprecated in favor of using label'],
    ]);
    expect(only('FROM a\nMAINTAINER Jane <j@x>\n', 'maintainer').maintainer).toBe('Jane <j@x>');
  });

  it('InvalidDefinitionDescription (testDefinitionDescription)', () => {
    const good = '# check=skip=all;experimental=InvalidDefinitionDescription\n# foo this is the foo\nARG foo=bar\n\n# base this is the base image\nFROM scratch AS base\n\n# version this is the version number\nARG version=latest\n\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n\n# comment for something other than ARG or FROM\nCOPY Dockerfile .\n';
    expect(lints(good)).toEqual([]);
    const bad = '# check=experimental=InvalidDefinitionDescription\n# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\nFROM scratch AS base\n# definitely a bad comment\nARG version=latest\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n';
    expect(lints(bad)).toEqual([
      ['InvalidDefinitionDescription', 3, 'Comment for ARG should follow the format: `# foo <description>`'],
      ['InvalidDefinitionDescription', 5, 'Comment for FROM should follow the format: `# base <description>`'],
      ['InvalidDefinitionDescription', 7, 'Comment for ARG should follow the format: `# version <description>`'],
      ['InvalidDefinitionDescription', 9, 'Comment for ARG should follow the format: `# <arg_key> <description>`'],
    ]);
  });

  it('reports lints over the whole instruction range', () => {
    expect(parse('FROM a \\\n  AS Bad\n').lints).toEqual([
      { rule: 'StageNameCasing', message: "Stage name 'Bad' should be lowercase", line: 1, endLine: 2 },
    ]);
  });
});

describe('argument count errors', () => {
  it.each(['MAINTAINER', 'WORKDIR', 'USER', 'STOPSIGNAL'])('%s requires exactly one argument', (c) => {
    expect(errs(`FROM a\n${c}\n`)).toEqual([[2, `${c} requires exactly one argument`]]);
  });
  it.each(['ENV', 'LABEL', 'ONBUILD', 'HEALTHCHECK', 'EXPOSE', 'VOLUME', 'ARG'])('%s requires at least one argument', (c) => {
    expect(errs(`FROM a\n${c}\n`)).toEqual([[2, `${c} requires at least one argument`]]);
  });
  it.each(['ADD', 'COPY'])('%s requires a destination', (c) => {
    expect(errs(`FROM a\n${c} arg1\n`)).toEqual([
      [2, `${c} requires at least two arguments, but only one was provided. Destination could not be determined`],
    ]);
  });
  it('reports empty names', () => {
    expect(errs('FROM a\nENV =x\n')).toEqual([[2, 'ENV names can not be blank']]);
    expect(errs('FROM a\nARG =x\n')).toEqual([[2, 'ARG names can not be blank']]);
  });
  it('reports unknown instructions, with a suggestion when close', () => {
    expect(errs('FROM a\nFOO bar\n')).toEqual([[2, 'unknown instruction: FOO (did you mean FROM?)']]);
    expect(errs('FROM a\nfoo bar\n')).toEqual([[2, 'unknown instruction: foo (did you mean from?)']]);
    expect(errs('FROM a\nXYZZY bar\n')).toEqual([[2, 'unknown instruction: XYZZY']]);
    expect(errs('FROM a\ncopyy a b\n')).toEqual([[2, 'unknown instruction: copyy (did you mean copy?)']]);
  });
});

describe('COPY and ADD', () => {
  it('reads every COPY flag', () => {
    const c = only('FROM a\nCOPY --from=build --chown=1:2 --chmod=755 --link --parents --exclude=*.md --exclude=tmp a b /dst/\n', 'copy');
    expect(c).toMatchObject({
      sources: ['a', 'b'],
      dest: '/dst/',
      from: 'build',
      chown: '1:2',
      chmod: '755',
      link: true,
      parents: true,
      exclude: ['*.md', 'tmp'],
      checksum: '',
      keepGitDir: null,
      unpack: null,
      line: 2,
      endLine: 2,
    });
  });
  it('reads every ADD flag', () => {
    const c = only('FROM a\nADD --checksum=sha256:abc --keep-git-dir=true --unpack=false --link=false https://x/y.tgz /d\n', 'add');
    expect(c).toMatchObject({ checksum: 'sha256:abc', keepGitDir: true, unpack: false, link: false, from: null, parents: false });
    expect(only('FROM a\nADD x /d\n', 'add')).toMatchObject({ keepGitDir: null, unpack: null });
  });
  it('strips flag quotes and keeps --from unexpanded', () => {
    expect(only('FROM a\nCOPY --from="${STAGE}" --chown="1000:1000" a b\n', 'copy')).toMatchObject({ from: '${STAGE}', chown: '1000:1000' });
  });
  it('reads the JSON form', () => {
    expect(only('FROM a\nCOPY ["my file", "/x y/"]\n', 'copy')).toMatchObject({ sources: ['my file'], dest: '/x y/' });
  });
  it('treats everything after -- as arguments', () => {
    expect(only('FROM a\nCOPY -- --from=b c\n', 'copy')).toMatchObject({ sources: ['--from=b'], dest: 'c', from: null });
  });
  it('rejects unknown and case-variant flags', () => {
    expect(errs('FROM a\nCOPY --From=b c d\n')).toEqual([[2, 'unknown flag: --From (did you mean from?)']]);
    expect(errs('FROM a\nADD --from=b c d\n')).toEqual([[2, 'unknown flag: --from']]);
    expect(errs('FROM a\nCOPY --link=maybe c d\n')).toEqual([[2, 'expecting boolean value for flag --link, not: maybe']]);
  });
  it('turns heredoc sources into contents', () => {
    const c = only('FROM a\nCOPY <<EOF1 <<-"EOF2" file.txt /dst/\none $X\nEOF1\n\ttwo\n\tEOF2\n', 'copy');
    expect(c.sources).toEqual(['file.txt']);
    expect(c.contents).toEqual([
      { path: 'EOF1', data: 'one $X\n', expand: true },
      { path: 'EOF2', data: 'two\n', expand: false },
    ]);
    expect([c.line, c.endLine]).toEqual([2, 6]);
  });
  it('rejects a heredoc destination', () => {
    expect(errs('FROM a\nCOPY /foo <<EOF\nEOF\n')).toEqual([[2, 'COPY cannot accept a heredoc as a destination']]);
  });
});

describe('RUN', () => {
  it('reads mounts, network, security and heredoc files', () => {
    const c = only(
      'FROM a\nRUN --mount=type=cache,target=/root/.cache,id=go --mount=from=build,source=/out,target=/in --network=none --security=insecure <<EOF\ngo build\nEOF\n',
      'run',
    );
    expect(c.mounts.map((m) => [m.type, m.from, m.source, m.target, m.readonly])).toEqual([
      ['cache', null, null, '/root/.cache', false],
      ['bind', 'build', '/out', '/in', true],
    ]);
    expect([c.network, c.security, c.flagsUsed]).toEqual(['none', 'insecure', ['mount', 'network', 'security']]);
    expect(c.files).toEqual([{ name: 'EOF', data: 'go build\n' }]);
    expect(c.cmdLine).toEqual(['<<EOF']);
    expect(c.prependShell).toBe(true);
  });
  it('reads the exec form', () => {
    expect(only('FROM a\nRUN ["ls", "-l"]\n', 'run')).toMatchObject({ cmdLine: ['ls', '-l'], prependShell: false, network: null, security: null, flagsUsed: [] });
  });
  it('keeps a dispatch-time mount problem on the mount, not as an error', () => {
    const c = only('FROM a\nRUN --mount=type=bnd,target=/x true\n', 'run');
    expect(c.mounts[0].error).toBe('unsupported mount type "bnd" (did you mean bind?)');
  });
  it('reports parse-time RUN errors', () => {
    expect(errs('FROM a\nRUN --mount=from=$X,target=/x true\n')).toEqual([
      [2, "'from' doesn't support variable expansion, define alias stage instead"],
    ]);
    // the flag extractor strips quotes; an escaped quote reaches the CSV reader
    expect(errs('FROM a\nRUN --mount=type=bind,\\"target=/x true\n')).toEqual([
      [2, 'failed to parse csv mounts: parse error on line 1, column 12: extraneous or missing " in quoted-field'],
    ]);
    expect(errs('FROM a\nRUN --network=bridge true\n')).toEqual([[2, 'invalid network mode "bridge"']]);
    expect(errs('FROM a\nRUN --security=root true\n')).toEqual([[2, 'security "root" is not valid']]);
    expect(errs('FROM a\nRUN --mount true\n')).toEqual([[2, 'missing a value on flag: --mount']]);
    expect(errs('FROM a\nRUN --device=a,b true\n')).toEqual([[2, "invalid field 'b' must be a key=value pair"]]);
  });
});

describe('ENV, LABEL, ARG', () => {
  it('reads pairs and the legacy form', () => {
    expect(only('FROM a\nENV A=1 B="x y"\n', 'env')).toMatchObject({ env: [{ key: 'A', value: '1' }, { key: 'B', value: '"x y"' }], legacy: false });
    expect(only('FROM a\nENV A 1 2\n', 'env')).toMatchObject({ env: [{ key: 'A', value: '1 2' }], legacy: true });
    expect(only('FROM a\nLABEL maintainer Jane Doe\n', 'label')).toMatchObject({ labels: [{ key: 'maintainer', value: 'Jane Doe' }], legacy: true });
  });
  it('reads several ARGs on one line', () => {
    expect(only('FROM a\nARG A=1 B=2\n', 'arg').args).toEqual([{ key: 'A', value: '1' }, { key: 'B', value: '2' }]);
    expect(only('FROM a\nARG A B\n', 'arg').args).toEqual([{ key: 'A', value: null }, { key: 'B', value: null }]);
    expect(only('FROM a\nARG A= B="x y"\n', 'arg').args).toEqual([{ key: 'A', value: '' }, { key: 'B', value: '"x y"' }]);
  });
  it('ARG and STOPSIGNAL do not check flags; ENV does', () => {
    expect(only('FROM a\nARG --x A\n', 'arg').args).toEqual([{ key: 'A', value: null }]);
    expect(only('FROM a\nSTOPSIGNAL --x SIGTERM\n', 'stopsignal').signal).toBe('SIGTERM');
    expect(errs('FROM a\nENV --x A=1\n')).toEqual([[2, 'unknown flag: --x']]);
  });
  it('reports line-parser errors of ENV/LABEL', () => {
    expect(errs('FROM a\nENV A\n')).toEqual([[2, 'ENV must have two arguments']]);
    expect(errs('FROM a\nLABEL a=1 b\n')).toEqual([[2, 'Syntax error - can\'t find = in "b". Must be of the form: name=value']]);
  });
});

describe('CMD, ENTRYPOINT, SHELL, HEALTHCHECK and friends', () => {
  it('CMD and ENTRYPOINT', () => {
    expect(only('FROM a\nCMD ["x", "y"]\n', 'cmd')).toMatchObject({ cmdLine: ['x', 'y'], prependShell: false });
    expect(only('FROM a\nCMD x   y\n', 'cmd')).toMatchObject({ cmdLine: ['x   y'], prependShell: true });
    expect(only('FROM a\nENTRYPOINT ["/bin/app"]\n', 'entrypoint')).toMatchObject({ cmdLine: ['/bin/app'] });
    expect(only('FROM a\nCMD\n', 'cmd')).toMatchObject({ cmdLine: [] });
  });
  it('SHELL needs JSON', () => {
    expect(only('FROM a\nSHELL ["bash", "-c"]\n', 'shell').shell).toEqual(['bash', '-c']);
    expect(errs('FROM a\nSHELL bash -c\n')).toEqual([[2, 'SHELL requires the arguments to be in JSON form']]);
    expect(errs('FROM a\nSHELL []\n')).toEqual([[2, 'SHELL requires at least one argument']]);
  });
  it('HEALTHCHECK', () => {
    expect(only('FROM a\nHEALTHCHECK --interval=5s --retries=3 CMD curl x\n', 'healthcheck')).toMatchObject({ test: ['CMD-SHELL', 'curl x'], none: false });
    expect(only('FROM a\nHEALTHCHECK CMD ["probe", "-q"]\n', 'healthcheck').test).toEqual(['CMD', 'probe', '-q']);
    expect(only('FROM a\nhealthcheck none\n', 'healthcheck')).toMatchObject({ test: ['NONE'], none: true });
    // NONE never looks at its flags
    expect(only('FROM a\nHEALTHCHECK --bogus NONE\n', 'healthcheck').none).toBe(true);
  });
  it.each([
    ['HEALTHCHECK NONE x', 'HEALTHCHECK NONE takes no arguments'],
    ['HEALTHCHECK CMD', 'Missing command after HEALTHCHECK CMD'],
    ['HEALTHCHECK CONNECT TCP 7000', 'Unknown type "CONNECT" in HEALTHCHECK (try CMD)'],
    ['HEALTHCHECK --interval=50ns CMD x', 'Interval "interval" cannot be less than 1ms'],
    ['HEALTHCHECK --timeout=abc CMD x', 'time: invalid duration "abc"'],
    ['HEALTHCHECK --timeout=5 CMD x', 'time: missing unit in duration "5"'],
    ['HEALTHCHECK --timeout=5y CMD x', 'time: unknown unit "y" in duration "5y"'],
    ['HEALTHCHECK --retries=-1 CMD x', '--retries cannot be negative (-1)'],
    ['HEALTHCHECK --retries=x CMD x', 'strconv.ParseInt: parsing "x": invalid syntax'],
    ['HEALTHCHECK --foo=1 CMD x', 'unknown flag: --foo'],
  ])('%s', (line, msg) => {
    expect(errs(`FROM a\n${line}\n`)).toEqual([[2, msg]]);
  });
  it('accepts zero and well-formed durations', () => {
    expect(errs('FROM a\nHEALTHCHECK --start-period=0s --start-interval=1ms --interval=1m30s --timeout=1.5s --retries=0 CMD ["x"]\n')).toEqual([]);
  });
  it('EXPOSE sorts ports, VOLUME trims, USER, WORKDIR', () => {
    expect(only('FROM a\nEXPOSE 8080 443/tcp 80\n', 'expose').ports).toEqual(['443/tcp', '80', '8080']);
    expect(only('FROM a\nVOLUME ["/data", " /logs "]\n', 'volume').volumes).toEqual(['/data', '/logs']);
    expect(errs('FROM a\nVOLUME ["/data", " "]\n')).toEqual([[2, 'VOLUME specified can not be an empty string']]);
    expect(only('FROM a\nUSER app:app\n', 'user').user).toBe('app:app');
    expect(only('FROM a\nWORKDIR /my dir\n', 'workdir').path).toBe('/my dir');
  });
  it('ONBUILD keeps the trigger expression', () => {
    expect(only('FROM a\nONBUILD RUN echo hi\n', 'onbuild').expression).toBe('RUN echo hi');
    expect(only('FROM a\n  onbuild   COPY <<EOF /x\nbody\nEOF\n', 'onbuild').expression).toBe('COPY <<EOF /x\nbody\nEOF');
    expect(errs('FROM a\nONBUILD ONBUILD RUN x\n')).toEqual([[2, 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed']]);
    expect(errs('FROM a\nONBUILD FROM scratch\n')).toEqual([[2, "FROM isn't allowed as an ONBUILD trigger"]]);
    expect(errs('FROM a\nONBUILD maintainer x\n')).toEqual([[2, "MAINTAINER isn't allowed as an ONBUILD trigger"]]);
  });
  it('MAINTAINER with an unknown flag', () => {
    expect(errs('FROM a\nMAINTAINER --boo joe@example.com\n')).toEqual([[2, 'unknown flag: --boo']]);
  });
});

describe('comments as documentation (TestCommentsDetection)', () => {
  it('keeps doc comments of stages', () => {
    const r = parse('# foo sets foo\nARG foo=bar\n\n# base defines first stage\nFROM busybox AS base\n# this is irrelevant\nARG foo\n');
    expect(r.stages[0].docComment).toBe('defines first stage');
    expect(r.metaArgs[0].node.prevComment).toEqual(['foo sets foo']);
  });
});

describe('command kinds', () => {
  it('maps every instruction', () => {
    const text = 'FROM a\nRUN x\nCMD x\nLABEL a=b\nMAINTAINER m\nEXPOSE 1\nENV a=b\nADD a b\nCOPY a b\nENTRYPOINT x\nVOLUME /v\nUSER u\nWORKDIR /w\nARG a\nONBUILD RUN x\nSTOPSIGNAL 9\nHEALTHCHECK NONE\nSHELL ["sh"]\n';
    expect(cmds(text).map((c) => c.kind)).toEqual([
      'run', 'cmd', 'label', 'maintainer', 'expose', 'env', 'add', 'copy', 'entrypoint', 'volume', 'user',
      'workdir', 'arg', 'onbuild', 'stopsignal', 'healthcheck', 'shell',
    ]);
  });
});
