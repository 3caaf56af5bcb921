/**
 * Rule metadata: every rule of BuildKit's check ruleset (`frontend/dockerfile/linter/ruleset.go`,
 * moby/buildkit at 73ed6825) with its exact id, description, documentation URL, default
 * severity (BuildKit's are all warnings) and message text, plus Stagecraft's own rules, whose ids
 * never reuse a BuildKit id and whose URLs point into our README.
 *
 * `InvalidBaseImagePlatform` is listed for completeness but never reported: it compares the
 * platform of the pulled base image with the target platform, which needs image metadata from
 * a registry (`convert.go` `resolveBaseImage` -> `validateBaseImagePlatform`). Out of scope.
 */
import type { Severity } from '../types.ts';
import { goQuote } from '../args/lex.ts';

export type RuleSource = 'buildkit' | 'stagecraft';

/**
 * When BuildKit runs the rule: `parse` while parsing or before dispatch (every stage),
 * `dispatch` while dispatching (only the stages the target needs). Stagecraft's rules are
 * `analysis` rules: they read the whole Analysis.
 */
export type RulePhase = 'parse' | 'dispatch' | 'analysis' | 'none';

export interface RuleMeta {
  id: string;
  source: RuleSource;
  /** one line: BuildKit's `Description` for its rules */
  description: string;
  url: string;
  severity: Severity;
  phase: RulePhase;
  /** BuildKit's `Experimental`: off unless `# check=experimental=<id>|all` */
  experimental?: boolean;
  /** reported by Stagecraft (false only for InvalidBaseImagePlatform) */
  implemented: boolean;
  /** where the logic lives (BuildKit function, or Stagecraft's rule file) */
  origin: string;
  /** for Stagecraft's rules: why it matters and how to fix it (README) */
  help?: string;
}

const BK = 'https://docs.docker.com/go/dockerfile/rule/';
export const README_URL = 'https://github.com/stagecraft/stagecraft';
const sc = (id: string) => `${README_URL}#rule-${id.toLowerCase()}`;

/**
 * BuildKit's message formats (`LinterRule.Format`), character for character. Go's `%q` is
 * `goQuote` (strconv.Quote); `%s`/`%v` are the value as is.
 */
export const fmt = {
  StageNameCasing: (stageName: string) => `Stage name '${stageName}' should be lowercase`,
  FromAsCasing: (from: string, as: string) => `'${as}' and '${from}' keywords' casing do not match`,
  NoEmptyContinuation: () => 'Empty continuation line',
  ConsistentInstructionCasing: (violatingCommand: string, correctCasing: string) =>
    `Command '${violatingCommand}' should match the case of the command majority (${correctCasing})`,
  DuplicateStageName: (stageName: string) => `Duplicate stage name ${goQuote(stageName)}, stage names should be unique`,
  ReservedStageName: (reservedStageName: string) =>
    `Stage name should not use the same name as reserved stage ${goQuote(reservedStageName)}`,
  JSONArgsRecommended: (instructionName: string) =>
    `JSON arguments recommended for ${instructionName} to prevent unintended behavior related to OS signals`,
  MaintainerDeprecated: () => 'Maintainer instruction is deprecated in favor of using label',
  UndefinedArgInFrom: (baseArg: string, suggest: string) =>
    `FROM argument '${baseArg}' is not declared` + (suggest !== '' ? ` (did you mean ${suggest}?)` : ''),
  WorkdirRelativePath: (workdir: string) =>
    `Relative workdir ${goQuote(workdir)} can have unexpected results if the base image changes`,
  UndefinedVar: (arg: string, suggest: string) =>
    `Usage of undefined variable '$${arg}'` + (suggest !== '' ? ` (did you mean $${suggest}?)` : ''),
  MultipleInstructionsDisallowed: (instructionName: string) =>
    `Multiple ${instructionName} instructions should not be used in the same stage because only the last one will be used`,
  LegacyKeyValueFormat: (cmdName: string) =>
    `"${cmdName} key=value" should be used instead of legacy "${cmdName} key value" format`,
  InvalidBaseImagePlatform: (image: string, expected: string, actual: string) =>
    `Base image ${image} was pulled with platform ${goQuote(actual)}, expected ${goQuote(expected)} for current build`,
  RedundantTargetPlatform: (platformVar: string) =>
    `Setting platform to predefined ${platformVar} in FROM is redundant as this is the default behavior`,
  SecretsUsedInArgOrEnv: (instruction: string, secretKey: string) =>
    `Do not use ARG or ENV instructions for sensitive data (${instruction} ${goQuote(secretKey)})`,
  InvalidDefaultArgInFrom: (baseName: string) =>
    `Default value for ARG ${baseName} results in empty or invalid base image name`,
  FromPlatformFlagConstDisallowed: (platform: string) =>
    `FROM --platform flag should not use constant value ${goQuote(platform)}`,
  CopyIgnoredFile: (cmd: string, file: string) =>
    `Attempting to ${cmd} file ${goQuote(file)} that is excluded by .dockerignore`,
  InvalidDefinitionDescription: (instruction: string, defName: string) =>
    `Comment for ${instruction} should follow the format: \`# ${defName} <description>\``,
  ExposeProtoCasing: (port: string) => `Defined protocol '${port}' in EXPOSE instruction should be lowercase`,
  ExposeInvalidFormat: (port: string) =>
    `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`,
};

