/**
 * The analysis model: exactly the JSON of shared/CONTRACT.md section 2. Everything the CLI
 * prints and the playground shows is one of these objects.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface StageInfo {
  index: number;
  /** lower-cased stage name, or null */
  name: string | null;
  nameAsWritten: string | null;
  /** FROM argument after ARG expansion */
  base: string;
  /** index of the earlier stage it builds on, or null */
  baseStage: number | null;
  line: number;
  endLine: number;
  platform: string | null;
}

export type EdgeKind = 'base' | 'copy' | 'mount';

export interface Edge {
  /** `image:REF` or `stage:N` */
  from: string;
  to: number;
  kind: EdgeKind;
  line: number;
}

export type ContextStatus = 'final' | 'build-only' | 'unused' | 'ignored';

export interface FinalFile {
  path: string;
  from: string; // "context" | "stage:N" | "image:REF" | "heredoc"
  source: string;
  line: number;
}

/** A text edit on the Dockerfile: replace lines/columns (1-based, end exclusive column). */
export interface TextEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  line: number;
  endLine: number;
  column: number;
  message: string;
  url: string;
  /** a mechanical fix, when one exists */
  fix?: { title: string; edits: TextEdit[] };
}

export interface Analysis {
  schemaVersion: 1;
  stages: StageInfo[];
  edges: Edge[];
  target: number | null;
  needed: number[];
  context: Record<string, ContextStatus>;
  final: FinalFile[];
  diagnostics: Diagnostic[];
}

export interface AnalyzeInput {
  dockerfile: string;
  files?: string[];
  dockerignore?: string | null;
  target?: string | null;
  buildArgs?: Record<string, string>;
}
