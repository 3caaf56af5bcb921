/**
 * The 1-based line on which each instruction starts, for counting (not for meaning: the
 * engine owns meaning). Follows BuildKit's line rules closely enough to count: parser
 * directives set the escape token, comment and blank lines are not instructions, a line ending
 * in the escape token continues, and heredoc bodies (`<<EOF`, `<<-EOF`) run to their terminator.
 */
export function instructionStartLines(text: string): number[] {
  const lines = text.split(/\r?\n/);
  const escape = escapeTokenOf(lines);
  const starts: number[] = [];
  let continuing = false;
  let heredocs: { word: string; chomp: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (heredocs.length) {
      const h = heredocs[0];
      const candidate = h.chomp ? line.replace(/^\t+/, '') : line;
      if (candidate === h.word) heredocs = heredocs.slice(1);
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!continuing) starts.push(i + 1);
    continuing = trimmed.endsWith(escape);
    if (!continuing) heredocs = heredocsOpenedBy(lines, starts[starts.length - 1] - 1, i);
  }
  return starts;
}

function escapeTokenOf(lines: string[]): string {
  for (const line of lines) {
    const m = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) return m[2];
  }
  return '\\';
}

/** heredocs of RUN/COPY/ADD whose bodies follow the instruction's last line */
function heredocsOpenedBy(lines: string[], first: number, last: number): { word: string; chomp: boolean }[] {
  const instruction = lines.slice(first, last + 1).join('\n');
  if (!/^\s*(run|copy|add)\b/i.test(instruction)) return [];
  const found: { word: string; chomp: boolean }[] = [];
  const re = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
  for (let m = re.exec(instruction); m; m = re.exec(instruction)) found.push({ word: m[3], chomp: m[1] === '-' });
  return found;
}
