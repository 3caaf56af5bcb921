/**
 * A CopyStep (flow.ts) of a COPY or ADD. A COPY of a whole directory writes hundreds of paths
 * that only "why" and the instruction hover ever read, so `wrote` lists them the first time
 * someone asks. A class, so that a step costs no more than its fields.
 */
import type { CopyStep } from './flow.ts';

export class CopyRecord implements CopyStep {
  contextReads: string[] = [];
  /** paths, and functions that list runs of paths; what they list must not change meanwhile */
  #writes: (string | (() => string[]))[] = [];
  #listed: string[] | null = null;

  constructor(
    readonly stage: number,
    readonly line: number,
    readonly from: string,
  ) {}

  /** destination paths written in the stage, in order */
  get wrote(): string[] {
    if (!this.#listed) {
      const out: string[] = [];
      for (const w of this.#writes) {
        if (typeof w === 'string') out.push(w);
        else for (const p of w()) out.push(p);
      }
      this.#writes = [...out];
      this.#listed = out;
    }
    return this.#listed;
  }

  write(path: string): void {
    this.#writes.push(path);
    this.#listed = null;
  }

  /** a run of paths `list` gives when `wrote` is first read */
  writeLater(list: () => string[]): void {
    this.#writes.push(list);
    this.#listed = null;
  }
}
