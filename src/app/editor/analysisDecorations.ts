/**
 * What the analysis paints on the editor: diagnostics as markers, the lines of stages the
 * target does not build dimmed, the lines that carry the selected file, the selected stage.
 */
import type * as Monaco from 'monaco-editor/editor';
import type { Analysis, Severity } from '../../core/types.ts';

type Model = Monaco.editor.ITextModel;
type Decorations = Monaco.editor.IEditorDecorationsCollection;

export const MARKER_OWNER = 'stagecraft';

export function applyAnalysisDecorations(monaco: typeof Monaco, model: Model, collection: Decorations, analysis: Analysis | null): void {
  if (!analysis) {
    monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
    collection.clear();
    return;
  }
  const lastLine = model.getLineCount();
  const clamp = (line: number) => Math.min(Math.max(1, line), lastLine);
  const severity: Record<Severity, Monaco.MarkerSeverity> = {
    error: monaco.MarkerSeverity.Error,
    warning: monaco.MarkerSeverity.Warning,
    info: monaco.MarkerSeverity.Info,
  };
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    analysis.diagnostics.map((d) => {
      const line = clamp(d.line);
      const endLine = clamp(Math.max(d.endLine, d.line));
      const startColumn = Math.min(Math.max(1, d.column || 1), model.getLineMaxColumn(line));
      return {
        severity: severity[d.severity],
        message: d.message,
        source: d.rule,
        code: d.url ? { value: d.rule, target: monaco.Uri.parse(d.url) } : d.rule,
        startLineNumber: line,
        startColumn,
        endLineNumber: endLine,
        endColumn: model.getLineMaxColumn(endLine),
      };
    }),
  );

  const targetName = analysis.target === null ? 'the target' : stageName(analysis, analysis.target);
  const dimmed: Monaco.editor.IModelDeltaDecoration[] = [];
  for (const stage of analysis.stages) {
    if (analysis.needed.includes(stage.index)) continue;
    const start = clamp(stage.line);
    const end = clamp(stage.endLine);
    dimmed.push({
      range: { startLineNumber: start, startColumn: 1, endLineNumber: end, endColumn: model.getLineMaxColumn(end) },
      options: {
        isWholeLine: true,
        inlineClassName: 'sc-line-skipped',
        linesDecorationsClassName: 'sc-gutter-skipped',
        hoverMessage: { value: `Stage ${stageName(analysis, stage.index)} is not built: ${targetName} needs nothing from it.` },
        stickiness: 1,
      },
    });
  }
  collection.set(dimmed);
}

export function applyTraceDecorations(model: Model, collection: Decorations, lines: Set<number>): void {
  const last = model.getLineCount();
  collection.set(
    [...lines]
      .filter((l) => l >= 1 && l <= last)
      .map((l) => ({
        range: { startLineNumber: l, startColumn: 1, endLineNumber: l, endColumn: model.getLineMaxColumn(l) },
        options: { isWholeLine: true, className: 'sc-line-traced', glyphMarginClassName: 'sc-glyph-traced', glyphMarginHoverMessage: { value: 'copies the selected file' } },
      })),
  );
}

export function applySelectedStageDecorations(model: Model, collection: Decorations, analysis: Analysis | null, stage: number | null): void {
  const s = stage === null ? undefined : analysis?.stages[stage];
  if (!s) {
    collection.clear();
    return;
  }
  const last = model.getLineCount();
  const start = Math.min(Math.max(1, s.line), last);
  const end = Math.min(Math.max(start, s.endLine), last);
  collection.set([
    {
      range: { startLineNumber: start, startColumn: 1, endLineNumber: end, endColumn: 1 },
      options: { isWholeLine: true, linesDecorationsClassName: 'sc-gutter-selected' },
    },
  ]);
}

/** The stage whose lines contain `line`, or null (before the first FROM, or no analysis). */
export function stageAtLine(analysis: Analysis | null, line: number): number | null {
  if (!analysis) return null;
  const stage = analysis.stages.find((s) => line >= s.line && line <= s.endLine);
  return stage ? stage.index : null;
}

function stageName(analysis: Analysis, index: number): string {
  const s = analysis.stages[index];
  return s ? (s.nameAsWritten ?? s.name ?? `#${index}`) : `#${index}`;
}
