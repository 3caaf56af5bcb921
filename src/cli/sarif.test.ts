/**
 * SARIF output validated against a JSON schema with ajv.
 *
 * The official SARIF 2.1.0 schema (sarif-schema-2.1.0.json, OASIS) cannot be downloaded in this
 * environment, so the schema below is a faithful SUBSET of it, written from the spec
 * (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html, §3.13 sarifLog ... §3.57
 * replacement) for exactly the objects and properties `toSarif` emits: the same required
 * properties, the same enums (level, columnKind), the same integer minimums (lines and columns
 * >= 1, indexes >= -1), `additionalProperties: false` where the official schema has it, and the
 * `uri` / `uri-reference` formats. Anything we emit that the official schema would reject is
 * rejected here too.
 */
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { analyze } from '../core/analyze.ts';
import { toSarif, toUri } from './sarif.ts';

const message = {
  type: 'object',
  additionalProperties: false,
  properties: { text: { type: 'string' }, markdown: { type: 'string' }, id: { type: 'string' }, arguments: { type: 'array', items: { type: 'string' } } },
  anyOf: [{ required: ['text'] }, { required: ['id'] }],
};
const multiformatMessageString = {
  type: 'object',
  additionalProperties: false,
  properties: { text: { type: 'string' }, markdown: { type: 'string' } },
  required: ['text'],
};
const propertyBag = { type: 'object', properties: { tags: { type: 'array', uniqueItems: true, items: { type: 'string' } } } };
const artifactLocation = {
  type: 'object',
  additionalProperties: false,
  properties: {
    uri: { type: 'string', format: 'uri-reference' },
    uriBaseId: { type: 'string' },
    index: { type: 'integer', minimum: -1 },
    description: { $ref: '#/definitions/message' },
  },
};
const region = {
  type: 'object',
  additionalProperties: false,
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
    charOffset: { type: 'integer', minimum: -1 },
    charLength: { type: 'integer', minimum: 0 },
  },
};

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema (subset)',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: { type: ['array', 'null'], minItems: 0, uniqueItems: false, items: { $ref: '#/definitions/run' } },
    properties: { $ref: '#/definitions/propertyBag' },
  },
  definitions: {
    message,
    multiformatMessageString,
    propertyBag,
    artifactLocation,
    region,
    run: {
      type: 'object',
      additionalProperties: false,
      required: ['tool'],
      properties: {
        tool: { $ref: '#/definitions/tool' },
        artifacts: { type: 'array', minItems: 0, uniqueItems: true, items: { $ref: '#/definitions/artifact' } },
        results: { type: ['array', 'null'], minItems: 0, uniqueItems: false, items: { $ref: '#/definitions/result' } },
        columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['driver'],
      properties: { driver: { $ref: '#/definitions/toolComponent' }, properties: { $ref: '#/definitions/propertyBag' } },
    },
    toolComponent: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string' },
        version: { type: 'string' },
        semanticVersion: { type: 'string' },
        informationUri: { type: 'string', format: 'uri' },
        rules: { type: 'array', minItems: 0, uniqueItems: true, items: { $ref: '#/definitions/reportingDescriptor' } },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    reportingDescriptor: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        shortDescription: { $ref: '#/definitions/multiformatMessageString' },
        fullDescription: { $ref: '#/definitions/multiformatMessageString' },
        helpUri: { type: 'string', format: 'uri' },
        help: { $ref: '#/definitions/multiformatMessageString' },
        defaultConfiguration: { $ref: '#/definitions/reportingConfiguration' },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    reportingConfiguration: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        level: { enum: ['none', 'note', 'warning', 'error'] },
        rank: { type: 'number', minimum: -1, maximum: 100 },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    artifact: {
      type: 'object',
      additionalProperties: false,
      properties: {
        location: { $ref: '#/definitions/artifactLocation' },
        mimeType: { type: 'string', pattern: '[^/]+/.+' },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    result: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: {
        ruleId: { type: 'string' },
        ruleIndex: { type: 'integer', minimum: -1 },
        kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
        level: { enum: ['none', 'note', 'warning', 'error'] },
        message: { $ref: '#/definitions/message' },
        locations: { type: 'array', minItems: 0, uniqueItems: false, items: { $ref: '#/definitions/location' } },
        fixes: { type: 'array', minItems: 0, uniqueItems: true, items: { $ref: '#/definitions/fix' } },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: { type: 'integer', minimum: -1 },
        physicalLocation: { $ref: '#/definitions/physicalLocation' },
        message: { $ref: '#/definitions/message' },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    physicalLocation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        artifactLocation: { $ref: '#/definitions/artifactLocation' },
        region: { $ref: '#/definitions/region' },
        properties: { $ref: '#/definitions/propertyBag' },
      },
      anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }],
    },
    fix: {
      type: 'object',
      additionalProperties: false,
      required: ['artifactChanges'],
      properties: {
        description: { $ref: '#/definitions/message' },
        artifactChanges: { type: 'array', minItems: 1, uniqueItems: true, items: { $ref: '#/definitions/artifactChange' } },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    artifactChange: {
      type: 'object',
      additionalProperties: false,
      required: ['artifactLocation', 'replacements'],
      properties: {
        artifactLocation: { $ref: '#/definitions/artifactLocation' },
        replacements: { type: 'array', minItems: 1, uniqueItems: false, items: { $ref: '#/definitions/replacement' } },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
    replacement: {
      type: 'object',
      additionalProperties: false,
      required: ['deletedRegion'],
      properties: {
        deletedRegion: { $ref: '#/definitions/region' },
        insertedContent: {
          type: 'object',
          additionalProperties: false,
          properties: { text: { type: 'string' }, binary: { type: 'string' } },
        },
        properties: { $ref: '#/definitions/propertyBag' },
      },
    },
  },
};

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // RFC 3986 absolute URI and URI reference (no ajv-formats here: a strict enough check)
  ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/);
  ajv.addFormat('uri-reference', /^[^\s\\]*$/);
  return ajv.compile(schema);
}

const dockerfile = `# check=error=true
FROM golang AS Build
WORKDIR src
COPY . .
RUN go mod download && go build -o /out/app
FROM scratch
COPY --from=build /out/app /app
CMD /app
BADCMD
`;

describe('toSarif', () => {
  const a = analyze({ dockerfile, files: ['main.go', 'go.mod', '.env', 'dir with space/x'], dockerignore: null });
  const sarif = toSarif(a, 'deploy/my app/Dockerfile') as {
    version: string;
    runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
  };

  it('is valid SARIF 2.1.0 (subset schema)', () => {
    const validate = validator();
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema rejects what SARIF rejects', () => {
    const validate = validator();
    const bad = structuredClone(sarif);
    bad.runs[0].results[0].level = 'info';
    expect(validate(bad)).toBe(false);
    const bad2 = structuredClone(sarif);
    bad2.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(bad2)).toBe(false);
  });

  it('has one result per diagnostic, with rule metadata and help URIs', () => {
    const run = sarif.runs[0];
    expect(run.results).toHaveLength(a.diagnostics.length);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(run.tool.driver.rules[r.ruleIndex].helpUri).toMatch(/^https:\/\//);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/my%20app/Dockerfile');
    }
    const rules = run.tool.driver.rules.map((r) => r.id);
    expect(rules).toContain('UndefinedVar');
    expect(rules).toContain('InstallAfterCopyAll');
    expect(rules).not.toContain('InvalidBaseImagePlatform');
    expect(run.tool.driver.rules.find((r) => r.id === 'FromAsCasing')?.helpUri).toBe('https://docs.docker.com/go/dockerfile/rule/from-as-casing/');
  });

  it('maps severities to levels', () => {
    const levels = new Map(sarif.runs[0].results.map((r) => [r.ruleId, r.level]));
    expect(levels.get('StageNameCasing')).toBe('error'); // error=true
    expect(levels.get('UnpinnedBaseImage')).toBe('warning');
    expect(levels.get('NoCacheMount')).toBe('note');
    expect(levels.get('SyntaxError')).toBe('error');
  });

  it('encodes paths as URI references', () => {
    expect(toUri('a b/c#d.txt')).toBe('a%20b/c%23d.txt');
    expect(toUri('dir\\Dockerfile')).toBe('dir/Dockerfile');
  });

  it('is valid for an empty analysis too', () => {
    const validate = validator();
    expect(validate(toSarif(analyze({ dockerfile: '' }), 'Dockerfile'))).toBe(true);
  });
});
