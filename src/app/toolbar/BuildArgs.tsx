/** Build arguments (`--build-arg KEY=VALUE`): every change re-analyses at once. */
import { useMemo, useState, type FormEvent } from 'react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';

export function BuildArgs() {
  const args = useWorkspaceStore((s) => s.workspace.buildArgs);
  const dockerfile = useWorkspaceStore((s) => s.workspace.dockerfile);
  const { setBuildArg, removeBuildArg } = useWorkspaceStore.getState();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const declared = useMemo(() => declaredArgNames(dockerfile), [dockerfile]);
  const entries = Object.entries(args);

  const add = (e: FormEvent) => {
    e.preventDefault();
    const k = key.trim();
    if (k === '') return;
    setBuildArg(k, value);
    setKey('');
    setValue('');
  };

  return (
    <details className="build-args">
      <summary>Build args{entries.length ? ` (${entries.length})` : ''}</summary>
      <div className="build-args__body">
        {entries.length === 0 && <p className="muted">None: ARG defaults apply.</p>}
        <ul>
          {entries.map(([k, v]) => (
            <li key={k} data-testid="build-arg" data-key={k}>
              <label>
                <code>{k}</code>
                <input aria-label={`value of ${k}`} value={v} onChange={(e) => setBuildArg(k, e.target.value)} spellCheck={false} />
              </label>
              <button type="button" className="link-button" onClick={() => removeBuildArg(k)} aria-label={`remove ${k}`}>
                remove
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={add} className="build-args__add">
          <input aria-label="build arg name" placeholder="NAME" list="declared-args" value={key} onChange={(e) => setKey(e.target.value)} spellCheck={false} />
          <input aria-label="build arg value" placeholder="value" value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} />
          <button type="submit">Add</button>
          <datalist id="declared-args">
            {declared.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </form>
      </div>
    </details>
  );
}

/** ARG names written in the Dockerfile, offered as suggestions (the engine decides what counts). */
function declaredArgNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/^\s*arg\s+([A-Za-z_][A-Za-z0-9_]*)/gim)) names.add(m[1]);
  return [...names];
}
