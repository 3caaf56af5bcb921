/** The .dockerignore, edited as plain text; empty text means the file does not exist. */
import { useWorkspaceStore } from '../store/workspaceStore.ts';

export function DockerignoreEditor() {
  const text = useWorkspaceStore((s) => s.workspace.dockerignore);
  const setDockerignore = useWorkspaceStore((s) => s.setDockerignore);
  return (
    <div className="dockerignore">
      <label htmlFor="dockerignore-text">
        <code>.dockerignore</code> <span className="muted">{text === '' ? '(none: empty means no file)' : ''}</span>
      </label>
      <textarea
        id="dockerignore-text"
        data-testid="dockerignore-editor"
        value={text}
        onChange={(e) => setDockerignore(e.target.value)}
        spellCheck={false}
        rows={6}
        placeholder={'# one pattern per line\nnode_modules\n*.log'}
      />
    </div>
  );
}
