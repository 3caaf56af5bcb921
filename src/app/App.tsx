/** The playground page: editor and problems on the left; graph, context and image on the right. */
import { EditorPane } from './editor/EditorPane.tsx';
import { StageGraph } from './graph/StageGraph.tsx';
import { ContextPanel } from './context/ContextPanel.tsx';
import { FinalImagePanel } from './image/FinalImagePanel.tsx';
import { InsightsPanel } from './insights/InsightsPanel.tsx';
import { TargetSelect } from './toolbar/TargetSelect.tsx';
import { BuildArgs } from './toolbar/BuildArgs.tsx';
import { ShareButton } from './toolbar/ShareButton.tsx';
import { AnalysisStatus } from './toolbar/AnalysisStatus.tsx';
import { NoticeBanner } from './toolbar/NoticeBanner.tsx';
import { WorkspaceMenu } from './gallery/WorkspaceMenu.tsx';
import { WorkspaceBanners } from './gallery/WorkspaceBanners.tsx';
import { ExportMenu } from './importExport/ExportMenu.tsx';
import { AutosaveStatus } from './autosave/AutosaveStatus.tsx';

export function App() {
  return (
    <div className="app">
      <header className="toolbar">
        <h1 className="brand">
          <img src="/favicon.svg" alt="" width="22" height="22" /> Stagecraft
        </h1>
        <WorkspaceMenu />
        <TargetSelect />
        <BuildArgs />
        <span className="toolbar__spacer" />
        <AnalysisStatus />
        <AutosaveStatus />
        <ExportMenu />
        <ShareButton />
      </header>
      <NoticeBanner />
      <WorkspaceBanners />
      <main className="workbench">
        <div className="workbench__left">
          <EditorPane />
          <InsightsPanel />
        </div>
        <div className="workbench__right">
          <section className="panel graph-panel" aria-label="Stage graph">
            <header className="panel__header">
              <h2>Stages</h2>
              <span className="muted">click a stage to see its lines</span>
            </header>
            <StageGraph />
          </section>
          <div className="workbench__files">
            <ContextPanel />
            <FinalImagePanel />
          </div>
        </div>
      </main>
    </div>
  );
}
