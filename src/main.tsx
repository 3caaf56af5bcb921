/** Boot: pick the workspace (link, autosave or example), start the analysis, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { useWorkspaceStore } from './app/store/workspaceStore.ts';
import { chooseInitialWorkspace } from './app/store/initialWorkspace.ts';
import { startAutosave } from './app/store/autosave.ts';
import { startAnalysis } from './app/analysis/analysisDriver.ts';
import { startFileTrace } from './app/store/fileTrace.ts';
import './app/styles.css';

const initial = chooseInitialWorkspace(window.location);
const store = useWorkspaceStore.getState();
store.loadWorkspace(initial.workspace);
store.setNotice(initial.notice);

startAnalysis();
startFileTrace();
// from here on every change is saved; the workspace a link opened is saved once edited
startAutosave();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
