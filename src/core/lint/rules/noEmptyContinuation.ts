/**
 * NoEmptyContinuation. BuildKit: `parser/parser.go` `Parse` records a warning when a
 * continuation contains an empty line, located at the instruction's LAST line (`currentLine`
 * once the continuation is read); `dockerfile2llb/convert.go` `toDispatchState` turns it into
 * the lint with the file-level configuration (no per-instruction `# check=` comments).
 * The parser emits it; this rule adds a fix that deletes the empty lines.
 */
import type { TextEdit } from '../../types.ts';
import { fmt } from '../registry.ts';
import { at, nodeAt, parseLintsOf, type Finding, type LintContext } from '../ruleContext.ts';

export function noEmptyContinuation(ctx: LintContext): Finding[] {
  return parseLintsOf(ctx, 'NoEmptyContinuation').map((l) => {
    const node = nodeAt(ctx, l.line);
    const edits: TextEdit[] = [];
    if (node) {
      // the continuation part ends at the lint's line (heredoc bodies come after it)
      for (let line = node.startLine + 1; line <= l.line; line++) {
        const text = ctx.lines[line - 1] ?? '';
        if (/^[ \t\r]*$/.test(text)) edits.push({ line, column: 1, endLine: line + 1, endColumn: 1, text: '' });
      }
    }
    const f = at(ctx, 'NoEmptyContinuation', { line: l.line, endLine: l.endLine }, l.message || fmt.NoEmptyContinuation(), null);
    if (edits.length > 0) f.fix = { title: 'Remove the empty continuation lines', edits };
    return f;
  });
}
