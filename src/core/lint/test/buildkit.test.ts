/**
 * BuildKit's check rules: each fires where `docker build` fires (same line, same message) and
 * stays silent where it is silent. The expectations follow BuildKit's behaviour as its own
 * integration tests record it (`frontend/dockerfile/dockerfile_check_test.go`, moby/buildkit
 * 73ed6825), plus cases of our own for the stage-reachability rules.
 */
import { describe, expect, it } from 'vitest';
import { bkWarnings, diagnostics, w } from './helpers.ts';

describe('StageNameCasing / FromAsCasing', () => {
  it('flags an upper-case stage name and a lower-case as after FROM', () => {
    const df = `
# warning: stage name should be lowercase
#
FROM scratch AS BadStageName

# warning: 'as' should match 'FROM' cmd casing.
#
FROM scratch as base2

FROM scratch AS base3
`;
    expect(bkWarnings(df)).toEqual([
      w('StageNameCasing', 4, "Stage name 'BadStageName' should be lowercase"),
      w('FromAsCasing', 8, "'as' and 'FROM' keywords' casing do not match"),
    ]);
  });

  it('flags AS after a lower-case from', () => {
    const df = `
from scratch AS base

from scratch as base2
`;
    expect(bkWarnings(df)).toEqual([w('FromAsCasing', 2, "'AS' and 'from' keywords' casing do not match")]);
  });

  it('leaves `as` alone when FROM itself is mixed case (ConsistentInstructionCasing covers it)', () => {
    const df = `From scratch as base
FROM scratch AS base2
FROM scratch AS base3
`;
    expect(bkWarnings(df).map((x) => x.rule)).toEqual(['ConsistentInstructionCasing']);
  });

  it('runs on stages the target does not need (parse time)', () => {
    const df = `FROM scratch AS Unused
FROM scratch AS final
`;
    expect(bkWarnings(df, { target: 'final' })).toEqual([w('StageNameCasing', 1, "Stage name 'Unused' should be lowercase")]);
  });
});

describe('NoEmptyContinuation', () => {
  it('is reported at the last line of the instruction', () => {
    const df = `
FROM scratch
# warning: empty continuation line
COPY Dockerfile \\

.
COPY Dockerfile \\
.
`;
    expect(bkWarnings(df)).toEqual([w('NoEmptyContinuation', 6, 'Empty continuation line')]);
  });
});

describe('ConsistentInstructionCasing', () => {
  const msg = (cmd: string, c: string) => `Command '${cmd}' should match the case of the command majority (${c})`;
  it('mixed-case FROM against an upper-case majority', () => {
    expect(bkWarnings(`
# comment
#
From scratch as base
FROM scratch AS base2
`)).toEqual([w('ConsistentInstructionCasing', 4, msg('From', 'uppercase'))]);
  });
  it('one lower-case copy among upper case', () => {
    expect(bkWarnings(`
FROM scratch
copy Dockerfile /foo
COPY Dockerfile /bar
`)).toEqual([w('ConsistentInstructionCasing', 3, msg('copy', 'uppercase'))]);
  });
  it('mixed case against a lower-case majority', () => {
    expect(bkWarnings(`
frOM scratch as base
from scratch as base2
`)).toEqual([w('ConsistentInstructionCasing', 2, msg('frOM', 'lowercase'))]);
  });
  it('upper COPY among lower case', () => {
    expect(bkWarnings(`
from scratch
COPY Dockerfile /foo
copy Dockerfile /bar
`)).toEqual([w('ConsistentInstructionCasing', 3, msg('COPY', 'lowercase'))]);
  });
  it('majority wins over the first instruction', () => {
    expect(bkWarnings(`
from scratch
COPY Dockerfile /foo
COPY Dockerfile /bar
COPY Dockerfile /baz
`)).toEqual([w('ConsistentInstructionCasing', 2, msg('from', 'uppercase'))]);
    expect(bkWarnings(`
FROM scratch
copy Dockerfile /foo
copy Dockerfile /bar
copy Dockerfile /baz
`)).toEqual([w('ConsistentInstructionCasing', 2, msg('FROM', 'lowercase'))]);
  });
  it('a tie is uppercase', () => {
    expect(bkWarnings(`from scratch
COPY a /a
`)).toEqual([w('ConsistentInstructionCasing', 1, msg('from', 'uppercase'))]);
  });
  it('is silent on consistent files and heredoc bodies', () => {
    expect(bkWarnings('from scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n')).toEqual([]);
    expect(bkWarnings('FROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\n')).toEqual([]);
    expect(bkWarnings("FROM alpine:3.20\nRUN <<'EOT'\nenv\nEOT\n")).toEqual([]);
  });
  it('ignores ARGs before the first FROM', () => {
    expect(bkWarnings('arg x=1\nFROM scratch\nCOPY a /a\n')).toEqual([]);
  });
  it('covers stages the target does not need', () => {
    expect(bkWarnings('FROM scratch AS a\ncopy a /a\nFROM scratch AS b\nCOPY b /b\nCOPY c /c\n', { target: 'b' })).toEqual([
      w('ConsistentInstructionCasing', 2, msg('copy', 'uppercase')),
    ]);
  });
});

