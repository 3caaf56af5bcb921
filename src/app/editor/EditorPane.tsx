/**
 * The editor's place on the page. Monaco arrives in its own chunk (React.lazy); until then,
 * and if it ever fails to load, a plain text area edits the same store text.
 */
import { Component, lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { stageLabel } from '../graph/StageNode.tsx';

const DockerfileEditor = lazy(() => import('./DockerfileEditor.tsx'));

export function EditorPane() {
  return (
    <section className="panel editor-pane" aria-label="Dockerfile">
      <header className="panel__header">
        <h2>Dockerfile</h2>
        <CursorStatus />
      </header>
      <div className="editor-pane__body" data-testid="dockerfile-editor">
        <EditorBoundary>
          <Suspense fallback={<p className="editor-pane__loading">Loading the editor…</p>}>
            <DockerfileEditor />
          </Suspense>
        </EditorBoundary>
      </div>
    </section>
  );
}

function CursorStatus() {
  const cursor = useSelectionStore((s) => s.cursor);
  const stage = useSelectionStore((s) => s.stage);
  const label = useWorkspaceStore((s) => (stage === null ? '' : stageLabel(s.analysis?.stages[stage])));
  if (!cursor) return null;
  return (
    <span className="cursor-status" data-testid="editor-cursor" data-line={cursor.line} data-column={cursor.column}>
      Ln {cursor.line}, Col {cursor.column}
      {label && <> · stage {label}</>}
    </span>
  );
}

class EditorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <PlainEditor /> : this.props.children;
  }
}

/** The fallback: a text area on the same store text. */
function PlainEditor() {
  const text = useWorkspaceStore((s) => s.workspace.dockerfile);
  const setDockerfile = useWorkspaceStore((s) => s.setDockerfile);
  useEffect(() => useWorkspaceStore.getState().setEditorReady(true), []);
  return (
    <div className="plain-editor">
      <p role="alert">The code editor could not load; this plain text box edits the same Dockerfile.</p>
      <textarea
        aria-label="Dockerfile text"
        spellCheck={false}
        value={text}
        onChange={(e) => setDockerfile(e.target.value)}
      />
    </div>
  );
}
