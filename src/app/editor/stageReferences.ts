/**
 * The words of a Dockerfile that name a stage (`FROM build`, `COPY --from=build`,
 * `RUN --mount=from=build`), found with dockerfile-ast, and resolved to a stage with the
 * engine's own edges, so hover and go-to-definition agree with the graph.
 */
import { Add, Copy, DockerfileParser, From, Run, type Dockerfile, type Flag, type Instruction } from 'dockerfile-ast';
import type { Analysis, EdgeKind, StageInfo } from '../../core/types.ts';

export interface StageReference {
  kind: EdgeKind;
  /** the word as written */
  name: string;
  /** 1-based line of the instruction (the edge's line) */
  line: number;
  /** 1-based range of the word */
  range: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

export function parseDockerfile(text: string): Dockerfile {
  return DockerfileParser.parse(text);
}

/** The stage reference under a 1-based position, if any. */
export function stageReferenceAt(dockerfile: Dockerfile, line: number, column: number): StageReference | null {
  const pos = { line: line - 1, character: column - 1 };
  for (const instruction of dockerfile.getInstructions()) {
    const r = instruction.getRange();
    if (pos.line < r.start.line || pos.line > r.end.line) continue;
    for (const ref of referencesOf(instruction)) {
      const { startLine, startColumn, endLine, endColumn } = ref.range;
      const after = line > startLine || (line === startLine && column >= startColumn);
      const before = line < endLine || (line === endLine && column <= endColumn);
      if (after && before) return ref;
    }
  }
  return null;
}

function referencesOf(instruction: Instruction): StageReference[] {
  const line = instruction.getRange().start.line + 1;
  const refs: StageReference[] = [];
  const push = (kind: EdgeKind, name: string | null, range: { start: { line: number; character: number }; end: { line: number; character: number } } | null) => {
    if (!name || !range) return;
    refs.push({
      kind,
      name,
      line,
      range: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
    });
  };
  if (instruction instanceof From) {
    push('base', instruction.getImage(), instruction.getImageRange());
  } else if (instruction instanceof Copy || instruction instanceof Add) {
    const from = instruction.getFlags().find((f: Flag) => f.getName().toLowerCase() === 'from');
    if (from) push('copy', from.getValue(), from.getValueRange());
  } else if (instruction instanceof Run) {
    for (const flag of instruction.getFlags()) {
      if (flag.getName().toLowerCase() !== 'mount') continue;
      const option = flag.getOption('from');
      if (option) push('mount', option.getValue(), option.getValueRange());
    }
  }
  return refs;
}

/** The stage a reference resolves to, by the engine's edges (null: an image, or not known yet). */
export function resolveStage(ref: StageReference, analysis: Analysis): StageInfo | null {
  for (const edge of analysis.edges) {
    if (edge.line !== ref.line || edge.kind !== ref.kind || !edge.from.startsWith('stage:')) continue;
    const stage = analysis.stages[Number(edge.from.slice('stage:'.length))];
    if (!stage) continue;
    // one base edge per FROM line; several mounts may share a line, so match those by name
    if (ref.kind === 'base' || stage.name === ref.name.toLowerCase() || String(stage.index) === ref.name) return stage;
  }
  return null;
}

/** Every stage name written after AS, with its range, for completion. */
export function stageNamesOf(analysis: Analysis | null): StageInfo[] {
  return analysis ? analysis.stages.filter((s) => s.name !== null) : [];
}