describe('DuplicateStageName / ReservedStageName', () => {
  it('reports the later duplicate, case-insensitively', () => {
    expect(bkWarnings('\nFROM scratch AS b\nFROM scratch AS b\n')).toEqual([
      w('DuplicateStageName', 3, 'Duplicate stage name "b", stage names should be unique'),
    ]);
    expect(bkWarnings('FROM scratch AS b\nFROM scratch AS B\n').filter((x) => x.rule === 'DuplicateStageName')).toEqual([
      w('DuplicateStageName', 2, 'Duplicate stage name "b", stage names should be unique'),
    ]);
    expect(bkWarnings('\nFROM scratch AS b1\nFROM scratch AS b2\n')).toEqual([]);
  });
  it('reports scratch and context as stage names', () => {
    expect(bkWarnings('\nFROM scratch AS scratch\nFROM scratch AS context\n')).toEqual([
      w('ReservedStageName', 2, 'Stage name should not use the same name as reserved stage "scratch"'),
      w('ReservedStageName', 3, 'Stage name should not use the same name as reserved stage "context"'),
    ]);
    expect(bkWarnings('\nFROM scratch\nFROM scratch AS a\n')).toEqual([]);
  });
});

describe('JSONArgsRecommended', () => {
  const msg = (i: string) => `JSON arguments recommended for ${i} to prevent unintended behavior related to OS signals`;
  it('flags shell-form CMD and ENTRYPOINT', () => {
    expect(bkWarnings('\nFROM scratch\nCMD mycommand\n')).toEqual([w('JSONArgsRecommended', 3, msg('CMD'))]);
    expect(bkWarnings('\nFROM scratch\nENTRYPOINT mycommand\n')).toEqual([w('JSONArgsRecommended', 3, msg('ENTRYPOINT'))]);
  });
  it('uses the keyword as written', () => {
    expect(bkWarnings('from scratch\ncmd mycommand\n')).toEqual([w('JSONArgsRecommended', 2, msg('cmd'))]);
  });
  it('is silent with a SHELL, also one inherited from a base stage', () => {
    expect(bkWarnings('\nFROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n')).toEqual([]);
    expect(bkWarnings('\nFROM scratch\nSHELL ["/usr/bin/customshell"]\nENTRYPOINT mycommand\n')).toEqual([]);
    expect(bkWarnings('\nFROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nCMD mycommand\n')).toEqual([]);
    expect(bkWarnings('\nFROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nENTRYPOINT mycommand\n')).toEqual([]);
  });
  it('is silent in JSON form and in stages the target does not need', () => {
    expect(bkWarnings('FROM scratch\nCMD ["a"]\n')).toEqual([]);
    expect(bkWarnings('FROM scratch AS a\nCMD mycommand\nFROM scratch AS b\nCMD ["x"]\n')).toEqual([]);
  });
  it('honours a per-instruction check comment', () => {
    expect(bkWarnings('\nFROM scratch\n# check=skip=JSONArgsRecommended\nCMD mycommand\n')).toEqual([]);
    expect(bkWarnings('\nFROM scratch\n# check=skip=JSONArgsRecommended\nENTRYPOINT mycommand\n')).toEqual([]);
  });
});

