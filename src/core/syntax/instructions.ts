/**
 * Layer 2: BuildKit's `instructions.Parse` (`frontend/dockerfile/instructions/parse.go`):
 * nodes to typed commands grouped into stages, with the meta ARGs before the first FROM and
 * the parse-time lints. Unlike BuildKit it does not stop at the first error: every problem is
 * an entry in `errors`, and the rest is still parsed. Total: never throws.
 */
import type { Command, InstructionsResult, ParseLint, ParsedDockerfile, Stage, SyntaxError } from './types.ts';
import { type InstructionContext, InstructionError, parseInstruction } from './commands.ts';
import { parseDockerfile } from './parse.ts';

const byLine = <T extends { line: number }>(items: T[]): T[] =>
  items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.line - b.item.line || a.i - b.i)
    .map((x) => x.item);

/**
 * Parse nodes into stages (instructions.Parse). `errors` and `lints` hold both layers'
 * findings (the parser's first), ordered by line.
 */
export function parseInstructions(parsed: ParsedDockerfile): InstructionsResult {
  try {
    return parseInstructionsImpl(parsed);
  } catch (e) {
    return {
      metaArgs: [],
      stages: [],
      errors: [
        ...(parsed?.errors ?? []),
        { message: `internal parser error: ${(e as Error)?.message ?? String(e)}`, line: 1, endLine: 1 },
      ],
      lints: [...(parsed?.lints ?? [])],
      parsed,
    };
  }
}

// Parse
function parseInstructionsImpl(parsed: ParsedDockerfile): InstructionsResult {
  const errors: SyntaxError[] = [];
  const ctx: InstructionContext = { lints: [] };
  const stages: Stage[] = [];
  const metaArgs: Extract<Command, { kind: 'arg' }>[] = [];

  for (const n of parsed.nodes) {
    const at = (message: string) => errors.push({ message, line: n.startLine, endLine: n.endLine });
    let cmd: ReturnType<typeof parseInstruction>;
    ctx.fromError = null;
    try {
      cmd = parseInstruction(n, ctx);
    } catch (e) {
      if (!(e instanceof InstructionError)) throw e;
      at(e.message);
      // the node still belongs to the current stage's text
      if (stages.length > 0) stages[stages.length - 1].endLine = n.endLine;
      continue;
    }
    if (cmd.kind === 'stage') {
      if (ctx.fromError) at(ctx.fromError);
      stages.push({
        name: cmd.name,
        nameAsWritten: cmd.nameAsWritten,
        baseName: cmd.baseName,
        platform: cmd.platform,
        commands: [],
        line: n.startLine,
        endLine: n.endLine,
        from: n,
        docComment: cmd.docComment,
      });
      continue;
    }
    if (stages.length === 0) {
      if (cmd.kind === 'arg') {
        metaArgs.push(cmd);
        continue;
      }
      // CurrentStage
      at('no build stage in current context');
      continue;
    }
    const stage = stages[stages.length - 1];
    stage.commands.push(cmd);
    stage.endLine = n.endLine;
  }

  // A file without any FROM ("dockerfile contains no stages to build") is convert.go's error,
  // not instructions.Parse's: the caller (analyze.ts) reports it.

  return {
    metaArgs,
    stages,
    errors: byLine([...parsed.errors, ...errors]),
    lints: byLine<ParseLint>([...parsed.lints, ...ctx.lints]),
    parsed,
  };
}

/** Both layers: text to stages. Never throws. */
export function parse(text: string): InstructionsResult {
  return parseInstructions(parseDockerfile(text));
}

export { parseDockerfile };
