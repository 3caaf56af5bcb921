/**
 * SARIF 2.1.0 output (`--format sarif`) for code-scanning tools (GitHub code scanning, GitLab,
 * Azure DevOps...): one run, Stagecraft as the driver with the metadata of every rule (help
 * URI, default level), one result per diagnostic located in the Dockerfile, and quick fixes as
 * SARIF `fixes`.
 *
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import type { Analysis, Diagnostic, Severity } from '../core/types.ts';
import { allRules, type RuleMeta } from '../core/lint/registry.ts';
import { errorDocsUrl } from '../core/analyze.ts';
import pkg from '../../package.json' with { type: 'json' };

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Level = 'error' | 'warning' | 'note';

export function sarifLevel(s: Severity): Level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** A relative path as a SARIF `uri` (an RFC 3986 URI reference, `/`-separated). */
export function toUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string };
  defaultConfiguration: { level: Level; enabled: boolean };
  properties: { tags: string[]; source: string };
}

const sentence = (t: string) => (/[.!?]$/.test(t) ? t : t + '.');

function ruleDescriptor(m: RuleMeta): SarifRule {
  return {
    id: m.id,
    name: m.id,
    shortDescription: { text: m.description },
    fullDescription: { text: m.help ?? m.description },
    helpUri: m.url,
    help: { text: `${sentence(m.help ?? m.description)} See ${m.url}` },
    defaultConfiguration: { level: sarifLevel(m.severity), enabled: m.implemented && m.experimental !== true },
    properties: { tags: ['dockerfile', m.source === 'buildkit' ? 'buildkit-check' : 'stagecraft'], source: m.origin },
  };
}

/** Rules that are build errors reported by the engine (syntax, graph, context problems). */
function errorRule(id: string, url: string): SarifRule {
  return {
    id,
    name: id,
    shortDescription: { text: `Build error: ${id}` },
    fullDescription: { text: 'A problem that makes `docker build` fail at this line.' },
    helpUri: url,
    help: { text: `A problem that makes docker build fail. See ${url}` },
    defaultConfiguration: { level: 'error', enabled: true },
    properties: { tags: ['dockerfile', 'build-error'], source: 'stagecraft' },
  };
}

function region(d: { line: number; endLine: number; column: number }) {
  const startLine = Math.max(1, Math.trunc(d.line) || 1);
  const endLine = Math.max(startLine, Math.trunc(d.endLine) || startLine);
  const startColumn = Math.max(1, Math.trunc(d.column) || 1);
  return { startLine, endLine, startColumn };
}

function fixes(d: Diagnostic, uri: string) {
  if (!d.fix || d.fix.edits.length === 0) return undefined;
  return [
    {
      description: { text: d.fix.title },
      artifactChanges: [
        {
          artifactLocation: { uri },
          replacements: d.fix.edits.map((e) => ({
            deletedRegion: {
              startLine: Math.max(1, e.line),
              startColumn: Math.max(1, e.column),
              endLine: Math.max(1, e.line, e.endLine),
              endColumn: Math.max(1, e.endColumn),
            },
            insertedContent: { text: e.text },
          })),
        },
      ],
    },
  ];
}

export function toSarif(analysis: Analysis, dockerfilePath: string): object {
  const uri = toUri(dockerfilePath || 'Dockerfile');
  const rules: SarifRule[] = allRules.filter((r) => r.implemented).map(ruleDescriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const d of analysis.diagnostics) {
    if (!index.has(d.rule)) {
      index.set(d.rule, rules.length);
      rules.push(errorRule(d.rule, d.url || errorDocsUrl));
    }
  }
  const results = analysis.diagnostics.map((d) => {
    const r: Record<string, unknown> = {
      ruleId: d.rule,
      ruleIndex: index.get(d.rule)!,
      level: sarifLevel(d.severity),
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(d) } }],
    };
    const f = fixes(d, uri);
    if (f) r.fixes = f;
    return r;
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Stagecraft',
            version: pkg.version,
            semanticVersion: pkg.version,
            informationUri: 'https://github.com/stagecraft/stagecraft',
            rules,
          },
        },
        artifacts: [{ location: { uri }, mimeType: 'text/x-dockerfile' }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