describe('MaintainerDeprecated', () => {
  it('flags MAINTAINER', () => {
    expect(bkWarnings('\nFROM scratch\nMAINTAINER me@example.org\n')).toEqual([
      w('MaintainerDeprecated', 3, 'Maintainer instruction is deprecated in favor of using label'),
    ]);
  });
  it('is silent for the label and when skipped above the instruction', () => {
    expect(bkWarnings('\nFROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n')).toEqual([]);
    expect(bkWarnings('\nFROM scratch\n# check=skip=MaintainerDeprecated\nMAINTAINER me@example.org\n')).toEqual([]);
  });
  it('warnings before a parse error are kept', () => {
    const ws = bkWarnings('\nFROM scratch AS BadStageName\nMAINTAINER me@example.org\nBADCMD\n');
    expect(ws).toEqual([
      w('StageNameCasing', 2, "Stage name 'BadStageName' should be lowercase"),
      w('MaintainerDeprecated', 3, 'Maintainer instruction is deprecated in favor of using label'),
    ]);
  });
});

describe('UndefinedArgInFrom', () => {
  it('is silent for declared and predeclared ARGs, also inside defaults of declared ones', () => {
    expect(bkWarnings('\nARG base=scratch\nFROM $base\nCOPY Dockerfile .\n')).toEqual([]);
    expect(bkWarnings('\nARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n').filter((x) => x.rule === 'UndefinedArgInFrom')).toEqual([]);
    expect(bkWarnings('\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n')).toEqual([]);
    expect(bkWarnings('\nARG DEBUG\nFROM scratch${DEBUG}\nCOPY Dockerfile .\n')).toEqual([]);
    expect(bkWarnings('\nARG DEBUG\nFROM scra${DEBUG:-tch}\nCOPY Dockerfile .\n')).toEqual([]);
    expect(bkWarnings('\nARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\nCOPY Dockerfile .\n')).toEqual([]);
  });
  it('flags a typo in --platform with a suggestion', () => {
    expect(bkWarnings('\nFROM --platform=$BULIDPLATFORM scratch\nCOPY Dockerfile .\n').filter((x) => x.rule === 'UndefinedArgInFrom')).toEqual([
      w('UndefinedArgInFrom', 2, "FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?)"),
    ]);
  });
  it('suggests a declared global ARG', () => {
    const df = '\nARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\nCOPY Dockerfile .\n';
    expect(bkWarnings(df).filter((x) => x.rule === 'UndefinedArgInFrom')).toEqual([
      w('UndefinedArgInFrom', 4, "FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?)"),
    ]);
  });
  it('flags an undeclared name without suggestion', () => {
    expect(bkWarnings('\nARG tag=latest\nFROM busybox:${tag}${version} AS b\nCOPY Dockerfile .\n')).toEqual([
      w('UndefinedArgInFrom', 3, "FROM argument 'version' is not declared"),
    ]);
  });
  it('counts names used only inside a default', () => {
    expect(bkWarnings('FROM alpine:${TAG:-3.20}\n')).toEqual([w('UndefinedArgInFrom', 1, "FROM argument 'TAG' is not declared")]);
  });
  it('runs on every stage, needed or not', () => {
    expect(bkWarnings('FROM alpine:${NOPE:-3} AS a\nFROM scratch AS b\n', { target: 'b' })).toEqual([
      w('UndefinedArgInFrom', 1, "FROM argument 'NOPE' is not declared"),
    ]);
  });
  it('an ARG declared inside a stage does not count for FROM', () => {
    expect(bkWarnings('FROM scratch\nARG V=1\nFROM alpine:${V:-3}\n').map((x) => x.rule)).toContain('UndefinedArgInFrom');
  });
});

