/**
 * Connect A -> B as "mount" (issue 6): `--mount=type=bind,from=a,target=<dir>` added in front
 * of the flags of a chosen RUN of B. Mount `from=` is looked up by name only (`from=0` is an
 * image), so A is given a name when it has none; the last stage of a name wins, so A's name
 * must not be used again by a later stage.
 */
import type { TextEdit } from '../types.ts';
import {
  type EditResult,
  editContext,
  insertAt,
  instructionWords,
  nameStageEdit,
  refuse,
  stageAt,
  uniqueStageName,
} from './textEdits.ts';
import { resolveName, namesInUse } from './references.ts';

export interface ConnectMountOptions {
  /** the stage to mount, or an image reference */
  from: number | string;
  to: number;
  /** first line of the RUN to add the mount to (default: the stage's last RUN) */
  runLine?: number;
  /** where the mount appears in the RUN's file system */
  target: string;
  /** the path inside the mounted stage (default: its root) */
  source?: string;
  readonly?: boolean;
}

const plainOption = (v: string) => v !== '' && !/[\s,"'=]/.test(v);

export function connectMount(text: string, opts: ConnectMountOptions): EditResult<{ runLine: number }> {
  const ctx = editContext(text);
  const b = stageAt(ctx, opts.to);
  if (!b) return refuse(`there is no stage ${opts.to}`);
  if (!plainOption(opts.target)) return refuse('the mount target must be a path without spaces, commas, quotes or "="');
  if (opts.source !== undefined && !plainOption(opts.source)) {
    return refuse('the mount source must be a path without spaces, commas, quotes or "="');
  }
  const edits: TextEdit[] = [];
  let ref: string;
  if (typeof opts.from === 'number') {
    const a = stageAt(ctx, opts.from);
    if (!a) return refuse(`there is no stage ${opts.from}`);
    if (opts.from === opts.to) return refuse('a stage cannot mount itself');
    if (opts.from > opts.to) {
      return refuse(
        `a RUN --mount can only use a stage defined before the current one (stage ${opts.from} comes after stage ${opts.to}); move it earlier first`,
      );
    }
    if (a.name) {
      if (resolveName(ctx.stages, a.name, false) !== opts.from) {
        return refuse(`a later stage is also named "${a.name}", and from= would use that one; rename one of them first`);
      }
      ref = a.name;
    } else {
      ref = uniqueStageName(a.baseName, namesInUse(ctx, opts.from));
      const e = nameStageEdit(ctx, opts.from, ref);
      if (!e) return refuse(`stage ${opts.from} has no base to name`);
      edits.push(e);
    }
  } else {
    ref = opts.from.trim();
    if (!plainOption(ref)) return refuse('the image reference must be one word without commas or quotes');
  }

  const runs = b.commands.filter((c) => c.kind === 'run');
  const run = opts.runLine === undefined ? runs[runs.length - 1] : runs.find((c) => c.line === opts.runLine);
  if (!run) {
    return refuse(opts.runLine === undefined ? `stage ${opts.to} has no RUN to mount into` : `there is no RUN of stage ${opts.to} at line ${opts.runLine}`);
  }
  const w = instructionWords(ctx.doc, run.line, ctx.escape);
  const first = w.flags[0] ?? w.args[0];
  if (!first) return refuse(`the RUN at line ${run.line} has no command`);
  let flag = `--mount=type=bind,from=${ref}`;
  if (opts.source !== undefined) flag += `,source=${opts.source}`;
  flag += `,target=${opts.target}`;
  if (opts.readonly === false) flag += ',rw';
  edits.push(insertAt(first.start, `${flag} `));
  return { ok: true, edits, runLine: run.line };
}
