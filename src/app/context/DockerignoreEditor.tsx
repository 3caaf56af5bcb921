/**
 * The .dockerignore, edited as plain text; empty text means the file does not exist. When the
 * selected file's why chain names .dockerignore lines, they are listed under the box and a
 * click selects the line in it.
 */
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { useSelectionStore } from '../store/selectionStore.ts';
import { useWhy } from '../insights/useInsights.ts';
import { DOCKERIGNORE_TEXTAREA_ID, lineOffsets, revealDockerignoreLine } from './dockerignoreLines.ts';

export function DockerignoreEditor() {
  const text = useWorkspaceStore((s) => s.workspace.dockerignore);
  const setDockerignore = useWorkspaceStore((s) => s.setDockerignore);
  return (
    <div className="dockerignore">
      <label htmlFor={DOCKERIGNORE_TEXTAREA_ID}>
        <code>.dockerignore</code> <span className="muted">{text === '' ? '(none: empty means no file)' : ''}</span>
      </label>
      <textarea
        id={DOCKERIGNORE_TEXTAREA_ID}
        data-testid="dockerignore-editor"
        value={text}
        onChange={(e) => setDockerignore(e.target.value)}
        spellCheck={false}
        rows={6}
        placeholder={'# one pattern per line\nnode_modules\n*.log'}
      />
      <WhyLines text={text} />
    </div>
  );
}

/** The .dockerignore lines that decide the selected file, by number. */
function WhyLines({ text }: { text: string }) {
  const path = useSelectionStore((s) => s.file);
  const why = useWhy(path);
  if (!why || why.dockerignoreLines.length === 0) return null;
  return (
    <p className="dockerignore__why" data-testid="dockerignore-why">
      Decides <code>{why.query}</code>:{' '}
      {why.dockerignoreLines.map((line, i) => {
        const range = lineOffsets(text, line);
        return (
          <span key={line}>
            {i > 0 && ', '}
            <button type="button" className="line-ref line-ref--ignore" onClick={() => revealDockerignoreLine(line)}>
              line {line}
            </button>
            {range && <code> {text.slice(range[0], range[1])}</code>}
          </span>
        );
      })}
    </p>
  );
}
