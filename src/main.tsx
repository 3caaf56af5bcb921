/** Boot: pick the workspace (link, autosave or example), start the analysis, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { useWorkspaceStore } from './app/store/workspaceStore.ts';
import { chooseInitialWorkspace } from './app/store/initialWorkspace.ts';
import { saveWorkspaceNow, startAutosave } from './app/store/autosave.ts';
import { linkFreeUrl } from './app/links/shareLink.ts';
import { startAnalysis } from './app/analysis/analysisDriver.ts';
import { startFileTrace } from './app/store/fileTrace.ts';
import { registerServiceWorker } from './app/offline/registerServiceWorker.ts';
import './app/styles.css';

const initial = chooseInitialWorkspace(window.location.href);
const store = useWorkspaceStore.getState();
store.loadWorkspace(initial.workspace);
store.setNotice(initial.notice);
if (initial.source === 'share-link' || initial.source === 'readable-link') {
  // The opened link is now the workspace: save it, and take it out of the address bar so a
  // reload shows the person's edits instead of opening the link over them again.
  saveWorkspaceNow(initial.workspace);
  history.replaceState(history.state, '', linkFreeUrl(window.location.href));
}

startAnalysis();
startFileTrace();
// from here on every change is saved; the workspace a link opened is saved once edited
startAutosave();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// after the first load the page works offline (production builds only)
registerServiceWorker();
