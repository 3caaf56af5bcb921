/**
 * The Monaco editor for the Dockerfile (loaded lazily). The store holds the text; the editor
 * writes every edit to it and follows changes that come from elsewhere (a link, an example),
 * skipping writes when both sides already agree so the two never echo each other.
 */
import { useEffect, useRef } from 'react';
import { monaco } from './monacoEnvironment.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useFileTrace } from '../store/fileTrace.ts';
import { subscribeToColorScheme, prefersDark } from '../theme.ts';
import { applyAnalysisDecorations, applyTraceDecorations, applySelectedStageDecorations, stageAtLine } from './analysisDecorations.ts';
import { attachEditorBridge } from './editorBridge.ts';
import { attachInsightDecorations } from '../insights/editorInsights.ts';

const themeName = () => (prefersDark() ? 'stagecraft-dark' : 'stagecraft-light');

export default function DockerfileEditor() {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = host.current;
    if (!container) return;
    const store = useWorkspaceStore;
    const model = monaco.editor.createModel(store.getState().workspace.dockerfile, 'dockerfile', monaco.Uri.parse('inmemory://stagecraft/Dockerfile'));
    const editor = monaco.editor.create(container, {
      model,
      theme: themeName(),
      automaticLayout: true,
      // Chromium's EditContext path drops spaces typed by automation; the textarea path is solid
      editContext: false,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 20,
      scrollBeyondLastLine: false,
      wordBasedSuggestions: 'off',
      fixedOverflowWidgets: true,
      renderLineHighlight: 'all',
      tabSize: 4,
      insertSpaces: true,
      glyphMargin: true,
      ariaLabel: 'Dockerfile editor',
    });
    const disposables: { dispose(): void }[] = [editor, model];
    const unsubscribers: (() => void)[] = [];
    // graph actions apply their text edits through this editor (one action = one Ctrl+Z)
    unsubscribers.push(attachEditorBridge(editor));

    // editor → store (skip when equal: the change came from the store)
    disposables.push(
      model.onDidChangeContent(() => {
        const text = model.getValue();
        if (text !== store.getState().workspace.dockerfile) store.getState().setDockerfile(text);
      }),
    );
    // store → editor (links, examples, autosave restore): not an undoable edit
    unsubscribers.push(
      store.subscribe((s, p) => {
        if (s.workspace.dockerfile === p.workspace.dockerfile) return;
        if (s.workspace.dockerfile !== model.getValue()) model.setValue(s.workspace.dockerfile);
      }),
    );

    // cursor → selected stage
    const reportCursor = () => {
      const pos = editor.getPosition();
      if (!pos) return;
      useSelectionStore.getState().cursorMoved(pos.lineNumber, pos.column, stageAtLine(store.getState().analysis, pos.lineNumber));
    };
    disposables.push(editor.onDidChangeCursorPosition(reportCursor));

    // analysis → markers, dimmed stages; file selection → traced lines; stage selection → band
    const decorations = {
      analysis: editor.createDecorationsCollection(),
      trace: editor.createDecorationsCollection(),
      selected: editor.createDecorationsCollection(),
    };
    const refreshAnalysis = () => applyAnalysisDecorations(monaco, model, decorations.analysis, store.getState().analysis);
    const refreshSelected = () => applySelectedStageDecorations(model, decorations.selected, store.getState().analysis, useSelectionStore.getState().stage);
    refreshAnalysis();
    unsubscribers.push(
      store.subscribe((s, p) => {
        if (s.analysis === p.analysis) return;
        refreshAnalysis();
        reportCursor();
        refreshSelected();
      }),
    );
    unsubscribers.push(useFileTrace.subscribe((t) => applyTraceDecorations(model, decorations.trace, t.lines)));
    unsubscribers.push(useSelectionStore.subscribe((s, p) => s.stage !== p.stage && refreshSelected()));
    // cache preview: the lines that re-run when the marked files change
    unsubscribers.push(attachInsightDecorations(editor));


    reportCursor();

    // reveal requests from the graph, the problems and the image panels
    let handled = useSelectionStore.getState().reveal?.nonce ?? 0;
    unsubscribers.push(
      useSelectionStore.subscribe((s) => {
        const r = s.reveal;
        if (!r || r.nonce === handled) return;
        handled = r.nonce;
        const line = Math.min(Math.max(1, r.line), model.getLineCount());
        const endLine = Math.min(Math.max(line, r.endLine), model.getLineCount());
        editor.setPosition({ lineNumber: line, column: Math.max(1, r.column) });
        editor.revealLinesInCenterIfOutsideViewport(line, endLine);
        editor.focus();
      }),
    );

    unsubscribers.push(subscribeToColorScheme(() => monaco.editor.setTheme(themeName())));
    store.getState().setEditorReady(true);

    return () => {
      store.getState().setEditorReady(false);
      unsubscribers.forEach((u) => u());
      disposables.forEach((d) => d.dispose());
    };
  }, []);

  return <div ref={host} className="monaco-host" />;
}
