/**
 * Stage names derived from images (`golang:1.24` -> `golang`, `gcr.io/distroless/static-debian12`
 * -> `static-debian12`). No dependencies: the page's palette uses it before the edit core loads.
 */

/** Names BuildKit refuses for a stage (`scratch`) or gives another meaning (`context`). */
export const RESERVED_STAGE_NAMES: ReadonlySet<string> = new Set(['scratch', 'context']);

/** The name a stage built on `image` gets by default: lower-cased, valid, never reserved. */
export function stageNameFromImage(image: string): string {
  let w = image.trim().toLowerCase();
  const at = w.indexOf('@');
  if (at >= 0) w = w.slice(0, at);
  const slash = w.lastIndexOf('/');
  if (slash >= 0) w = w.slice(slash + 1);
  const colon = w.indexOf(':');
  if (colon >= 0) w = w.slice(0, colon);
  w = w.replace(/[^a-z0-9-_.]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+$/, '');
  if (w === '') return 'stage';
  return RESERVED_STAGE_NAMES.has(w) ? `${w}-stage` : w;
}
