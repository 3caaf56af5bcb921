import type { Workspace } from '../workspace.ts';

/** One entry of the examples gallery. Plain data: the UI renders every string as text. */
export interface Example {
  /** stable id: stored in share links (`example`), never renamed */
  id: string;
  title: string;
  /** one line for the gallery card */
  summary: string;
  /** what to notice, 2-4 sentences, plain text */
  notice: string;
  /** the multi-stage "after" */
  workspace: Workspace;
  /** a single-stage variant to compare with (files reaching the final image, base size) */
  before?: Workspace;
  tags: string[];
}

/** A whitespace-separated list of context paths (none of the examples' paths has a space). */
export function paths(text: string): string[] {
  return text.split(/\s+/).filter((p) => p !== '');
}
