/**
 * Before/after numbers for a gallery example: how many files reach the final image and which
 * base image it ships on (with its approximate size). Runs the engine on both variants; the
 * gallery loads this module lazily, so the engine stays out of the page's entry chunk (the
 * page's own analysis runs in the worker).
 */
import { analyzeDetailed } from '../../core/analyze.ts';
import { imageSizeSummary, formatMb, SIZE_TABLE_AS_OF } from '../../core/explain/imageSizes.ts';
import { analyzeInputOf } from '../analysis/analyzeInput.ts';
import type { Workspace } from '../workspace.ts';

export interface VariantFacts {
  stages: number;
  /** files the analysis knows to reach the final image */
  finalFiles: number;
  /** context files that reach the final image */
  contextFilesShipped: number;
  /** the image the target's FROM chain starts from (`scratch` included) */
  base: string | null;
  /** `~820 MB`, `0 MB`, or null when the size table has no row for the base */
  baseSize: string | null;
  baseMb: number | null;
}

export interface VariantComparison {
  before: VariantFacts;
  after: VariantFacts;
  asOf: string;
}

export function factsOf(ws: Workspace): VariantFacts {
  const detail = analyzeDetailed(analyzeInputOf(ws));
  const a = detail.analysis;
  const summary = imageSizeSummary(detail);
  const size = summary.final?.size ?? null;
  return {
    stages: a.stages.length,
    finalFiles: a.final.length,
    contextFilesShipped: Object.values(a.context).filter((s) => s === 'final').length,
    base: summary.final?.base ?? null,
    baseSize: size ? formatMb(size.mb) : null,
    baseMb: size ? size.mb : null,
  };
}

export function compareVariants(before: Workspace, after: Workspace): VariantComparison {
  return { before: factsOf(before), after: factsOf(after), asOf: SIZE_TABLE_AS_OF };
}
