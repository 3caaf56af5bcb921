/**
 * The syntax model: a TypeScript mirror of BuildKit's two parse layers.
 *
 * Layer 1 (`parser/parser.go`): `Node`, one per instruction, with the raw words, flags,
 * heredocs and 1-based line range. Layer 2 (`instructions/parse.go`): typed commands grouped
 * into stages. Nothing here is expanded: variables are substituted at dispatch time, as in
 * BuildKit's `convert.go`.
 */

/** A parse-time problem BuildKit reports as an error (the build would fail). */
export interface SyntaxError {
  message: string;
  line: number; // 1-based
  endLine: number;
}

/**
 * A lint finding raised while parsing (BuildKit's `linter.Run` calls made from the parser and
 * `instructions.ParseInstructionWithLinter`): NoEmptyContinuation, FromAsCasing,
 * StageNameCasing, MaintainerDeprecated, and friends. `rule` is BuildKit's exact id.
 */
export interface ParseLint {
  rule: string;
  message: string;
  line: number;
  endLine: number;
}

/** parser.Heredoc */
export interface Heredoc {
  name: string; // the delimiter word, quotes removed
  content: string; // body, with `<<-` tab stripping applied
  expand: boolean; // false when the delimiter was quoted
  chomp: boolean; // `<<-`
  fileDescriptor: number; // 0 when none was written (`3<<EOF` gives 3)
}

/** parser.Node for one instruction. */
export interface Node {
  /** instruction keyword, lower-cased ("from", "copy", ...) */
  value: string;
  /** the keyword exactly as written ("From") */
  keyword: string;
  /** the arguments after flags, as line_parsers.go splits them per instruction */
  next: string[];
  /** `attributes.json`: JSON (exec) form */
  json: boolean;
  /** raw flags, e.g. "--from=build" (quotes already stripped per bflag rules) */
  flags: string[];
  heredocs: Heredoc[];
  /** the instruction text with continuations joined (BuildKit's `Original`) */
  original: string;
  startLine: number; // 1-based, inclusive
  endLine: number;
  /** comment lines directly above (without `#`) */
  prevComment: string[];
  /** ONBUILD only: the trigger instruction (BuildKit's `Next.Children[0]`), same lines as the ONBUILD */
  child?: Node;
}

export interface Directives {
  escape: '\\' | '`';
  /** `# syntax=` value, or null */
  syntax: string | null;
  /** `# check=` value, raw, or null */
  check: string | null;
  /** 1-based line of each directive that was read */
  lines: Record<string, number>;
}

export interface ParsedDockerfile {
  directives: Directives;
  nodes: Node[];
  errors: SyntaxError[];
  lints: ParseLint[];
  /** the text split into lines (no terminators), for rules that need raw text */
  lines: string[];
}

// ---------------------------------------------------------------- instructions layer

export interface Located {
  line: number; // 1-based first line of the instruction
  endLine: number; // last line of the instruction (heredoc bodies included)
  node: Node;
}

export interface KeyValue {
  key: string;
  value: string;
}

/** One `--mount` of RUN, parsed per `instructions/commands_runmount.go` `parseMount`. */
export interface Mount {
  type: 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
  /** `from=` exactly as written (no expansion is done on `from`), or null */
  from: string | null;
  /** `source=`/`src=`, or null */
  source: string | null;
  /** `target=`/`dst=`/`destination=`, or null */
  target: string | null;
  readonly: boolean;
  /** every option as key/value, keys lower-cased, for display and lint */
  options: Record<string, string>;
  /**
   * What BuildKit's dispatch-time `parseMount` (run with an expander) would reject, judged on the
   * values as written. BuildKit raises it only when the stage is dispatched; when a value holds
   * `$`, re-check with `parseMount(raw, expander)` from `mount.ts`. Absent when fine.
   */
  error?: string;
  /** the raw `--mount` value */
  raw?: string;
}

export type Command =
  | (Located & { kind: 'run'; cmdLine: string[]; prependShell: boolean; files: { name: string; data: string }[]; mounts: Mount[]; network: string | null; security: string | null; flagsUsed: string[] })
  | (Located & { kind: 'copy' | 'add'; sources: string[]; contents: { path: string; data: string; expand: boolean }[]; dest: string; from: string | null; chown: string; chmod: string; link: boolean; parents: boolean; exclude: string[]; checksum: string; keepGitDir: boolean | null; unpack: boolean | null })
  | (Located & { kind: 'env'; env: KeyValue[]; /** legacy `ENV key value` form */ legacy: boolean })
  | (Located & { kind: 'label'; labels: KeyValue[]; legacy: boolean })
  | (Located & { kind: 'arg'; args: { key: string; value: string | null }[] })
  | (Located & { kind: 'workdir'; path: string })
  | (Located & { kind: 'user'; user: string })
  | (Located & { kind: 'shell'; shell: string[] })
  | (Located & { kind: 'cmd' | 'entrypoint'; cmdLine: string[]; prependShell: boolean })
  | (Located & { kind: 'expose'; ports: string[] })
  | (Located & { kind: 'volume'; volumes: string[] })
  | (Located & { kind: 'stopsignal'; signal: string })
  | (Located & { kind: 'healthcheck'; test: string[] | null; none: boolean })
  | (Located & { kind: 'maintainer'; maintainer: string })
  | (Located & { kind: 'onbuild'; expression: string });

export type CommandKind = Command['kind'];

/** instructions.Stage */
export interface Stage {
  /** lower-cased name (BuildKit lower-cases), or null when unnamed */
  name: string | null;
  /** the name exactly as written after AS, or null */
  nameAsWritten: string | null;
  /** the FROM argument, unexpanded */
  baseName: string;
  /** `--platform` value, unexpanded, or null */
  platform: string | null;
  commands: Command[];
  /** 1-based line of FROM, and of the stage's last line (last instruction's endLine) */
  line: number;
  endLine: number;
  from: Node;
  /** doc comment directly above FROM */
  docComment: string;
}

export interface InstructionsResult {
  /** ARG instructions before the first FROM (BuildKit's metaArgs) */
  metaArgs: Extract<Command, { kind: 'arg' }>[];
  stages: Stage[];
  errors: SyntaxError[];
  lints: ParseLint[];
  parsed: ParsedDockerfile;
}