describe('WorkdirRelativePath', () => {
  it('flags the first relative WORKDIR', () => {
    expect(bkWarnings('\nFROM scratch\nWORKDIR app/\n')).toEqual([
      w('WorkdirRelativePath', 3, 'Relative workdir "app/" can have unexpected results if the base image changes'),
    ]);
  });
  it('is silent after an absolute WORKDIR, also one inherited from a base stage', () => {
    expect(bkWarnings('\nFROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n')).toEqual([]);
    expect(bkWarnings('FROM scratch\nWORKDIR /app\nWORKDIR sub\n')).toEqual([]);
  });
  it('reports only the first of several relative WORKDIRs', () => {
    expect(bkWarnings('FROM scratch\nWORKDIR a\nWORKDIR b\n').map((x) => x.line)).toEqual([2]);
  });
  it('uses the expanded path', () => {
    expect(bkWarnings('FROM scratch\nENV D=rel\nWORKDIR $D\n')).toEqual([
      w('WorkdirRelativePath', 3, 'Relative workdir "rel" can have unexpected results if the base image changes'),
    ]);
  });
  it('is silent when skipped or in stages not needed', () => {
    expect(bkWarnings('\nFROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR app/\n')).toEqual([]);
    expect(bkWarnings('FROM scratch AS a\nWORKDIR app\nFROM scratch AS b\n')).toEqual([]);
  });
});

describe('UndefinedVar', () => {
  it('is silent for declared ARGs (even without value), ARGs of the base stage and PATH', () => {
    expect(bkWarnings('\nFROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n')).toEqual([]);
    expect(bkWarnings('\nFROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n').filter((x) => x.rule === 'UndefinedVar')).toEqual([]);
    expect(bkWarnings('\nFROM alpine:3\nRUN echo $PATH\n')).toEqual([]);
  });
  it('flags use before declaration', () => {
    expect(bkWarnings('\nFROM alpine:3\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n')).toEqual([
      w('UndefinedVar', 3, "Usage of undefined variable '$foo'"),
    ]);
  });
  it('suggests the closest name', () => {
    expect(bkWarnings('\nFROM alpine:3\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n')).toEqual([
      w('UndefinedVar', 6, "Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?)"),
    ]);
    expect(bkWarnings('\nFROM alpine:3\nENV PATH=$PAHT:/tmp/bin\n')).toEqual([
      w('UndefinedVar', 3, "Usage of undefined variable '$PAHT' (did you mean $PATH?)"),
    ]);
  });
  it('only in the stages the target needs', () => {
    const df = '\nFROM scratch AS first\nCOPY $foo .\n\nFROM scratch AS second\nCOPY $bar .\n';
    expect(bkWarnings(df)).toEqual([w('UndefinedVar', 6, "Usage of undefined variable '$bar'")]);
    expect(bkWarnings(df, { target: 'first' })).toEqual([w('UndefinedVar', 3, "Usage of undefined variable '$foo'")]);
  });
  it('checks an ARG default against the ARGs declared before it', () => {
    expect(bkWarnings('FROM scratch\nARG a=$a\n')).toEqual([w('UndefinedVar', 2, "Usage of undefined variable '$a'")]);
    expect(bkWarnings('FROM scratch\nARG a b=$a\n')).toEqual([]);
  });
  it('ignores BUILDKIT_SBOM_SCAN_* and RUN bodies', () => {
    expect(bkWarnings('FROM scratch\nCOPY ${BUILDKIT_SBOM_SCAN_STAGE}x .\n')).toEqual([]);
    expect(bkWarnings('FROM alpine:3\nRUN echo $NOT_DEFINED\n')).toEqual([]);
  });
});

