/** The words the exported graphs (SVG, Mermaid) put on nodes, the same ones the page shows. */
import type { Analysis, StageInfo } from '../../core/types.ts';

/** `build`, or `#2` for an unnamed stage, with `(target)` / `(skipped)` as on the page's badges. */
export function stageTitle(stage: StageInfo, analysis: Analysis): string {
  const name = stage.nameAsWritten ?? stage.name ?? `#${stage.index}`;
  if (analysis.target === stage.index) return `${name} (target)`;
  if (!analysis.needed.includes(stage.index)) return `${name} (skipped)`;
  return name;
}

/** An external image node: its reference, and `scratch` said plainly. */
export function imageTitle(ref: string): string {
  return ref === 'scratch' ? 'scratch (empty)' : ref;
}
