import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { defaultExample } from '../defaultExample.ts';
import { analyzeInputOf } from '../analysis/analyzeInput.ts';
import type { Workspace } from '../workspace.ts';
import { exampleById } from '../examples/index.ts';
import { clip, graphToSvg, xmlText } from './graphSvg.ts';

const ws = (dockerfile: string): Workspace => ({ dockerfile, files: [], dockerignore: '', target: null, buildArgs: {}, example: null });
const svgOf = (w: Workspace, title?: string) => graphToSvg(analyze(analyzeInputOf(w)), w.dockerfile, { title });

/** A tiny well-formedness check: every tag closes in order (the SVG has no text with raw '<'). */
function assertBalanced(svg: string) {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>/g)) {
    const [, close, name, , self] = m;
    if (self) continue;
    if (close) expect(stack.pop(), `</${name}>`).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
}

describe('graphToSvg', () => {
  it('draws every stage, image and arrow of the default example, sized to fit', () => {
    const { svg, width, height } = svgOf(defaultExample, 'Stages');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`width="${width}" height="${height}"`);
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(100);
    expect(svg.match(/<g class="stage"/g)).toHaveLength(5);
    expect(svg.match(/<g class="image"/g)?.length).toBeGreaterThanOrEqual(2);
    const a = analyze(analyzeInputOf(defaultExample));
    expect(svg.match(/<path class="edge /g)).toHaveLength(a.edges.length);
    expect(svg).toContain('data-stage-name="release" data-target="true" data-needed="true"');
    expect(svg).toContain('data-stage-name="test" data-target="false" data-needed="false"');
    expect(svg).toContain('>target</text>');
    expect(svg).toContain('>skipped</text>');
    assertBalanced(svg);
  });

  it('draws mounts dashed', () => {
    const { svg } = svgOf(exampleById('python-wheels')!.workspace);
    expect(svg).toMatch(/class="edge edge--mount"[^>]*stroke-dasharray="6 4"/);
  });

  it('every node lies inside the drawing', () => {
    const { svg, width, height } = svgOf(defaultExample);
    for (const m of svg.matchAll(/<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
      const [x, y, w, h] = m.slice(1).map(Number);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + w).toBeLessThanOrEqual(width);
      expect(y + h).toBeLessThanOrEqual(height);
    }
  });

  it('Dockerfile text is text: no markup, script or external reference gets in', () => {
    const evil = 'FROM alpine AS x\nFROM x AS y\nCOPY --from=x ["/<script>alert(1)</script>", "/a&b\\"\'"]\nFROM "><image href=//evil/x.png>\n';
    const { svg } = svgOf(ws(evil), 'title </svg><script>');
    expect(svg).not.toMatch(/<script|<image|<\/svg><|href=\/\//i);
    expect(svg).toContain('&lt;');
    assertBalanced(svg);
  });

  it('an empty analysis is a small valid picture', () => {
    const { svg, width, height } = svgOf(ws(''));
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    assertBalanced(svg);
  });

  it('xmlText and clip', () => {
    expect(xmlText(`a<b>&"c'\u0001\ud800`)).toBe('a&lt;b&gt;&amp;&quot;c&#39;\ufffd');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
    expect(clip('😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});