describe('MultipleInstructionsDisallowed', () => {
  const msg = (i: string) => `Multiple ${i} instructions should not be used in the same stage because only the last one will be used`;
  it('points at the overridden (earlier) instruction', () => {
    const df = '\nFROM scratch\nENTRYPOINT ["/myapp"]\nENTRYPOINT ["/myotherapp"]\nCMD ["/myapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
    expect(bkWarnings(df)).toEqual([
      w('MultipleInstructionsDisallowed', 3, msg('ENTRYPOINT')),
      w('MultipleInstructionsDisallowed', 5, msg('CMD')),
      w('MultipleInstructionsDisallowed', 7, msg('HEALTHCHECK')),
    ]);
  });
  it('across other instructions, heredocs included', () => {
    const df = '\nFROM scratch\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\nCOPY <<EOF /a.txt\nHello, World!\nEOF\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
    expect(bkWarnings(df)).toEqual([
      w('MultipleInstructionsDisallowed', 3, msg('ENTRYPOINT')),
      w('MultipleInstructionsDisallowed', 4, msg('CMD')),
      w('MultipleInstructionsDisallowed', 5, msg('HEALTHCHECK')),
    ]);
  });
  it('is per stage: a stage built on another starts fresh', () => {
    const df = '\nFROM scratch AS a\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\n\nFROM a AS b\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n';
    expect(bkWarnings(df)).toEqual([]);
  });
  it('names the instruction as the later one is written', () => {
    expect(bkWarnings('FROM scratch\nCMD ["a"]\nCMD ["b"]\n')[0]).toEqual(w('MultipleInstructionsDisallowed', 2, msg('CMD')));
  });
});

describe('LegacyKeyValueFormat', () => {
  it('flags ENV and LABEL in the legacy form', () => {
    expect(bkWarnings('\nFROM scratch\nENV testkey value\nLABEL key value\n')).toEqual([
      w('LegacyKeyValueFormat', 3, '"ENV key=value" should be used instead of legacy "ENV key value" format'),
      w('LegacyKeyValueFormat', 4, '"LABEL key=value" should be used instead of legacy "LABEL key value" format'),
    ]);
  });
  it('is silent for key=value, in stages not needed, and when skipped', () => {
    expect(bkWarnings('\nFROM scratch\nENV testkey=value\nLABEL key=value\n')).toEqual([]);
    expect(bkWarnings('\nFROM scratch AS a\n\nFROM a AS b\nENV testkey value\nLABEL key value\n\nFROM a AS c\n')).toEqual([]);
    expect(bkWarnings('\nFROM scratch\n# check=skip=LegacyKeyValueFormat\nENV testkey value\n# check=skip=LegacyKeyValueFormat\nLABEL key value\n')).toEqual([]);
  });
  it('runs in the stage the target selects', () => {
    const df = '\nFROM scratch AS a\n\nFROM a AS b\nENV testkey value\nLABEL key value\n\nFROM a AS c\n';
    expect(bkWarnings(df, { target: 'b' }).map((x) => x.line)).toEqual([5, 6]);
  });
});

