/**
 * Pointing at a line of the .dockerignore text area (the why chain names .dockerignore lines by
 * number): select that line and scroll it into view, as a click on a Dockerfile line does in
 * the editor.
 */
export const DOCKERIGNORE_TEXTAREA_ID = 'dockerignore-text';

/** [start, end) character offsets of 1-based `line` in `text`, or null when there is no such line. */
export function lineOffsets(text: string, line: number): [number, number] | null {
  if (!Number.isInteger(line) || line < 1) return null;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  const end = nl < 0 ? text.length : nl;
  return [start, end > start && text[end - 1] === '\r' ? end - 1 : end];
}

export function revealDockerignoreLine(line: number): void {
  const area = document.getElementById(DOCKERIGNORE_TEXTAREA_ID);
  if (!(area instanceof HTMLTextAreaElement)) return;
  const range = lineOffsets(area.value, line);
  if (!range) return;
  area.focus();
  area.setSelectionRange(range[0], range[1]);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, (line - 2) * lineHeight);
  area.scrollIntoView({ block: 'nearest' });
}
