/** The rule registry: BuildKit's whole ruleset, our own ids never clashing, docs in RULES.md. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allRules, buildkitRules, fmt, stagecraftRules } from '../registry.ts';

// frontend/dockerfile/linter/ruleset.go at moby/buildkit 73ed6825, in file order
const ruleset = [
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName',
  'ReservedStageName', 'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath',
  'UndefinedVar', 'MultipleInstructionsDisallowed', 'LegacyKeyValueFormat', 'InvalidBaseImagePlatform',
  'RedundantTargetPlatform', 'SecretsUsedInArgOrEnv', 'InvalidDefaultArgInFrom', 'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile', 'InvalidDefinitionDescription', 'ExposeProtoCasing', 'ExposeInvalidFormat',
];

describe('registry', () => {
  it('has every rule of BuildKit\'s ruleset, as warnings', () => {
    expect(buildkitRules.map((r) => r.id)).toEqual(ruleset);
    for (const r of buildkitRules) expect(r.severity).toBe('warning');
    expect(buildkitRules.filter((r) => !r.implemented).map((r) => r.id)).toEqual(['InvalidBaseImagePlatform']);
    expect(buildkitRules.filter((r) => r.experimental).map((r) => r.id)).toEqual(['InvalidDefinitionDescription']);
  });
  it('BuildKit URLs follow docs.docker.com/go/dockerfile/rule/<kebab-id>/', () => {
    for (const r of buildkitRules) {
      const kebab = r.id.replace(/([a-z])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase();
      expect(r.url).toBe(`https://docs.docker.com/go/dockerfile/rule/${kebab}/`);
    }
  });
  it('our ids are unique, never BuildKit\'s, and point into the README', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of stagecraftRules) {
      expect(ruleset).not.toContain(r.id);
      expect(r.url).toBe(`https://github.com/stagecraft/stagecraft#rule-${r.id.toLowerCase()}`);
      expect(r.help).toBeTruthy();
    }
  });
  it('RULES.md documents every rule, with an anchor for each of ours', () => {
    const md = readFileSync(fileURLToPath(new URL('../RULES.md', import.meta.url)), 'utf8');
    for (const r of allRules) expect(md).toContain(r.id);
    for (const r of stagecraftRules) {
      expect(md).toContain(`#### Rule: ${r.id}\n`);
      expect(md).toContain(`(#rule-${r.id.toLowerCase()})`);
    }
  });
  it('message formats are BuildKit\'s', () => {
    expect(fmt.UndefinedVar('foo', '')).toBe("Usage of undefined variable '$foo'");
    expect(fmt.UndefinedVar('foo', 'fooo')).toBe("Usage of undefined variable '$foo' (did you mean $fooo?)");
    expect(fmt.UndefinedArgInFrom('X', 'Y')).toBe("FROM argument 'X' is not declared (did you mean Y?)");
    expect(fmt.WorkdirRelativePath('a"b')).toBe('Relative workdir "a\\"b" can have unexpected results if the base image changes');
    expect(fmt.InvalidBaseImagePlatform('alpine', 'linux/amd64', 'linux/arm64')).toBe('Base image alpine was pulled with platform "linux/arm64", expected "linux/amd64" for current build');
  });
});