describe('RedundantTargetPlatform', () => {
  it('flags $TARGETPLATFORM and ${TARGETPLATFORM}', () => {
    expect(bkWarnings('\nFROM --platform=$TARGETPLATFORM scratch\n')).toEqual([
      w('RedundantTargetPlatform', 2, 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior'),
    ]);
    expect(bkWarnings('\nFROM --platform=${TARGETPLATFORM} scratch\n')).toEqual([
      w('RedundantTargetPlatform', 2, 'Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant as this is the default behavior'),
    ]);
  });
  it('is silent when skipped or when the value is not exactly TARGETPLATFORM', () => {
    expect(bkWarnings('\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n')).toEqual([]);
    expect(bkWarnings('FROM --platform=$BUILDPLATFORM scratch\n')).toEqual([]);
    expect(bkWarnings('FROM --platform=${TARGETPLATFORM:+linux/arm64} scratch\n')).toEqual([]);
  });
});

describe('InvalidDefaultArgInFrom', () => {
  const msg = (b: string) => `Default value for ARG ${b} results in empty or invalid base image name`;
  it('uses the defaults only, ignoring --build-arg', () => {
    expect(bkWarnings('\nARG VERSION\nFROM busybox:$VERSION\n', { buildArgs: { VERSION: 'latest' } })).toEqual([
      w('InvalidDefaultArgInFrom', 3, msg('busybox:$VERSION')),
    ]);
    expect(bkWarnings('\nARG IMAGE\nFROM $IMAGE\n', { buildArgs: { IMAGE: 'busybox:latest' } })).toEqual([w('InvalidDefaultArgInFrom', 3, msg('$IMAGE'))]);
    expect(bkWarnings('\nARG SFX="box:"\nFROM busy${SFX}\n', { buildArgs: { SFX: 'box:latest' } })).toEqual([w('InvalidDefaultArgInFrom', 3, msg('busy${SFX}'))]);
  });
  it('is silent when the defaults give a valid reference', () => {
    expect(bkWarnings('\nARG VERSION="latest"\nFROM busybox:${VERSION}\n', { buildArgs: { VERSION: 'latest' } })).toEqual([]);
    expect(bkWarnings('\nARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n', { buildArgs: { BUSYBOX_VARIANT: '-musl' } })).toEqual([]);
    expect(bkWarnings('\n\tARG BUSYBOX_VARIANT\n\tFROM busybox:stable${BUSYBOX_VARIANT}\n\t', { buildArgs: { BUSYBOX_VARIANT: '-musl' } })).toEqual([]);
  });
});

describe('FromPlatformFlagConstDisallowed', () => {
  it('flags a constant platform', () => {
    expect(bkWarnings('\nFROM --platform=linux/amd64 scratch\n')).toEqual([
      w('FromPlatformFlagConstDisallowed', 2, 'FROM --platform flag should not use constant value "linux/amd64"'),
    ]);
  });
  it('is silent when the stage name mentions the OS or architecture, or a variable is used', () => {
    expect(bkWarnings('\nFROM --platform=linux/amd64 scratch AS my_amd64_stage\n').filter((x) => x.rule === 'FromPlatformFlagConstDisallowed')).toEqual([]);
    expect(bkWarnings('\nFROM --platform=linux/amd64 scratch AS linux\n')).toEqual([]);
    expect(bkWarnings('FROM --platform=$BUILDPLATFORM scratch\n')).toEqual([]);
  });
  it('normalises the architecture before comparing (x86_64 is amd64)', () => {
    expect(bkWarnings('FROM --platform=linux/x86_64 scratch AS build-amd64\n')).toEqual([]);
  });
});

describe('SecretsUsedInArgOrEnv', () => {
  it('deny and allow tokens, per key, per-instruction skips', () => {
    const df = `# check=skip=InvalidDefinitionDescription

FROM scratch
ARG SECRET_PASSPHRASE
ENV SUPER_Secret=foo
ENV password=bar secret=baz
ARG super_duper_secret_token=foo auth=bar
ENV apikey=bar sunflower=foo
ENV git_key=
ENV PUBLIC_KEY=
ARG public_token
ARG SECRET_PASSPHRASE_FILE
ENV password_file=bar secret_File=baz
ARG AUTH_MODULE_VERSION
# check=skip=SecretsUsedInArgOrEnv // allow secret in environment
ENV password=bar
# check=skip=SecretsUsedInArgOrEnv // allow secret in arg
ARG password
# check=skip=all // is local to only this instruction
ENV alternate_password=bar
# check=skip=all // is local to only this instruction
ARG alternate_password
`;
    const m = (i: string, k: string) => `Do not use ARG or ENV instructions for sensitive data (${i} "${k}")`;
    expect(bkWarnings(df)).toEqual([
      w('SecretsUsedInArgOrEnv', 4, m('ARG', 'SECRET_PASSPHRASE')),
      w('SecretsUsedInArgOrEnv', 5, m('ENV', 'SUPER_Secret')),
      w('SecretsUsedInArgOrEnv', 6, m('ENV', 'password')),
      w('SecretsUsedInArgOrEnv', 6, m('ENV', 'secret')),
      w('SecretsUsedInArgOrEnv', 7, m('ARG', 'auth')),
      w('SecretsUsedInArgOrEnv', 7, m('ARG', 'super_duper_secret_token')),
      w('SecretsUsedInArgOrEnv', 8, m('ENV', 'apikey')),
      w('SecretsUsedInArgOrEnv', 9, m('ENV', 'git_key')),
    ]);
  });
  it('only in needed stages', () => {
    expect(bkWarnings('FROM scratch AS a\nENV API_TOKEN=x\nFROM scratch AS b\n')).toEqual([]);
  });
});

describe('CopyIgnoredFile', () => {
  const msg = (c: string, f: string) => `Attempting to ${c} file "${f}" that is excluded by .dockerignore`;
  const files = ['Dockerfile', '.dockerignore'];
  it('flags COPY and ADD of an excluded file', () => {
    expect(bkWarnings('\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n', { files, dockerignore: '\nDockerfile\n' })).toEqual([
      w('CopyIgnoredFile', 3, msg('Copy', 'Dockerfile')),
      w('CopyIgnoredFile', 4, msg('Add', 'Dockerfile')),
    ]);
  });
  it('can be skipped', () => {
    expect(bkWarnings('# check=skip=CopyIgnoredFile\n\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n', { files, dockerignore: '\nDockerfile\n' })).toEqual([]);
  });
  it('ignores COPY --from sources', () => {
    const df = '\nFROM scratch AS base\nCOPY Dockerfile /foobar\nADD Dockerfile /windy\n\nFROM base\nCOPY --from=base /foobar /Dockerfile\n';
    expect(bkWarnings(df, { files, dockerignore: '\nfoobar\n' })).toEqual([]);
  });
  it('is skipped entirely when .dockerignore has an exception', () => {
    expect(bkWarnings('\nFROM scratch\nCOPY ./Dockerfile .\n', { files, dockerignore: '\n**\n!Dockerfile\n' })).toEqual([]);
    expect(bkWarnings('\nFROM scratch\nCOPY . .\n\t', { files, dockerignore: '\n**\n!Dockerfile\n' })).toEqual([]);
    expect(bkWarnings('FROM scratch\nCOPY secret.txt .\n', { files: [...files, 'secret.txt'], dockerignore: 'secret.txt\n!other\n' })).toEqual([]);
  });
  it('the context root only when every root entry is excluded', () => {
    expect(bkWarnings('\nFROM scratch\nCOPY . .\n', { files, dockerignore: '\n.*\n' })).toEqual([]);
    expect(bkWarnings('\nFROM scratch\nCOPY . .\n', { files, dockerignore: '\n*\n' })).toEqual([w('CopyIgnoredFile', 3, msg('Copy', '.'))]);
  });
  it('matches parent directories and cleans the source', () => {
    expect(bkWarnings('FROM scratch\nCOPY ./build/out.txt /o\n', { files: ['build/out.txt'], dockerignore: 'build\n' })).toEqual([
      w('CopyIgnoredFile', 2, msg('Copy', 'build/out.txt')),
    ]);
  });
  it('only in needed stages', () => {
    expect(bkWarnings('FROM scratch AS a\nCOPY Dockerfile .\nFROM scratch AS b\n', { files, dockerignore: 'Dockerfile\n' })).toEqual([]);
  });
});

describe('ExposeProtoCasing / ExposeInvalidFormat', () => {
  it('flags upper-case protocols per port', () => {
    expect(bkWarnings('\nFROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n')).toEqual([
      w('ExposeProtoCasing', 3, "Defined protocol '80/TcP' in EXPOSE instruction should be lowercase"),
      w('ExposeProtoCasing', 3, "Defined protocol '8080/TCP' in EXPOSE instruction should be lowercase"),
    ]);
  });
  it('flags IP addresses and host ports', () => {
    expect(bkWarnings('\nFROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n')).toEqual([
      w('ExposeInvalidFormat', 3, "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'"),
      w('ExposeInvalidFormat', 3, "EXPOSE instruction should not define an IP address or host-port mapping, found '5000:5000'"),
      w('ExposeInvalidFormat', 3, "EXPOSE instruction should not define an IP address or host-port mapping, found '[::1]:8080:8080'"),
    ]);
  });
  it('reads ports after expansion', () => {
    expect(bkWarnings('FROM scratch\nENV P=80/TCP\nEXPOSE $P\n')).toEqual([w('ExposeProtoCasing', 3, "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase")]);
  });
});

describe('InvalidDefinitionDescription (experimental)', () => {
  it('is off by default', () => {
    expect(bkWarnings('# bar this is the bar\nARG foo=bar\nFROM scratch\n')).toEqual([]);
  });
  it('runs when enabled with experimental=', () => {
    const df = `# check=experimental=InvalidDefinitionDescription
# bar this is the bar
ARG foo=bar
# BasE this is the BasE image
FROM scratch AS base
# definitely a bad comment
ARG version=latest
# definitely a bad comment
ARG foo=baz bar=qux baz=quux
`;
    const m = (i: string, k: string) => `Comment for ${i} should follow the format: \`# ${k} <description>\``;
    expect(bkWarnings(df)).toEqual([
      w('InvalidDefinitionDescription', 3, m('ARG', 'foo')),
      w('InvalidDefinitionDescription', 5, m('FROM', 'base')),
      w('InvalidDefinitionDescription', 7, m('ARG', 'version')),
      w('InvalidDefinitionDescription', 9, m('ARG', '<arg_key>')),
    ]);
  });
  it('is silent on well-formed descriptions, and skip=all does not turn it off', () => {
    const df = `# check=skip=all;experimental=InvalidDefinitionDescription
# foo this is the foo
ARG foo=bar

# base this is the base image
FROM scratch AS base

# version this is the version number
ARG version=latest

# baz this is the baz
ARG foo=baz bar=qux baz=quux
#
ARG bit=bat

# comment for something other than ARG or FROM
COPY Dockerfile .
`;
    expect(bkWarnings(df)).toEqual([]);
    expect(bkWarnings('# check=skip=all;experimental=all\n# nope\nARG foo=1\nFROM scratch\n').map((x) => x.rule)).toEqual(['InvalidDefinitionDescription']);
  });
});

describe('every diagnostic carries the rule URL and a warning severity by default', () => {
  it('URL and severity', () => {
    const ds = diagnostics('FROM scratch\nMAINTAINER x\n').filter((d) => d.rule === 'MaintainerDeprecated');
    expect(ds).toHaveLength(1);
    expect(ds[0].url).toBe('https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/');
    expect(ds[0].severity).toBe('warning');
    expect(ds[0].endLine).toBe(2);
    expect(ds[0].column).toBe(1);
  });
});

describe('stages the target does not need', () => {
  it('dispatch-time rules stay silent there, parse-time rules do not', () => {
    const df = `FROM alpine:3 AS dev
CMD ["a"]
CMD serve
EXPOSE 80/TCP 1.2.3.4:80:80
ENV k v
WORKDIR rel
COPY $nope .
FROM alpine:3 AS final
COPY x /x
`;
    expect(bkWarnings(df, { files: ['x'] })).toEqual([]);
    expect(bkWarnings(df, { target: 'dev', files: ['x'] }).map((x) => [x.rule, x.line])).toEqual([
      ['MultipleInstructionsDisallowed', 2],
      ['JSONArgsRecommended', 3],
      ['ExposeProtoCasing', 4],
      ['ExposeInvalidFormat', 4],
      ['LegacyKeyValueFormat', 5],
      ['WorkdirRelativePath', 6],
      ['UndefinedVar', 7],
    ]);
  });
  it('a stage is needed through COPY --from and RUN --mount from=', () => {
    const df = 'FROM alpine:3 AS a\nWORKDIR rel\nFROM alpine:3 AS b\nWORKDIR rel2\nFROM alpine:3\nCOPY --from=a /x /x\nRUN --mount=from=b,target=/b true\n';
    expect(bkWarnings(df).map((x) => x.line)).toEqual([2, 4]);
  });
});

describe('ONBUILD triggers', () => {
  it('are reported at the child stage FROM, without fixes', () => {
    const ds = diagnostics('FROM alpine:3 AS base\nONBUILD CMD serve\nFROM base\n').filter((d) => d.rule === 'JSONArgsRecommended');
    expect(ds.map((d) => d.line)).toEqual([3]);
    expect(ds[0].fix).toBeUndefined();
  });
});
