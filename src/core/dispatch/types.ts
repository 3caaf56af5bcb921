/**
 * What the dispatcher (`dispatch.ts`, a mirror of BuildKit's `convert.go` `dispatch*`
 * functions) learns while walking the stages a target needs. The flow model and the
 * dispatch-time lint rules both read this; neither walks the stages again.
 */
import type { Command, InstructionsResult, Stage } from '../syntax/types.ts';

export interface ExpandedWord {
  /** the word after variable expansion */
  value: string;
  /** names used but not defined (BuildKit's `unmatched` from `ProcessWordWithMatches`) */
  unmatched: string[];
}

export interface DispatchedCommand {
  cmd: Command;
  /**
   * Every variable name the command's expansion used that was not defined at that point
   * (the union over all expanded words of the command). PATH is never here.
   */
  unmatched: string[];
  /** names visible before this command ran: ENV keys and declared ARGs of the stage */
  envKeys: string[];
  /** declared ARG names visible (BuildKit's `buildArgs` passed to reportUnmatchedVariables) */
  argKeys: string[];
  /** the working directory in effect before this command (always absolute, POSIX) */
  workdir: string;
  /** true once a WORKDIR was set in this stage or inherited through FROM <stage> */
  workdirSet: boolean;
  /** true when a SHELL is in effect here (set in this stage or inherited through FROM <stage>) */
  shellSet: boolean;
  /**
   * Expanded values, keyed by what they are: for COPY/ADD `sources`/`dest`, for WORKDIR
   * `path`, for USER `user`, for ENV/ARG/LABEL keys and values (`key:NAME`/`value:NAME`).
   */
  expanded: Record<string, string>;
  /** expanded COPY/ADD sources (same order as cmd.sources) */
  sources?: string[];
}

export interface DispatchedStage {
  index: number;
  stage: Stage;
  /** FROM after expansion with the meta ARGs */
  base: string;
  /** the variables FROM used but nobody declared (UndefinedArgInFrom) */
  fromUnmatched: string[];
  /** FROM's base expanded with ARG defaults only (InvalidDefaultArgInFrom) */
  baseWithDefaults: string;
  platform: string | null;
  baseStage: number | null;
  commands: DispatchedCommand[];
}

export interface DispatchResult {
  instructions: InstructionsResult;
  /** every stage, in file order; `commands` is empty for stages not dispatched */
  stages: DispatchedStage[];
  /** indexes of dispatched (needed) stages */
  needed: number[];
  target: number | null;
  /** declared meta ARG names and their defaults */
  metaArgs: { key: string; value: string | null; line: number }[];
  buildArgs: Record<string, string>;
}