function bk(
  id: string,
  slug: string,
  description: string,
  phase: RulePhase,
  origin: string,
  extra: Partial<RuleMeta> = {},
): RuleMeta {
  return { id, source: 'buildkit', description, url: BK + slug + '/', severity: 'warning', phase, implemented: true, origin, ...extra };
}

/** BuildKit's ruleset, in ruleset.go order. */
export const buildkitRules: RuleMeta[] = [
  bk('StageNameCasing', 'stage-name-casing', 'Stage names should be lowercase', 'parse', 'instructions/parse.go ParseInstructionWithLinter (isLowerCaseStageName)'),
  bk('FromAsCasing', 'from-as-casing', "The 'as' keyword should match the case of the 'from' keyword", 'parse', 'instructions/parse.go ParseInstructionWithLinter (doesFromCaseMatchAsCase)'),
  bk('NoEmptyContinuation', 'no-empty-continuation', 'Empty continuation lines will become errors in a future release', 'parse', 'parser/parser.go Parse (warnings) -> convert.go toDispatchState'),
  bk('ConsistentInstructionCasing', 'consistent-instruction-casing', 'All commands within the Dockerfile should use the same casing (either upper or lower)', 'parse', 'dockerfile2llb/validations.go validateCommandCasing/validateCaseMatch'),
  bk('DuplicateStageName', 'duplicate-stage-name', 'Stage names should be unique', 'parse', 'dockerfile2llb/validations.go validateStageNames'),
  bk('ReservedStageName', 'reserved-stage-name', 'Reserved words should not be used as stage names', 'parse', 'dockerfile2llb/validations.go validateStageNames'),
  bk('JSONArgsRecommended', 'json-args-recommended', 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals', 'dispatch', 'dockerfile2llb/convert.go dispatchCmd/dispatchEntrypoint'),
  bk('MaintainerDeprecated', 'maintainer-deprecated', 'The MAINTAINER instruction is deprecated, use a label instead to define an image author', 'parse', 'instructions/parse.go ParseInstructionWithLinter'),
  bk('UndefinedArgInFrom', 'undefined-arg-in-from', 'FROM command must use declared ARGs', 'parse', 'dockerfile2llb/convert.go buildDispatchStates -> validations.go reportUnusedFromArgs'),
  bk('WorkdirRelativePath', 'workdir-relative-path', 'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes', 'dispatch', 'dockerfile2llb/convert.go dispatchWorkdir'),
  bk('UndefinedVar', 'undefined-var', 'Variables should be defined before their use', 'dispatch', 'dockerfile2llb/convert.go dispatch -> validations.go reportUnmatchedVariables'),
  bk('MultipleInstructionsDisallowed', 'multiple-instructions-disallowed', 'Multiple instructions of the same type should not be used in the same stage', 'dispatch', 'dockerfile2llb/validations.go validateUsedOnce'),
  bk('LegacyKeyValueFormat', 'legacy-key-value-format', 'Legacy key/value format with whitespace separator should not be used', 'dispatch', 'dockerfile2llb/convert.go dispatchEnv/dispatchLabel'),
  {
    id: 'InvalidBaseImagePlatform',
    source: 'buildkit',
    description: 'Base image platform does not match expected target platform',
    // ruleset.go gives this rule no URL; this is the documentation page of the rule.
    url: BK + 'invalid-base-image-platform/',
    severity: 'warning',
    phase: 'none',
    implemented: false,
    origin: 'dockerfile2llb/validations.go validateBaseImagePlatform (needs registry metadata: out of scope)',
  },
  bk('RedundantTargetPlatform', 'redundant-target-platform', 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior', 'parse', 'dockerfile2llb/validations.go reportRedundantTargetPlatform'),
  bk('SecretsUsedInArgOrEnv', 'secrets-used-in-arg-or-env', 'Sensitive data should not be used in the ARG or ENV commands', 'dispatch', 'dockerfile2llb/validations.go validateNoSecretKey/getSecretsRegex'),
  bk('InvalidDefaultArgInFrom', 'invalid-default-arg-in-from', 'Default value for global ARG results in an empty or invalid base image name', 'parse', 'dockerfile2llb/validations.go validateBaseImagesWithDefaultArgs'),
  bk('FromPlatformFlagConstDisallowed', 'from-platform-flag-const-disallowed', 'FROM --platform flag should not use a constant value', 'parse', 'dockerfile2llb/validations.go reportConstPlatformDisallowed'),
  bk('CopyIgnoredFile', 'copy-ignored-file', 'Attempting to Copy file that is excluded by .dockerignore', 'dispatch', 'dockerfile2llb/validations.go validateCopySourcePath'),
  bk(
    'InvalidDefinitionDescription',
    'invalid-definition-description',
    'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.',
    'parse',
    'instructions/parse.go validateDefinitionDescription',
    { experimental: true },
  ),
  bk('ExposeProtoCasing', 'expose-proto-casing', 'Protocol in EXPOSE instruction should be lowercase', 'dispatch', 'dockerfile2llb/convert_expose.go parsePort'),
  bk('ExposeInvalidFormat', 'expose-invalid-format', 'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release', 'dispatch', 'dockerfile2llb/convert_expose.go parsePort'),
];

function own(id: string, severity: Severity, description: string, help: string, origin: string): RuleMeta {
  return { id, source: 'stagecraft', description, url: sc(id), severity, phase: 'analysis', implemented: true, origin, help };
}

/** Stagecraft's own rules (judged on the stages that reach the target). */
export const stagecraftRules: RuleMeta[] = [
  own(
    'InstallAfterCopyAll',
    'warning',
    'Dependency install runs after the whole context was copied into the stage',
    'Any change to any file invalidates the layer cache of `COPY . .`, so the install after it runs again on every code change. Copy the manifests first (package.json + lock file, requirements.txt, go.mod/go.sum, Cargo.toml/Cargo.lock, Gemfile.lock, pom.xml, composer.lock...), install, then copy the rest.',
    'lint/rules/installAfterCopyAll.ts',
  ),
  own(
    'ToolchainInFinalStage',
    'warning',
    'The final stage is built on a compiler/SDK image',
    'Toolchain images (golang, rust, full node, maven/gradle/JDK, gcc, .NET SDK) are hundreds of MB of compilers and package managers the running app does not need, and a bigger attack surface. Build in a stage on the toolchain image and COPY --from it only the artifacts into a slim, distroless or scratch base.',
    'lint/rules/toolchainInFinalStage.ts',
  ),
  own(
    'RootInFinalStage',
    'warning',
    'The final stage runs as root',
    'Without `USER`, or with `USER root`, the container process runs as uid 0. Add a `USER` with an unprivileged uid at the end of the final stage, or use a base that is non-root by default (distroless `:nonroot`, Chainguard).',
    'lint/rules/rootInFinalStage.ts',
  ),
  own(
    'UnpinnedBaseImage',
    'warning',
    'A needed stage uses a base image without a version tag or with `:latest`',
    'Builds from `:latest` (or no tag, which means latest) change whenever the image is republished: builds are not reproducible and break without any change of yours. Pin a version tag, ideally with a digest (`image:1.2@sha256:...`).',
    'lint/rules/unpinnedBaseImage.ts',
  ),
  own(
    'CopyAllInFinalStage',
    'warning',
    '`COPY . .` into the final stage of a multi-stage build',
    'The point of a multi-stage build is that the final image only holds what runs. Copying the whole context into the final stage brings sources, tests and build files back. COPY --from the build stage only the artifacts (or copy named files).',
    'lint/rules/copyAllInFinalStage.ts',
  ),
  own(
    'NoDockerignore',
    'warning',
    'The context is copied without a .dockerignore while it holds .git, node_modules or .env files',
    'Without a .dockerignore, `COPY . .` sends everything to the builder and into the image: the git history, host-built node_modules (wrong platform, huge), and env files with secrets. Add a .dockerignore listing them.',
    'lint/rules/noDockerignore.ts',
  ),
  own(
    'SecretInFinalImage',
    'error',
    'A context file that looks like a secret reaches the final image',
    'Files such as `.env`, `*.pem`, `*.key`, `id_rsa` or `.npmrc` (which often holds a registry token) end up readable by anyone who pulls the image. Exclude them in .dockerignore and pass secrets with `RUN --mount=type=secret`.',
    'lint/rules/secretInFinalImage.ts',
  ),
  own(
    'AptListsNotCleaned',
    'warning',
    '`apt-get install` leaves the package lists in the image',
    '`apt-get update` downloads tens of MB into /var/lib/apt/lists, which stay in the layer unless the same RUN removes them (`rm -rf /var/lib/apt/lists/*`) or they live in a cache mount (`--mount=type=cache,target=/var/lib/apt`).',
    'lint/rules/aptListsNotCleaned.ts',
  ),
  own(
    'NoCacheMount',
    'info',
    'A package manager runs without a cache mount',
    'With `RUN --mount=type=cache,target=<cache dir>` BuildKit keeps the package manager\'s download cache between builds, so a changed lock file does not download everything again, and the cache never lands in the image.',
    'lint/rules/noCacheMount.ts',
  ),
  own(
    'UnusedStage',
    'info',
    'A stage that no target builds and nothing references',
    'An unnamed stage that is not the last one and that no other stage uses is never built: no `--target` can name it. Remove it, name it, or reference it.',
    'lint/rules/unusedStage.ts',
  ),
  own(
    'InvalidCheckDirective',
    'error',
    'The `# check=` directive (or BUILDKIT_DOCKERFILE_CHECK) cannot be parsed',
    'BuildKit fails the build with "failed to parse check options". The value is `skip=<Rule,...|all>;error=<bool>;experimental=<Rule,...|all>` with no spaces (BuildKit reads the directive value only up to the first space).',
    'lint/directive.ts',
  ),
  own(
    'InvalidStagecraftDirective',
    'warning',
    'A `# stagecraft:` comment cannot be parsed',
    'The comment is `# stagecraft: skip=<Rule,...|all>;error=<bool>`; unknown options are ignored.',
    'lint/directive.ts',
  ),
];

export const allRules: RuleMeta[] = [...buildkitRules, ...stagecraftRules];

const byId = new Map(allRules.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id);
}

export function isBuildkitRule(id: string): boolean {
  return byId.get(id)?.source === 'buildkit';
}
