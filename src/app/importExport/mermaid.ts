/**
 * The stage graph as Mermaid flowchart text, for READMEs (GitHub, GitLab and most doc sites
 * render ```mermaid blocks). Derived from the same graph model as the on-page graph, so the
 * nodes, arrows and labels are the ones the person sees.
 *
 * Every piece of Dockerfile text is escaped with Mermaid's entity codes (`#quot;`, `#lt;`, ...):
 * a stage name or base image can never close a label, start a new statement or inject markup
 * into the rendered diagram.
 */
import type { Analysis } from '../../core/types.ts';
import { graphModelOf } from '../graph/graphModel.ts';
import { stageTitle, imageTitle } from './graphText.ts';

/**
 * Text safe inside a quoted Mermaid label (`"..."`): the quote that would end it, `#` (which
 * starts an entity code), the HTML characters `< > &` (labels are HTML), and the backtick (a
 * label starting with one is Markdown) become entity codes. Lines are joined.
 */
export function mermaidText(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[#"<>&`]/g, (c) => `#${c.codePointAt(0)};`);
}

/** One quoted label; several lines are joined with Mermaid's line break. */
function label(lines: string[]): string {
  return `"${lines.map(mermaidText).join('<br/>')}"`;
}

/**
 * `flowchart LR` text: one node per stage (`stage0`, ...) and per external image (`image0`, ...),
 * one arrow per dependency. Base arrows are solid, COPY --from arrows are solid and labelled,
 * RUN --mount arrows are dotted. The target is outlined; stages the target does not need are
 * dashed and grey, as on the page.
 */
export function graphToMermaid(analysis: Analysis, dockerfile: string): string {
  const lines = dockerfile.split(/\r?\n/);
  const model = graphModelOf(analysis, lines);
  const ids = new Map<string, string>();
  let images = 0;
  for (const n of model.nodes) ids.set(n.id, n.kind === 'stage' ? `stage${n.index}` : `image${images++}`);

  const out: string[] = ['flowchart LR'];
  const needed = new Set(analysis.needed);
  const neededImages = new Set(analysis.edges.filter((e) => needed.has(e.to)).map((e) => e.from));
  const classes: Record<'target' | 'skipped' | 'image', string[]> = { target: [], skipped: [], image: [] };

  for (const n of model.nodes) {
    const id = ids.get(n.id)!;
    if (n.kind === 'stage') {
      const stage = analysis.stages[n.index!];
      const title = stageTitle(stage, analysis);
      out.push(`  ${id}[${label([title, `FROM ${stage.base}`])}]`);
      if (analysis.target === stage.index) classes.target.push(id);
      else if (!needed.has(stage.index)) classes.skipped.push(id);
    } else {
      out.push(`  ${id}([${label([imageTitle(n.ref ?? '')])}])`);
      classes.image.push(id);
      if (!neededImages.has(n.id)) classes.skipped.push(id);
    }
  }
  for (const e of model.edges) {
    const from = ids.get(e.source)!;
    const to = ids.get(e.target)!;
    if (e.kind === 'base') out.push(`  ${from} --> ${to}`);
    else if (e.kind === 'mount') out.push(`  ${from} -.->|${label([e.label])}| ${to}`);
    else out.push(`  ${from} -->|${label([e.label])}| ${to}`);
  }
  out.push('  classDef target stroke:#7c3aed,stroke-width:3px');
  out.push('  classDef skipped stroke-dasharray:5 5,color:#64748b');
  out.push('  classDef image fill:#f1f5f9,stroke:#94a3b8');
  for (const [name, list] of Object.entries(classes)) if (list.length > 0) out.push(`  class ${list.join(',')} ${name}`);
  return `${out.join('\n')}\n`;
}

/** The Mermaid text wrapped in a fenced block, ready to paste into a README. */
export function mermaidBlock(mermaid: string): string {
  return `\`\`\`mermaid\n${mermaid}\`\`\`\n`;
}
