/**
 * Export: the Dockerfile and .dockerignore as files, the equivalent CLI command, and the stage
 * graph as SVG, PNG or Mermaid text for a README. Everything is made in the page.
 */
import { useState } from 'react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { usePopover } from '../toolbar/usePopover.ts';
import { copyText } from '../toolbar/clipboard.ts';
import { cliCommandOf } from './cliCommand.ts';
import { graphToSvg } from './graphSvg.ts';
import { graphToMermaid, mermaidBlock } from './mermaid.ts';
import { downloadBlob, downloadText, fileStem, svgToPng } from './download.ts';
import '../toolbar/toolbar.css';
import './importExport.css';

function graphTitle(): string {
  const { workspace, analysis } = useWorkspaceStore.getState();
  const target = analysis && analysis.target !== null ? analysis.stages[analysis.target] : null;
  const name = target ? (target.nameAsWritten ?? `#${target.index}`) : null;
  return `Stages of ${workspace.example ?? 'the Dockerfile'}${name ? `, target ${name}` : ''}`;
}

function currentSvg() {
  const { analysis, workspace } = useWorkspaceStore.getState();
  if (!analysis) return null;
  return graphToSvg(analysis, workspace.dockerfile, { title: graphTitle() });
}

export function ExportMenu() {
  const { open, setOpen, ref, placement } = usePopover();
  const workspace = useWorkspaceStore((s) => s.workspace);
  const hasGraph = useWorkspaceStore((s) => (s.analysis?.stages.length ?? 0) > 0);
  const [mermaid, setMermaid] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const command = cliCommandOf(workspace);
  const stem = fileStem(workspace.example);

  const copy = async (text: string, what: string) => setStatus((await copyText(text)) ? `${what} copied to the clipboard.` : `Select the ${what.toLowerCase()} and press Ctrl+C to copy it.`);

  return (
    <div className="popover-anchor" ref={ref}>
      <button
        type="button"
        data-testid="export-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(!open);
          setMermaid(null);
          setStatus('');
        }}
      >
        Export ▾
      </button>
      {open && (
        <div className={`popover export-panel ${placement}`} role="dialog" aria-label="Export" data-testid="export-panel">
          <h3>Files</h3>
          <div className="popover__row">
            <button type="button" data-testid="download-dockerfile" onClick={() => downloadText(workspace.dockerfile, 'Dockerfile')}>
              Download Dockerfile
            </button>
            <button
              type="button"
              data-testid="download-dockerignore"
              disabled={workspace.dockerignore === ''}
              title={
                workspace.dockerignore === ''
                  ? 'This workspace has no .dockerignore'
                  : 'Some browsers save it as “dockerignore” (no leading dot): rename it to .dockerignore'
              }
              onClick={() => downloadText(workspace.dockerignore, '.dockerignore')}
            >
              Download .dockerignore
            </button>
          </div>

          <h3>Command line</h3>
          <p className="popover__hint">Run in the project folder to get the same analysis from the CLI.</p>
          <div className="popover__row">
            <input readOnly value={command} data-testid="cli-command" aria-label="Equivalent CLI command" onFocus={(e) => e.target.select()} spellCheck={false} />
            <button type="button" data-testid="copy-cli-command" onClick={() => void copy(command, 'Command')}>
              Copy
            </button>
          </div>

          <h3>Stage graph</h3>
          <div className="popover__row">
            <button
              type="button"
              data-testid="download-graph-svg"
              disabled={!hasGraph}
              onClick={() => {
                const g = currentSvg();
                if (g) downloadText(g.svg, `${stem}-stages.svg`, 'image/svg+xml');
              }}
            >
              SVG
            </button>
            <button
              type="button"
              data-testid="download-graph-png"
              disabled={!hasGraph}
              onClick={() => {
                const g = currentSvg();
                if (!g) return;
                setStatus('Drawing the PNG…');
                svgToPng(g.svg, g.width, g.height).then(
                  (png) => {
                    downloadBlob(png, `${stem}-stages.png`);
                    setStatus('');
                  },
                  (e: unknown) => setStatus(`The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`),
                );
              }}
            >
              PNG
            </button>
            <button
              type="button"
              data-testid="show-mermaid"
              disabled={!hasGraph}
              onClick={() => {
                const { analysis } = useWorkspaceStore.getState();
                if (!analysis) return;
                const text = mermaidBlock(graphToMermaid(analysis, workspace.dockerfile));
                setMermaid(text);
                void copy(text, 'Mermaid');
              }}
            >
              Mermaid (for a README)
            </button>
          </div>
          {mermaid !== null && <textarea readOnly wrap="off" value={mermaid} data-testid="mermaid-text" aria-label="Mermaid text of the stage graph" spellCheck={false} />}
          <p className="export-panel__status" aria-live="polite" data-testid="export-status">
            {status}
          </p>
        </div>
      )}
    </div>
  );
}
