import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { defaultExample } from '../defaultExample.ts';
import { analyzeInputOf } from '../analysis/analyzeInput.ts';
import { exampleById } from '../examples/index.ts';
import type { Workspace } from '../workspace.ts';
import { graphToMermaid, mermaidBlock, mermaidText } from './mermaid.ts';

const ws = (dockerfile: string, patch: Partial<Workspace> = {}): Workspace => ({ dockerfile, files: [], dockerignore: '', target: null, buildArgs: {}, example: null, ...patch });
const mermaidOf = (w: Workspace) => graphToMermaid(analyze(analyzeInputOf(w)), w.dockerfile);

describe('graphToMermaid', () => {
  it('draws the default example: stages, images, the three arrow kinds, target and skipped', () => {
    const text = mermaidOf(defaultExample);
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    expect(text).toContain('stage4["release (target)<br/>FROM scratch"]');
    expect(text).toContain('stage2["test (skipped)<br/>FROM deps"]');
    // FROM golang:${GO_VERSION}-alpine, expanded
    expect(text).toContain('image0(["golang:1.22-alpine"])');
    expect(text).toContain('image2(["scratch (empty)"])');
    expect(text).toContain('image0 --> stage0');
    expect(text).toContain('stage0 --> stage1');
    expect(text).toMatch(/stage1 -->\|"COPY \/out\/server"\| stage4/);
    expect(text).toMatch(/stage3 -->\|"COPY .*"\| stage4/);
    expect(text).toContain('class stage4 target');
    expect(text).toMatch(/class .*stage2.* skipped/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('draws mounts as dotted arrows', () => {
    const text = mermaidOf(exampleById('python-wheels')!.workspace);
    expect(text).toMatch(/stage\d -\.->\|"mount[^"]*"\| stage\d/);
  });

  it('one line per node and arrow, and nothing from the Dockerfile can break out of a label', () => {
    const evil = 'FROM alpine AS a\nFROM a AS "b"]-->x\nFROM scratch AS c\nCOPY --from=a ["/x\\"];<script>|y", "/"]\n';
    const text = mermaidOf(ws(evil));
    for (const line of text.trimEnd().split('\n').slice(1)) {
      expect(line, line).toMatch(/^ {2}((stage|image)\d+(\[|\(\[| )|classDef |class )/);
    }
    expect(text).not.toMatch(/<script/i);
    // the only quotes are the labels' own
    for (const line of text.split('\n')) expect((line.match(/"/g) ?? []).length % 2, line).toBe(0);
    // every label is one quoted string: quotes inside are entities
    for (const label of text.match(/"[^"]*"/g) ?? []) expect(label.replaceAll('<br/>', '')).not.toMatch(/[<>]/);
  });

  it('an empty Dockerfile is an empty flowchart', () => {
    expect(mermaidOf(ws(''))).toMatch(/^flowchart LR\n( {2}classDef .*\n)+$/);
  });

  it('escapes with Mermaid entity codes and wraps in a fenced block', () => {
    expect(mermaidText('a "b" <c> #1; x|y & `z`\nw')).toBe('a #34;b#34; #60;c#62; #35;1; x|y #38; #96;z#96; w');
    expect(mermaidBlock('flowchart LR\n')).toBe('```mermaid\nflowchart LR\n```\n');
  });
});
